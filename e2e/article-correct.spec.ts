import { expect, test, type Page } from "@playwright/test";
import { articleIdFromUrl, highlightedText, login, openArticle } from "./support";

const KEPT = "those who spoke on condition of anonymity";
const GONE = "based on information from people familiar with the matter";

/** An annotation made through the API as the logged-in user: the quote's first occurrence in the text. */
async function annotate(page: Page, articleId: string, quote: string, tag: string) {
  const article = await (await page.request.get(`/api/articles/${articleId}`)).json();
  const u = (article.body as string).indexOf(quote);
  const start = [...(article.body as string).slice(0, u)].length;
  const res = await page.request.post(`/api/articles/${articleId}/annotations`, {
    data: { start, end: start + [...quote].length, tag },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).id as string;
}

test("a corrected text keeps its annotations on their passages and lists the one it lost", async ({ page }) => {
  await login(page, "ben@example.com");
  // A copy of the Fox News seed article of its own, so that no other test meets the corrected text.
  await openArticle(page, /Chinese officials acknowledged responsibility/);
  const seed = await (await page.request.get(`/api/articles/${articleIdFromUrl(page)}`)).json();
  const body = `${seed.body as string}\n\nCopy ${Date.now()} for the correction test.`;
  expect(body).toContain(KEPT);
  expect(body).toContain(GONE);
  const created = await page.request.post("/api/articles", { data: { title: "Correction test", body }, headers: { origin: new URL(page.url()).origin } });
  expect(created.status()).toBe(201);
  const articleId = (await created.json()).id as string;
  await page.goto(`/articles/${articleId}`);
  const kept = await annotate(page, articleId, KEPT, "anonymous-source");
  const gone = await annotate(page, articleId, GONE, "anonymous-source");
  await page.reload();
  await expect(page.getByTestId("article-body")).toBeVisible();
  expect(await highlightedText(page, kept)).toBe(KEPT);

  await page.getByRole("button", { name: "Correct the text" }).click();
  const form = page.getByTestId("correct-form");
  const corrected = `Correction: an earlier version of this story misdated the meeting.\n\n${body.replace(` ${GONE}`, "")}`;
  await form.getByLabel("Corrected text").fill(corrected);
  page.once("dialog", (dialog) => dialog.accept());
  await form.getByRole("button", { name: "Replace the text" }).click();
  await expect(page.getByTestId("correct-result")).toContainText("1 annotation lost it");

  await expect(page.getByTestId("article-body")).toContainText("Correction: an earlier version of this story misdated the meeting.");
  await expect.poll(() => highlightedText(page, kept)).toBe(KEPT);
  await expect(page.locator(`[data-ids~="${gone}"]`)).toHaveCount(0);
  const orphans = page.getByTestId("orphans");
  await expect(orphans).toContainText("Lost in a correction (1)");
  await expect(orphans).toContainText(GONE);

  // The earlier text stays readable, with what the correction changed marked in words and lines, not colour alone.
  await page.getByRole("link", { name: "Versions (2)" }).click();
  const changes = page.getByTestId("version-changes");
  await expect(changes.getByRole("heading")).toHaveText("Version 1 → 2");
  const text = changes.locator(".version-text");
  await expect(text.locator("ins").first()).toContainText("Correction:");
  await expect(text.locator("del", { hasText: "people familiar with the matter" })).toHaveCount(1);
});
