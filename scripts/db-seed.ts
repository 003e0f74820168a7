// npm run db:seed: the seed articles (and the demo users where enabled); only adds rows, so it runs beside the app.
import { loadProjectEnv } from "./env";
import { runMain } from "./lib/database";

runMain(async () => {
  loadProjectEnv();
  const { readEnv, seedDemoUsers } = await import("../lib/env");
  const env = readEnv();
  const { migrateDatabase } = await import("../lib/db/migrations");
  const applied = await migrateDatabase(env.DATABASE_URL);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const { getDb } = await import("../lib/db/client");
  const { seedDatabase } = await import("../lib/seed/seed-database");
  const r = await seedDatabase(getDb(), { demoUsers: seedDemoUsers(env), demoPassword: env.DEMO_PASSWORD });
  console.log(`Seed: ${r.createdArticles} articles and ${r.createdUsers} users created (existing rows left as they were).`);
  await getDb().$disconnect();
});
