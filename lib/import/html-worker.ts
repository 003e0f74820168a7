import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

// html-to-text converts recursively and can take seconds on a large page: it runs in a worker thread with its own
// memory limit and a wall-clock limit, so an HTML file can never hold the server's event loop or crash it. The
// worker is plain CommonJS run with `eval` (the bundler has no worker file to find); the packages are passed by path.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { convert } = require(workerData.htmlToText);
const { Parser } = require(workerData.htmlparser2);
const { textOptions, titleOptions, maxDepth, minArticleShare } = workerData;

// htmlparser2's tokenizer is a loop, not a recursion: it measures nesting before the recursive converter sees it.
const TOO_DEEP = new Error("too deep");
function tooDeep(html) {
  let depth = 0;
  const parser = new Parser({
    onopentag() {
      if (++depth > maxDepth) throw TOO_DEEP;
    },
    onclosetag() {
      depth--;
    },
  });
  try {
    parser.end(html);
    return false;
  } catch (error) {
    if (error === TOO_DEEP) return true;
    throw error;
  }
}

function tidy(text) {
  return text
    .split("\\n")
    .map((line) => line.replace(/[ \\t\\u00a0]+$/u, ""))
    .join("\\n")
    .replace(/\\n{3,}/g, "\\n\\n")
    .trim();
}

// The article itself when the page marks it (its first <article>, else <main>), unless that holds only a small
// part of the page's text, as a teaser card would.
function plainText(html) {
  const page = tidy(convert(html, textOptions));
  for (const selector of ["article", "main"]) {
    const part = tidy(
      convert(html, {
        ...textOptions,
        baseElements: { selectors: [selector], returnDomByDefault: false },
        limits: { ...textOptions.limits, maxBaseElements: 1 },
      }),
    );
    if (part !== "" && part.length >= page.length * minArticleShare) return part;
  }
  return page;
}

function title(html) {
  for (const selector of ["title", "h1"]) {
    const text = convert(html, { ...titleOptions, baseElements: { selectors: [selector], returnDomByDefault: false } })
      .replace(/\\s+/g, " ")
      .trim();
    if (text !== "") return text;
  }
  return null;
}

parentPort.postMessage(
  workerData.pages.map((html) => (tooDeep(html) ? { tooDeep: true } : { tooDeep: false, text: plainText(html), title: title(html) })),
);
`;

export type THtmlResult = { tooDeep: true } | { tooDeep: false; text: string; title: string | null };

export type THtmlWork = {
  pages: string[];
  textOptions: unknown;
  titleOptions: unknown;
  maxDepth: number;
  minArticleShare: number;
};

export class HtmlWorkerError extends Error {
  constructor(readonly reason: "timeout" | "memory" | "failed", cause?: unknown) {
    super(`HTML conversion ${reason}`, { cause });
    this.name = "HtmlWorkerError";
  }
}

function packages(): { htmlToText: string; htmlparser2: string } {
  // Resolved from the project, as Node would for the app itself; the bundle's own `require` may not be Node's.
  const htmlToText = createRequire(path.join(process.cwd(), "package.json")).resolve("html-to-text");
  return { htmlToText, htmlparser2: createRequire(htmlToText).resolve("htmlparser2") };
}

// Each conversion is one worker; two at a time leave the server's other core to everyone else.
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

/** Converts `work.pages` in a worker; rejects with HtmlWorkerError when it runs out of time or memory. */
export async function runHtmlWorker(work: THtmlWork, limits: { timeoutMs: number; memoryMb: number }): Promise<THtmlResult[]> {
  const release = await slot();
  try {
    return await new Promise<THtmlResult[]>((resolve, reject) => {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { ...work, ...packages() },
        resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, stackSizeMb: 4 },
      });
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const timer = setTimeout(() => {
        settle(() => reject(new HtmlWorkerError("timeout")));
        void worker.terminate();
      }, limits.timeoutMs);
      worker.once("message", (results: THtmlResult[]) => settle(() => resolve(results)));
      worker.once("error", (error: Error & { code?: string }) =>
        settle(() => reject(new HtmlWorkerError(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "failed", error))),
      );
      worker.once("exit", () => settle(() => reject(new HtmlWorkerError("failed"))));
    });
  } finally {
    release();
  }
}
