import { expect, test } from "@playwright/test";
import { createArticle } from "./fixtures";
import { annotationsOf, highlightedText, login } from "./support";

// Tagging with the keyboard alone, without the browser's caret browsing: a sentence cursor that t starts, the
// arrows move, Shift+arrows extend, 1/2/3 tag through the same palette and create request as the mouse.

test("t starts a sentence cursor; arrows move it, Shift extends it, 1 and Enter tag the span, Esc stops", async ({ page }) => {
  await login(page, "ben@example.com");
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const body = [
    "The ferry left the harbour at noon. Officials said the crossing would be rough. The captain disagreed, according to the harbour office.",
    `A second paragraph starts here. It ends in run ${stamp}.`,
  ].join("\n\n");
  const id = await createArticle(page, { title: `Ferry ${stamp}`, body });
  await page.goto(`/articles/${id}`);
  const article = page.getByTestId("article-body");
  const said = page.getByTestId("cursor-announcement");

  await page.keyboard.press("t");
  await expect(article).toBeFocused();
  await expect(article).toHaveAttribute("role", "application");
  // Announced, and the sentence is the span the guidelines ask for: no final full stop.
  await expect(said).toHaveText("Sentence 1 of 5: The ferry left the harbour at noon");
  // The focused article shows a focus ring.
  expect(await article.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  const drawn = () => page.evaluate(() => [...(CSS.highlights.get("sentence-cursor") ?? [])].map((r) => r.toString()).join(""));
  expect(await drawn()).toBe("The ferry left the harbour at noon");

  await page.keyboard.press("ArrowDown");
  await expect(said).toHaveText("Sentence 2 of 5: Officials said the crossing would be rough");
  await page.keyboard.press("Shift+ArrowDown");
  const span = "Officials said the crossing would be rough. The captain disagreed, according to the harbour office";
  await expect(said).toHaveText(`Sentences 2 to 3 of 5: ${span}`);
  expect(await drawn()).toBe(span);

  // 1 opens the palette with the tag chosen and the note field focused; Enter saves through the usual request.
  await page.keyboard.press("1");
  const palette = page.getByTestId("tag-palette");
  await expect(palette.getByRole("button", { name: /Anonymous source/ })).toHaveAttribute("aria-pressed", "true");
  await expect(palette.getByRole("textbox", { name: /Note/ })).toBeFocused();
  await page.keyboard.type("Two sentences, one source.");
  const saved = page.waitForResponse((r) => r.url().endsWith(`/articles/${id}/annotations`) && r.request().method() === "POST");
  await page.keyboard.press("Enter");
  const created = await (await saved).json();
  expect(created).toMatchObject({ quote: span, tag: "anonymous-source", note: "Two sentences, one source." });
  await expect(palette).toBeHidden();
  expect(await highlightedText(page, created.id)).toBe(span);
  // Back on the cursor, which moves on from the end of the span.
  await expect(article).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(said).toHaveText("Sentence 4 of 5: A second paragraph starts here");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("3");
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await annotationsOf(page, id)).map((a) => `${a.tag}: ${a.quote}`).sort()).toEqual([
    `anonymous-source: ${span}`,
    "opinion: A second paragraph starts here",
  ]);

  // Esc in the palette goes back to the cursor, a second Esc stops it.
  await page.keyboard.press("2");
  await expect(palette).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();
  await expect(article).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(article).not.toHaveAttribute("role", "application");
  expect(await drawn()).toBe("");
  await expect(said).toHaveText("");
  expect(await annotationsOf(page, id)).toHaveLength(2);

  // Enter opens the palette with no tag: the note first, then Shift+Tab to a tag, and Enter presses it.
  await page.keyboard.press("t");
  await expect(said).toHaveText("Sentence 1 of 5: The ferry left the harbour at noon");
  await page.keyboard.press("Enter");
  await expect(palette.getByRole("textbox", { name: "Note" })).toBeFocused();
  await page.keyboard.type("Scene-setting.");
  await page.keyboard.press("Shift+Tab");
  await expect(palette.getByRole("button", { name: /Opinion/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect
    .poll(async () => (await annotationsOf(page, id)).find((a) => a.quote === "The ferry left the harbour at noon")?.tag)
    .toBe("opinion");
});

test("the keyboard button above the article starts the cursor on the first sentence in view", async ({ page }) => {
  await login(page, "ben@example.com");
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of run ${stamp} says little.`);
  const id = await createArticle(page, { title: `Long ${stamp}`, body: paragraphs.join("\n\n") });
  await page.goto(`/articles/${id}`);
  await page.getByRole("button", { name: /Tag with the keyboard/ }).click();
  await expect(page.getByTestId("cursor-announcement")).toHaveText(`Sentence 1 of 40: Paragraph 1 of run ${stamp} says little`);
  await page.keyboard.press("Escape");

  // Scrolled down, the cursor starts where the reader is, not back at the top.
  await page.getByText(`Paragraph 30 of run ${stamp}`).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 200));
  const scrolled = await page.evaluate(() => window.scrollY);
  await page.keyboard.press("t");
  const text = (await page.getByTestId("cursor-announcement").textContent())!;
  const n = Number(/^Sentence (\d+) of 40/.exec(text)?.[1]);
  expect(n).toBeGreaterThan(20);
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(5);
});
