import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { login } from "./support";

// News pages served from a loopback address the server's allow-list names (scripts/lib/app-server.ts); 127.0.0.1
// stays refused, as any private address is in production.
const FIXTURES = path.join(__dirname, "..", "lib", "articles", "extract", "fixtures");
let server: http.Server;
let port: number;

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/business/port-strike") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(readFileSync(path.join(FIXTURES, "wire-story.html")));
    } else {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<p>Not found</p>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.2", resolve));
  port = (server.address() as AddressInfo).port;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test.describe("an article from a web page", () => {
  test("read from its address, checked and corrected, then added", async ({ page }) => {
    await login(page, "ana@example.com");
    await page.goto("/import");
    const web = page.getByTestId("web-read-form");

    // A private address is refused with the reason, and nothing else happens.
    await web.getByLabel("Page address", { exact: true }).fill(`http://127.0.0.1:${port}/business/port-strike`);
    await web.getByRole("button", { name: "Read page" }).click();
    await expect(page.getByTestId("web-error")).toContainText("127.0.0.1 is a private or local address");
    await expect(page.getByTestId("web-form")).toHaveCount(0);

    await web.getByLabel("Page address", { exact: true }).fill(`http://127.0.0.2:${port}/business/port-strike`);
    await web.getByRole("button", { name: "Read page" }).click();
    const check = page.getByRole("region", { name: "Check and add the article" });
    await expect(check.getByLabel("Title", { exact: true })).toHaveValue("Port strike ends after 11 days as union accepts wage deal");
    await expect(check.getByLabel("Outlet", { exact: true })).toHaveValue("Harbor Wire");
    await expect(check.getByLabel("Author", { exact: true })).toHaveValue("Maria Okafor, Tom Lindqvist");
    await expect(check.getByLabel("Published", { exact: true })).toHaveValue("2024-03-14");
    await expect(check.getByLabel("Original URL", { exact: true })).toHaveValue("https://www.harborwire.example/business/2024/03/14/port-strike-ends");
    const text = check.getByLabel("Article text");
    await expect(text).toHaveValue(/^NEWPORT BAY, March 14 \(Harbor Wire\)/);
    await expect(text).not.toHaveValue(/All rights reserved|Sign in to join/);

    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    // Page furniture Readability kept is taken out, said, and can be put back.
    const cleanup = check.getByTestId("body-cleanup");
    await expect(cleanup).toContainText("Took out 1 line of page furniture (page prompt)");
    await expect(text).not.toHaveValue(/Advertisement/);
    await cleanup.getByRole("button", { name: "Undo" }).click();
    await expect(text).toHaveValue(/\n\nAdvertisement\n\n/);
    await expect(cleanup).toHaveCount(0);

    // The reader corrects what the page got wrong before anything is saved.
    const title = `Port strike ends after 11 days (${Date.now()})`;
    await check.getByLabel("Title", { exact: true }).fill(title);
    await text.fill((await text.inputValue()).replace("\n\nAdvertisement", ""));
    await check.getByRole("button", { name: "Add article" }).click();
    const result = page.getByTestId("web-result");
    await result.getByRole("link", { name: title }).click();
    await expect(page.getByTestId("article-title")).toHaveText(title);
    await expect(page.getByTestId("article-body")).toContainText("Two people familiar with the talks, who asked not to be named");
    await expect(page.getByTestId("article-body")).not.toContainText("Advertisement");
  });

  test("read from a saved page, on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, "ben@example.com");
    await page.goto("/import");
    await page.getByTestId("web-file").setInputFiles(path.join(FIXTURES, "opinion-column.html"));
    const check = page.getByRole("region", { name: "Check and add the article" });
    await expect(check.getByLabel("Outlet", { exact: true })).toHaveValue("The Northern Ledger");
    await expect(check.getByLabel("Author", { exact: true })).toHaveValue("Rhiannon Price");
    await expect(check.getByLabel("Article text")).toHaveValue(/There is a particular kind of manager/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("a pasted capture loses its page furniture, visibly and undoably", async ({ page }) => {
    await login(page, "ana@example.com");
    await page.goto("/import");
    const form = page.getByTestId("paste-form");
    await form.getByLabel("Title", { exact: true }).fill("Chinese official avows Beijing is behind cyberattacks on US, identifies motive: Report");
    const raw = readFileSync(path.join(__dirname, "..", "seed", "articles", "blaze-2025-04-chinese-official-avows.txt"), "utf8");
    // What a paste does: the text arrives in one input event of type insertFromPaste.
    await form.getByLabel("Article text").evaluate((el, text) => {
      const area = el as HTMLTextAreaElement;
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(area, text);
      area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste", data: text }));
    }, raw);
    const cleanup = form.getByTestId("body-cleanup");
    await expect(cleanup).toContainText("Took out 8 lines of page furniture");
    await expect(form.getByLabel("Article text")).toHaveValue(/^The communist regime apparently winked/);
    await cleanup.getByText("Show what was taken out").click();
    await expect(cleanup.getByText("© 2025 Blaze Media LLC. All rights reserved.")).toBeVisible();
    await cleanup.getByRole("button", { name: "Undo" }).click();
    await expect(form.getByLabel("Article text")).toHaveValue(raw);
  });
});
