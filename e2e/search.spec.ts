import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { articleIdFromUrl, login, openArticle } from "./support";

test("search finds articles and annotations, filters them, and opens the passage", async ({ page }) => {
  await login(page, "ana@example.com");
  await openArticle(page, /Chinese officials acknowledged responsibility/);
  const articleId = articleIdFromUrl(page);
  const body = (await (await page.request.get(`/api/articles/${articleId}`)).json()).body as string;
  const quote = "people familiar with the matter";
  const start = [...body.slice(0, body.indexOf(quote))].length;
  const created = await page.request.post(`/api/articles/${articleId}/annotations`, {
    data: { start, end: start + quote.length, tag: "anonymous-source", note: "Which WSJ sources? Searchable note." },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(created.status()).toBe(201);
  const annotationId = (await created.json()).id as string;

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
  const form = page.getByTestId("search-form");
  await form.getByLabel("Words").fill("familiar matt");
  await form.getByRole("button", { name: "Search" }).click();
  const results = page.getByTestId("search-results");
  await expect(results.getByRole("link", { name: /Chinese officials acknowledged/ }).first()).toBeVisible();
  await expect(results.locator("mark").first()).toHaveText(/familiar|matter/i);

  // Only annotations tagged anonymous source: the one just made, found by its note too.
  await form.getByLabel("Words").fill("searchable");
  await form.getByLabel("Tag (annotations only)").selectOption("anonymous-source");
  await form.getByRole("button", { name: "Search" }).click();
  await expect(results.getByRole("heading")).toHaveText("1 result");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await results.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}\\?annotation=${annotationId}$`));
  await expect(page.getByTestId("article-body")).toBeVisible();

  // Nothing found says so; a search of punctuation alone is refused with a reason.
  await page.goto("/search?q=zzzunfoundable");
  await expect(page.getByTestId("search-results")).toContainText("Nothing found");
  await page.goto("/search?q=***");
  await expect(page.getByTestId("search-problem")).toContainText("type at least one word");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/search?q=officials");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
