import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { BUSY_TIMEOUT_MS } from "./pragmas";
import { databaseUrl, sqliteFileFromUrl } from "./url";

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

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb() as unknown as Record<string | symbol, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});
