import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as repliesRoute from "@/app/api/annotations/[id]/replies/route";
import * as reviewsRoute from "@/app/api/annotations/[id]/reviews/route";
import * as importAnnotationsRoute from "@/app/api/import/annotations/route";
import * as importArticlesRoute from "@/app/api/import/articles/route";
import { bodyHash } from "@/lib/articles/body-hash";
import { getDb } from "@/lib/db/client";
import { CSV_COLUMNS } from "@/lib/export/columns";
import { csvHeader, csvRows } from "@/lib/export/csv";
import { parseAnnotationCsv } from "@/lib/export/parse-csv";
import { annotate, createArticle, csvObjects, getExport, HOSTILE } from "@/test/support/export-requests";
import { postImport } from "@/test/support/import-requests";
import { copyTemplateDatabase } from "@/test/support/test-database";
import { call, seedFixtures, type TestUser } from "./helpers";

// Annotation import, and the round trip: export -> import into a fresh database -> export gives the same rows
// except ids, and except what only reviews and time decide: an imported annotation is pending, unreviewed and dated
// at its import. Threads (replies, reviews) stay behind: the JSON-LD import skips its replying and assessing items.

const PATH = "/api/import/annotations";
const homeUrl = process.env.DATABASE_URL!;

/** A fresh, migrated, empty database (a copy of the test template) becomes the app's database. */
async function freshDatabase(): Promise<string> {
  await getDb().$disconnect();
  process.env.DATABASE_URL = await copyTemplateDatabase();
  return process.env.DATABASE_URL;
}

async function switchDatabase(url: string): Promise<void> {
  await getDb().$disconnect();
  process.env.DATABASE_URL = url;
}

const importFile = (user: TestUser | undefined, name: string, text: string, query?: string) =>
  postImport(importAnnotationsRoute, PATH, { user, files: [{ name, text }], query });

/** Export rows without what differs after an import: the ids, the status, review counts and dates. */
const withoutIds = (rows: Record<string, string>[]) =>
  rows.map(
    ({ annotation_id: _a, article_id: _b, status: _s, agree_count: _g, disagree_count: _d, created_at: _c, updated_at: _u, ...rest }) =>
      rest,
  );

/** Every annotation is as an import leaves it: pending, unreviewed, dated no earlier than `since`. */
function expectFreshlyImported(rows: Record<string, string>[], since: Date) {
  for (const row of rows) {
    expect(row).toMatchObject({ status: "pending", agree_count: "0", disagree_count: "0" });
    expect(new Date(row.created_at!).getTime()).toBeGreaterThanOrEqual(since.getTime() - 1000);
  }
}

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let hostile: { id: string; body: string; title: string };
let rawCsv: string;
let jsonLd: string;

beforeAll(async () => {
  fx = await seedFixtures();
  const blaze = fx.articles.find((a) => a.outlet === "Blaze Media")!;
  const fox = fx.articles.find((a) => a.outlet === "Fox News Digital")!;
  await annotate(fx.users.ana, blaze, "Volt Typhoon — its hacker outfit tasked with espionage", "anonymous-source", "who?");
  await annotate(fx.users.ben, blaze, "Volt Typhoon — its hacker outfit tasked with espionage", "opinion");
  const from = fox.body.indexOf("reciprocated and upped by President Xi Jinping.");
  await annotate(fx.users.ben, fox, fox.body.slice(from, fox.body.indexOf("In an exclusive") + 10), "opinion", "across paragraphs");
  hostile = await createArticle(fx.users.ana, { title: HOSTILE.title, outlet: HOSTILE.outlet, body: HOSTILE.body });
  for (const [i, quote] of HOSTILE.quotes.entries()) {
    await annotate(i % 2 === 0 ? fx.users.ana : fx.users.cara, hostile, quote, i % 3 === 0 ? "opinion" : "anonymous-source", HOSTILE.notes[i]);
  }
  const reviewed = await getDb().annotation.findFirstOrThrow({ where: { articleId: hostile.id, authorId: fx.users.ana.id } });
  await call(reviewsRoute.POST, "POST", "/x", { id: reviewed.id }, { user: fx.users.ben, body: { verdict: "agree" } });
  // The JSON-LD export carries the thread (a reply, the review): the import skips both.
  await call(repliesRoute.POST, "POST", "/x", { id: reviewed.id }, { user: fx.users.cara, body: { text: "Agreed, @Ben Reviewer." } });
  rawCsv = (await getExport("csv", { raw: "1" }, fx.users.ana)).text;
  jsonLd = (await getExport("jsonld", {}, fx.users.ana)).text;
});

afterAll(async () => {
  await switchDatabase(homeUrl);
});

describe("round trip into a fresh database", () => {
  afterAll(async () => {
    await switchDatabase(homeUrl);
  });

  /** A fresh database with the demo team's users and articles (new ids), as a new installation would have. */
  async function freshTeam() {
    const url = await freshDatabase();
    const team = await seedFixtures();
    // The hostile article reaches the new database the way articles do: through the article import.
    const articles = await postImport(importArticlesRoute, "/api/import/articles", {
      user: team.users.ana,
      raw: { type: "application/json", body: JSON.stringify([{ title: HOSTILE.title, outlet: HOSTILE.outlet, body: HOSTILE.body }]) },
    });
    expect(articles.status).toBe(201);
    expect(await getDb().annotation.count()).toBe(0);
    return { url, team };
  }

  it("CSV: export -> import -> export gives identical rows except ids", async () => {
    const { team } = await freshTeam();
    const started = new Date();
    const r = await importFile(team.users.admin, "export.csv", rawCsv);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const exported = csvObjects(rawCsv);
    expect(r.json).toMatchObject({ format: "csv", dryRun: false, created: exported.length, duplicates: [] });
    // Ids differ between databases: every article was found by its title and text.
    expect(new Set(r.json.articles.map((a: { matchedBy: string }) => a.matchedBy))).toEqual(new Set(["text"]));

    const again = (await getExport("csv", { raw: "1" }, team.users.ana)).text;
    expect(withoutIds(csvObjects(again))).toEqual(withoutIds(exported));
    expect(exported.some((row) => row.agree_count !== "0")).toBe(true);
    expectFreshlyImported(csvObjects(again), started);
    expect(await getDb().annotation.count({ where: { importedById: team.users.admin.id } })).toBe(exported.length);
    expect(csvObjects(again).map((row) => row.annotation_id)).not.toEqual(exported.map((row) => row.annotation_id));

    // Cached per-article counts and scores were refreshed in the import's transaction.
    const newHostile = await getDb().article.findFirstOrThrow({ where: { title: HOSTILE.title, teamId: team.teamId } });
    expect(newHostile.annotationCount).toBe(HOSTILE.quotes.length);
    expect(newHostile.score).not.toBeNull();
    expect(await getDb().auditEvent.count({ where: { action: "annotation.import" } })).toBe(exported.length);
    const summary = await getDb().auditEvent.findFirstOrThrow({ where: { action: "import.annotations" } });
    expect(JSON.parse(summary.after!)).toMatchObject({ label: "export.csv", format: "csv", created: exported.length });
  });

  it("JSON-LD: export -> import -> export gives identical rows except ids", async () => {
    const { team } = await freshTeam();
    const started = new Date();
    const r = await importFile(team.users.admin, "export.jsonld", jsonLd);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({ format: "jsonld", created: csvObjects(rawCsv).length });
    const again = (await getExport("csv", { raw: "1" }, team.users.ana)).text;
    expect(withoutIds(csvObjects(again))).toEqual(withoutIds(csvObjects(rawCsv)));
    expectFreshlyImported(csvObjects(again), started);
    const doc = JSON.parse((await getExport("jsonld", {}, team.users.ana)).text);
    type TItem = { id: string; created: string; modified: string; motivation?: string; target: { source: string; selector: unknown } };
    // Replies and reviews do not travel through an import: the new team's export has none.
    const original: TItem[] = JSON.parse(jsonLd).first.items;
    expect(original.filter((item) => item.motivation !== undefined).map((item) => item.motivation)).toEqual(["replying", "assessing"]);
    expect(doc.first.items.filter((item: TItem) => item.motivation !== undefined)).toEqual([]);
    const strip = (items: TItem[]) =>
      items.filter((item) => item.motivation === undefined).map(({ id: _id, created: _c, modified: _m, target, "schema:creativeWorkStatus": _s, "schema:interactionStatistic": _i, ...rest }: TItem & Record<string, unknown>) => ({
        ...rest,
        selector: target.selector,
      }));
    expect(strip(doc.first.items)).toEqual(strip(original));
  });

  it("imports nothing when the annotators are not in the team", async () => {
    const { team } = await freshTeam();
    await getDb().review.deleteMany();
    await getDb().user.delete({ where: { id: team.users.cara.id } });
    const r = await importFile(team.users.admin, "export.csv", rawCsv);
    expect(r.status).toBe(400);
    const lines = parseAnnotationCsv(rawCsv);
    const caraLines = lines.ok ? [...lines.records].flatMap((rec) => (rec.ok && rec.row.annotatorEmail === "cara@example.com" ? [rec.line] : [])) : [];
    expect(caraLines.length).toBeGreaterThan(0);
    expect(r.json.error.problems).toEqual(
      caraLines.map((line) => ({
        file: "export.csv",
        line,
        field: "annotator_email",
        message: "no user cara@example.com in your team. Add the user first.",
      })),
    );
    expect(await getDb().annotation.count()).toBe(0);
  });
});

describe("POST /api/import/annotations", () => {
  it("reports re-imported annotations as duplicates and creates nothing (200)", async () => {
    const before = await getDb().annotation.count();
    const r = await importFile(fx.users.admin, "export.csv", rawCsv);
    expect(r.status).toBe(200);
    expect(r.json.created).toBe(0);
    const exported = csvObjects(rawCsv);
    expect(r.json.duplicates).toHaveLength(exported.length);
    expect(r.json.duplicates.map((d: { existingId: string }) => d.existingId)).toEqual(exported.map((row) => row.annotation_id));
    expect(new Set(r.json.articles.map((a: { matchedBy: string }) => a.matchedBy))).toEqual(new Set(["id"]));
    expect(await getDb().annotation.count()).toBe(before);
  });

  it("imports nothing from a file with bad rows, listing each with its line", async () => {
    const parsed = parseAnnotationCsv(rawCsv);
    if (!parsed.ok) throw new Error("export did not parse");
    const rows = [...parsed.records].map((record) => (record.ok ? record.row : null)).filter((row) => row !== null);
    const target = rows.findIndex((row) => row.articleId === hostile.id && row.quote === "@mention opens");
    const edited = rows.map((row, i) => {
      // New annotations (another tag), each broken in one way, so they are not simply duplicates.
      const fresh = { ...row, tag: row.tag === "opinion" ? ("official-statement" as const) : ("opinion" as const) };
      if (i === target) return { ...fresh, quote: "#mention opens" };
      if (i === target + 1) return { ...fresh, annotatorEmail: "nobody@example.com" };
      if (i === target + 2) return { ...fresh, articleId: "gone", articleTitle: "No such article" };
      if (i === target + 3) return { ...fresh, note: "x".repeat(2001) };
      return fresh;
    });
    const file = csvHeader() + csvRows(edited, { raw: true });
    const lines = parseAnnotationCsv(file);
    const lineRecords = lines.ok ? [...lines.records] : [];
    const lineOf = (i: number) => lineRecords[i]?.line ?? -1;
    const before = await getDb().annotation.count();
    const r = await importFile(fx.users.admin, "edited.csv", file);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("IMPORT_REJECTED");
    expect(r.json.error.problems).toEqual([
      {
        file: "edited.csv",
        line: lineOf(target + 2),
        field: "article_id",
        message: expect.stringContaining('unknown article "No such article" (gone)'),
      },
      { file: "edited.csv", line: lineOf(target), field: "quote", message: `does not match the article text at ${edited[target]!.start}-${edited[target]!.end} (QUOTE_MISMATCH).` },
      { file: "edited.csv", line: lineOf(target + 1), field: "annotator_email", message: "no user nobody@example.com in your team. Add the user first." },
      { file: "edited.csv", line: lineOf(target + 3), field: "note", message: "must be at most 2000 characters." },
    ]);
    expect(r.json.error.message).toMatch(/^Nothing was imported \(4 problems\): edited\.csv, line \d+: article_id: unknown article/);
    expect(await getDb().annotation.count()).toBe(before);
  });

  it("explains that a spreadsheet-safe export cannot be imported", async () => {
    const safe = (await getExport("csv", {}, fx.users.ana)).text;
    const r = await importFile(fx.users.ana, "safe.csv", safe);
    expect(r.status).toBe(400);
    expect(r.json.error.problems.some((p: { message: string }) => p.message.includes("export again with raw=1"))).toBe(true);
  });

  it("matches an article by its body hash, and takes the CSV as the request body", async () => {
    const rows = csvObjects(rawCsv).filter((row) => row.article_id === hostile.id);
    const file =
      csvHeader() +
      rows
        .map((row) => CSV_COLUMNS.map((column) => (column === "article_id" ? bodyHash(hostile.body) : column === "tag" ? "official-statement" : row[column])))
        .map((cells) => cells.map((cell) => (/[",\r\n]/.test(cell!) ? `"${cell!.replace(/"/g, '""')}"` : cell)).join(","))
        .join("\r\n") +
      "\r\n";
    const r = await postImport(importAnnotationsRoute, PATH, { user: fx.users.admin, raw: { type: "text/csv", body: file } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.articles).toEqual([
      { ref: bodyHash(hostile.body), id: hostile.id, title: HOSTILE.title, matchedBy: "bodyHash", created: rows.length },
    ]);
  });

  it("reads a JSON-LD body; dryRun=1 writes nothing", async () => {
    const doc = JSON.parse(jsonLd);
    doc.first.items = doc.first.items.slice(0, 2).map((item: { body: { purpose: string; value: string }[] }) => ({
      ...item,
      body: item.body.map((b) => (b.purpose === "tagging" ? { ...b, value: "official-statement" } : b)),
    }));
    doc.total = 2;
    const before = await getDb().annotation.count();
    const dry = await postImport(importAnnotationsRoute, PATH, {
      user: fx.users.admin,
      raw: { type: "application/ld+json", body: JSON.stringify(doc) },
      query: "dryRun=1",
    });
    expect(dry.status).toBe(200);
    expect(dry.json).toMatchObject({ dryRun: true, format: "jsonld", created: 2 });
    expect(await getDb().annotation.count()).toBe(before);
  });

  it("reports JSON-LD problems with the item and JSON path", async () => {
    const doc = JSON.parse(jsonLd);
    doc.first.items[1].target.selector[1].start = -3;
    const broken = await importFile(fx.users.admin, "broken.jsonld", JSON.stringify(doc));
    expect(broken.status).toBe(400);
    expect(broken.json.error.problems).toEqual([
      { file: "broken.jsonld", item: 2, path: "first.items[1].target.selector[1].start", message: "must be a non-negative integer" },
    ]);
    const notJson = await importFile(fx.users.ana, "x.jsonld", "{ nope");
    expect(notJson.json.error.problems[0]).toMatchObject({ field: "file", message: expect.stringContaining("is not valid JSON") });
  });

  it("refuses empty files, several files, annotators (403) and anonymous callers (401)", async () => {
    const empty = await importFile(fx.users.ana, "empty.csv", csvHeader());
    expect(empty.status).toBe(400);
    expect(empty.json.error).toMatchObject({ field: "file", message: expect.stringContaining("holds no annotations") });
    const header = await importFile(fx.users.ana, "wrong.csv", "id,quote\r\n1,x\r\n");
    expect(header.json.error.problems[0]).toMatchObject({ line: 1, message: expect.stringContaining("header row does not match") });
    const two = await postImport(importAnnotationsRoute, PATH, {
      user: fx.users.ana,
      files: [
        { name: "a.csv", text: rawCsv },
        { name: "b.csv", text: rawCsv },
      ],
    });
    expect(two.json.error.problems).toEqual([{ field: "file", message: "Import one file at a time." }]);
    expect((await importFile(fx.users.cara, "export.csv", rawCsv)).status).toBe(403);
    expect((await importFile(undefined, "export.csv", rawCsv)).status).toBe(401);
  });
});
