import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { login, loginAsNewAnnotator, logout } from "./support";

test.describe("import", () => {
  test("paste an article, then open it", async ({ page }) => {
    await login(page, "ana@example.com");
    await page.goto("/import");
    const form = page.getByTestId("paste-form");
    const title = `Pasted ${Date.now()}`;
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Outlet").fill("The Daily");
    await form.getByLabel("Article text").fill("First paragraph, “quoted” — 😀.\n\nSecond paragraph.");
    await form.getByRole("button", { name: "Add article" }).click();
    const result = page.getByTestId("paste-result");
    await expect(result).toContainText(title);
    await result.getByRole("link", { name: title }).click();
    await expect(page.getByTestId("article-title")).toHaveText(title);
    await expect(page.getByTestId("article-body")).toContainText("Second paragraph.");

    // The same text again is reported, not created twice.
    await page.goto("/import");
    await form.getByLabel("Title").fill("Again");
    await form.getByLabel("Article text").fill("First paragraph, “quoted” — 😀.\n\nSecond paragraph.");
    await form.getByRole("button", { name: "Add article" }).click();
    await expect(page.getByTestId("paste-error")).toContainText(`already has this text as "${title}"`);
  });

  test("upload an HTML file: its text is imported, paragraphs kept, nothing of its markup run", async ({ page }) => {
    await login(page, "ben@example.com");
    await page.goto("/import");
    let dialogs = 0;
    page.on("dialog", async (dialog) => {
      dialogs++;
      await dialog.dismiss();
    });
    const stamp = Date.now();
    const html = `<html><head><title>Council vote ${stamp}</title><script>alert("xss")</script></head><body>
      <article><h1>Council vote</h1><p>Officials <b>said</b> the vote passed.</p><p>Second <img src=x onerror="alert(1)">paragraph.</p></article></body></html>`;
    const form = page.getByTestId("upload-form");
    await form.locator('input[type="file"]').setInputFiles({ name: "vote.html", mimeType: "text/html", buffer: Buffer.from(html) });
    await form.getByRole("button", { name: "Import articles" }).click();
    const result = page.getByTestId("upload-result");
    await expect(result).toContainText("1 article added");
    await result.getByRole("link", { name: `Council vote ${stamp}` }).click();
    await expect(page.getByTestId("article-body")).toContainText("Officials said the vote passed.");
    const id = new URL(page.url()).pathname.split("/").pop();
    const body = (await (await page.request.get(`/api/articles/${id}`)).json()).body;
    expect(body).toBe("Council vote\n\nOfficials said the vote passed.\n\nSecond paragraph.");
    expect(dialogs).toBe(0);
  });

  test("a bad CSV file imports nothing and shows each problem with its line", async ({ page }) => {
    await login(page, "ana@example.com");
    await page.goto("/import");
    const before = (await (await page.request.get("/api/articles")).json()).articles.length;
    const csv = "title,body,url\nFine,A fine body,\n,No title here,\nBad link,Body,ftp://x\n";
    const form = page.getByTestId("upload-form");
    await form.locator('input[type="file"]').setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await form.getByRole("button", { name: "Import articles" }).click();
    const error = page.getByTestId("upload-error");
    await expect(error).toContainText("Nothing was imported");
    await expect(error.getByRole("row", { name: /bad\.csv, line 3 title is required/ })).toBeVisible();
    await expect(error.getByRole("row", { name: /bad\.csv, line 4 url must be an http\(s\) URL/ })).toBeVisible();
    expect((await (await page.request.get("/api/articles")).json()).articles.length).toBe(before);
  });

  test("annotations: export raw CSV, delete one, import the file back through the page", async ({ page }) => {
    await login(page, "ana@example.com");
    const origin = new URL(page.url()).origin;
    const articles = (await (await page.request.get("/api/articles")).json()).articles as { id: string }[];
    const articleId = articles[1]!.id;
    const start = 100 + Math.floor(Math.random() * 500);
    const created = await page.request.post(`/api/articles/${articleId}/annotations`, {
      data: { start, end: start + 25, tag: "opinion", note: "round trip, with a comma" },
      headers: { origin },
    });
    expect(created.status()).toBe(201);
    const annotation = await created.json();

    await page.goto("/import");
    await page.getByTestId("export-menu").locator("summary").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-raw").click()]);
    const csv = readFileSync(await download.path());
    const total = csv.toString("utf8").split("\r\n").length - 2;

    expect((await page.request.delete(`/api/annotations/${annotation.id}`, { headers: { origin } })).status()).toBe(204);

    // The team's export holds teammates' annotations: only an admin may import them in their names.
    await logout(page);
    await login(page, "admin@example.com");
    await page.goto("/import");
    const form = page.getByTestId("annotations-form");
    await form.locator('input[type="file"]').setInputFiles({ name: "annotations.csv", mimeType: "text/csv", buffer: csv });
    await form.getByRole("button", { name: "Check without importing" }).click();
    await expect(page.getByTestId("annotations-result")).toContainText("Check passed: 1 annotation would be imported");
    await form.locator('input[type="file"]').setInputFiles({ name: "annotations.csv", mimeType: "text/csv", buffer: csv });
    await form.getByRole("button", { name: "Import annotations" }).click();
    const result = page.getByTestId("annotations-result");
    await expect(result).toContainText(
      `1 annotation imported${total > 1 ? `, ${total - 1} already in your team (skipped)` : ""}.`,
    );
    const back = (await (await page.request.get(`/api/articles/${articleId}/annotations`)).json()).annotations as {
      start: number;
      end: number;
      note: string;
      quote: string;
    }[];
    expect(back.find((a) => a.start === start && a.end === start + 25)).toMatchObject({ note: "round trip, with a comma", quote: annotation.quote });
  });

  test("a file with many bad rows shows the first problems and how many more there are", async ({ page }) => {
    await login(page, "ben@example.com");
    await page.goto("/import");
    const header =
      "annotation_id,article_id,article_title,outlet,annotator_email,annotator_name,tag,start,end,quote,note,status,agree_count,disagree_count,created_at,updated_at\r\n";
    const form = page.getByTestId("annotations-form");
    const csv = Buffer.from(header + "a,,,,,,,,,,,,,,,\r\n".repeat(300));
    await form.locator('input[type="file"]').setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: csv });
    await form.getByRole("button", { name: "Check without importing" }).click();
    const error = page.getByTestId("annotations-error");
    await expect(error.getByRole("row", { name: /bad\.csv, line 2/ }).first()).toBeVisible();
    await expect(error.locator("tbody tr")).toHaveCount(100);
    await expect(page.getByTestId("annotations-error-more")).toHaveText(/^and [\d,]+ more problems\.$/);
  });

  test("annotators are told importing is not open to them", async ({ page }) => {
    await loginAsNewAnnotator(page, "import");
    await page.goto("/import");
    await expect(page.getByTestId("import-not-allowed")).toContainText("Only admins and reviewers can add articles");
    await expect(page.getByTestId("paste-form")).toHaveCount(0);
  });
});
