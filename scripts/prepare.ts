// Run before `next dev` / `next start`: secret, migrations, and the seed on an empty database. The same on both
// databases: a SQLite file is created where DATABASE_URL says; a PostgreSQL database must exist already.
import { ensureAuthSecret, loadProjectEnv } from "./env";
import { describeDatabase, runMain } from "./lib/database";

runMain(async () => {
  loadProjectEnv();
  if (ensureAuthSecret()) console.log("• Generated NEXTAUTH_SECRET into .env.local");
  const { readEnv, seedDemoUsers } = await import("../lib/env");
  const env = readEnv();
  const { providerOf } = await import("../lib/db/url");
  console.log(`• Database: ${providerOf(env.DATABASE_URL) === "postgresql" ? "PostgreSQL" : "SQLite"} ${describeDatabase(env.DATABASE_URL)}`);
  const { migrateDatabase } = await import("../lib/db/migrations");
  const applied = await migrateDatabase(env.DATABASE_URL);
  if (applied.length) console.log(`• Applied migrations: ${applied.join(", ")}`);
  const { getDb } = await import("../lib/db/client");
  const db = getDb();
  const { refreshStaleScores } = await import("../lib/scoring/refresh-stale-scores");
  const refreshed = await refreshStaleScores(db);
  if (refreshed) console.log(`• Refreshed the cached scores of ${refreshed} articles`);
  const teams = await db.team.count();
  const demo = seedDemoUsers(env);
  if (teams === 0) {
    const { seedDatabase } = await import("../lib/seed/seed-database");
    const seed = () => seedDatabase(db, { demoUsers: demo, demoPassword: env.DEMO_PASSWORD });
    // Several instances starting at once on an empty PostgreSQL database all see no team and all seed; the seed is
    // idempotent, so the one that loses a unique-key race simply runs it again and finds the rows there.
    const result = await seed().catch((error: unknown) => {
      if ((error as { code?: unknown })?.code !== "P2002") throw error;
      return seed();
    });
    console.log(`• Seeded ${result.createdArticles} articles and ${result.createdUsers} demo users`);
    if (demo) {
      const { DEMO_USERS } = await import("../lib/seed/seed-database");
      console.log("\n  Demo accounts (local only), password:", env.DEMO_PASSWORD);
      for (const u of DEMO_USERS) console.log(`    ${u.email.padEnd(20)} ${u.role}`);
      console.log("");
    }
  }
  await db.$disconnect();
});
