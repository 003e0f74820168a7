import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-postgresql/client";
import { BUSY_TIMEOUT_MS } from "./pragmas";
import { databaseUrl, providerOf, sqliteFileFromUrl } from "./url";
import { writeLock } from "./write-lock";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Connections each process keeps to PostgreSQL; several instances share the server's max_connections. */
export const POSTGRES_POOL_SIZE = 10;

/**
 * How long a PostgreSQL transaction may wait for a pooled connection, and run, before it fails. Prisma's defaults
 * (2 s and 5 s) turn a burst of writes queueing behind one article's row lock into errors; these only bound a stall.
 */
export const POSTGRES_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

type TOpenDb = { url: string; client: PrismaClient; pool: pg.Pool | null };

function createClient(url: string): TOpenDb {
  if (providerOf(url) === "postgresql") {
    // One pool for Prisma and for the store's own statements (postgres-store.ts), so the process never holds more
    // than POSTGRES_POOL_SIZE connections.
    const pool = new pg.Pool({ connectionString: url, max: POSTGRES_POOL_SIZE });
    const client = new PostgresPrismaClient({
      adapter: new PrismaPg(pool),
      transactionOptions: POSTGRES_TRANSACTION_OPTIONS,
    });
    // Both clients are generated from the same schema.prisma (schema-source.ts) and differ only in the SQL they
    // send, so the domain code is typed against one of them.
    return { url, client: client as unknown as PrismaClient, pool };
  }
  const adapter = new PrismaBetterSqlite3({ url: sqliteFileFromUrl(url), timeout: BUSY_TIMEOUT_MS });
  return { url, client: new PrismaClient({ adapter }), pool: null };
}

// One client per process; kept on globalThis outside production so hot reloads don't open new connections.
const globalForDb = globalThis as unknown as { __db?: TOpenDb };

/** The client as Prisma made it: on SQLite its writes do not take the process's write lock (scripts, tests). */
export function getDb(): PrismaClient {
  const url = databaseUrl();
  if (globalForDb.__db?.url !== url) globalForDb.__db = createClient(url);
  return globalForDb.__db.client;
}

/** The connection pool behind the Prisma client, on PostgreSQL. */
export function postgresPool(): pg.Pool {
  getDb();
  const pool = globalForDb.__db?.pool;
  if (!pool) throw new Error("postgresPool() needs a postgresql:// DATABASE_URL.");
  return pool;
}

/** Closes the process's client (scripts, tests that switch databases). */
export async function disconnectDb(): Promise<void> {
  const open = globalForDb.__db;
  globalForDb.__db = undefined;
  await open?.client.$disconnect();
  await open?.pool?.end();
}

const WRITES = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany"]);

const locked =
  (run: (...a: unknown[]) => unknown) =>
  (...args: unknown[]) =>
    writeLock.runExclusive(() => run(...args) as Promise<unknown>);

// A write that changes nothing, run first in every interactive transaction on SQLite. Prisma's adapter begins
// transactions DEFERRED: one that reads and then writes would find, if another process committed in between, that
// its snapshot is stale (SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out). Writing first takes the file's
// write lock at the start, waiting for it (busy_timeout) like BEGIN IMMEDIATE, so its reads are the latest.
const TAKE_WRITE_LOCK = `DELETE FROM "_prisma_migrations" WHERE 0`;

const immediate =
  (transaction: (...a: unknown[]) => unknown) =>
  (first: unknown, ...rest: unknown[]) =>
    typeof first === "function"
      ? transaction(async (tx: Tx) => {
          await tx.$executeRawUnsafe(TAKE_WRITE_LOCK);
          return (first as (tx: Tx) => unknown)(tx);
        }, ...rest)
      : transaction(first, ...rest);

// One wrapper per model delegate, made on first use: `db.annotation` is read on every request.
const delegates = new WeakMap<object, Record<string, unknown>>();

/** A model delegate whose writes take the process's write lock (SQLite). */
function lockedDelegate(delegate: Record<string, unknown>): Record<string, unknown> {
  let wrapped = delegates.get(delegate);
  if (!wrapped) {
    wrapped = new Proxy(delegate, {
      get(target, method) {
        const fn = target[method as string];
        if (typeof fn !== "function") return fn;
        const bound = (fn as (...a: unknown[]) => unknown).bind(target);
        return typeof method === "string" && WRITES.has(method) ? locked(bound) : bound;
      },
    });
    delegates.set(delegate, wrapped);
  }
  return wrapped;
}

/**
 * The app's client. On SQLite, which has one writer per file, every write — a transaction, a single-row write, raw
 * SQL run for its effect — first takes the process's write lock (write-lock.ts), which the annotation store's group
 * commit also holds while its transaction is open. PostgreSQL serializes nothing here: the rows a write depends on
 * are locked in the database (locks.ts).
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb() as unknown as Record<string | symbol, unknown>;
    const value = client[prop];
    if (providerOf(databaseUrl()) === "postgresql") {
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
    }
    if (typeof value === "function") {
      const bound = (value as (...a: unknown[]) => unknown).bind(client);
      if (prop === "$transaction") return locked(immediate(bound));
      return prop === "$executeRaw" || prop === "$executeRawUnsafe" ? locked(bound) : bound;
    }
    if (typeof prop === "string" && !prop.startsWith("$") && value && typeof value === "object") {
      return lockedDelegate(value as Record<string, unknown>);
    }
    return value;
  },
});
