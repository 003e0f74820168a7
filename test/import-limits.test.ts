import { beforeAll, describe, expect, it } from "vitest";
import * as importAnnotationsRoute from "@/app/api/import/annotations/route";
import * as importArticlesRoute from "@/app/api/import/articles/route";
import { getDb } from "@/lib/db/client";
import { csvHeader } from "@/lib/export/csv";
import { ANNO_CONTEXT } from "@/lib/export/jsonld";
import { MAX_ANNOTATIONS_PER_IMPORT, MAX_ARTICLES_PER_IMPORT, MAX_HTML_DEPTH, MAX_JSON_DEPTH, MAX_REPORTED_PROBLEMS } from "@/lib/import/limits";
import { postImport, type TPostResult } from "@/test/support/import-requests";
import { seedFixtures } from "./helpers";

// Imports are bounded in rows, problems, nesting and size: an oversized or hostile file gets a small 4xx answer and
// changes nothing, instead of a 500, a crash or a server that stops answering.

let fx: Awaited<ReturnType<typeof seedFixtures>>;

beforeAll(async () => {
  fx = await seedFixtures();
});

const MAX_ANSWER_BYTES = 50 * 1024;

async function counts() {
  const db = getDb();
  return { annotations: await db.annotation.count(), articles: await db.article.count(), audit: await db.auditEvent.count() };
}

function expectSmallRefusal(r: TPostResult, status: number) {
  expect(r.status, JSON.stringify(r.json).slice(0, 500)).toBe(status);
  expect(r.response.headers.get("content-type")).toMatch(/application\/json/);
  expect(JSON.stringify(r.json).length).toBeLessThan(MAX_ANSWER_BYTES);
}

const importAnnotations = (body: string, type = "text/csv") =>
  postImport(importAnnotationsRoute, "/api/import/annotations", { user: fx.users.ben, raw: { type, body }, query: "dryRun=1" });

const importArticles = (files: { name: string; text: string }[]) =>
  postImport(importArticlesRoute, "/api/import/articles", { user: fx.users.ben, files });

const nestedDivs = (depth: number) => `<title>Deep</title>${"<div>".repeat(depth)}text${"</div>".repeat(depth)}`;

describe("annotation import bounds", () => {
  it("refuses (413) a million-row CSV dry run at the row limit, with a small answer, creating nothing", async () => {
    const before = await counts();
    const r = await importAnnotations(csvHeader() + "a,,,,,,,,,,,,,,,\r\n".repeat(1_000_000));
    expectSmallRefusal(r, 413);
    expect(r.json.error.message).toContain(`more than ${MAX_ANNOTATIONS_PER_IMPORT.toLocaleString("en-US")} annotations`);
    expect(await counts()).toEqual(before);
  });

  it("lists the first problems of a file full of bad rows and counts the rest", async () => {
    const rows = 5_000;
    const r = await importAnnotations(csvHeader() + "a,,,,,,,,,,,,,,,\r\n".repeat(rows));
    expectSmallRefusal(r, 400);
    expect(r.json.error.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(r.json.error.problemCount).toBeGreaterThan(rows);
    expect(r.json.error.message).toContain(`and ${(r.json.error.problemCount - 3).toLocaleString("en-US")} more`);
    expect(r.json.error.problems[0]).toMatchObject({ line: 2 });
  });

  it("refuses (413) a JSON-LD collection of too many annotations before checking them", async () => {
    const items = Array.from({ length: MAX_ANNOTATIONS_PER_IMPORT + 1 }, () => ({}));
    const doc = { "@context": ANNO_CONTEXT, type: "AnnotationCollection", first: { type: "AnnotationPage", items } };
    expectSmallRefusal(await importAnnotations(JSON.stringify(doc), "application/ld+json"), 413);
  });

  it("refuses (400) JSON nested deeper than any export, without walking it", async () => {
    const deep = `{"first":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const r = await importAnnotations(deep, "application/ld+json");
    expectSmallRefusal(r, 400);
    expect(r.json.error.problems[0].message).toContain(`more than ${MAX_JSON_DEPTH} deep`);
  });

  it("refuses (413) JSON of millions of tiny arrays before building them", async () => {
    const r = await importAnnotations(`[${"[],".repeat(3_000_000)}[]]`, "application/ld+json");
    expectSmallRefusal(r, 413);
    expect(r.json.error.problems[0].message).toContain("arrays and objects");
  });
});

describe("article import bounds", () => {
  it("refuses (413) a million-row article CSV, not a 500", async () => {
    const before = await counts();
    const r = await importArticles([{ name: "many.csv", text: "title,body\r\n" + "t,b\r\n".repeat(1_000_000) }]);
    expectSmallRefusal(r, 413);
    expect(r.json.error.problems[0]).toMatchObject({ file: "many.csv", message: expect.stringContaining("more than 5,000 articles") });
    expect(await counts()).toEqual(before);
  });

  it("refuses (413) a JSON array of a million articles, and too many across files", async () => {
    expectSmallRefusal(await importArticles([{ name: "many.json", text: JSON.stringify(Array.from({ length: 1_000_000 }, () => ({}))) }]), 413);
    const half = "title,body\r\n" + "t,b\r\n".repeat(MAX_ARTICLES_PER_IMPORT / 2 + 1);
    expectSmallRefusal(
      await importArticles([
        { name: "a.csv", text: half },
        { name: "b.csv", text: half },
      ]),
      413,
    );
  });

  it("refuses (400) HTML nested deeper than the limit, naming it, and converts a page at the limit", async () => {
    const before = await counts();
    for (const depth of [10_000, 100_000]) {
      const r = await importArticles([{ name: "deep.html", text: nestedDivs(depth) }]);
      expectSmallRefusal(r, 400);
      expect(r.json.error.problems).toEqual([
        { file: "deep.html", field: "file", message: expect.stringContaining(`more than ${MAX_HTML_DEPTH} deep`) },
      ]);
    }
    expect(await counts()).toEqual(before);
    const atLimit = await postImport(importArticlesRoute, "/api/import/articles", {
      user: fx.users.ben,
      files: [{ name: "deep.html", text: nestedDivs(MAX_HTML_DEPTH - 1) }],
      query: "dryRun=1",
    });
    expect(atLimit.status, JSON.stringify(atLimit.json)).toBe(200);
    expect(atLimit.json.created).toEqual([expect.objectContaining({ title: "Deep" })]);
  });

  it("refuses (413) an HTML file over its own size limit before converting it", async () => {
    const r = await importArticles([{ name: "big.html", text: "<p>word</p>".repeat(600_000) }]);
    expectSmallRefusal(r, 413);
    expect(r.json.error.problems[0]).toMatchObject({ file: "big.html", message: expect.stringContaining("5 MB") });
  });
});
