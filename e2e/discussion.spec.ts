import { expect, test, type Browser, type Page } from "@playwright/test";
import { annotate } from "./fixtures";
import { login } from "./support";

const BODY = (run: number) =>
  `Officials familiar with the talks said the deal was close.\n\nThe minister said on Tuesday that no deal had been reached.\n\nRun ${run}.`;
const QUOTE = "Officials familiar with the talks said the deal was close.";

/** Ben's article with Ben's annotation on it, and Ben's notifications all read, so the counts below are this test's. */
async function bensAnnotation(ben: Page) {
  const body = BODY(Date.now());
  const origin = new URL(ben.url()).origin;
  const created = await ben.request.post("/api/articles", { data: { title: `Discussion fixture ${Date.now()}`, body }, headers: { origin } });
  expect(created.status()).toBe(201);
  const article = (await created.json()) as { id: string; title: string };
  const annotationId = await annotate(ben, article.id, body, QUOTE, "anonymous-source");
  const read = await ben.request.post("/api/notifications/read", { data: { all: true }, headers: { origin } });
  expect(read.ok()).toBe(true);
  return { article, annotationId };
}

async function loggedIn(browser: Browser, email: string) {
  const page = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
  await login(page, email);
  return page;
}

async function openThread(page: Page, articleId: string) {
  await page.goto(`/articles/${articleId}`);
  await page.getByTestId("annotation-list").getByRole("button", { name: /Officials familiar/ }).click();
  await page.getByRole("button", { name: "Show discussion" }).click();
  const panel = page.getByTestId("thread-panel");
  await expect(panel.getByText("No discussion yet.")).toBeVisible();
  return panel;
}

test("a discussion: mention with the keyboard, edit, delete, resolve, reopen; the mentioned teammate is notified and lands on the thread", async ({ browser }) => {
  test.setTimeout(120_000);
  const ben = await loggedIn(browser, "ben@example.com");
  const { article, annotationId } = await bensAnnotation(ben);
  const ana = await loggedIn(browser, "ana@example.com");
  const panel = await openThread(ana, article.id);
  const composer = panel.getByRole("textbox", { name: "Reply", exact: true });

  // The mention list: Escape closes it without closing the details; the arrows and Enter choose.
  await composer.click();
  await ana.keyboard.type("@");
  const list = ana.getByRole("listbox", { name: "Teammates to mention" });
  await expect(list).toBeVisible();
  await ana.keyboard.press("Escape");
  await expect(list).toBeHidden();
  await expect(ana.getByTestId("annotation-details")).toBeVisible();
  await ana.keyboard.press("Backspace");
  await ana.keyboard.type("Thanks @Be");
  await expect(list.getByRole("option", { name: /Ben Reviewer/ })).toBeVisible();
  await ana.keyboard.press("ArrowDown");
  await expect(list.getByRole("option", { name: /Ben Reviewer/ })).toHaveAttribute("aria-selected", "true");
  await ana.keyboard.press("Enter");
  await expect(composer).toHaveValue("Thanks @Ben Reviewer ");
  await ana.keyboard.type("can you check who the officials are?");
  await ana.keyboard.press("Control+Enter");
  const replies = panel.getByTestId("thread-reply");
  await expect(replies).toHaveCount(1);
  await expect(replies.first().locator("strong.mention")).toHaveText("@Ben Reviewer");
  await expect(composer).toHaveValue("");

  // A second reply, edited in place, then deleted after confirming.
  await composer.fill("First thought: <b>not bold</b>");
  await panel.getByRole("button", { name: "Send reply" }).click();
  await expect(replies).toHaveCount(2);
  await expect(replies.nth(1)).toContainText("<b>not bold</b>");
  await replies.nth(1).getByRole("button", { name: "Edit your reply" }).click();
  await replies.nth(1).getByRole("textbox", { name: "Edit your reply" }).fill("Second thought");
  await replies.nth(1).getByRole("button", { name: "Save" }).click();
  await expect(replies.nth(1)).toContainText("Second thought");
  await expect(replies.nth(1)).toContainText("(edited)");
  await replies.nth(1).getByRole("button", { name: "Delete… your reply" }).click();
  await replies.nth(1).getByRole("button", { name: "Keep it" }).click();
  await expect(replies).toHaveCount(2);
  await replies.nth(1).getByRole("button", { name: "Delete… your reply" }).click();
  await replies.nth(1).getByRole("button", { name: "Delete", exact: true }).click();
  await expect(replies).toHaveCount(1);

  // A review joins the thread in time order, after the reply.
  await ana.getByTestId("review-panel").getByRole("button", { name: "✓ Agree" }).click();
  await expect(panel.getByTestId("thread-review")).toContainText("Agreed");
  await expect(panel.locator(".thread-entry").last()).toHaveAttribute("data-testid", "thread-review");

  // Resolve and reopen, the state in words.
  await expect(panel.getByTestId("thread-state")).toHaveText("Open");
  await panel.getByRole("button", { name: "Resolve" }).click();
  await expect(panel.getByTestId("thread-state")).toHaveText("✓ Resolved by Ana Reviewer");
  await panel.getByRole("button", { name: "Reopen" }).click();
  await expect(panel.getByTestId("thread-state")).toHaveText("Open");

  // The live feed's event for this annotation fetches the thread again (Ben's reply appears) and the draft stays.
  await composer.fill("Half-written answer");
  const origin = new URL(ben.url()).origin;
  const bens = await ben.request.post(`/api/annotations/${annotationId}/replies`, { data: { text: "They are on the record elsewhere." }, headers: { origin } });
  expect(bens.status()).toBe(201);
  await ana.evaluate((id) => window.dispatchEvent(new CustomEvent("sourcing:change", { detail: { kind: "reply", annotationId: id } })), annotationId);
  await expect(replies).toHaveCount(2);
  await expect(replies.nth(1)).toContainText("They are on the record elsewhere.");
  await expect(composer).toHaveValue("Half-written answer");
  await expect(replies.nth(1).getByRole("button", { name: "Edit your reply" })).toHaveCount(0);

  // A refused reply says why beside the box and keeps the text, through a resync too.
  await composer.fill("Ask @nobody about it");
  await panel.getByRole("button", { name: "Send reply" }).click();
  await expect(panel.getByRole("alert")).toContainText("No teammate is called");
  await expect(composer).toHaveValue("Ask @nobody about it");
  await ana.evaluate(() => window.dispatchEvent(new CustomEvent("sourcing:change", { detail: { kind: "resync" } })));
  await expect(composer).toHaveValue("Ask @nobody about it");
  await expect(replies).toHaveCount(2);

  // Ben: the mention and the verdict are waiting.
  await ben.goto("/articles");
  await expect(ben.getByRole("link", { name: "Notifications, 2 unread" })).toBeVisible();
  await ben.getByRole("link", { name: "Notifications, 2 unread" }).click();
  await expect(ben).toHaveURL(/\/notifications$/);
  const entries = ben.getByTestId("notification");
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText("Ana Reviewer reviewed your annotation");
  const mention = entries.filter({ hasText: "Ana Reviewer mentioned you" });
  await expect(mention).toContainText("Unread");
  await expect(mention).toContainText(article.title);
  await expect(mention).toContainText(QUOTE);
  await mention.getByRole("link").click();
  await expect(ben).toHaveURL(new RegExp(`/articles/${article.id}\\?annotation=${annotationId}&thread=1$`));
  await expect(ben.getByTestId("thread-panel")).toBeVisible();
  await expect(ben.getByTestId("thread-panel")).toContainText("can you check who the officials are?");
  await expect(ben.locator(`[data-ids~="${annotationId}"]`).first()).toBeInViewport();
  await expect(ben.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();

  // The same link on a fresh page load.
  await ben.goto(`/articles/${article.id}?annotation=${annotationId}&thread=1`);
  await expect(ben.getByTestId("thread-panel")).toContainText("can you check who the officials are?");

  await ben.goto("/notifications");
  await expect(ben.getByTestId("notification").filter({ hasText: "mentioned you" })).not.toContainText("Unread");
  await ben.getByRole("button", { name: "Mark all read" }).click();
  await expect(ben.getByTestId("notif-unread")).toHaveText("All read");
  await expect(ben.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await expect(ben.getByTestId("notification").filter({ hasText: "Unread" })).toHaveCount(0);

  await ana.context().close();
  await ben.context().close();
});

test("the thread panel and the notifications page fit phones and tablets", async ({ browser }) => {
  test.setTimeout(90_000);
  const ben = await loggedIn(browser, "ben@example.com");
  const { article, annotationId } = await bensAnnotation(ben);
  const ana = await loggedIn(browser, "ana@example.com");
  const origin = new URL(ana.url()).origin;
  for (const text of ["@Ben Reviewer is this the same group of officials as last week?", "Yes, the wording matches the earlier briefing.\nSee paragraph two."]) {
    const who = text.startsWith("@") ? ana : ben;
    const res = await who.request.post(`/api/annotations/${annotationId}/replies`, { data: { text }, headers: { origin } });
    expect(res.status()).toBe(201);
  }
  for (const width of [1280, 768, 390]) {
    await ana.setViewportSize({ width, height: 900 });
    await ana.goto(`/articles/${article.id}?annotation=${annotationId}&thread=1`);
    await expect(ana.getByTestId("thread-panel").getByTestId("thread-reply")).toHaveCount(2);
    await expect(ana.locator(`[data-ids~="${annotationId}"]`).first()).toBeInViewport();
    await expect(ana.getByTestId("thread-panel").getByRole("heading", { name: /^Discussion/ })).toBeInViewport();
    expect(await ana.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await ana.screenshot({ path: test.info().outputPath(`discussion-${width}.png`) });
    await ana.getByRole("textbox", { name: "Reply", exact: true }).fill("@");
    await expect(ana.getByRole("listbox", { name: "Teammates to mention" })).toBeVisible();
    expect(await ana.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await ana.screenshot({ path: test.info().outputPath(`discussion-mention-${width}.png`) });

    await ben.setViewportSize({ width, height: 900 });
    await ben.goto("/notifications");
    await expect(ben.getByTestId("notification").first()).toBeVisible();
    expect(await ben.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await ben.screenshot({ path: test.info().outputPath(`notifications-${width}.png`), fullPage: true });
  }
  await ana.context().close();
  await ben.context().close();
});

test("the notifications page loads older entries a page at a time", async ({ browser }) => {
  const ben = await loggedIn(browser, "ben@example.com");
  const { annotationId } = await bensAnnotation(ben);
  const ana = await loggedIn(browser, "ana@example.com");
  const origin = new URL(ana.url()).origin;
  // Each of Ana's replies on Ben's annotation tells Ben: one more than a page.
  for (let i = 1; i <= 21; i++) {
    const res = await ana.request.post(`/api/annotations/${annotationId}/replies`, { data: { text: `Point ${i}` }, headers: { origin } });
    expect(res.status()).toBe(201);
  }
  await ben.goto("/notifications");
  await expect(ben.getByTestId("notif-unread")).toHaveText("21 unread notifications");
  await expect(ben.getByTestId("notification")).toHaveCount(20);
  await ben.getByRole("button", { name: "Load more" }).click();
  // Ben's earlier notifications (read) come after this test's 21.
  const unread = ben.getByTestId("notification").filter({ hasText: "Unread" });
  await expect(unread).toHaveCount(21);
  await expect(unread.nth(20)).toContainText("Ana Reviewer replied");
  expect(await ben.getByTestId("notification").count()).toBeGreaterThan(20);

  // Mark read on one entry leaves it where it is, without its Unread mark.
  const first = ben.getByTestId("notification").first();
  await first.getByRole("button", { name: "Mark read" }).click();
  await expect(first).not.toContainText("Unread");
  await expect(ben.getByTestId("notif-unread")).toHaveText("20 unread notifications");
  await expect(ben.getByRole("link", { name: "Notifications, 20 unread" })).toBeVisible();
  await ana.context().close();
  await ben.context().close();
});
