import { expect, test, type Page } from "@playwright/test";
import { annotationsOf, articleIdFromUrl, dragSelect, highlightedText, login, openArticle, selectWithMouse } from "./support";

/** Selects with the mouse, tags with a click on the palette, then checks the saved and re-rendered span. */
async function tagWithMouse(page: Page, quote: string, tagLabel: RegExp, expected = quote) {
  await selectWithMouse(page, quote);
  const palette = page.getByTestId("tag-palette");
  await expect(palette).toBeVisible();
  const saved = page.waitForResponse((r) => r.url().includes("/annotations") && r.request().method() === "POST");
  await palette.getByRole("button", { name: tagLabel }).click();
  const res = await saved;
  expect(res.status()).toBe(201);
  const body = await res.json();
  expect(body.quote).toBe(expected);
  return body.id as string;
}

async function expectHighlightAfterReload(page: Page, id: string, quote: string) {
  await page.reload();
  await expect(page.getByTestId("article-body")).toBeVisible();
  // The segments of one highlight are contiguous; paragraph breaks between them are not rendered text.
  const rendered = await highlightedText(page, id);
  expect(rendered).toBe(quote.replace(/[\r\n]+/g, ""));
  const saved = (await annotationsOf(page, articleIdFromUrl(page))).find((a) => a.id === id)!;
  expect(saved.quote).toBe(quote);
}

test.describe("annotating with the mouse", () => {
  test.beforeEach(async ({ page }) => {
    await login(page, "ana@example.com");
  });

  test("a plain selection is highlighted exactly after a reload", { tag: "@smoke" }, async ({ page }) => {
    await openArticle(page, /Chinese officials acknowledged/);
    const quote = "Chinese officials also accused the U.S. of pointing blame at China";
    const id = await tagWithMouse(page, quote, /Official statement/);
    await expectHighlightAfterReload(page, id, quote);
  });

  test("a selection with curly quotes", async ({ page }) => {
    await openArticle(page, /China admits cyber-attacks/);
    const quote = "“take actions in response to Chinese malicious cyber activity,”";
    const id = await tagWithMouse(page, quote, /Official statement/);
    await expectHighlightAfterReload(page, id, quote);
  });

  test("a selection overlapping an existing highlight", async ({ page }) => {
    await openArticle(page, /Chinese official avows/);
    const first = "the Chinese delegation apparently acknowledged that it was indeed a state-backed enterprise";
    const firstId = await tagWithMouse(page, first, /Opinion/);
    const overlapping = "apparently acknowledged that it was indeed";
    const secondId = await tagWithMouse(page, overlapping, /Anonymous source/);
    await expectHighlightAfterReload(page, secondId, overlapping);
    expect(await highlightedText(page, firstId)).toBe(first);
    await expect(page.locator(`[data-ids~="${firstId}"][data-ids~="${secondId}"]`).first()).toBeVisible();
  });

  test("a selection across two paragraphs", async ({ page }) => {
    await openArticle(page, /Chinese officials acknowledged/);
    const article = articleIdFromUrl(page);
    const body = (await (await page.request.get(`/api/articles/${article}`)).json()).body as string;
    const from = "reciprocated and upped by President Xi Jinping.";
    const to = "In an exclusive, the Wall Street Journal";
    const expected = body.slice(body.indexOf(from), body.indexOf(to) + to.length);
    expect(expected).toContain("\n");
    await dragSelect(page, from, to);
    const palette = page.getByTestId("tag-palette");
    await expect(palette).toBeVisible();
    const saved = page.waitForResponse((r) => r.url().includes("/annotations") && r.request().method() === "POST");
    await palette.getByRole("button", { name: /Anonymous source/ }).click();
    const res = await (await saved).json();
    expect(res.quote).toBe(expected);
    await expectHighlightAfterReload(page, res.id, expected);
  });
});
