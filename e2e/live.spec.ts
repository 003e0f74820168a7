import { expect, test, type Page } from "@playwright/test";
import { annotate, createArticle, review } from "./fixtures";
import { login, selectWithMouse } from "./support";

// Two teammates on one article, each in a browser of their own: what one does shows on the other's open pages
// within 2 s, without a reload, and without losing what the other is typing or where they are scrolled.

const LIVE_MS = 2000;

const FILLER = Array.from({ length: 30 }, (_, i) => `Background paragraph ${i + 1} repeats what readers already know about the talks.`);
const ANA_QUOTE = "Officials familiar with the talks said the deal was close.";
const BEN_QUOTE = "The minister said on Tuesday that no deal had been reached.";
const LATER_QUOTE = "A spokesman, who asked not to be named, declined to comment.";
const GONE_QUOTE = "Critics called the plan a reckless gamble.";

/** Resolves with how long `check` took to pass (it must within LIVE_MS, counted from the call). */
async function within(check: () => Promise<void>): Promise<number> {
  const started = Date.now();
  await check();
  const took = Date.now() - started;
  expect(took, `shown after ${took} ms`).toBeLessThanOrEqual(LIVE_MS);
  return took;
}

const fast = { timeout: LIVE_MS };

/** The passages the queue lists (their highlighted quotes, not the context around them). */
const queued = (queue: Page) => queue.locator(".queue-item mark");

async function scrollTop(page: Page) {
  return page.evaluate(() => window.scrollY);
}

test("a teammate's annotations, verdicts and deletes show on open pages without a reload", async ({ browser }) => {
  const anaContext = await browser.newContext();
  const benContext = await browser.newContext();
  const ana = await anaContext.newPage();
  const ben = await benContext.newPage();
  await login(ana, "ana@example.com");
  await login(ben, "ben@example.com");
  const body = [...FILLER, ANA_QUOTE, BEN_QUOTE, LATER_QUOTE, GONE_QUOTE, `Run ${Date.now()}.`].join("\n\n");
  const articleId = await createArticle(ana, { title: `Live pages ${Date.now()}`, body });

  // Ben reads far down the article, and starts tagging a sentence with a note he has not saved yet.
  await ben.goto(`/articles/${articleId}`);
  await expect(ben.getByTestId("score-value")).toHaveText("Not yet annotated");
  await ben.getByText(BEN_QUOTE).scrollIntoViewIfNeeded();
  await selectWithMouse(ben, BEN_QUOTE);
  const palette = ben.getByTestId("tag-palette");
  await expect(palette).toBeVisible();
  const draftNote = palette.getByRole("textbox");
  await draftNote.fill("Ben's unsaved note");
  const scrolled = await scrollTop(ben);
  expect(scrolled).toBeGreaterThan(0);

  // Ana tags a sentence: Ben's list, highlights and score follow; his draft, its focus and his scroll stay.
  const anaId = await annotate(ana, articleId, body, ANA_QUOTE, "anonymous-source");
  const shown = await within(() => expect(ben.getByTestId("annotation-list")).toContainText("Officials familiar", fast));
  await expect(ben.locator(`[data-ids~="${anaId}"]`).first()).toBeVisible();
  await expect(ben.getByTestId("score-value")).not.toHaveText("Not yet annotated", fast);
  await expect(palette).toBeVisible();
  await expect(draftNote).toHaveValue("Ben's unsaved note");
  await expect(draftNote).toBeFocused();
  expect(Math.abs((await scrollTop(ben)) - scrolled)).toBeLessThanOrEqual(2);
  test.info().annotations.push({ type: "annotation shown after", description: `${shown} ms` });

  // Ben saves his tag, opens it, and starts rewriting its note; Ana disagrees with it meanwhile.
  await palette.getByRole("button", { name: /Official statement/ }).click();
  await ben.getByTestId("annotation-list").getByRole("button", { name: /The minister said/ }).click();
  const details = ben.getByTestId("annotation-details");
  await expect(details.getByTestId("annotation-status")).toHaveText("pending");
  await details.getByRole("textbox", { name: "Note" }).fill("Ben is rewriting this note");
  const benId = (await (await ben.request.get(`/api/articles/${articleId}/annotations`)).json()).annotations.find(
    (a: { quote: string }) => a.quote === BEN_QUOTE,
  ).id as string;
  await review(ana, benId, "disagree", "It is a denial, not an official statement of fact.");
  const verdict = await within(() => expect(details.getByTestId("annotation-status")).toHaveText("rejected", fast));
  await expect(details.getByTestId("review-panel")).toContainText("Ana", fast);
  await expect(details.getByTestId("review-panel")).toContainText("It is a denial");
  await expect(details.getByRole("textbox", { name: "Note" })).toHaveValue("Ben is rewriting this note");
  test.info().annotations.push({ type: "verdict shown after", description: `${verdict} ms` });

  // Ben's review queue on the article: Ana's new tag joins it, a tag she deletes leaves it, his typed reason stays.
  const queue = await benContext.newPage();
  await queue.goto("/review");
  await queue.getByLabel("Article").selectOption(articleId);
  await expect(queue.getByTestId("queue-remaining")).toHaveText(/^1 left/);
  await queue.getByLabel("Comment").first().fill("Ben's reason, typed before the refresh");
  const goneId = await annotate(ana, articleId, body, GONE_QUOTE, "opinion");
  await within(() => expect(queued(queue).filter({ hasText: "Critics called the plan" })).toHaveCount(1, fast));
  await expect(queue.getByTestId("queue-remaining")).toHaveText(/^2 left/);
  await annotate(ana, articleId, body, LATER_QUOTE, "anonymous-source");
  await expect(queued(queue)).toHaveText([ANA_QUOTE, LATER_QUOTE, GONE_QUOTE], fast);
  const deleted = await ana.request.delete(`/api/annotations/${goneId}`, { headers: { origin: new URL(ana.url()).origin } });
  expect(deleted.status()).toBe(204);
  await within(() => expect(queued(queue)).toHaveText([ANA_QUOTE, LATER_QUOTE], fast));
  await expect(queue.getByTestId("queue-remaining")).toHaveText(/^2 left/);
  await expect(queue.locator(".queue-item.current")).toContainText("Officials familiar");
  await expect(queue.getByLabel("Comment").first()).toHaveValue("Ben's reason, typed before the refresh");
  // A third teammate rejects the item Ben is on: his queue says so, and keeps his place and reason.
  const admin = await (await browser.newContext()).newPage();
  await login(admin, "admin@example.com");
  await review(admin, anaId, "disagree");
  const current = queue.locator(".queue-item.current");
  await within(() => expect(current.getByTestId("queue-verdicts")).toHaveText("So far 0 agree · 1 disagree: rejected", fast));
  await expect(current).toContainText("Officials familiar");
  await expect(queue.getByLabel("Comment").first()).toHaveValue("Ben's reason, typed before the refresh");
  await admin.context().close();
  // The article page heard the delete too.
  await expect(ben.locator(`[data-ids~="${goneId}"]`)).toHaveCount(0, fast);

  await anaContext.close();
  await benContext.close();
});

test("a page whose event stream failed catches up when it connects again", async ({ browser }) => {
  const anaContext = await browser.newContext();
  const benContext = await browser.newContext();
  const ana = await anaContext.newPage();
  const ben = await benContext.newPage();
  await login(ana, "ana@example.com");
  await login(ben, "ben@example.com");
  const body = [ANA_QUOTE, BEN_QUOTE, `Run ${Date.now()}.`].join("\n\n");
  const articleId = await createArticle(ana, { title: `Live reconnect ${Date.now()}`, body });

  // The server refuses Ben's stream (as it would while restarting) until the route is lifted.
  let refused = 0;
  await ben.route("**/api/events", (route) => {
    refused++;
    return route.fulfill({ status: 503, contentType: "application/json", body: '{"error":{"code":"INTERNAL","message":"restarting"}}' });
  });
  await ben.goto(`/articles/${articleId}`);
  await expect.poll(() => refused).toBeGreaterThan(0);
  // Ana's change happens while Ben hears nothing.
  const missed = await annotate(ana, articleId, body, ANA_QUOTE, "opinion");
  await ben.waitForTimeout(300);
  await expect(ben.locator(`[data-ids~="${missed}"]`)).toHaveCount(0);

  await ben.unroute("**/api/events");
  // The page opens its stream again (2 s after a refusal), and on opening fetches what it missed.
  await expect(ben.getByTestId("annotation-list")).toContainText("Officials familiar", { timeout: 6000 });
  await expect(ben.getByTestId("score-value")).not.toHaveText("Not yet annotated");

  await anaContext.close();
  await benContext.close();
});
