import { expect, test } from "@playwright/test";
import { articleIdFromUrl, login, logout, selectWithMouse } from "./support";

test("A tags, B reviews it in the queue with the keyboard, A sees the status change; agreement shows", { tag: "@smoke" }, async ({ page }) => {
  // A fresh article so the queue holds exactly what this test creates.
  await login(page, "ana@example.com");
  const created = await page.request.post("/api/articles", {
    data: {
      title: "Review workflow fixture",
      outlet: "Test Wire",
      // The run's own last line keeps the body unique, so the test can repeat against one database.
      body: `Officials familiar with the talks said the deal was close.\n\nThe minister said on Tuesday that no deal had been reached.\n\nRun ${Date.now()}.`,
    },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(created.status()).toBe(201);
  const article = await created.json();

  await page.goto(`/articles/${article.id}`);
  await selectWithMouse(page, "Officials familiar with the talks said the deal was close.");
  await page.getByTestId("tag-palette").getByRole("button", { name: /Anonymous source/ }).click();
  await expect(page.getByTestId("annotation-list")).toContainText("Officials familiar with the talks");
  await logout(page);

  await login(page, "ben@example.com");
  await page.goto("/review");
  await page.getByLabel("Article").selectOption(article.id);
  await expect(page.getByTestId("queue-remaining")).toHaveText(/^1 left/);
  await expect(page.locator(".queue-item.current")).toContainText("Officials familiar with the talks said the deal was close.");
  await page.keyboard.press("a");
  await expect(page.getByTestId("queue-empty")).toBeVisible();
  await expect(page.getByTestId("queue-remaining")).toHaveText(/^0 left/);

  // Ben tags the minister's sentence differently from nobody (Ana did not tag it): a disagreement.
  await page.goto(`/articles/${article.id}`);
  await selectWithMouse(page, "The minister said on Tuesday that no deal had been reached.");
  await page.getByTestId("tag-palette").getByRole("button", { name: /Official statement/ }).click();
  await expect(page.getByTestId("annotation-list")).toContainText("The minister said");
  await expect(page.getByTestId("agreement-line")).toContainText("2 annotators");
  await page.getByRole("link", { name: "Disagreements" }).click();
  await expect(page.getByTestId("disagreements")).toContainText("The minister said on Tuesday");
  await expect(page.getByTestId("disagreements")).toContainText("not tagged");
  await logout(page);

  await login(page, "ana@example.com");
  await page.goto(`/articles/${article.id}`);
  expect(articleIdFromUrl(page)).toBe(article.id);
  await page.getByTestId("annotation-list").getByRole("button", { name: /Officials familiar/ }).click();
  await expect(page.getByTestId("annotation-status")).toHaveText("accepted");
  await expect(page.getByTestId("review-panel")).toContainText("Ben Reviewer");
  await expect(page.getByTestId("review-panel")).toContainText("Agree");
});

test("reviewing from the annotation details: disagree with a suggested tag and a reason", async ({ page }) => {
  await login(page, "ben@example.com");
  const created = await page.request.post("/api/articles", {
    data: { title: "Disagree fixture", body: `The senator, who declined to be named, called it a disaster.\n\nRun ${Date.now()}.` },
    headers: { origin: new URL(page.url()).origin },
  });
  const article = await created.json();
  await page.goto(`/articles/${article.id}`);
  await selectWithMouse(page, "called it a disaster");
  await page.getByTestId("tag-palette").getByRole("button", { name: /Official statement/ }).click();
  await expect(page.getByTestId("annotation-list")).toContainText("called it a disaster");
  await logout(page);

  await login(page, "ana@example.com");
  await page.goto(`/articles/${article.id}`);
  await page.getByTestId("annotation-list").getByRole("button", { name: /called it a disaster/ }).click();
  const panel = page.getByTestId("review-panel");
  await panel.getByRole("button", { name: "✗ Disagree…" }).click();
  await panel.getByLabel("Suggested tag (optional)").selectOption("opinion");
  await panel.getByLabel("Reason (optional)").fill("Evaluative word, not a statement");
  await panel.getByRole("button", { name: "Submit disagreement" }).click();
  await expect(page.getByTestId("annotation-status")).toHaveText("rejected");
  await expect(page.getByTestId("review-panel")).toContainText("Evaluative word, not a statement");
  await page.getByLabel("Hide rejected annotations").check();
  await expect(page.getByTestId("annotation-sidebar")).toContainText("No annotations in this view yet");
  await expect(page.locator("mark.hl")).toHaveCount(0);
});

test("a verdict key pressed the instant a filtered queue appears judges the item shown", async ({ page }) => {
  await login(page, "ana@example.com");
  const origin = new URL(page.url()).origin;
  const tagged: { articleId: string; annotationId: string; quote: string }[] = [];
  for (const quote of ["An aide who asked not to be named said talks stalled.", "A diplomat speaking anonymously said talks resumed."]) {
    const article = await page.request.post("/api/articles", {
      data: { title: `Instant verdict ${tagged.length + 1}`, body: `${quote}\n\nRun ${Date.now()}.` },
      headers: { origin },
    });
    expect(article.status()).toBe(201);
    const { id: articleId } = await article.json();
    const annotation = await page.request.post(`/api/articles/${articleId}/annotations`, {
      data: { start: 0, end: quote.length, tag: "anonymous-source", quote },
      headers: { origin },
    });
    expect(annotation.status()).toBe(201);
    tagged.push({ articleId, annotationId: (await annotation.json()).id, quote });
  }
  const [first, second] = tagged as [(typeof tagged)[0], (typeof tagged)[0]];
  await logout(page);

  await login(page, "ben@example.com");
  await page.goto("/review");
  // The whole queue first: its current item is another one (the first article's, or an older teammate tag).
  await expect(page.locator(".queue-item.current")).toBeVisible();
  await expect(page.locator(".queue-item.current")).not.toContainText(second.quote);
  // Press "a" in the same task that paints the filtered queue, before any later task can run: the moment
  // a fast reviewer's key can land.
  await page.evaluate((quote) => {
    const observer = new MutationObserver(() => {
      const current = document.querySelector(".queue-item.current");
      if (!current?.textContent?.includes(quote)) return;
      observer.disconnect();
      document.dispatchEvent(new KeyboardEvent("keydown", { key: "a", bubbles: true }));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, second.quote);
  await page.getByLabel("Article").selectOption(second.articleId);
  await expect(page.getByTestId("queue-empty")).toBeVisible();

  const statusOf = async (articleId: string) => {
    const res = await page.request.get(`/api/articles/${articleId}/annotations`);
    return ((await res.json()).annotations as { status: string }[]).map((a) => a.status);
  };
  expect(await statusOf(second.articleId)).toEqual(["accepted"]);
  expect(await statusOf(first.articleId)).toEqual(["pending"]);
});
