import { beforeAll, describe, expect, it } from "vitest";
import * as importAnnotationsRoute from "@/app/api/import/annotations/route";
import { codePointLength } from "@/lib/anchoring/code-points";
import { getDb } from "@/lib/db/client";
import { csvHeader, csvRows } from "@/lib/export/csv";
import { exportRow } from "@/test/support/export-rows";
import { ANNO_CONTEXT } from "@/lib/export/jsonld";
import { postImport } from "@/test/support/import-requests";
import { seedFixtures, type TestUser } from "./helpers";

// Who an imported annotation belongs to, and what it starts out as: a file may not put words in a teammate's mouth
// (unless an admin imports it), nor bring its own review outcome or dates.

const PATH = "/api/import/annotations";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let article: { id: string; title: string; body: string };

beforeAll(async () => {
  fx = await seedFixtures();
  article = fx.articles[0]!;
});

let serial = 0;

/** A different span of the article for each import, so none is a duplicate of an earlier one. */
function nextSpan(): { quote: string; start: number; end: number } {
  serial++;
  const from = article.body.indexOf(" ", serial * 7) + 1;
  const quote = article.body.slice(from, article.body.indexOf(" ", from + 12));
  const start = codePointLength(article.body.slice(0, from));
  return { quote, start, end: start + codePointLength(quote) };
}

/** The attack's row: someone else's name, an accepted status, 999 agrees and a date in 2001. */
function forgedCsv(annotatorEmail: string): string {
  const { quote, start, end } = nextSpan();
  const row = exportRow({
    articleId: article.id,
    articleTitle: article.title,
    annotatorEmail,
    tag: "opinion",
    start,
    end,
    quote,
    note: `forged ${serial}`,
    status: "accepted",
    agreeCount: 999,
    disagreeCount: 0,
    createdAt: "2001-09-09T01:46:40.000Z",
    updatedAt: "2001-09-09T01:46:40.000Z",
  });
  return csvHeader() + csvRows([row], { raw: true });
}

async function importCsv(user: TestUser, text: string) {
  return postImport(importAnnotationsRoute, PATH, { user, raw: { type: "text/csv", body: text } });
}

async function onlyNewAnnotation(note: string) {
  return getDb().annotation.findFirstOrThrow({ where: { articleId: article.id, note } });
}

describe("imported annotations' author, status and dates", () => {
  it("refuses a reviewer's row in another teammate's name, and creates nothing", async () => {
    const before = await getDb().annotation.count();
    const r = await importCsv(fx.users.ben, forgedCsv(fx.users.admin.email));
    expect(r.status).toBe(400);
    expect(r.json.error.problems).toEqual([
      { line: 2, field: "annotator_email", message: "only an admin may import annotations in another teammate's name." },
    ]);
    expect(await getDb().annotation.count()).toBe(before);
    expect(await getDb().review.count({ where: { annotation: { note: `forged ${serial}` } } })).toBe(0);
  });

  it("stores a reviewer's own row (named or unnamed) as theirs: pending, unreviewed, dated now, imported by them", async () => {
    for (const email of [fx.users.ben.email.toUpperCase(), ""]) {
      const started = Date.now();
      const r = await importCsv(fx.users.ben, forgedCsv(email));
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      const stored = await onlyNewAnnotation(`forged ${serial}`);
      expect(stored).toMatchObject({ authorId: fx.users.ben.id, importedById: fx.users.ben.id, status: "pending", agreeCount: 0, disagreeCount: 0 });
      expect(stored.createdAt.getTime()).toBeGreaterThanOrEqual(started - 1000);
      expect(stored.updatedAt.getTime()).toBe(stored.createdAt.getTime());
      const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "annotation.import", entityId: stored.id } });
      expect(audit.actorId).toBe(fx.users.ben.id);
      expect(JSON.parse(audit.after!)).toMatchObject({ sourceCreatedAt: "2001-09-09T01:46:40.000Z" });
    }
  });

  it("lets an admin keep a teammate's name, still pending and unreviewed, on record as the admin's import", async () => {
    const r = await importCsv(fx.users.admin, forgedCsv(fx.users.ana.email));
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const stored = await onlyNewAnnotation(`forged ${serial}`);
    expect(stored).toMatchObject({ authorId: fx.users.ana.id, importedById: fx.users.admin.id, status: "pending", agreeCount: 0, disagreeCount: 0 });
    expect(stored.createdAt.getFullYear()).toBeGreaterThan(2001);
    // Not even an admin can name someone outside the team.
    const outsider = await importCsv(fx.users.admin, forgedCsv(fx.users.olga.email));
    expect(outsider.status).toBe(400);
    expect(outsider.json.error.problems[0].message).toBe(`no user ${fx.users.olga.email} in your team. Add the user first.`);
  });

  it("ignores a JSON-LD file's status and counts; an annotation with no creator is the importer's", async () => {
    const { quote, start, end } = nextSpan();
    const item = {
      type: "Annotation",
      created: "2001-09-09T01:46:40.000Z",
      modified: "2001-09-09T01:46:40.000Z",
      body: [
        { type: "TextualBody", purpose: "tagging", value: "opinion" },
        { type: "TextualBody", purpose: "commenting", value: `forged ${serial}` },
      ],
      target: {
        source: `http://localhost:3000/api/articles/${article.id}`,
        selector: [
          { type: "TextQuoteSelector", exact: quote },
          { type: "TextPositionSelector", start, end },
        ],
      },
      "schema:creativeWorkStatus": "accepted",
      "schema:interactionStatistic": [
        { type: "schema:InteractionCounter", "schema:interactionType": { id: "schema:AgreeAction" }, "schema:userInteractionCount": 999 },
      ],
    };
    const doc = { "@context": ANNO_CONTEXT, type: "AnnotationCollection", total: 1, first: { type: "AnnotationPage", items: [item] } };
    const r = await postImport(importAnnotationsRoute, PATH, { user: fx.users.ana, raw: { type: "application/ld+json", body: JSON.stringify(doc) } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const stored = await onlyNewAnnotation(`forged ${serial}`);
    expect(stored).toMatchObject({ authorId: fx.users.ana.id, importedById: fx.users.ana.id, status: "pending", agreeCount: 0, disagreeCount: 0 });
  });
});
