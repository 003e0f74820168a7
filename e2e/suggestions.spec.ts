import { expect, test } from "@playwright/test";
import { annotationsOf, articleIdFromUrl, login, openArticle } from "./support";

test("opening a seed article shows suggestions; y accepts one as a real annotation, x dismisses one for good", async ({ page }) => {
  await login(page, "admin@example.com");
  await openArticle(page, /Chinese officials acknowledged/);
  const panel = page.getByTestId("suggestion-panel");
  await expect(page.locator("[data-sg]").first()).toBeVisible();
  const countText = async () => Number((await panel.locator("h2 .muted").textContent())!.replace(/\D/g, ""));
  const before = await countText();
  expect(before).toBeGreaterThan(2);

  // The first n shows the first suggestion, the next one moves on.
  await page.keyboard.press("n");
  await expect(panel).toContainText(`1 of ${before}`);
  await page.keyboard.press("n");
  await expect(panel).toContainText(`2 of ${before}`);
  const quote = (await panel.getByTestId("suggestion-quote").textContent())!;
  await expect(page.locator(".sg-focus").first()).toBeVisible();
  await page.keyboard.press("y");
  await expect(page.getByTestId("toast")).toContainText("Suggestion accepted");
  await expect.poll(countText).toBe(before - 1);
  const mine = (await annotationsOf(page, articleIdFromUrl(page))).filter((a) => a.quote === quote && a.author.email === "admin@example.com");
  expect(mine).toHaveLength(1);
  const audit = await (await page.request.get("/api/audit?limit=20")).json();
  expect(audit.events.some((e: any) => e.action === "annotation.create_from_suggestion" && e.entityId === mine[0]!.id)).toBe(true);

  const dismissed = (await panel.getByTestId("suggestion-quote").textContent())!;
  await page.keyboard.press("x");
  await expect(page.getByTestId("toast")).toContainText("Suggestion dismissed");
  await expect.poll(countText).toBe(before - 2);
  await page.reload();
  await expect(page.locator("[data-sg]").first()).toBeVisible();
  expect(await countText()).toBe(before - 2);
  // The dismissed one is not proposed again, and it was never an annotation.
  const list = await (await page.request.get(`/api/articles/${articleIdFromUrl(page)}/suggestions`)).json();
  const body = (await (await page.request.get(`/api/articles/${articleIdFromUrl(page)}`)).json()).body as string;
  const quotes = list.suggestions.map((s: any) => Array.from(body).slice(s.start, s.end).join(""));
  expect(quotes).not.toContain(dismissed);
  expect((await annotationsOf(page, articleIdFromUrl(page))).some((a) => a.quote === dismissed && a.author.email === "admin@example.com")).toBe(false);
});
