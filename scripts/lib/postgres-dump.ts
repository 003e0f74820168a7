// Backups of a PostgreSQL database with PostgreSQL's own client tools: `pg_dump -Fc` writes one file that
// `pg_restore` reads back. They are not npm packages, so they must be installed on the machine that runs the script.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

const INSTALL_HINT =
  "Install PostgreSQL's client tools, at the server's major version or newer: on Debian or Ubuntu " +
  "`apt-get install postgresql-client` (or postgresql-client-<major> to match a newer server); elsewhere your " +
  "system's PostgreSQL client package. Then run this again.";

// Query parameters Prisma understands in a DATABASE_URL that libpq refuses.
const PRISMA_ONLY_PARAMETERS = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "socket_timeout", "statement_cache_size", "sslaccept"];

/** The URL for libpq without its password, which goes in PGPASSWORD instead so it never shows in the process list. */
function libpqConnection(url: string): { dbname: string; env: Record<string, string> } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  for (const name of PRISMA_ONLY_PARAMETERS) u.searchParams.delete(name);
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

function runTool(tool: "pg_dump" | "pg_restore", args: string[], url: string): void {
  const { dbname, env } = libpqConnection(url);
  const result = spawnSync(tool, [`--dbname=${dbname}`, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    throw new Error(`${tool} was not found on PATH: backups of a PostgreSQL database use it. ${INSTALL_HINT}`);
  }
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${tool} failed (exit code ${result.status ?? result.signal}); its message is above.`);
}

/** `pg_dump -Fc` of the whole database into `file`: one consistent snapshot, taken while the app keeps running. */
export function dumpDatabase(url: string, file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  runTool("pg_dump", ["--format=custom", `--file=${file}`], url);
}

/**
 * Replaces what the dump holds in the database: every object in the dump is dropped if present and created again,
 * in one transaction, so a failure leaves the database as it was. Objects become the connecting role's, without
 * the source's owners and grants, so a dump restores onto another server or role too.
 */
export function restoreDump(url: string, file: string): void {
  runTool("pg_restore", ["--clean", "--if-exists", "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", file], url);
}
