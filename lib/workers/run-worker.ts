import { Worker } from "node:worker_threads";

// Work on untrusted input that can take seconds (HTML conversion, article extraction) runs in a worker thread with
// its own memory limit and a wall-clock limit, so it can never hold the server's event loop or crash it. Workers are
// plain CommonJS run with `eval`: the bundler has no worker file to find, so what they need is passed by path.

export class WorkerLimitError extends Error {
  constructor(readonly reason: "timeout" | "memory" | "failed", cause?: unknown) {
    super(`Worker ${reason}`, { cause });
    this.name = "WorkerLimitError";
  }
}

export type TWorkerLimits = { timeoutMs: number; memoryMb: number };

// Each job is one worker; two at a time leave the server's other core to everyone else.
const MAX_RUNNING = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/** Runs `source` in a worker with `workerData`; resolves with the first message it posts. */
export async function runWorker<T>(source: string, workerData: unknown, limits: TWorkerLimits): Promise<T> {
  const release = await slot();
  try {
    return await new Promise<T>((resolve, reject) => {
      const worker = new Worker(source, { eval: true, workerData, resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, stackSizeMb: 4 } });
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const timer = setTimeout(() => {
        settle(() => reject(new WorkerLimitError("timeout")));
        void worker.terminate();
      }, limits.timeoutMs);
      worker.once("message", (result: T) => settle(() => resolve(result)));
      worker.once("error", (error: Error & { code?: string }) =>
        settle(() => reject(new WorkerLimitError(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "failed", error))),
      );
      worker.once("exit", () => settle(() => reject(new WorkerLimitError("failed"))));
    });
  } finally {
    release();
  }
}
