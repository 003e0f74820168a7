import { beforeAll, describe, expect, it } from "vitest";
import * as importAnnotationsRoute from "@/app/api/import/annotations/route";
import * as importArticlesRoute from "@/app/api/import/articles/route";
import { codePointLength } from "@/lib/anchoring/code-points";
import { getDb } from "@/lib/db/client";
import { csvHeader, csvRows } from "@/lib/export/csv";
import { toAnnotationCollection } from "@/lib/export/jsonld";
import { exportRow } from "@/test/support/export-rows";
import { postImport } from "@/test/support/import-requests";
import { seedFixtures } from "./helpers";

// Text that SQLite cannot hand back unchanged (a NUL, a lone surrogate) is refused in imports as it is in the API.

let fx: Awaited<ReturnType<typeof seedFixtures>>;

beforeAll(async () => {
  fx = await seedFixtures();
});

async function counts() {
  const db = getDb();
  return { annotations: await db.annotation.count(), articles: await db.article.count(), stories: await db.story.count() };
}

describe("imports refuse text that cannot be stored as text", () => {
  it("an annotation note with a NUL or a lone surrogate is a problem row, and nothing is imported", async () => {
    const article = fx.articles[0]!;
    const quote = article.body.slice(0, article.body.indexOf(" ", 10));
    // A lone surrogate cannot travel in a UTF-8 CSV (it arrives as U+FFFD), only as a JSON escape: see below.
    for (const note of ["before\u0000after", "bell \u0007 rings"]) {
      const before = await counts();
      const row = exportRow({
        articleId: article.id,
        articleTitle: article.title,
        annotatorEmail: fx.users.ana.email,
        tag: "opinion",
        start: 0,
        end: codePointLength(quote),
        quote,
        note,
      });
      const r = await postImport(importAnnotationsRoute, "/api/import/annotations", {
        user: fx.users.ana,
        raw: { type: "text/csv", body: csvHeader() + csvRows([row], { raw: true }) },
      });
      expect(r.status).toBe(400);
      expect(r.json.error.problems).toEqual([expect.objectContaining({ line: 2, field: "note" })]);
      expect(await counts()).toEqual(before);
    }
  });

  it("a JSON-LD note with an escaped lone surrogate is refused", async () => {
    const article = fx.articles[0]!;
    const quote = article.body.slice(0, article.body.indexOf(" ", 10));
    const doc = toAnnotationCollection({
      id: "http://localhost:3000/api/export/annotations.jsonld",
      items: [
        {
          id: "a1",
          articleId: article.id,
          start: 0,
          end: codePointLength(quote),
          quote,
          prefix: "",
          suffix: article.body.slice(quote.length, quote.length + 32),
          tag: "opinion",
          note: "SURROGATE",
          author: { name: "Ana", email: fx.users.ana.email },
          status: "pending",
          agreeCount: 0,
          disagreeCount: 0,
          createdAt: new Date(),
          updatedAt: new Date(),
        },
      ],
    });
    const body = JSON.stringify(doc).replace("SURROGATE", "broken \\ud800 note");
    const before = await counts();
    const r = await postImport(importAnnotationsRoute, "/api/import/annotations", {
      user: fx.users.ana,
      raw: { type: "application/ld+json", body },
    });
    expect(r.status).toBe(400);
    expect(r.json.error.problems).toEqual([expect.objectContaining({ item: 1, field: "note" })]);
    expect(await counts()).toEqual(before);
  });

  it("a story title with a control character is refused, and no article or story is created", async () => {
    const before = await counts();
    const r = await postImport(importArticlesRoute, "/api/import/articles", {
      user: fx.users.ana,
      files: [{ name: "clean.txt", text: "A perfectly ordinary article text." }],
      fields: { story: "Story \u0007 with a bell" },
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json.error)).toContain("U+0007");
    expect(await counts()).toEqual(before);
  });
});
