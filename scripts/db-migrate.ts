import { loadProjectEnv } from "./env";

async function main() {
  loadProjectEnv();
  const { readEnv } = await import("../lib/env");
  const { migrateDatabase } = await import("../lib/db/migrations");
  const applied = await migrateDatabase(readEnv().DATABASE_URL);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
