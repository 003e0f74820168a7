import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { login, loginAsNewAnnotator, openArticle } from "./support";

test.describe("an article's details and its story", () => {
  test("a reviewer corrects the details, starts a new story for the article, then merges it back", async ({ page }) => {
    await login(page, "ben@example.com");
    await openArticle(page, /Chinese official avows/);
    const originalStory = await page.getByRole("link", { name: "Compare outlets on this story" }).getAttribute("href");
    await page.getByRole("button", { name: "Edit details" }).click();
    const editor = page.getByTestId("details-editor");
    await editor.getByLabel("Author").fill("Joseph MacKinnon");
    await editor.getByLabel("Published").fill("2025-04-11");
    await editor.getByLabel("Story").selectOption({ label: "New story…" });
    const title = `Volt Typhoon, Blaze coverage ${Date.now()}`;
    await editor.getByLabel("New story's title").fill(title);
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    await editor.getByRole("button", { name: "Save details" }).click();
    await expect(editor).toHaveCount(0);
    await expect(page.locator(".article-meta")).toContainText("Joseph MacKinnon");
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(title);

    // Bad input is refused in place and changes nothing.
    await page.getByRole("button", { name: "Edit details" }).click();
    await editor.getByLabel("Published").fill("April 2025");
    await editor.getByRole("button", { name: "Save details" }).click();
    await expect(editor.getByRole("alert")).toContainText("publishedAt");
    await editor.getByRole("button", { name: "Cancel" }).click();

    // The new story holds the one article; merged into the seed story, it goes and the article moves back.
    await page.getByRole("link", { name: "Compare outlets on this story" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByTestId("outlet-card")).toHaveCount(1);
    await page.getByRole("button", { name: "Rename" }).click();
    await page.getByTestId("story-tools").getByLabel("New title").fill(`${title} (renamed)`);
    await page.getByRole("button", { name: "Save title" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} (renamed)`);

    await page.getByRole("button", { name: "Merge into…" }).click();
    const tools = page.getByTestId("story-tools");
    await tools.getByLabel("Merge into").selectOption({ index: 1 });
    page.once("dialog", (dialog) => dialog.accept());
    await tools.getByRole("button", { name: "Merge" }).click();
    await expect(page).toHaveURL(new RegExp(`${originalStory}$`));
    await expect(page.getByTestId("outlet-card")).toHaveCount(3);
  });

  test("annotators see the details but cannot edit them", async ({ page }) => {
    await loginAsNewAnnotator(page, "details");
    await openArticle(page, /Chinese official avows/);
    await expect(page.getByTestId("article-title")).toBeVisible();
    await expect(page.getByRole("button", { name: "Edit details" })).toHaveCount(0);
  });
});
