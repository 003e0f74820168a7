import { readFileSync } from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import Papa from "papaparse";
import { login } from "./support";

const HEADER =
  "annotation_id,article_id,article_title,outlet,annotator_email,annotator_name,tag,start,end,quote,note,status,agree_count,disagree_count,created_at,updated_at";
const NOTE = '=HYPERLINK("https://evil.example","click"), with "quotes"\nand a second line 😀';

/** Clicks one choice of the export menu and waits for the browser's download. */
async function download(page: Page, choice: "excel" | "csv" | "raw" | "jsonld"): Promise<{ file: Download; bytes: Buffer }> {
  await page.getByTestId("export-menu").locator("summary").click();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`export-${choice}`).click()]);
  const path = await file.path();
  return { file, bytes: readFileSync(path) };
}

function parse(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter: ",", newline: "\r\n", skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

test.describe("export", () => {
  let annotation: { id: string; quote: string; articleId: string };

  test.beforeEach(async ({ page }) => {
    await login(page, "ana@example.com");
    const articles = (await (await page.request.get("/api/articles")).json()).articles as { id: string }[];
    const articleId = articles[0]!.id;
    // A fresh span each time: the same span and tag again is the existing annotation (200), with an older note.
    let res = null;
    for (let attempt = 0; attempt < 10 && res?.status() !== 201; attempt++) {
      const start = 40 + Math.floor(Math.random() * 400);
      res = await page.request.post(`/api/articles/${articleId}/annotations`, {
        data: { start, end: start + 25, tag: "anonymous-source", note: NOTE },
        headers: { origin: new URL(page.url()).origin },
      });
    }
    expect(res?.status()).toBe(201);
    if (!res) throw new Error("no response");
    annotation = { ...(await res.json()), articleId };
    await page.goto("/import");
  });

  test("Raw CSV downloads a file a CSV parser reads back exactly", { tag: "@smoke" }, async ({ page }) => {
    const { file, bytes } = await download(page, "raw");
    expect(file.suggestedFilename()).toMatch(/^annotations-\d{4}-\d{2}-\d{2}-raw\.csv$/);
    const rows = parse(bytes.toString("utf8"));
    expect(rows[0]?.join(",")).toBe(HEADER);
    const row = rows.find((r) => r[0] === annotation.id);
    expect(row?.[9]).toBe(annotation.quote);
    expect(row?.[10]).toBe(NOTE);
    expect(row?.[4]).toBe("ana@example.com");
  });

  test("CSV for Excel starts with a byte order mark and neutralises formulas", async ({ page }) => {
    const { file, bytes } = await download(page, "excel");
    expect(file.suggestedFilename()).toMatch(/^annotations-\d{4}-\d{2}-\d{2}-excel\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString("utf8"));
    expect(rows[0]?.join(",")).toBe(HEADER);
    expect(rows.find((r) => r[0] === annotation.id)?.[10]).toBe(`'${NOTE}`);
  });

  test("the three CSV variants download under three file names", async ({ page }) => {
    const names = [];
    for (const choice of ["csv", "excel", "raw"] as const) names.push((await download(page, choice)).file.suggestedFilename());
    expect(names[0]).toMatch(/^annotations-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(new Set(names).size).toBe(3);
  });

  test("JSON-LD downloads a W3C AnnotationCollection", async ({ page }) => {
    const { file, bytes } = await download(page, "jsonld");
    expect(file.suggestedFilename()).toMatch(/\.jsonld$/);
    const doc = JSON.parse(bytes.toString("utf8"));
    expect(doc.type).toBe("AnnotationCollection");
    expect(doc.total).toBe(doc.first.items.length);
    const item = doc.first.items.find((i: { id: string }) => i.id.endsWith(`/api/annotations/${annotation.id}`));
    expect(item.target.selector).toEqual([
      expect.objectContaining({ type: "TextQuoteSelector", exact: annotation.quote }),
      expect.objectContaining({ type: "TextPositionSelector" }),
    ]);
  });

  test("the menu closes with Escape and its links carry the view's filters", async ({ page }) => {
    const summary = page.getByTestId("export-menu").locator("summary");
    await summary.click();
    await expect(page.getByTestId("export-raw")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("export-raw")).toBeHidden();
    await expect(page.getByTestId("export-raw")).toHaveAttribute("href", "/api/export/annotations.csv?raw=1");
  });
});
