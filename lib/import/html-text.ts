import { convert, type HtmlToTextOptions } from "html-to-text";

// HTML is parsed (htmlparser2, through html-to-text) and reduced to plain text on the server. Nothing of it is
// executed or rendered: scripts, styles, forms and embedded content are dropped, links keep only their text.

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

/**
 * The readable text of an HTML page: paragraphs, headings, list items and block quotes become blocks separated by
 * a blank line, `<br>` a line break; whitespace inside a block collapses as a browser would show it.
 */
export function htmlToPlainText(html: string): string {
  const page = tidy(convert(html, TEXT_OPTIONS));
  // The article itself when the page marks it (its first <article>, else <main>), unless that holds only a small
  // part of the page's text, as a teaser card would.
  for (const selector of ["article", "main"]) {
    const part = tidy(
      convert(html, {
        ...TEXT_OPTIONS,
        baseElements: { selectors: [selector], returnDomByDefault: false },
        limits: { maxBaseElements: 1, maxInputLength: MAX_INPUT_CHARACTERS },
      }),
    );
    if (part !== "" && part.length >= page.length * MIN_ARTICLE_SHARE) return part;
  }
  return page;
}

/** The article element must hold at least this share of the page's text to stand for the page. */
const MIN_ARTICLE_SHARE = 0.25;

function tidy(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+$/u, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The page's `<title>`, else its first `<h1>`; null when it has neither. */
export function htmlTitle(html: string): string | null {
  for (const selector of ["title", "h1"]) {
    const text = convert(html, {
      wordwrap: false,
      baseElements: { selectors: [selector], returnDomByDefault: false },
      limits: { maxBaseElements: 1, maxInputLength: MAX_INPUT_CHARACTERS },
      selectors: [
        { selector: "a", options: { ignoreHref: true } },
        { selector: "h1", options: { uppercase: false } },
        { selector: "img", format: "skip" },
      ],
    })
      .replace(/\s+/g, " ")
      .trim();
    if (text !== "") return text;
  }
  return null;
}
