import { expect, test, type Page } from "@playwright/test";
import { DEFAULT_CODEBOOK } from "../lib/annotations/codebook";
import { TAGS } from "../lib/annotations/tags";
import { annotate, createArticle, pointAt, review } from "./fixtures";
import { annotationsOf, login, logout } from "./support";

// A newcomer's first screen: what to do is said where they look, suggestions do not pass for saved work, every
// mark means one thing, the tags are defined on screen, and a sloppy drag still tags what it covered.

test.use({ viewport: { width: 1280, height: 800 } });

const ANON = "Officials said the port would reopen next week";
const OVERLAP = "the port would reopen next week";
const OFFICIAL = "The harbour authority announced on Monday that the quay was repaired";
const OPINION = "The council should stop dithering";
const OPINION_TOO = "fund the harbour at last";

function articleBody(stamp: string) {
  return [
    `${ANON}, according to people familiar with the matter.`,
    `${OFFICIAL}. The work took three weeks.`,
    `${OPINION} and ${OPINION_TOO}.`,
    `In run ${stamp}, the mayor visited the port on Tuesday and met the dock workers.`,
  ].join("\n\n");
}

async function newArticle(page: Page) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const body = articleBody(stamp);
  const id = await createArticle(page, { title: `Harbour ${stamp}`, body });
  return { id, body };
}

test("the hint sits above the article, in the first screen, and links to the codebook", async ({ page }) => {
  await login(page, "ben@example.com");
  const { id } = await newArticle(page);
  await page.goto(`/articles/${id}`);
  const hint = page.getByTestId("workspace-hint");
  await expect(hint).toContainText("Select text to tag it");
  const hintBox = (await hint.boundingBox())!;
  const bodyBox = (await page.getByTestId("article-body").boundingBox())!;
  expect(hintBox.y + hintBox.height).toBeLessThanOrEqual(bodyBox.y);
  expect(hintBox.y + hintBox.height).toBeLessThanOrEqual(800);

  await hint.getByRole("link", { name: "How to tag" }).click();
  await expect(page).toHaveURL(/\/how-to-tag$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How to tag");
  for (const tag of TAGS) {
    const entry = page.getByTestId(`codebook-${tag}`);
    await expect(entry).toContainText(DEFAULT_CODEBOOK[tag].definition);
    await expect(entry).toContainText(DEFAULT_CODEBOOK[tag].example);
  }
  await expect(page.getByTestId("marks-samples")).toContainText("dotted box");
});

test("no suggestion is put forward before the reader asks, and y accepts nothing unseen", async ({ page }) => {
  await login(page, "ben@example.com");
  const { id } = await newArticle(page);
  await page.goto(`/articles/${id}`);
  await expect(page.locator("[data-sg]").first()).toBeVisible();
  const panel = page.getByTestId("suggestion-panel");
  await expect(panel.getByRole("button", { name: /Go through suggestions/ })).toBeVisible();
  await expect(panel.getByTestId("suggestion-quote")).toHaveCount(0);
  await expect(page.locator(".sg-focus")).toHaveCount(0);

  await page.keyboard.press("y");
  await page.waitForTimeout(300);
  expect(await annotationsOf(page, id)).toEqual([]);

  await page.keyboard.press("n");
  await expect(panel.getByTestId("suggestion-quote")).toBeVisible();
  await expect(page.locator(".sg-focus").first()).toBeVisible();
});

test("each kind of mark has a style of its own, not only a colour, and the legend names it", async ({ page }) => {
  await login(page, "admin@example.com");
  const { id, body } = await newArticle(page);
  const anon = await annotate(page, id, body, ANON, "anonymous-source");
  const overlapping = await annotate(page, id, body, OVERLAP, "opinion");
  const official = await annotate(page, id, body, OFFICIAL, "official-statement");
  const opinion = await annotate(page, id, body, OPINION_TOO, "opinion");
  const rejected = await annotate(page, id, body, OPINION, "opinion");
  await logout(page);
  await login(page, "ana@example.com");
  await review(page, rejected, "disagree", "A prescription, but in a quoted letter.");
  await logout(page);

  await login(page, "ben@example.com");
  await page.goto(`/articles/${id}`);
  await expect(page.locator(`[data-ids~="${rejected}"]`).first()).toHaveClass(/hl-rejected/);
  const look = (selector: string) =>
    page.locator(selector).first().evaluate((el) => {
      const s = getComputedStyle(el);
      return {
        line: s.textDecorationLine.includes("underline") ? s.textDecorationStyle : "none",
        outline: s.outlineStyle,
        stripes: s.backgroundImage.includes("repeating-linear-gradient"),
      };
    });
  const suggestion = await look("span.sg");
  // Suggestions also box the saved highlights they cover: the highlights are measured without them.
  await page.getByTestId("suggestions-toggle").uncheck();
  await expect(page.locator("[data-sg]")).toHaveCount(0);
  const looks = {
    anonymous: await look(`[data-ids="${anon}"]`),
    official: await look(`[data-ids="${official}"]`),
    opinion: await look(`[data-ids="${opinion}"]`),
    overlap: await look(`[data-ids~="${anon}"][data-ids~="${overlapping}"]`),
    rejected: await look(`[data-ids="${rejected}"]`),
    suggestion,
  };
  expect(looks.anonymous).toMatchObject({ line: "dashed", stripes: false });
  expect(looks.official).toMatchObject({ line: "solid", stripes: false });
  expect(looks.opinion).toMatchObject({ line: "double", stripes: false });
  expect(looks.overlap.stripes).toBe(true);
  expect(looks.rejected).toMatchObject({ line: "wavy", stripes: false });
  expect(looks.suggestion).toEqual({ line: "none", outline: "dotted", stripes: false });
  // Dashed and dotted each mean one thing only.
  const all = Object.values(looks).flatMap((l) => [l.line, l.outline]);
  expect(all.filter((s) => s === "dashed")).toHaveLength(1);
  expect(all.filter((s) => s === "dotted")).toHaveLength(1);

  const key = page.getByTestId("marks-key");
  await expect(key).toContainText("Suggested, not saved: dotted box");
  await expect(key).toContainText("Different tags overlap: striped");
  await expect(key).toContainText("Rejected in review: wavy underline");
  await expect(page.locator(".legend-item.tag-opinion")).toContainText("double");
  await expect(page.locator(".legend-item.tag-anonymous-source")).toContainText("dashed");
});

test("the palette defines each tag and gives an example", async ({ page }) => {
  await login(page, "ben@example.com");
  const { id } = await newArticle(page);
  await page.goto(`/articles/${id}`);
  const from = await pointAt(page, "In run", "start");
  const to = await pointAt(page, "dock workers", "end");
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  const palette = page.getByTestId("tag-palette");
  await expect(palette).toBeVisible();
  for (const tag of TAGS) {
    const button = palette.locator(`.palette-tag.tag-${tag}`);
    await expect(button).toContainText(DEFAULT_CODEBOOK[tag].definition);
    await button.hover();
    await expect(button.locator(".palette-tag-example")).toBeVisible();
    await expect(button.locator(".palette-tag-example")).toContainText(DEFAULT_CODEBOOK[tag].example);
  }
  // Keyboard and screen-reader users get the same text as the buttons' description.
  await expect(palette.getByRole("button", { name: /Opinion/ })).toHaveAccessibleDescription(new RegExp(DEFAULT_CODEBOOK.opinion.definition));
  await expect(palette.getByRole("link", { name: "How to tag" })).toHaveAttribute("href", "/how-to-tag");
});

test("a drag from the headline tags from the start of the text; a drag into the side panel stops at that line", async ({ page }) => {
  await login(page, "ben@example.com");
  const { id, body } = await newArticle(page);
  await page.goto(`/articles/${id}`);
  const palette = page.getByTestId("tag-palette");

  const headline = (await page.getByTestId("article-title").boundingBox())!;
  const end = await pointAt(page, "Officials said", "end");
  await page.mouse.move(headline.x + 2, headline.y + headline.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
  await expect(palette).toBeVisible();
  await expect(palette.locator(".palette-quote")).toHaveAttribute("title", "Officials said");
  await expect(palette.getByRole("status")).toContainText("trimmed");
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();

  // From a word in the second paragraph, out past the text's right edge and into the side panel at that height.
  const start = await pointAt(page, "The harbour", "start");
  const side = (await page.getByRole("complementary", { name: "Annotations" }).boundingBox())!;
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(side.x - 30, start.y, { steps: 5 });
  await page.mouse.move(side.x + 40, start.y, { steps: 5 });
  await page.mouse.up();
  await expect(palette).toBeVisible();
  const quote = (await palette.locator(".palette-quote").getAttribute("title"))!;
  expect(quote.startsWith("The harbour authority")).toBe(true);
  // Within that paragraph: the reader pointed at that line, not at the rest of the article.
  expect(body.split("\n\n")[1]!.includes(quote)).toBe(true);
  const saved = page.waitForResponse((r) => r.url().endsWith("/annotations") && r.request().method() === "POST");
  await palette.getByRole("button", { name: /Official statement/ }).click();
  expect((await (await saved).json()).quote).toBe(quote);
});
