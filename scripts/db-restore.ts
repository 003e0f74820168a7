// npm run db:restore -- path/to/backup: replaces the database with a backup from npm run db:backup. Stop the server
// first. SQLite: copies the .db file over the database. PostgreSQL: `pg_restore --clean --if-exists` of the .dump
// file, in one transaction (needs postgresql-client).
import path from "node:path";
import { loadProjectEnv } from "./env";
import { describeDatabase, runMain } from "./lib/database";

runMain(async () => {
  loadProjectEnv();
  const file = process.argv[2];
  if (!file) throw new Error("Usage: npm run db:restore -- path/to/backup   (stop the server first)");
  const { readEnv } = await import("../lib/env");
  const { providerOf } = await import("../lib/db/url");
  const url = readEnv().DATABASE_URL;
  if (providerOf(url) === "postgresql") {
    const { restoreDump } = await import("./lib/postgres-dump");
    restoreDump(url, path.resolve(file));
    console.log(`Restored ${file} into ${describeDatabase(url)}`);
    return;
  }
  const { restoreDatabase } = await import("../lib/db/backup");
  const check = await restoreDatabase(path.resolve(file), url);
  console.log(`Restored ${file} into ${url} (integrity: ${check})`);
  if (check !== "ok") process.exit(1);
});
