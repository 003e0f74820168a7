import path from "node:path";
import { MAX_HTML_DEPTH } from "@/lib/import/limits";
import { AppError } from "@/lib/errors";
import { runWorker, WorkerLimitError, type TWorkerLimits } from "@/lib/workers/run-worker";
import type { readPage as TReadPageFunction, TReadLimits, TReadPage } from "./reader.cjs";

export type { TReadPage };

/** Real news pages hold a few thousand elements; Readability's work grows with them. */
export const READ_LIMITS: TReadLimits = { maxDepth: MAX_HTML_DEPTH, maxElements: 20_000 };
export const READ_WORKER_LIMITS: TWorkerLimits = { timeoutMs: 20_000, memoryMb: 512 };

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { readPage } = require(workerData.reader);
parentPort.postMessage(readPage(workerData.html, workerData.url, workerData.limits));
`;

/**
 * The article on a saved or fetched page (reader.cjs), read in a worker thread: Readability on a large page takes
 * seconds, which the server's event loop must not wait for. `pageUrl` is where the page came from, when known.
 */
export async function readPage(html: string, pageUrl: string | null, limits: TWorkerLimits = READ_WORKER_LIMITS): Promise<TReadPage> {
  const reader = path.join(process.cwd(), "lib", "articles", "extract", "reader.cjs");
  let result: ReturnType<typeof TReadPageFunction>;
  try {
    result = await runWorker(WORKER_SOURCE, { reader, html, url: pageUrl, limits: READ_LIMITS }, limits);
  } catch (error) {
    if (!(error instanceof WorkerLimitError) || error.reason === "failed") throw error;
    throw new AppError("TOO_LARGE", "The page is too large to read: save just the article's part of it, or paste its text.");
  }
  if ("problem" in result) {
    throw new AppError(
      "INVALID_INPUT",
      result.problem === "tooDeep"
        ? `The page nests elements more than ${READ_LIMITS.maxDepth} deep, which no article needs: paste its text instead.`
        : `The page has more than ${READ_LIMITS.maxElements.toLocaleString("en-US")} elements: save just the article's part of it, or paste its text.`,
    );
  }
  return result;
}
