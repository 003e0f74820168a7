// npm run db:migrate: applies pending migrations (idempotent). On SQLite a schema change needs the app stopped; on
// PostgreSQL the app may keep running (docs/deployment.md says which changes are safe then).
import { loadProjectEnv } from "./env";
import { runMain } from "./lib/database";

runMain(async () => {
  loadProjectEnv();
  const { readEnv } = await import("../lib/env");
  const { migrateDatabase } = await import("../lib/db/migrations");
  const applied = await migrateDatabase(readEnv().DATABASE_URL);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
});
