import { expect, test } from "@playwright/test";
import { annotationsOf, articleIdFromUrl, highlightedText, login, logout, openArticle, selectWithMouse } from "./support";

test("tag with the keyboard, change the tag, delete with confirmation and undo", async ({ page }) => {
  await login(page, "ben@example.com");
  await openArticle(page, /China admits cyber-attacks/);
  const quote = "US officials were said to have been shocked at China admitting culpability";
  await selectWithMouse(page, quote);
  await expect(page.getByTestId("tag-palette")).toBeVisible();
  await page.keyboard.press("3");
  await expect(page.getByTestId("tag-palette").getByRole("button", { name: /Opinion/ })).toHaveAttribute("aria-pressed", "true");
  const saved = page.waitForResponse((r) => r.url().includes("/annotations") && r.request().method() === "POST");
  await page.keyboard.press("Enter");
  const created = await (await saved).json();
  expect(created).toMatchObject({ quote, tag: "opinion" });
  await expect(page.getByTestId("tag-palette")).toBeHidden();
  expect(await highlightedText(page, created.id)).toBe(quote);

  // Open its details by clicking the highlight, change the tag.
  await page.locator(`[data-ids~="${created.id}"]`).first().click();
  const details = page.getByTestId("annotation-details");
  await expect(details).toContainText("Ben Reviewer");
  await details.getByLabel("Anonymous source").check();
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("toast")).toContainText("Annotation updated.");
  await expect(page.locator(`[data-ids~="${created.id}"]`).first()).toHaveClass(/hl-anonymous-source/);
  const afterChange = (await annotationsOf(page, articleIdFromUrl(page))).find((a) => a.id === created.id)!;
  expect(afterChange.tag).toBe("anonymous-source");

  // Delete asks first, then offers undo.
  await details.getByRole("button", { name: "Delete…" }).click();
  await details.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByTestId("toast")).toContainText("Annotation deleted.");
  await expect(page.locator(`[data-ids~="${created.id}"]`)).toHaveCount(0);
  expect((await annotationsOf(page, articleIdFromUrl(page))).some((a) => a.id === created.id)).toBe(false);
  await page.getByTestId("toast").getByRole("button", { name: "Undo" }).click();
  // Undo restores the same annotation (e2e/undo-restore.spec.ts covers its reviews and status).
  await expect
    .poll(async () => (await annotationsOf(page, articleIdFromUrl(page))).filter((a) => a.quote === quote).map((a) => a.id))
    .toEqual([created.id]);
});

test("Escape cancels the palette without saving", async ({ page }) => {
  await login(page, "ben@example.com");
  await openArticle(page, /Chinese official avows/);
  await selectWithMouse(page, "Blaze News previously reported");
  await expect(page.getByTestId("tag-palette")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("tag-palette")).toBeHidden();
  const saved = await annotationsOf(page, articleIdFromUrl(page));
  expect(saved.some((a) => a.quote === "Blaze News previously reported")).toBe(false);
});

test("layers: mine, a teammate's, everyone's; tag filter and legend counts", async ({ page }) => {
  // Ben tags one passage, Ana another, on the same article.
  await login(page, "ben@example.com");
  await openArticle(page, /Chinese officials acknowledged/);
  await selectWithMouse(page, "The news comes as the two countries continue to spar over tariffs");
  await page.getByTestId("tag-palette").getByRole("button", { name: /Opinion/ }).click();
  await expect(page.getByTestId("annotation-list")).toContainText("The news comes as the two countries");
  await logout(page);

  await login(page, "ana@example.com");
  await openArticle(page, /Chinese officials acknowledged/);
  await selectWithMouse(page, "The White House and State Department did not respond");
  await page.getByTestId("tag-palette").getByRole("button", { name: /Official statement/ }).click();
  const list = page.getByTestId("annotation-list");
  await expect(list).toContainText("The White House and State Department");
  await expect(list).toContainText("Ben Reviewer");

  await page.getByTestId("layer-select").selectOption("mine");
  await expect(list).not.toContainText("Ben Reviewer");
  await expect(list).toContainText("The White House and State Department");

  await page.getByTestId("layer-select").selectOption({ label: "Ben Reviewer only" });
  await expect(list).toContainText("The news comes as the two countries");
  await expect(list).not.toContainText("Ana Reviewer");
  await expect(page.getByTestId("count-opinion")).not.toHaveText("0");

  await page.getByTestId("layer-select").selectOption("everyone");
  await page.getByRole("checkbox", { name: /Opinion/ }).uncheck();
  await expect(list).not.toContainText("The news comes as the two countries");
  await expect(page.locator("mark.hl-opinion")).toHaveCount(0);
});

test("a keyboard selection plus a shortcut tags it; a triple-clicked paragraph stops before the paragraph break", async ({ page }) => {
  await login(page, "ben@example.com");
  await openArticle(page, /Chinese official avows/);
  // A selection made without the mouse (as caret browsing + Shift+arrows leaves it), then "2" and Enter.
  const quote = "Blaze News previously reported that Volt Typhoon";
  await page.getByTestId("article-body").evaluate((root, q) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(q);
      if (i >= 0) {
        window.getSelection()!.setBaseAndExtent(n, i, n, i + q.length);
        return;
      }
    }
    throw new Error("quote not found");
  }, quote);
  await page.getByTestId("article-body").focus().catch(() => undefined);
  await page.keyboard.press("2");
  const palette = page.getByTestId("tag-palette");
  await expect(palette).toBeVisible();
  await expect(palette.getByRole("button", { name: /Official statement/ })).toHaveAttribute("aria-pressed", "true");
  const saved = page.waitForResponse((r) => r.url().includes("/annotations") && r.request().method() === "POST");
  await page.keyboard.press("Enter");
  expect(await (await saved).json()).toMatchObject({ quote, tag: "official-statement" });

  // Triple-click selects a whole paragraph, the selection ending at the start of the next one.
  const paragraph = page.getByTestId("article-body").locator("p").filter({ hasText: "Whereas previously, China has played off Volt Typhoon" }).first();
  await paragraph.click({ clickCount: 3 });
  await expect(palette).toBeVisible();
  const text = (await paragraph.innerText()).trim();
  await expect(palette.locator(".palette-quote")).toHaveAttribute("title", text);
  await page.keyboard.press("Escape");
});
