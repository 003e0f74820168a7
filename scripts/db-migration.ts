// npm run db:migration -- <name>: writes a new migration from the difference between
// the committed migrations and prisma/schema.prisma.
import { loadProjectEnv } from "./env";

async function main() {
  loadProjectEnv();
  const name = process.argv.slice(2).join("_");
  const { createMigration } = await import("../lib/db/migrations");
  const dir = await createMigration(name);
  console.log(dir ? `Wrote ${dir}/migration.sql` : "No changes: the migrations already match schema.prisma.");
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
