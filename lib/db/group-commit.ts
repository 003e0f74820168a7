import { isBusy, openWriter, retryWhileBusy, type TWriter } from "./sqlite-writer";
import { writeLock } from "./write-lock";

// SQLite-specific: the annotation create path's transactions on the synchronous writer (sqlite-writer.ts).

/** At most this many queued writes share one commit, so a burst never holds the event loop for long. */
export const MAX_WRITES_PER_COMMIT = 100;

type TOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };
type TQueuedWrite = { work: (writer: TWriter) => unknown; resolve: (value: never) => void; reject: (error: unknown) => void };

const pending: TQueuedWrite[] = [];
let flushScheduled = false;
const stats = { transactions: 0, writes: 0 };

/**
 * Runs `work` in an IMMEDIATE transaction on the synchronous connection, after this process's other writers
 * (write-lock.ts), and resolves once it is committed. `work` must be synchronous and free of side effects outside the
 * database: when another process holds SQLite's lock it is retried with backoff, for up to the usual busy timeout.
 *
 * Group commit: the writes requested during one turn of the event loop are committed together, each inside its own
 * savepoint, so one that throws is rolled back alone and rejects alone while the others are kept. Creates share the
 * pages a commit writes (the tails of the audit log and of the id and time indexes) and its fixed cost: through the
 * server the transaction time per create fell from ~370 to ~210 µs, and the create path went from 0.78x to ~1.0x of
 * the bare stack's throughput (bench/NOTES.md).
 * Nothing resolves before the commit that stores it, so an acknowledged write is as durable as before.
 */
export function writeTransaction<T>(work: (writer: TWriter) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    pending.push({ work, resolve: resolve as (value: never) => void, reject });
    scheduleFlush();
  });
}

/** How many transactions carried how many writes since the process started (tests, diagnostics). */
export function writerStats(): { transactions: number; writes: number } {
  return { ...stats };
}

function scheduleFlush() {
  if (flushScheduled) return;
  flushScheduled = true;
  // After the I/O phase: every request that reached its write during this turn joins the same commit.
  setImmediate(flushPending);
}

function flushPending() {
  flushScheduled = false;
  const batch = pending.splice(0, MAX_WRITES_PER_COMMIT);
  if (pending.length) scheduleFlush();
  if (!batch.length) return;
  // Nobody in this process is writing (a Prisma transaction holds the lock for its whole life), and the batch is
  // synchronous, so nobody can start before it ends: run it now. Busy means another process: queue and retry.
  if (!writeLock.isLocked()) {
    try {
      return settle(batch, commitBatch(batch));
    } catch (error) {
      if (!isBusy(error)) return batch.forEach((write) => write.reject(error));
    }
  }
  writeLock.runExclusive(() => retryWhileBusy(() => commitBatch(batch))).then(
    (outcomes) => settle(batch, outcomes),
    (error: unknown) => batch.forEach((write) => write.reject(error)),
  );
}

/** One IMMEDIATE transaction for the whole batch; throws only if the batch as a whole failed (nothing stored). */
function commitBatch(batch: readonly TQueuedWrite[]): TOutcome[] {
  const { connection, writer } = openWriter();
  // Nested in the batch's transaction, better-sqlite3 runs each write in a SAVEPOINT: a throw rolls back that write
  // alone and becomes its outcome.
  const inSavepoint = (write: TQueuedWrite): TOutcome => {
    try {
      return { ok: true, value: connection.transaction(() => write.work(writer))() };
    } catch (error) {
      if (isBusy(error)) throw error;
      return { ok: false, error };
    }
  };
  const outcomes = connection.transaction(() => batch.map(inSavepoint)).immediate();
  stats.transactions++;
  stats.writes += batch.length;
  return outcomes;
}

function settle(batch: readonly TQueuedWrite[], outcomes: readonly TOutcome[]) {
  batch.forEach((write, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) write.resolve(outcome.value as never);
    else write.reject(outcome.error);
  });
}
