// npm run db:backup [-- --out path/to/file.db]: a consistent online copy, safe while the server runs.
import path from "node:path";
import { parseArgs } from "node:util";
import { loadProjectEnv, ROOT } from "./env";

async function main() {
  loadProjectEnv();
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const { readEnv } = await import("../lib/env");
  const { backupDatabase, integrityCheck } = await import("../lib/db/backup");
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const out = path.resolve(values.out ?? path.join(ROOT, "data", "backups", `app-${stamp}.db`));
  const { pages } = await backupDatabase(readEnv().DATABASE_URL, out);
  console.log(`Backed up ${pages} pages to ${out} (integrity: ${integrityCheck(`file:${out}`)})`);
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
