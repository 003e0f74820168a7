import { createRequire } from "node:module";
import path from "node:path";
import { runWorker, WorkerLimitError, type TWorkerLimits } from "@/lib/workers/run-worker";

// html-to-text converts recursively and can take seconds on a large page: it runs in a worker (lib/workers), with
// the packages passed by path.
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

export { WorkerLimitError as HtmlWorkerError };

function packages(): { htmlToText: string; htmlparser2: string } {
  // Resolved from the project, as Node would for the app itself; the bundle's own `require` may not be Node's.
  const htmlToText = createRequire(path.join(process.cwd(), "package.json")).resolve("html-to-text");
  return { htmlToText, htmlparser2: createRequire(htmlToText).resolve("htmlparser2") };
}

/** Converts `work.pages` in a worker; rejects with HtmlWorkerError when it runs out of time or memory. */
export function runHtmlWorker(work: THtmlWork, limits: TWorkerLimits): Promise<THtmlResult[]> {
  return runWorker<THtmlResult[]>(WORKER_SOURCE, { ...work, ...packages() }, limits);
}
