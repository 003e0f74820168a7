// npm run db:backup [-- --out path/to/file]: a consistent online copy, safe while the server runs. SQLite: the
// online backup API into a .db file. PostgreSQL: `pg_dump -Fc` into a .dump file (needs postgresql-client).
import path from "node:path";
import { parseArgs } from "node:util";
import { loadProjectEnv, ROOT } from "./env";
import { describeDatabase, runMain } from "./lib/database";

runMain(async () => {
  loadProjectEnv();
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const { readEnv } = await import("../lib/env");
  const { providerOf } = await import("../lib/db/url");
  const url = readEnv().DATABASE_URL;
  const postgres = providerOf(url) === "postgresql";
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const out = path.resolve(values.out ?? path.join(ROOT, "data", "backups", `app-${stamp}.${postgres ? "dump" : "db"}`));
  if (postgres) {
    const { dumpDatabase } = await import("./lib/postgres-dump");
    dumpDatabase(url, out);
    console.log(`Backed up ${describeDatabase(url)} to ${out} (pg_dump custom format; restore with npm run db:restore -- ${out})`);
    return;
  }
  const { backupDatabase, integrityCheck } = await import("../lib/db/backup");
  const { pages } = await backupDatabase(url, out);
  console.log(`Backed up ${pages} pages to ${out} (integrity: ${integrityCheck(`file:${out}`)})`);
});
