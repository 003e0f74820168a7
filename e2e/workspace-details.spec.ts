import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { articleIdFromUrl, login, logout, openArticle } from "./support";

const TELEGRAPH = /China admits cyber-attacks/;

test.use({ viewport: { width: 1280, height: 800 } });

/** Ana tags `quote` (its first occurrence) through the API, so the test does not depend on earlier specs. */
async function annotateAsAna(page: Page, quote: string, tag: string) {
  await login(page, "ana@example.com");
  await openArticle(page, TELEGRAPH);
  const articleId = articleIdFromUrl(page);
  const body = (await (await page.request.get(`/api/articles/${articleId}`)).json()).body as string;
  const at = body.indexOf(quote);
  expect(at).toBeGreaterThan(0);
  const start = Array.from(body.slice(0, at)).length;
  const res = await page.request.post(`/api/articles/${articleId}/annotations`, {
    data: { start, end: start + Array.from(quote).length, tag },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.status()).toBe(201);
  const id = (await res.json()).id as string;
  await logout(page);
  return id;
}

function inViewport(box: { x: number; y: number; width: number; height: number } | null, viewport = { width: 1280, height: 800 }) {
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
}

test("clicking a highlight deep in the article shows its details next to it, inside the viewport", async ({ page }) => {
  const id = await annotateAsAna(page, "Pentagon officials vowed to retaliate", "opinion");
  await login(page, "ben@example.com");
  await openArticle(page, TELEGRAPH);
  const mark = page.locator(`[data-ids~="${id}"]`).first();
  await mark.scrollIntoViewIfNeeded();
  const scrollBefore = await page.evaluate(() => window.scrollY);
  await mark.click();

  const card = page.getByTestId("annotation-details");
  await expect(card).toContainText("Ana Reviewer");
  inViewport(await card.boundingBox());
  const popover = page.getByRole("dialog", { name: "Annotation details" });
  inViewport(await popover.boundingBox());
  const agree = popover.getByRole("button", { name: "✓ Agree" });
  await expect(agree).toBeVisible();
  inViewport(await agree.boundingBox());
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
  // Focus moved into it; Esc closes it and gives focus back to the highlight.
  await expect(popover).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await expect(page.locator(`[data-ids~="${id}"][tabindex="0"]`)).toBeFocused();

  // A press outside closes it too.
  await mark.click();
  await expect(popover).toBeVisible();
  await page.getByTestId("article-title").click();
  await expect(popover).toBeHidden();

  // Near the bottom of the window the details open above the highlight, still in view.
  await mark.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().bottom - (window.innerHeight - 40)));
  await mark.click();
  await expect(card).toBeVisible();
  inViewport(await card.boundingBox());
  const [cardBox, markBox] = [(await card.boundingBox())!, (await mark.boundingBox())!];
  expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(markBox.y);
});

test("highlights are reachable with Tab, named by their tag, and Enter or Space opens their details", async ({ page }) => {
  const id = await annotateAsAna(page, "raised significant concerns", "anonymous-source");
  await login(page, "ben@example.com");
  await openArticle(page, TELEGRAPH);
  const first = page.locator(`[data-ids~="${id}"][tabindex="0"]`);
  await expect(first).toHaveCount(1);
  await expect(first).toHaveAccessibleName("Anonymous source highlight: raised significant concerns");

  // Keyboard only: Tab from the top of the page until the highlight has focus.
  await page.getByTestId("article-title").evaluate((el) => el.closest("main")?.scrollIntoView());
  let reached = false;
  for (let i = 0; i < 400 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await first.evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);

  await page.keyboard.press("Enter");
  const popover = page.getByRole("dialog", { name: "Annotation details" });
  await expect(popover).toBeVisible();
  await expect(popover.getByTestId("annotation-details")).toContainText("raised significant concerns");
  await expect(popover).toBeFocused();
  // Focusable highlights and the open popover pass axe-core without serious or critical findings.
  const axe = await new AxeBuilder({ page }).include("main").analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await expect(first).toBeFocused();

  await page.keyboard.press(" ");
  await expect(popover).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(popover.getByRole("button", { name: "Close details" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(popover).toBeHidden();
  await expect(first).toBeFocused();
});

test("a triple-click in suggested text keeps the page still and selects that paragraph", async ({ page }) => {
  await login(page, "ben@example.com");
  await openArticle(page, TELEGRAPH);
  const paragraph = page.getByTestId("article-body").locator("p").filter({ hasText: "The Biden administration went public" });
  const suggested = paragraph.locator("span.sg").first();
  await expect(suggested).toBeVisible();
  await suggested.scrollIntoViewIfNeeded();
  // Far from the middle of the window, where scrolling a suggestion into view would move the page most.
  await page.evaluate(() => window.scrollBy(0, -250));
  const box = (await suggested.boundingBox())!;
  const text = (await paragraph.innerText()).trim();
  const scrollBefore = await page.evaluate(() => window.scrollY);

  // Three presses at the pace of a hand, not all within one frame.
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.mouse.move(box.x + 8, box.y + box.height / 2);
  for (const clickCount of [1, 2, 3]) {
    await page.mouse.down({ clickCount });
    await page.mouse.up({ clickCount });
    await frames();
  }

  const palette = page.getByTestId("tag-palette");
  await expect(palette).toBeVisible();
  await frames();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
  await expect(palette.locator(".palette-quote")).toHaveAttribute("title", text);
  await page.keyboard.press("Escape");
});

test("suggestions look unlike saved highlights and one keyboard toggle hides them, remembered after a reload", async ({ page }) => {
  await login(page, "ben@example.com");
  await openArticle(page, TELEGRAPH);
  const suggested = page.locator("[data-sg]");
  await expect(suggested.first()).toBeVisible();
  // No suggestion is pre-marked, and a suggestion has no fill, a dotted box, and no tag label.
  await expect(page.locator(".sg-focus")).toHaveCount(0);
  const style = await page.locator("span.sg").first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle, background: s.backgroundColor, label: getComputedStyle(el, "::before").content };
  });
  expect(style).toEqual({ outline: "dotted", background: "rgba(0, 0, 0, 0)", label: "none" });
  await expect(page.locator(".legend-suggested")).toContainText("Suggested, not saved");

  const toggle = page.getByRole("checkbox", { name: /Show suggestions/ });
  await expect(toggle).toBeChecked();
  await toggle.focus();
  await page.keyboard.press("Space");
  await expect(toggle).not.toBeChecked();
  await expect(suggested).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId("article-body")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /Show suggestions/ })).not.toBeChecked();
  await expect(suggested).toHaveCount(0);
  await page.getByRole("checkbox", { name: /Show suggestions/ }).check();
  await expect(suggested.first()).toBeVisible();
});
