// npm run db:restore -- path/to/backup.db: replaces the database with the backup. Stop the server first.
import path from "node:path";
import { loadProjectEnv } from "./env";

async function main() {
  loadProjectEnv();
  const file = process.argv[2];
  if (!file) throw new Error("Usage: npm run db:restore -- path/to/backup.db   (stop the server first)");
  const { readEnv } = await import("../lib/env");
  const { restoreDatabase } = await import("../lib/db/backup");
  const url = readEnv().DATABASE_URL;
  const check = await restoreDatabase(path.resolve(file), url);
  console.log(`Restored ${file} into ${url} (integrity: ${check})`);
  if (check !== "ok") process.exit(1);
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
