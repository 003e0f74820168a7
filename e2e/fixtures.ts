import { expect, type Page } from "@playwright/test";

/**
 * A new article of the test's own (in a new story when `story` is given), so a spec neither depends on nor
 * disturbs the seed articles other specs read. Returns its id.
 */
export async function createArticle(page: Page, article: { title: string; body: string; outlet?: string; story?: string }): Promise<string> {
  const origin = new URL(page.url()).origin;
  const res = await page.request.post("/api/import/articles", {
    data: [{ outlet: "Test Wire", ...article }],
    headers: { origin, "content-type": "application/json" },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = (await res.json()).created[0].id as string;
  expect(id).toBeTruthy();
  return id;
}

/** Code-point offsets of the first `quote` in `body`, as the API counts them. */
export function offsetsOf(body: string, quote: string): { start: number; end: number } {
  const at = body.indexOf(quote);
  expect(at, `"${quote}" in the body`).toBeGreaterThanOrEqual(0);
  const start = Array.from(body.slice(0, at)).length;
  return { start, end: start + Array.from(quote).length };
}

/** Tags `quote` through the API as whoever `page` is logged in as; returns the annotation's id. */
export async function annotate(page: Page, articleId: string, body: string, quote: string, tag: string): Promise<string> {
  const res = await page.request.post(`/api/articles/${articleId}/annotations`, {
    data: { ...offsetsOf(body, quote), tag },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).id as string;
}

export async function review(page: Page, annotationId: string, verdict: "agree" | "disagree", comment = "") {
  const res = await page.request.post(`/api/annotations/${annotationId}/reviews`, {
    data: { verdict, comment },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.ok(), await res.text()).toBe(true);
}

/**
 * A point at the left edge of the first character (`start`) or the right edge of the last character (`end`) of
 * `text`, its first occurrence in the article body, in window coordinates.
 */
export async function pointAt(page: Page, text: string, edge: "start" | "end"): Promise<{ x: number; y: number }> {
  return page.getByTestId("article-body").evaluate((root, { wanted, edge }) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const node = n as Text;
      if (!node.parentElement?.closest("[data-s]")) continue;
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      const from = edge === "start" ? at : at + wanted.length - 1;
      range.setStart(node, from);
      range.setEnd(node, from + 1);
      const rect = range.getBoundingClientRect();
      return { x: edge === "start" ? rect.left + 1 : rect.right - 1, y: rect.top + rect.height / 2 };
    }
    throw new Error(`not found in one text node of the article: ${wanted}`);
  }, { wanted: text, edge });
}
