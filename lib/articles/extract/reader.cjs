// The article on a news page, read in a worker thread (read-page.ts runs it): plain CommonJS, because the worker
// loads it by path outside the bundle. Its text is found by Mozilla's Readability (Firefox's Reader View) on a
// linkedom document; its metadata from what the page declares, most reliable first: the schema.org article in its
// JSON-LD, then Open Graph and article meta tags, then the page's own elements.
"use strict";
const { Readability } = require("@mozilla/readability");
const { Parser } = require("htmlparser2");
const { parseHTML } = require("linkedom");

/**
 * Why the page is not read, or null: nested deeper than `limits.maxDepth` (the DOM and Readability recurse over
 * elements) or more than `limits.maxElements` elements (Readability's work grows with them). htmlparser2's tokenizer
 * is a loop, so it measures any page.
 */
function tooMuch(html, limits) {
  let depth = 0;
  let elements = 0;
  let problem = null;
  const parser = new Parser({
    onopentag() {
      if (++depth > limits.maxDepth) problem = "tooDeep";
      else if (++elements > limits.maxElements) problem = "tooManyElements";
      if (problem) parser.pause();
    },
    onclosetag() {
      depth--;
    },
  });
  parser.end(html);
  return problem;
}

const isArticleType = (type) => (Array.isArray(type) ? type : [type]).some((t) => typeof t === "string" && /(Article|BlogPosting|Report)$/.test(t));

/** Every object in the page's JSON-LD blocks, @graph members included; a malformed block is skipped. */
function jsonLdItems(document) {
  const items = [];
  const visit = (value) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      items.push(value);
      if (Array.isArray(value["@graph"])) visit(value["@graph"]);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent || ""));
    } catch {
      // A site's broken JSON-LD is not the reader's problem: its meta tags still count.
    }
  }
  return items;
}

function text(value) {
  if (typeof value === "string") return value.trim() || null;
  if (value && typeof value === "object" && !Array.isArray(value)) return text(value.name ?? value["@id"]);
  return null;
}

function names(value) {
  const list = (Array.isArray(value) ? value : [value]).map((v) => (v && typeof v === "object" ? text(v.name) : text(v))).filter(Boolean);
  return list.length ? list.join(", ") : null;
}

/** A published date as the app stores it: YYYY-MM-DD as the page wrote it (the day in its own time zone). */
function calendarDate(value) {
  const match = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value.trim()) : null;
  if (match) return match[1];
  const parsed = value ? new Date(value) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString().slice(0, 10) : null;
}

function pageMetadata(document) {
  const article = jsonLdItems(document).find((item) => isArticleType(item["@type"]));
  const meta = (...keys) => {
    for (const key of keys) {
      const content = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`)?.getAttribute("content")?.trim();
      if (content) return content;
    }
    return null;
  };
  const byline = names(article?.author) ?? meta("author", "article:author", "byl", "parsely-author");
  const mainEntity = article?.mainEntityOfPage;
  return {
    title: text(article?.headline) ?? meta("og:title", "twitter:title") ?? (document.querySelector("h1")?.textContent?.trim() || null) ?? (document.title?.trim() || null),
    outlet: text(article?.publisher) ?? meta("og:site_name", "application-name"),
    byline: byline ? byline.replace(/^by\s+/i, "") : null,
    publishedAt: calendarDate(
      text(article?.datePublished) ??
        meta("article:published_time", "datePublished", "pubdate", "publish-date", "parsely-pub-date", "date", "DC.date.issued") ??
        document.querySelector("time[datetime]")?.getAttribute("datetime") ??
        null,
    ),
    url:
      document.querySelector('link[rel="canonical"]')?.getAttribute("href")?.trim() ||
      meta("og:url") ||
      text(typeof mainEntity === "string" ? mainEntity : mainEntity?.["@id"]) ||
      text(article?.url),
  };
}

const BLOCKS = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "FIGCAPTION", "DD", "DT", "TD"]);
const squash = (s) => s.replace(/\s+/g, " ").trim();

/**
 * The article's text as the app stores it: one paragraph per block element, separated by a blank line, with the
 * spacing inside each collapsed as a browser shows it. Text between blocks forms a paragraph of its own.
 */
function blockText(root) {
  const paragraphs = [];
  let loose = "";
  const flush = () => {
    if (squash(loose)) paragraphs.push(squash(loose));
    loose = "";
  };
  const walk = (node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) loose += child.textContent || "";
      else if (child.nodeType === 1) {
        const tag = child.tagName.toUpperCase();
        if (BLOCKS.has(tag) && !child.querySelector("p, li, blockquote, h2, h3")) {
          flush();
          const block = squash(child.textContent || "");
          if (block) paragraphs.push(block);
        } else if (tag === "BR") loose += " ";
        else walk(child);
      }
    }
  };
  walk(root);
  flush();
  return paragraphs.join("\n\n");
}

function siteOf(url) {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, "") : null;
  } catch {
    return null;
  }
}

/** An absolute http(s) address: a page's canonical link may be relative, or something else entirely. */
function absoluteUrl(href, base) {
  if (!href) return base;
  try {
    const url = new URL(href, base ?? undefined);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : base;
  } catch {
    return base;
  }
}

/** The page's article, or why it was not read (tooMuch). */
function readPage(html, pageUrl, limits) {
  const problem = tooMuch(html, limits);
  if (problem) return { problem };
  // Readability rewrites the document it reads, so the metadata comes from a copy of its own.
  const metadata = pageMetadata(parseHTML(html).document);
  const { document } = parseHTML(html);
  const article = new Readability(document, { serializer: (node) => node, charThreshold: 200 }).parse();
  const url = absoluteUrl(metadata.url, pageUrl);
  return {
    title: metadata.title ?? (article?.title?.trim() || null),
    outlet: metadata.outlet ?? (article?.siteName?.trim() || null) ?? siteOf(url),
    byline: metadata.byline ?? (article?.byline?.replace(/^by\s+/i, "").trim() || null),
    publishedAt: metadata.publishedAt,
    url,
    body: article?.content ? blockText(article.content) : "",
  };
}

module.exports = { readPage };
