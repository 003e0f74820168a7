import { expect, test } from "@playwright/test";
import { login } from "./support";

// A phone never scrolls the page sideways: the header wraps, wide tables scroll inside their own box.
const WIDTHS = [390, 768];

test("no page scrolls sideways on a phone or a tablet", async ({ page }) => {
  await login(page, "admin@example.com");
  await page.goto("/articles");
  const articleHref = await page.getByTestId("article-list").locator("a[href^='/articles/']").first().getAttribute("href");
  const paths = ["/articles", articleHref!, "/review", "/scores", "/team", "/import", "/account", "/admin/users", "/admin/audit"];
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
