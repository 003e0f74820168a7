import { Mutex } from "async-mutex";

// SQLite has one writer at a time per file. This process writes through two connections — Prisma's and the
// synchronous one in sqlite-writer.ts (whose writes group-commit.ts batches) — so writes are taken in turn here
// first: a Prisma transaction (which begins deferred and may read before it writes) can then never lose its snapshot
// to the other connection (SQLITE_BUSY_SNAPSHOT), and the synchronous writer never has to wait on a lock while
// holding the event loop.
const globalForLock = globalThis as unknown as { __writeLock?: Mutex };

export const writeLock: Mutex = (globalForLock.__writeLock ??= new Mutex());
