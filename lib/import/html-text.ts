import type { HtmlToTextOptions } from "html-to-text";
import { HTML_MEMORY_MB, HTML_TIME_LIMIT_MS, MAX_HTML_DEPTH } from "./limits";
import { HtmlWorkerError, runHtmlWorker, type THtmlResult } from "./html-worker";

// HTML is parsed (htmlparser2, through html-to-text) and reduced to plain text on the server, in a worker thread.
// Nothing of it is executed or rendered: scripts, styles, forms and embedded content are dropped, links keep only
// their text.

// Page furniture rather than article text.
const SKIPPED = [
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "video",
  "audio",
  "form",
  "button",
  "input",
  "select",
  "textarea",
  "nav",
  "aside",
  "footer",
  "img",
  "picture",
  "figure > img",
];

const MAX_INPUT_CHARACTERS = 50_000_000;

const TEXT_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  decodeEntities: true,
  limits: { maxInputLength: MAX_INPUT_CHARACTERS },
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: "ul", options: { itemPrefix: "• ", leadingLineBreaks: 2, trailingLineBreaks: 2 } },
    { selector: "ol", options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
    // Many sites wrap each paragraph in a <div>: every block container starts a paragraph of its own.
    ...["blockquote", "div", "section", "header", "figure", "figcaption", "address", "dl", "details", "summary"].map(
      (selector) => ({ selector, format: "block", options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } }),
    ),
    { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false } },
    { selector: "hr", format: "skip" },
    ...SKIPPED.map((selector) => ({ selector, format: "skip" })),
  ],
};

const TITLE_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  limits: { maxBaseElements: 1, maxInputLength: MAX_INPUT_CHARACTERS },
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "h1", options: { uppercase: false } },
    { selector: "img", format: "skip" },
  ],
};

/** The article element must hold at least this share of the page's text to stand for the page. */
const MIN_ARTICLE_SHARE = 0.25;

export type THtmlText = { text: string; title: string | null } | { problem: "tooDeep" };

export { HtmlWorkerError };

/**
 * The readable text of each HTML page: paragraphs, headings, list items and block quotes become blocks separated by
 * a blank line, `<br>` a line break; whitespace inside a block collapses as a browser would show it. The title is
 * the page's `<title>`, else its first `<h1>`. A page nested deeper than MAX_HTML_DEPTH is not converted. Rejects
 * with HtmlWorkerError when the pages take too long or too much memory.
 */
export async function htmlToText(
  pages: string[],
  limits = { timeoutMs: HTML_TIME_LIMIT_MS, memoryMb: HTML_MEMORY_MB },
): Promise<THtmlText[]> {
  if (pages.length === 0) return [];
  const results: THtmlResult[] = await runHtmlWorker(
    { pages, textOptions: TEXT_OPTIONS, titleOptions: TITLE_OPTIONS, maxDepth: MAX_HTML_DEPTH, minArticleShare: MIN_ARTICLE_SHARE },
    limits,
  );
  return results.map((result) => (result.tooDeep ? { problem: "tooDeep" } : { text: result.text, title: result.title }));
}
