import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { MIGRATIONS_DIRS, NO_FILTERS, SCHEMA_PATH, loadMigrationsList, pgConfig, schemaText, withSchemaEngine } from "./schema-engine";
import { providerOf, sqliteFileFromUrl, type TProvider } from "./url";
import { applyConnectionPragmas } from "./pragmas";
import { ensureSearchIndex } from "./search-index";

type TAppliedRow = { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown };

/**
 * The committed migrations a database has not applied, or applied from a file that has changed since (Prisma's
 * checksum is the SHA-256 of migration.sql), plus any recorded as failed: everything the engine would act on.
 */
function migrationsToApply(rows: TAppliedRow[] | null, dir: string): string[] {
  const applied = rows ?? [];
  const failed = applied.filter((r) => r.finished_at === null && r.rolled_back_at === null).map((r) => r.migration_name);
  const done = new Map(applied.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r.checksum]));
  const onDisk = loadMigrationsList(dir).migrationDirectories.map((d) => d.path);
  const changed = onDisk.filter((name) => {
    const file = path.join(dir, name, "migration.sql");
    const checksum = existsSync(file) ? createHash("sha256").update(readFileSync(file)).digest("hex") : null;
    return done.get(name) !== checksum;
  });
  return [...new Set([...failed, ...changed])];
}

const APPLIED_SQL = `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`;

/** The migrations table of a SQLite file; WAL is a property of the file, so it is set before the engine connects. */
function sqliteAppliedRows(file: string): TAppliedRow[] | null {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    applyConnectionPragmas(db);
    const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    return hasTable ? (db.prepare(APPLIED_SQL).all() as TAppliedRow[]) : null;
  } finally {
    db.close();
  }
}

async function postgresAppliedRows(url: string): Promise<TAppliedRow[] | null> {
  const client = new pg.Client(pgConfig(url));
  await client.connect();
  try {
    const table = await client.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`);
    return table.rows[0]?.exists ? ((await client.query(APPLIED_SQL)).rows as TAppliedRow[]) : null;
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations (idempotent), exactly like `prisma migrate deploy`. With none pending it only reads, so
 * scripts that add rows run beside a live server. On SQLite the engine is started only for a schema change, because
 * it locks the file exclusively and so cannot run while anything else has it open.
 */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  const provider = providerOf(databaseUrl);
  const dir = MIGRATIONS_DIRS[provider];
  const file = provider === "sqlite" ? sqliteFileFromUrl(databaseUrl) : null;
  const rows = file !== null ? sqliteAppliedRows(file) : await postgresAppliedRows(databaseUrl);
  const pending = file === ":memory:" ? ["(all)"] : migrationsToApply(rows, dir);
  if (!pending.length) {
    await ensureSearchIndex(databaseUrl);
    return [];
  }
  try {
    const applied = await withSchemaEngine(databaseUrl, async (engine) => {
      const out = await engine.applyMigrations({ migrationsList: loadMigrationsList(dir), filters: NO_FILTERS });
      return out.appliedMigrationNames;
    });
    await ensureSearchIndex(databaseUrl);
    return applied;
  } catch (error) {
    // The engine's exclusive lock times out while another process (the app) has the file open.
    if (file !== null && /SocketTimeout|database is locked|SQLITE_BUSY/i.test(String(error))) {
      throw new Error(
        `The database ${file} has schema changes to apply (${pending.join(", ")}), and a schema change needs the app ` +
          "stopped: stop it, run `npm run db:migrate` (or `npm start`, which applies them), then try again.",
      );
    }
    throw error;
  }
}

/**
 * The database the engine replays a provider's migrations on to compare them with schema.prisma: an in-memory one
 * for SQLite; for PostgreSQL a server the engine can create a scratch database on (SHADOW_DATABASE_URL, or
 * DATABASE_URL when that is PostgreSQL).
 */
export function diffDatabaseUrl(provider: TProvider, env: NodeJS.ProcessEnv = process.env): string {
  if (provider === "sqlite") return "file::memory:";
  const url = env.SHADOW_DATABASE_URL || (env.DATABASE_URL && providerOf(env.DATABASE_URL) === "postgresql" ? env.DATABASE_URL : "");
  if (!url) {
    throw new Error(
      "Writing the PostgreSQL migration needs a PostgreSQL server to replay the migrations on: set SHADOW_DATABASE_URL " +
        "(e.g. postgresql://app:app@127.0.0.1:5432/app; the role needs CREATEDB). docs/deployment.md explains.",
    );
  }
  return url;
}

/** SQL that would turn the database produced by a provider's committed migrations into schema.prisma ("" in step). */
export async function diffMigrationsToSchema(provider: TProvider, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return withSchemaEngine(diffDatabaseUrl(provider, env), async (engine) => {
    const migrations = loadMigrationsList(MIGRATIONS_DIRS[provider]);
    const out = await engine.diff({
      from: migrations.migrationDirectories.length ? { tag: "migrations", ...migrations } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schemaText(provider) }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = out.stdout ?? "";
    return /^\s*(--\s*This is an empty migration\.?\s*)?$/.test(sql) ? "" : sql;
  });
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

const LOCK_FILE = (provider: TProvider) =>
  `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`;

/**
 * Writes <migrations>/<timestamp>_<name>/migration.sql for each database from its schema diff, like
 * `prisma migrate dev --create-only`; both are computed before either is written, so a failure writes nothing.
 */
export async function createMigration(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  if (!slug) throw new Error("A migration needs a name, e.g. npm run db:migration -- add_reviews");
  const providers: TProvider[] = ["sqlite", "postgresql"];
  const diffs = [];
  for (const provider of providers) diffs.push({ provider, sql: await diffMigrationsToSchema(provider, env) });
  const folder = `${timestamp()}_${slug}`;
  const written: string[] = [];
  for (const { provider, sql } of diffs) {
    if (!sql) continue;
    const base = MIGRATIONS_DIRS[provider];
    mkdirSync(path.join(base, folder), { recursive: true });
    writeFileSync(path.join(base, "migration_lock.toml"), LOCK_FILE(provider));
    writeFileSync(path.join(base, folder, "migration.sql"), sql);
    written.push(path.join(base, folder));
  }
  return written;
}
