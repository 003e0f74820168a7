import { expect, test, type Page, type Route } from "@playwright/test";
import { login, logout } from "./support";

// Verdicts on a slow or failing network: each verdict, its reason and its saving state belong to the item it
// was given on. Saves are held in the browser (page.route) and let through when the test says so, which is
// a slow connection whose timing the test controls.

const QUOTES = [
  "An aide who asked not to be named said the vote was delayed.",
  "A source close to the talks said the vote would happen soon.",
  "People familiar with the plan said it had been dropped.",
] as const;

type Fixture = { articleId: string; ids: [string, string, string] };

/** Ana tags three sentences of a fresh article; the test continues as Ben on /review, filtered to it. */
async function setUp(page: Page): Promise<Fixture> {
  await login(page, "ana@example.com");
  const origin = new URL(page.url()).origin;
  const body = `${QUOTES.join("\n\n")}\n\nRun ${Date.now()}-${Math.random()}.`;
  const article = await page.request.post("/api/articles", { data: { title: "Slow review fixture", body }, headers: { origin } });
  expect(article.status()).toBe(201);
  const { id: articleId } = await article.json();
  const ids: string[] = [];
  for (const quote of QUOTES) {
    const start = body.indexOf(quote);
    const res = await page.request.post(`/api/articles/${articleId}/annotations`, {
      data: { start, end: start + quote.length, tag: "anonymous-source", quote },
      headers: { origin },
    });
    expect(res.status()).toBe(201);
    ids.push((await res.json()).id);
  }
  await logout(page);
  await login(page, "ben@example.com");
  await page.goto("/review");
  await page.getByLabel("Article").selectOption(articleId);
  await expect(page.getByTestId("queue-remaining")).toHaveText(/^3 left/);
  await expect(current(page)).toContainText(QUOTES[0]);
  return { articleId, ids: ids as Fixture["ids"] };
}

const current = (page: Page) => page.locator(".queue-item.current");
const item = (page: Page, n: 0 | 1 | 2) => page.locator(".queue-item", { hasText: QUOTES[n] });

/**
 * Holds every review save until `release` is called: a connection as slow as the test wants. Set up before the
 * queue page loads: a route added to a page that is already running once let its first save through on a slow
 * machine.
 */
async function holdSaves(page: Page) {
  const held: Route[] = [];
  await page.route("**/api/annotations/*/reviews", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    held.push(route);
  });
  return {
    held,
    /** Lets the oldest held save through and waits for its answer. */
    async releaseNext() {
      await expect.poll(() => held.length).toBeGreaterThan(0);
      const route = held.shift()!;
      const answered = page.waitForResponse((r) => r.request() === route.request());
      await route.continue();
      await answered;
    },
  };
}

async function reviewsOf(page: Page, annotationId: string) {
  const res = await page.request.get(`/api/annotations/${annotationId}/reviews`);
  expect(res.ok()).toBe(true);
  return ((await res.json()).reviews as { verdict: string; comment: string; suggestedTag: string | null }[]).map((r) => ({
    verdict: r.verdict,
    comment: r.comment,
    suggestedTag: r.suggestedTag,
  }));
}

test("a save that returns while the reviewer reads the next item keeps the cursor and the reason there", async ({ page }) => {
  const saves = await holdSaves(page);
  const { ids } = await setUp(page);

  await page.keyboard.press("a");
  await expect(item(page, 0)).toContainText("Saving");
  await page.keyboard.press("j");
  await expect(current(page)).toContainText(QUOTES[1]);
  await current(page).getByLabel("Comment").fill("Named elsewhere in the story");

  await saves.releaseNext();
  await expect(item(page, 0)).toHaveCount(0);
  await expect(page.getByTestId("queue-remaining")).toHaveText(/^2 left/);
  await expect(current(page)).toContainText(QUOTES[1]);
  await expect(current(page).getByLabel("Comment")).toHaveValue("Named elsewhere in the story");

  await page.unroute("**/api/annotations/*/reviews");
  await current(page).getByRole("button", { name: /Disagree/ }).click();
  await expect(item(page, 1)).toHaveCount(0);
  expect(await reviewsOf(page, ids[0])).toEqual([{ verdict: "agree", comment: "", suggestedTag: null }]);
  expect(await reviewsOf(page, ids[1])).toEqual([{ verdict: "disagree", comment: "Named elsewhere in the story", suggestedTag: null }]);
  expect(await reviewsOf(page, ids[2])).toEqual([]);
  await expect(current(page)).toContainText(QUOTES[2]);
});

test("verdicts on two items save at the same time, each with its own saving state; none is dropped", async ({ page }) => {
  const saves = await holdSaves(page);
  const { ids } = await setUp(page);

  await current(page).getByLabel("Comment").fill("Fine as tagged");
  await current(page).getByRole("button", { name: /Agree/ }).click();
  await expect(item(page, 0).getByRole("button", { name: /Saving/ })).toBeDisabled();
  await item(page, 1).click();
  await expect(current(page)).toContainText(QUOTES[1]);
  await current(page).getByLabel("Suggested tag").selectOption("opinion");
  await current(page).getByLabel("Comment").fill("A judgement, not a source");
  await current(page).getByRole("button", { name: /Disagree/ }).click();

  // Both saves are on the wire together, each item saying so.
  await expect.poll(() => saves.held.length).toBe(2);
  await expect(item(page, 0)).toContainText("Saving");
  await expect(item(page, 1)).toContainText("Saving");
  await expect(item(page, 2)).not.toContainText("Saving");

  await saves.releaseNext();
  await saves.releaseNext();
  await expect(item(page, 0)).toHaveCount(0);
  await expect(item(page, 1)).toHaveCount(0);
  await expect(page.getByTestId("queue-remaining")).toHaveText(/^1 left/);
  expect(await reviewsOf(page, ids[0])).toEqual([{ verdict: "agree", comment: "Fine as tagged", suggestedTag: null }]);
  expect(await reviewsOf(page, ids[1])).toEqual([{ verdict: "disagree", comment: "A judgement, not a source", suggestedTag: "opinion" }]);
  expect(await reviewsOf(page, ids[2])).toEqual([]);
});

test("Esc leaves the comment and suggested-tag fields for the queue's shortcuts and keeps what was typed", async ({ page }) => {
  const { ids } = await setUp(page);

  const comment = current(page).getByLabel("Comment");
  await comment.click();
  await page.keyboard.type("Opinion words");
  await page.keyboard.press("Escape");
  await expect(comment).not.toBeFocused();
  await expect(comment).toHaveValue("Opinion words");

  const suggested = current(page).getByLabel("Suggested tag");
  await suggested.selectOption("opinion");
  await suggested.focus();
  await page.keyboard.press("Escape");
  await expect(suggested).not.toBeFocused();
  await expect(suggested).toHaveValue("opinion");

  await page.keyboard.press("d");
  await expect(item(page, 0)).toHaveCount(0);
  expect(await reviewsOf(page, ids[0])).toEqual([{ verdict: "disagree", comment: "Opinion words", suggestedTag: "opinion" }]);
  expect(await reviewsOf(page, ids[1])).toEqual([]);
});

test("a failed save says so next to its item, keeps the reason, offers retry and records nothing elsewhere", async ({ page }) => {
  const { ids } = await setUp(page);
  let failures = 0;
  await page.route("**/api/annotations/*/reviews", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    failures += 1;
    // One answer a server might give under strain, then a dropped connection.
    if (failures === 1) return route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ error: { message: "Database is busy" } }) });
    return route.abort("connectionreset");
  });

  await current(page).getByLabel("Comment").fill("Attributed two paragraphs down");
  await page.getByLabel("Comment").press("Escape");
  await page.keyboard.press("a");
  const failed = item(page, 0).getByRole("alert");
  await expect(failed).toContainText("not saved");
  await expect(failed).toContainText("Database is busy");
  await expect(current(page).getByLabel("Comment")).toHaveValue("Attributed two paragraphs down");

  // Moving on leaves the failure on its own item; the next item starts clean.
  await page.keyboard.press("j");
  await expect(current(page)).toContainText(QUOTES[1]);
  await expect(current(page).getByLabel("Comment")).toHaveValue("");
  await expect(item(page, 1).getByRole("alert")).toHaveCount(0);
  await item(page, 0).getByRole("button", { name: /Retry/ }).click();
  await expect(failed).toContainText("Could not reach the server");
  await expect(current(page)).toContainText(QUOTES[1]);

  await page.unroute("**/api/annotations/*/reviews");
  await item(page, 0).getByRole("button", { name: /Retry/ }).click();
  await expect(item(page, 0)).toHaveCount(0);
  expect(await reviewsOf(page, ids[0])).toEqual([{ verdict: "agree", comment: "Attributed two paragraphs down", suggestedTag: null }]);
  expect(await reviewsOf(page, ids[1])).toEqual([]);
  expect(await reviewsOf(page, ids[2])).toEqual([]);
  await expect(current(page)).toContainText(QUOTES[1]);
});

test("a verdict key pressed while a new filter loads judges nothing: the old list is off screen", async ({ page }) => {
  const { ids } = await setUp(page);
  const loads: Route[] = [];
  await page.route("**/api/review-queue?*", (route) => void loads.push(route));

  await page.getByRole("combobox", { name: /^Tag/ }).selectOption("opinion");
  await expect(page.getByText("Loading the queue…")).toBeVisible();
  await page.keyboard.press("a");
  await page.keyboard.press("d");
  await expect.poll(() => loads.length).toBe(1);
  await loads[0]!.continue();
  await page.unroute("**/api/review-queue?*");
  await expect(page.getByTestId("queue-empty")).toBeVisible();
  for (const id of ids) expect(await reviewsOf(page, id)).toEqual([]);
});

test("a save that fails after the filter hid its item is reported above the queue, with retry", async ({ page }) => {
  const saves = await holdSaves(page);
  const { ids } = await setUp(page);
  await current(page).getByLabel("Comment").fill("Sourced in the next line");
  await current(page).getByRole("button", { name: /Agree/ }).click();
  await expect.poll(() => saves.held.length).toBe(1);

  await page.getByRole("combobox", { name: /^Tag/ }).selectOption("opinion");
  await expect(page.getByTestId("queue-empty")).toBeVisible();
  await saves.held.shift()!.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { message: "Try again shortly" } }) });
  const failed = page.getByRole("alert").filter({ hasText: QUOTES[0] });
  await expect(failed).toContainText("not saved: Try again shortly");

  await page.unroute("**/api/annotations/*/reviews");
  await failed.getByRole("button", { name: "Retry" }).click();
  await expect(failed).toHaveCount(0);
  expect(await reviewsOf(page, ids[0])).toEqual([{ verdict: "agree", comment: "Sourced in the next line", suggestedTag: null }]);
});

test("a queue item links to its passage in the article", async ({ page }) => {
  const { articleId } = await setUp(page);
  const link = item(page, 1).getByRole("link", { name: "Slow review fixture" });
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}#\\d+$`));
  await expect(page.locator("mark.flash")).toContainText(QUOTES[1].slice(0, 20));
});
