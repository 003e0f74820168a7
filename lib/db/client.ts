import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { BUSY_TIMEOUT_MS } from "./pragmas";
import { databaseUrl, sqliteFileFromUrl } from "./url";
import { writeLock } from "./write-lock";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function createClient(url: string): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url: sqliteFileFromUrl(url), timeout: BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}

// One client per process; kept on globalThis outside production so hot reloads don't open new connections.
const globalForDb = globalThis as unknown as { __db?: { url: string; client: PrismaClient } };

export function getDb(): PrismaClient {
  const url = databaseUrl();
  if (globalForDb.__db?.url !== url) {
    globalForDb.__db = { url, client: createClient(url) };
  }
  return globalForDb.__db.client;
}

/** The app's client. Its transactions take the process's write lock (write-lock.ts) before they begin. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb() as unknown as Record<string | symbol, unknown>;
    if (prop === "$transaction") {
      const transaction = client.$transaction as (...a: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => writeLock.runExclusive(() => transaction.apply(client, args));
    }
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});
