import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

// SQLite-specific. In WAL mode a commit appends pages to the -wal file and, once that passes `wal_autocheckpoint`
// pages, the committing connection copies them back into the database and fsyncs both files, inside the request that
// happened to commit: under a create load a large share of the writer's time (bench/NOTES.md). Here a worker thread
// with its own connection runs PASSIVE checkpoints (which never block readers or the writer) every few hundred
// milliseconds, so the copy and the fsyncs leave the event loop. The writer keeps a larger automatic checkpoint as a backstop in case this worker falls behind or is not running.

/** The writer's own automatic checkpoint, in pages: only reached if the background checkpoints fall behind. */
export const WRITER_AUTOCHECKPOINT_PAGES = 10_000;
/** SQLite's own default, for a writer whose background checkpoints stopped. */
export const SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES = 1000;
export const CHECKPOINT_INTERVAL_MS = 200;

// Plain CommonJS run with `eval`, so the bundler has no worker file to find; better-sqlite3 is passed by path.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("synchronous = NORMAL");
db.pragma("busy_timeout = 0");
let stopped = false;
const checkpoint = () => {
  try {
    return db.pragma("wal_checkpoint(PASSIVE)")[0];
  } catch (error) {
    // Another connection is checkpointing or holds the lock: try again on the next tick.
    if (!/^SQLITE_(BUSY|LOCKED)/.test(String(error && error.code))) throw error;
    return { busy: 1, log: -1, checkpointed: -1 };
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message === "checkpoint" && !stopped) return parentPort.postMessage({ kind: "checkpoint", result: checkpoint() });
  if (message !== "stop" || stopped) return;
  stopped = true;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export type TCheckpointResult = { busy: number; log: number; checkpointed: number };

export type TCheckpointer = {
  /** Resolves with the next checkpoint's result (tests). */
  checkpointNow(): Promise<TCheckpointResult>;
  stop(): Promise<void>;
};

function driverPath(): string {
  // Resolved from the project, as Node would for the app itself; the bundle's own `require` may not be Node's.
  return createRequire(path.join(process.cwd(), "package.json")).resolve("better-sqlite3");
}

/**
 * Starts background checkpoints of `file`. `onFailure` runs if the worker cannot start or dies, so the caller can
 * go back to checkpointing on its own connection.
 */
export function startWalCheckpointer(file: string, onFailure: (error: unknown) => void, intervalMs = CHECKPOINT_INTERVAL_MS): TCheckpointer | null {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver: driverPath(), intervalMs } });
  } catch (error) {
    onFailure(error);
    return null;
  }
  // Never keeps the process alive: a server or a test run exits when its own work is done.
  worker.unref();
  let stopping = false;
  worker.on("error", (error) => {
    if (!stopping) onFailure(error);
  });
  const waiting: ((r: TCheckpointResult) => void)[] = [];
  worker.on("message", (message: { kind: string; result: TCheckpointResult }) => {
    if (message.kind === "checkpoint") waiting.splice(0).forEach((resolve) => resolve(message.result));
  });
  return {
    checkpointNow() {
      return new Promise((resolve) => {
        waiting.push(resolve);
        worker.postMessage("checkpoint");
      });
    },
    async stop() {
      stopping = true;
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      worker.postMessage("stop");
      await exited;
    },
  };
}
