// Prisma's own schema engine, compiled to WebAssembly and driven through the better-sqlite3 or pg adapter, so
// migrations are created and applied without the native engine download, on either database.
import { randomUUID } from "node:crypto";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { schemaFor } from "./schema-source";
import { providerOf, sqliteFileFromUrl, type TProvider } from "./url";

const require_ = createRequire(__filename);
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
export const SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma", "schema.prisma");
/** Each database has its own migrations: SQLite's SQL does not run on PostgreSQL. */
export const MIGRATIONS_DIRS: Record<TProvider, string> = {
  sqlite: path.join(PROJECT_ROOT, "prisma", "migrations"),
  postgresql: path.join(PROJECT_ROOT, "prisma", "migrations-postgresql"),
};

/** schema.prisma as the engine sees it for a provider (schema-source.ts). */
export function schemaText(provider: TProvider): string {
  return schemaFor(provider, readFileSync(SCHEMA_PATH, "utf8"));
}

/**
 * pg settings from a postgresql:// URL, as separate fields: the adapter makes its shadow database by overriding
 * `database`, which a connection string given whole would silently win over.
 */
export function pgConfig(url: string) {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")),
  };
}

type Disposable = { dispose(): Promise<void> };
export type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

let bindings: Promise<{ SchemaEngine: { new: (...args: unknown[]) => Promise<Engine> } }> | undefined;

function loadBindings() {
  bindings ??= (async () => {
    const bgPath = require_.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = await import(/* webpackIgnore: true */ bgPath);
    const wasmBytes = readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return bindings;
}

type ShadowConnection = Awaited<ReturnType<PrismaBetterSqlite3["connectToShadowDb"]>>;

// The engine replays whole migration files on the shadow database through queryRaw/executeRaw,
// which better-sqlite3 refuses for multi-statement SQL; run those as scripts instead.
function allowScripts(connection: ShadowConnection): ShadowConnection {
  const isMultiStatement = (e: unknown) => e instanceof RangeError && /more than one statement/.test(e.message);
  const executeRaw = connection.executeRaw.bind(connection);
  const queryRaw = connection.queryRaw.bind(connection);
  connection.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (e) {
      if (!isMultiStatement(e) || query.args.length) throw e;
      await connection.executeScript(query.sql);
      return 0;
    }
  };
  connection.queryRaw = async (query) => {
    try {
      return await queryRaw(query);
    } catch (e) {
      if (!isMultiStatement(e) || query.args.length) throw e;
      await connection.executeScript(query.sql);
      return { columnNames: [], columnTypes: [], rows: [] };
    }
  };
  return connection;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * A pg pool for the schema engine. The engine reads PostgreSQL's catalogs, whose one-byte `"char"` columns the pg
 * adapter refuses (UnsupportedNativeDataType); pg already returns them as one-character strings, so they are
 * described to the adapter as text.
 */
function enginePool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult>;
  (pool as { query: unknown }).query = async (...args: unknown[]) => {
    const result = await query(...args);
    for (const field of result?.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  return pool;
}

/** A pg adapter factory for the engine on `databaseUrl`, whose shadow databases are scratch databases on that server. */
function postgresFactory(databaseUrl: string) {
  const config = pgConfig(databaseUrl);
  const factory = new PrismaPg(enginePool(config), { disposeExternalPool: true });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    // The adapter's own shadow drops its database before closing its pool, which PostgreSQL refuses while that pool
    // is connected, and (given a connection string) connects to the main database instead of the shadow.
    async connectToShadowDb() {
      const admin = await factory.connect();
      const database = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, "")}`;
      await admin.executeScript(`CREATE DATABASE "${database}"`);
      const shadow = await new PrismaPg(enginePool({ ...config, database }), { disposeExternalPool: true }).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      };
      return shadow;
    },
  };
}

/**
 * Runs `work` with a schema engine on `databaseUrl`, then closes every connection the engine opened
 * (it takes an exclusive lock that would otherwise outlive the call).
 */
export async function withSchemaEngine<T>(databaseUrl: string, work: (engine: Engine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadBindings();
  const provider = providerOf(databaseUrl);
  const text = schemaText(provider);
  const factory = provider === "postgresql" ? postgresFactory(databaseUrl) : new PrismaBetterSqlite3({ url: sqliteFileFromUrl(databaseUrl) });
  const opened: Disposable[] = [];
  const tracked = {
    provider: factory.provider as SqlMigrationAwareDriverAdapterFactory["provider"],
    adapterName: factory.adapterName,
    connect: async () => {
      const connection = await factory.connect();
      opened.push(connection);
      return connection;
    },
    connectToShadowDb: async () => {
      const shadow = await factory.connectToShadowDb();
      const connection = provider === "sqlite" ? allowScripts(shadow as ShadowConnection) : shadow;
      opened.push(connection);
      return connection;
    },
  };
  const adapter = bindMigrationAwareSqlAdapterFactory(tracked);
  const log = (message: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(message);
  };
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, text]] }, log, adapter);
  try {
    return await work(engine);
  } catch (error) {
    const registry = (adapter as unknown as { errorRegistry?: { consumeError(id: number): unknown } }).errorRegistry;
    const id = /External error id#(\d+)/.exec(String(error))?.[1];
    const cause = id !== undefined ? registry?.consumeError(Number(id)) : undefined;
    if (cause) throw new Error(`${String(error).split("\n")[0]} Cause: ${String((cause as { error?: unknown }).error ?? JSON.stringify(cause))}`);
    throw error;
  } finally {
    engine.free();
    await Promise.all(opened.map((c) => c.dispose().catch(() => undefined)));
  }
}

export function loadMigrationsList(dir: string) {
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok", value: readFileSync(file, "utf8") }
            : { tag: "error", value: `${file} is missing` },
        },
      };
    }),
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
