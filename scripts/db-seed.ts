import { loadProjectEnv } from "./env";

async function main() {
  loadProjectEnv();
  const { readEnv, seedDemoUsers } = await import("../lib/env");
  const env = readEnv();
  const { migrateDatabase } = await import("../lib/db/migrations");
  await migrateDatabase(env.DATABASE_URL);
  const { getDb } = await import("../lib/db/client");
  const { seedDatabase } = await import("../lib/seed/seed-database");
  const r = await seedDatabase(getDb(), { demoUsers: seedDemoUsers(env), demoPassword: env.DEMO_PASSWORD });
  console.log(`Seed: ${r.createdArticles} articles and ${r.createdUsers} users created (existing rows left as they were).`);
  await getDb().$disconnect();
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
