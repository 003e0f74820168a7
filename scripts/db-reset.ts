// Deletes the SQLite database file, then migrates and seeds a fresh one.
import { rmSync } from "node:fs";
import { loadProjectEnv } from "./env";

async function main() {
  loadProjectEnv();
  const { readEnv, seedDemoUsers } = await import("../lib/env");
  const env = readEnv();
  const { sqliteFileFromUrl } = await import("../lib/db/url");
  const file = sqliteFileFromUrl(env.DATABASE_URL);
  if (env.NODE_ENV === "production" && !process.argv.includes("--force")) {
    throw new Error("Refusing to reset a production database without --force.");
  }
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  const { migrateDatabase } = await import("../lib/db/migrations");
  await migrateDatabase(env.DATABASE_URL);
  const { getDb } = await import("../lib/db/client");
  const { seedDatabase } = await import("../lib/seed/seed-database");
  const r = await seedDatabase(getDb(), { demoUsers: seedDemoUsers(env), demoPassword: env.DEMO_PASSWORD });
  console.log(`Reset ${file}: ${r.createdArticles} articles, ${r.createdUsers} users.`);
  await getDb().$disconnect();
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
