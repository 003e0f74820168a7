// Prisma's own schema engine, compiled to WebAssembly and driven through the better-sqlite3 adapter,
// so migrations are created and applied without the native engine download (prisma-offline.md).
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { sqliteFileFromUrl } from "./url";

const require_ = createRequire(__filename);
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
export const SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");

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

/**
 * Runs `work` with a schema engine on `databaseUrl`, then closes every connection the engine opened
 * (it takes an exclusive lock that would otherwise outlive the call).
 */
export async function withSchemaEngine<T>(databaseUrl: string, work: (engine: Engine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadBindings();
  const schemaText = readFileSync(SCHEMA_PATH, "utf8");
  const factory = new PrismaBetterSqlite3({ url: sqliteFileFromUrl(databaseUrl) });
  const opened: Disposable[] = [];
  const tracked = {
    provider: factory.provider as "sqlite",
    adapterName: factory.adapterName,
    connect: async () => {
      const connection = await factory.connect();
      opened.push(connection);
      return connection;
    },
    connectToShadowDb: async () => {
      const connection = allowScripts(await factory.connectToShadowDb());
      opened.push(connection);
      return connection;
    },
  };
  const adapter = bindMigrationAwareSqlAdapterFactory(tracked);
  const log = (message: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(message);
  };
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schemaText]] }, log, adapter);
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

export function loadMigrationsList(dir = MIGRATIONS_DIR) {
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
