// npm run db:migration -- <name>: writes a new migration, for SQLite and for PostgreSQL, from the difference between
// each database's committed migrations and prisma/schema.prisma.
import { loadProjectEnv } from "./env";

async function main() {
  loadProjectEnv();
  const name = process.argv.slice(2).join("_");
  const { createMigration } = await import("../lib/db/migrations");
  const dirs = await createMigration(name);
  console.log(dirs.length ? dirs.map((d) => `Wrote ${d}/migration.sql`).join("\n") : "No changes: the migrations already match schema.prisma.");
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
