// npm run db:reset [-- --force]: a fresh database, migrated and seeded. SQLite: deletes the file (and its WAL).
// PostgreSQL: drops the app's tables in the database DATABASE_URL names (the database itself stays). Stop the app
// first; refuses in production without --force.
import { rmSync } from "node:fs";
import { loadProjectEnv } from "./env";
import { describeDatabase, runMain } from "./lib/database";

runMain(async () => {
  loadProjectEnv();
  const { readEnv, seedDemoUsers } = await import("../lib/env");
  const env = readEnv();
  if (env.NODE_ENV === "production" && !process.argv.includes("--force")) {
    throw new Error("Refusing to reset a production database without --force.");
  }
  const { providerOf, sqliteFileFromUrl } = await import("../lib/db/url");
  if (providerOf(env.DATABASE_URL) === "postgresql") {
    const { dropAppTables } = await import("./lib/postgres-reset");
    await dropAppTables(env.DATABASE_URL);
  } else {
    const file = sqliteFileFromUrl(env.DATABASE_URL);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  }
  const { migrateDatabase } = await import("../lib/db/migrations");
  await migrateDatabase(env.DATABASE_URL);
  const { getDb } = await import("../lib/db/client");
  const { seedDatabase } = await import("../lib/seed/seed-database");
  const r = await seedDatabase(getDb(), { demoUsers: seedDemoUsers(env), demoPassword: env.DEMO_PASSWORD });
  console.log(`Reset ${describeDatabase(env.DATABASE_URL)}: ${r.createdArticles} articles, ${r.createdUsers} users.`);
  await getDb().$disconnect();
});
