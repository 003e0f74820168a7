import { expect, test, type Page } from "@playwright/test";
import { annotate, createArticle, pointAt, review } from "./fixtures";
import { login, logout } from "./support";

const stampOf = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function openPalette(page: Page, articleId: string, from: string, to: string) {
  await page.goto(`/articles/${articleId}`);
  const a = await pointAt(page, from, "start");
  const b = await pointAt(page, to, "end");
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId("tag-palette")).toBeVisible();
}

test("the palette's Save stays on one line, on a phone and on a laptop, with a hint or a notice beside it", async ({ page }) => {
  await login(page, "ben@example.com");
  const stamp = stampOf();
  const id = await createArticle(page, { title: `Save ${stamp}`, body: `The quay was repaired in run ${stamp}.\n\nNothing else happened.` });
  for (const width of [390, 768, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await openPalette(page, id, "The quay", "repaired");
    const save = page.getByTestId("tag-palette").getByRole("button", { name: "Save" });
    const lines = () =>
      save.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
    expect(await lines(), `Save beside the hint at ${width} px`).toBe(1);
    // No tag chosen yet: Enter asks for one, and the warning takes the hint's place.
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("tag-palette")).toContainText("Choose a tag first");
    expect(await lines(), `Save beside the warning at ${width} px`).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `overflow at ${width} px`).toBeLessThanOrEqual(0);
    await page.keyboard.press("Escape");
  }
});

test("counts read as English: one span from one annotation, one article from one outlet", async ({ page }) => {
  await login(page, "admin@example.com");
  const stamp = stampOf();
  const body = `A spokesperson for the port said the quay reopened in run ${stamp}.\n\nShips returned.`;
  const story = `Quay reopening ${stamp}`;
  const id = await createArticle(page, { title: `Quay ${stamp}`, body, story, outlet: "Harbour Times" });
  await annotate(page, id, body, "A spokesperson for the port said the quay reopened", "official-statement");
  const storyId = (await (await page.request.get(`/api/articles/${id}`)).json()).story.id as string;
  await page.goto(`/stories/${storyId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(story);
  await expect(page.locator(".page-head")).toContainText("1 article from 1 outlet");
  await expect(page.locator(".page-head")).toContainText("over 1 scored article");
  await expect(page.getByTestId("outlet-card")).toContainText("1 consensus span from 1 annotation");
});

test("Disagreements shows tags a teammate rejected in review instead of claiming everyone agreed; Team counts reviews given", async ({ page }) => {
  await login(page, "admin@example.com");
  const stamp = stampOf();
  const body = `Officials said the bridge would close in run ${stamp}.\n\nThe mayor announced a detour on Friday.`;
  const id = await createArticle(page, { title: `Bridge ${stamp}`, body });
  const first = await annotate(page, id, body, "Officials said the bridge would close", "anonymous-source");
  const second = await annotate(page, id, body, "The mayor announced a detour on Friday", "opinion");
  await logout(page);

  await login(page, "ana@example.com");
  await page.goto("/team");
  const anaRow = page.getByTestId("team-stats").getByRole("row", { name: /Ana Reviewer/ });
  const givenBefore = Number(await anaRow.getByTestId("reviews-given").textContent());
  await review(page, first, "disagree", "Named later in the piece.");
  await review(page, second, "disagree", "An announcement, not an opinion.");

  await page.goto(`/articles/${id}/disagreements`);
  const summary = page.getByTestId("disagreements-summary");
  await expect(summary).not.toContainText("Every annotator tagged every passage the same way");
  await expect(summary).toContainText("Only Alex Admin has tagged this article");
  await expect(summary).toContainText("Teammates disputed 2 tags in review");
  const disputed = page.getByTestId("disputed-tags");
  await expect(disputed.getByRole("row")).toHaveCount(3);
  await expect(disputed).toContainText("Officials said the bridge would close");
  await expect(disputed).toContainText("rejected");

  await page.goto("/team");
  const table = page.getByTestId("team-stats");
  await expect(table.getByRole("columnheader", { name: "Role" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Reviews given" })).toBeVisible();
  // The role once, in its own column, not run into the name.
  await expect(anaRow.getByRole("rowheader")).toHaveText("Ana Reviewer");
  await expect(anaRow.getByRole("cell").first()).toHaveText("reviewer");
  await expect(anaRow.getByTestId("reviews-given")).toHaveText(String(givenBefore + 2));
});

test("the app has a favicon", async ({ page }) => {
  await login(page, "ben@example.com");
  const href = await page.locator("link[rel='icon']").first().getAttribute("href");
  expect(href).toBeTruthy();
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("image/svg+xml");
});

test("the score comes with the page: no 'Loading score…', neither on load nor after tagging", async ({ page }) => {
  await login(page, "ben@example.com");
  const stamp = stampOf();
  const body = `The council said the budget was balanced in run ${stamp}.\n\nNothing else.`;
  const id = await createArticle(page, { title: `Budget ${stamp}`, body });
  const html = await (await page.request.get(`/articles/${id}`)).text();
  expect(html.includes('data-testid="score-value"'), "the score is in the page's HTML").toBe(true);
  expect(html.includes("Loading score"), "a loading placeholder is in the page's HTML").toBe(false);

  // Anything the panel ever shows while the page loads and a tag is saved is recorded.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { scoreTexts: string[] }).scoreTexts = seen;
    new MutationObserver(() => {
      const text = document.querySelector(".workspace-side")?.textContent;
      if (text?.includes("Loading score")) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await openPalette(page, id, "The council", "balanced");
  await expect(page.getByTestId("score-value")).toHaveText("Not yet annotated");
  await page.getByTestId("tag-palette").getByRole("button", { name: /Official statement/ }).click();
  await expect(page.getByTestId("score-value")).toContainText("/ 100");
  expect(await page.evaluate(() => (window as unknown as { scoreTexts: string[] }).scoreTexts)).toEqual([]);
});
