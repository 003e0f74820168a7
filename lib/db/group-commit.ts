import { isBusy, openWriter, retryWhileBusy, type TWriter } from "./sqlite-writer";
import { writeLock } from "./write-lock";

// SQLite-specific: the transactions of the annotation store (sqlite-store.ts) on the synchronous writer.

/** At most this many queued writes share one commit, so a burst never holds the write lock for long. */
export const MAX_WRITES_PER_COMMIT = 100;

type TOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };
type TQueuedWrite = {
  work: (writer: TWriter) => unknown;
  resolve: (value: never) => void;
  reject: (error: unknown) => void;
};

const pending: TQueuedWrite[] = [];
let flushScheduled = false;
const stats = { transactions: 0, writes: 0 };

/**
 * Runs `work` in an IMMEDIATE transaction on the synchronous connection, holding this process's write lock
 * (write-lock.ts, which every other write in the process also takes), and resolves once it is committed. `work` may
 * be async but must only await the writer's own calls, and must be free of side effects outside the database: when
 * another process holds SQLite's lock it is retried with backoff, for up to the usual busy timeout.
 *
 * Group commit: the writes requested during one turn of the event loop are committed together, each inside its own
 * savepoint, so one that throws is rolled back alone and rejects alone while the others are kept. They share the
 * commit's fixed cost, which with synchronous = FULL includes the sync of the WAL (bench/NOTES.md). Nothing resolves
 * before the commit that stores it, so an acknowledged write is on disk.
 */
export function writeTransaction<T>(work: (writer: TWriter) => T | Promise<T>): Promise<T> {
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
  writeLock.runExclusive(() => retryWhileBusy(() => commitBatch(batch))).then(
    (outcomes) => settle(batch, outcomes),
    (error: unknown) => batch.forEach((write) => write.reject(error)),
  );
}

/** One IMMEDIATE transaction for the whole batch; throws only if the batch as a whole failed (nothing stored). */
async function commitBatch(batch: readonly TQueuedWrite[]): Promise<TOutcome[]> {
  const { connection, writer } = openWriter();
  connection.exec("BEGIN IMMEDIATE");
  try {
    const outcomes: TOutcome[] = [];
    for (const write of batch) {
      connection.exec("SAVEPOINT write");
      try {
        const value = await write.work(writer);
        connection.exec("RELEASE write");
        outcomes.push({ ok: true, value });
      } catch (error) {
        connection.exec("ROLLBACK TO write");
        connection.exec("RELEASE write");
        if (isBusy(error)) throw error;
        outcomes.push({ ok: false, error });
      }
    }
    connection.exec("COMMIT");
    stats.transactions++;
    stats.writes += batch.length;
    return outcomes;
  } catch (error) {
    if (connection.inTransaction) connection.exec("ROLLBACK");
    throw error;
  }
}

function settle(batch: readonly TQueuedWrite[], outcomes: readonly TOutcome[]) {
  batch.forEach((write, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) write.resolve(outcome.value as never);
    else write.reject(outcome.error);
  });
}
