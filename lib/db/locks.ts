import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "./client";
import { databaseProvider } from "./url";

// Row locks for read-modify-write transactions. On SQLite there is nothing to do: the file has one writer at a time
// and this process takes its writes in turn (write-lock.ts). On PostgreSQL transactions really run concurrently, so
// a transaction that recomputes something from rows it reads (a cached score, review counts, login counters) first
// locks what it depends on; another transaction wanting the same lock waits until the first commits, and then
// (READ COMMITTED) reads what it wrote.

type TLockable = "Article" | "Annotation";

/** Locks rows until the transaction ends (PostgreSQL's SELECT … FOR UPDATE), in id order so lockers never deadlock. */
export async function lockRows(tx: Tx, table: TLockable, ids: readonly string[]): Promise<void> {
  if (databaseProvider() !== "postgresql" || !ids.length) return;
  const sorted = [...new Set(ids)].sort();
  await tx.$queryRaw`SELECT 1 FROM ${Prisma.raw(`"${table}"`)} WHERE "id" IN (${Prisma.join(sorted)}) ORDER BY "id" FOR UPDATE`;
}

/** Locks names that may have no row yet (login-throttle keys) until the transaction ends. */
export async function lockKeys(tx: Tx, keys: readonly string[]): Promise<void> {
  if (databaseProvider() !== "postgresql" || !keys.length) return;
  for (const key of [...new Set(keys)].sort()) {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))::text AS "locked"`;
  }
}
