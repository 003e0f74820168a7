import { expect, test } from "@playwright/test";
import { login } from "./support";

// A phone never scrolls the page sideways: the header wraps, wide tables scroll inside their own box. Nor does
// a laptop, where a table that grows with the team is widest.
const WIDTHS = [390, 768, 1280];

test("no page scrolls sideways on a phone, a tablet or a laptop", async ({ page }) => {
  await login(page, "admin@example.com");
  await page.goto("/articles");
  const articleHref = await page.getByTestId("article-list").locator("a[href^='/articles/']").first().getAttribute("href");
  await page.goto("/scores");
  const storyHref = await page.locator("a[href^='/stories/']").first().getAttribute("href");
  const paths = [
    "/articles",
    articleHref!,
    `${articleHref!}/disagreements`,
    "/how-to-tag",
    storyHref!,
    "/review",
    "/scores",
    "/team",
    "/import",
    "/account",
    "/notifications",
    "/admin",
    "/admin/users",
    "/admin/settings",
    "/admin/codebook",
    "/admin/audit",
  ];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByTestId("current-user")).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} at ${width} px`).toBeLessThanOrEqual(0);
    }
  }
  // The articles list keeps what a reader needs to choose an article at phone width.
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto("/articles");
  const list = page.getByTestId("article-list");
  for (const column of ["Title", "Outlet", "Score"]) {
    const header = list.getByRole("columnheader", { name: column });
    await expect(header).toBeVisible();
  }
  // All of it within the list's own box, nothing scrolled out of sight.
  const hidden = await list.evaluate((table) => table.scrollWidth - table.clientWidth);
  expect(hidden).toBeLessThanOrEqual(0);
});

test("on a phone the score is summed up above the article and links down to its breakdown", async ({ page }) => {
  await login(page, "ana@example.com");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/articles");
  await page.getByTestId("article-list").getByRole("link", { name: /China admits cyber-attacks/ }).click();
  const summary = page.getByTestId("score-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("Credibility score");
  await expect(summary).toBeInViewport();
  const summaryBox = (await summary.boundingBox())!;
  const bodyBox = (await page.getByTestId("article-body").boundingBox())!;
  expect(summaryBox.y).toBeLessThan(bodyBox.y);
  await expect(page.getByTestId("score-panel")).not.toBeInViewport();
  await summary.getByRole("link", { name: /How it is computed/ }).click();
  await expect(page.getByTestId("score-panel")).toBeInViewport();
  // The summary and the panel give the same figure.
  const figure = (await page.getByTestId("score-value").textContent())!.replace(/\s+/g, " ").trim();
  await expect(summary).toContainText(figure);

  // Where the panel sits beside the article, the summary is not repeated.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(summary).toBeHidden();
});
