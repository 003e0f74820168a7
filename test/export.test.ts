import { beforeAll, describe, expect, it } from "vitest";
import * as reviewsRoute from "@/app/api/annotations/[id]/reviews/route";
import { sliceCodePoints } from "@/lib/anchoring/code-points";
import { apiTag, withApiTag } from "@/lib/annotations/tags";
import { getDb } from "@/lib/db/client";
import { Tag } from "@/lib/generated/prisma/enums";
import { CSV_COLUMNS } from "@/lib/export/columns";
import { csvHeader } from "@/lib/export/csv";
import { fromAnnotationCollection, toAnnotationCollection } from "@/lib/export/jsonld";
import { annotate, createArticle, csvObjects, getExport, HOSTILE, parseCsv } from "@/test/support/export-requests";
import { call, seedFixtures } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let hostile: { id: string; body: string; title: string };
let otherAnnotationId: string;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  fx = await seedFixtures();
  const [blaze, fox, redsky] = [
    fx.articles.find((a) => a.outlet === "Blaze Media")!,
    fx.articles.find((a) => a.outlet === "Fox News Digital")!,
    fx.articles.find((a) => a.outlet?.startsWith("Red Sky"))!,
  ];
  // Seed articles, annotated the way reviewers do: curly quotes, em dashes, a span across paragraphs.
  await annotate(fx.users.ana, redsky, "“take actions in response to Chinese malicious cyber activity,”", "official-statement");
  await annotate(fx.users.ana, blaze, "Volt Typhoon — its hacker outfit tasked with espionage", "anonymous-source", "who?");
  await annotate(fx.users.ben, blaze, "Volt Typhoon — its hacker outfit tasked with espionage", "opinion");
  const from = fox.body.indexOf("reciprocated and upped by President Xi Jinping.");
  const to = fox.body.indexOf("In an exclusive, the Wall Street Journal");
  await annotate(fx.users.ben, fox, fox.body.slice(from, to + 10), "anonymous-source", HOSTILE.notes[0]);
  await annotate(fx.users.admin, blaze, "©", "opinion");

  hostile = await createArticle(fx.users.ana, {
    title: HOSTILE.title,
    outlet: HOSTILE.outlet,
    body: HOSTILE.body,
    storyId: fx.storyId,
  });
  for (const [i, quote] of HOSTILE.quotes.entries()) {
    await annotate(i % 2 === 0 ? fx.users.ana : fx.users.cara, hostile, quote, i % 3 === 0 ? "opinion" : "anonymous-source", HOSTILE.notes[i]);
  }
  // Reviews make statuses and counts other than pending / 0 / 0.
  const first = await getDb().annotation.findFirstOrThrow({ where: { articleId: hostile.id, authorId: fx.users.ana.id } });
  expect((await call(reviewsRoute.POST, "POST", "/x", { id: first.id }, { user: fx.users.ben, body: { verdict: "agree" } })).status).toBe(201);
  const second = await getDb().annotation.findFirstOrThrow({ where: { articleId: hostile.id, authorId: fx.users.cara.id } });
  expect((await call(reviewsRoute.POST, "POST", "/x", { id: second.id }, { user: fx.users.ben, body: { verdict: "disagree" } })).status).toBe(201);

  // Another team's annotation, which must never appear in the demo team's exports.
  otherAnnotationId = (
    await getDb().annotation.create({
      data: {
        articleId: fx.otherArticle.id,
        authorId: fx.users.olga.id,
        start: 0,
        end: 6,
        quote: "Secret",
        prefix: "",
        suffix: " text of another team.",
        tag: "opinion",
      },
    })
  ).id;
});

/** Every demo-team annotation as the export should show it, in export order. */
async function expectedRows(where: Record<string, unknown> = {}) {
  const rows = await getDb().annotation.findMany({
    where: { article: { teamId: fx.teamId }, ...where },
    include: { article: true, author: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((a) => ({
    annotation_id: a.id,
    article_id: a.articleId,
    article_title: a.article.title,
    outlet: a.article.outlet ?? "",
    annotator_email: a.author.email,
    annotator_name: a.author.name,
    tag: apiTag(a.tag),
    start: String(a.start),
    end: String(a.end),
    quote: a.quote,
    note: a.note,
    status: a.status,
    agree_count: String(a.agreeCount),
    disagree_count: String(a.disagreeCount),
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  }));
}

describe("GET /api/export/annotations.csv", () => {
  it("answers text/csv as an attachment with the contract's header row, CRLF line ends", async () => {
    const r = await getExport("csv", {}, fx.users.ana);
    expect(r.status).toBe(200);
    expect(r.response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(r.response.headers.get("content-disposition")).toBe(
      `attachment; filename="annotations-${today}.csv"; filename*=UTF-8''annotations-${today}.csv`,
    );
    expect(r.response.headers.get("cache-control")).toContain("no-store");
    expect(r.text.startsWith(csvHeader())).toBe(true);
    expect(r.text.split("\r\n")[0]).toBe(
      "annotation_id,article_id,article_title,outlet,annotator_email,annotator_name,tag,start,end,quote,note,status,agree_count,disagree_count,created_at,updated_at",
    );
    expect(r.text.endsWith("\r\n")).toBe(true);
    expect(r.bytes[0]).toBe("a".charCodeAt(0));
  });

  it("raw=1: a standard CSV parser reads back every field exactly, and body[start:end] == quote for every row", async () => {
    const r = await getExport("csv", { raw: "1" }, fx.users.ana);
    const [header, ...rows] = parseCsv(r.text);
    expect(header).toEqual([...CSV_COLUMNS]);
    const expected = await expectedRows();
    expect(expected.length).toBe(5 + HOSTILE.quotes.length);
    expect(rows).toEqual(expected.map((row) => CSV_COLUMNS.map((column) => row[column])));

    const bodies = new Map((await getDb().article.findMany()).map((a) => [a.id, a.body]));
    for (const row of csvObjects(r.text)) {
      const body = bodies.get(row.article_id!)!;
      expect(sliceCodePoints(body, Number(row.start), Number(row.end))).toBe(row.quote);
      expect(Array.from(body).slice(Number(row.start), Number(row.end)).join("")).toBe(row.quote);
    }
    // The hostile values really are in there, byte for byte.
    const notes = csvObjects(r.text).map((row) => row.note);
    for (const note of HOSTILE.notes) expect(notes).toContain(note);
    expect(csvObjects(r.text).some((row) => row.outlet === HOSTILE.outlet && row.article_title === HOSTILE.title)).toBe(true);
    expect(csvObjects(r.text).some((row) => row.status === "accepted" && row.agree_count === "1")).toBe(true);
    expect(csvObjects(r.text).some((row) => row.status === "rejected" && row.disagree_count === "1")).toBe(true);
  });

  it("neutralises formulas by default: ' before text starting with = + - @ TAB CR, numbers untouched", async () => {
    const raw = csvObjects((await getExport("csv", { raw: "1" }, fx.users.ana)).text);
    const safe = csvObjects((await getExport("csv", {}, fx.users.ana)).text);
    expect(safe).toHaveLength(raw.length);
    let neutralised = 0;
    for (const [i, rawRow] of raw.entries()) {
      const safeRow = safe[i]!;
      for (const column of CSV_COLUMNS) {
        const value = rawRow[column]!;
        const numeric = ["start", "end", "agree_count", "disagree_count"].includes(column);
        if (!numeric && /^[=+\-@\t\r]/.test(value)) {
          expect(safeRow[column]).toBe(`'${value}`);
          neutralised++;
        } else {
          expect(safeRow[column]).toBe(value);
        }
      }
    }
    expect(neutralised).toBeGreaterThan(10);
    expect(safe.find((row) => row.note?.includes("HYPERLINK"))?.note).toBe(`'${HOSTILE.notes[0]}`);
  });

  it("excel=1 starts with a UTF-8 byte order mark; it combines with raw=1", async () => {
    const excel = await getExport("csv", { excel: "1" }, fx.users.ana);
    expect([...excel.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(excel.bytes.slice(3, 16))).toBe("annotation_id");
    const both = await getExport("csv", { excel: "true", raw: "true" }, fx.users.ana);
    expect([...both.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const notes = csvObjects(new TextDecoder().decode(both.bytes.slice(3))).map((row) => row.note);
    expect(notes).toContain(HOSTILE.notes[0]);
    const off = await getExport("csv", { excel: "0", raw: "false" }, fx.users.ana);
    expect(off.bytes[0]).toBe("a".charCodeAt(0));
  });

  it("filters by article, story, tag, author and status, alone and together", async () => {
    const blaze = fx.articles.find((a) => a.outlet === "Blaze Media")!;
    const cases: [Record<string, string>, Record<string, unknown>][] = [
      [{ articleId: blaze.id }, { articleId: blaze.id }],
      [{ storyId: fx.storyId }, { article: { teamId: fx.teamId, storyId: fx.storyId } }],
      [{ tag: "opinion" }, { tag: Tag.opinion }],
      [{ author: fx.users.ben.id }, { authorId: fx.users.ben.id }],
      [{ status: "accepted" }, { status: "accepted" }],
      [{ status: "pending", tag: "anonymous-source" }, { status: "pending", tag: Tag.anonymous_source }],
      [{ articleId: hostile.id, author: fx.users.cara.id, tag: "anonymous-source" }, { articleId: hostile.id, authorId: fx.users.cara.id, tag: Tag.anonymous_source }],
      [{ articleId: blaze.id, status: "rejected" }, { articleId: blaze.id, status: "rejected" }],
    ];
    for (const [query, where] of cases) {
      const r = await getExport("csv", { ...query, raw: "1" }, fx.users.ben);
      expect(r.status).toBe(200);
      const expected = await expectedRows(where);
      expect(csvObjects(r.text), JSON.stringify(query)).toEqual(expected);
    }
    // An empty result is still a valid file: the header alone.
    const none = await getExport("csv", { articleId: blaze.id, status: "rejected" }, fx.users.ben);
    expect(none.text).toBe(csvHeader());
  });

  it("names the file after the article or the story", async () => {
    const article = await getExport("csv", { articleId: hostile.id }, fx.users.ana);
    expect(article.response.headers.get("content-disposition")).toContain(
      `filename="annotations-the-budget-revisited-again-${today}.csv"`,
    );
    const story = await getExport("csv", { storyId: fx.storyId }, fx.users.ana);
    expect(story.response.headers.get("content-disposition")).toContain(
      `filename="annotations-volt-typhoon-admission-april-2025-${today}.csv"`,
    );
  });

  it("shows only the caller's team", async () => {
    const demo = csvObjects((await getExport("csv", { raw: "1" }, fx.users.cara)).text);
    expect(demo.map((row) => row.annotation_id)).not.toContain(otherAnnotationId);
    const other = csvObjects((await getExport("csv", { raw: "1" }, fx.users.olga)).text);
    expect(other.map((row) => row.annotation_id)).toEqual([otherAnnotationId]);
  });

  it.each([
    ["articleId", () => fx.otherArticle.id],
    ["storyId", () => "no-such-story"],
    ["author", () => fx.users.olga.id],
    ["articleId", () => "no-such-article"],
  ])("answers 404 with the field for another team's or an unknown %s", async (field, value) => {
    const r = await getExport("csv", { [field]: value() }, fx.users.ana);
    expect(r.status).toBe(404);
    expect(r.response.headers.get("content-type")).toContain("application/json");
    expect(JSON.parse(r.text).error).toMatchObject({ code: "NOT_FOUND", field });
  });

  it("answers 404 for another team's story", async () => {
    const story = await getDb().story.create({ data: { teamId: fx.otherTeamId, title: "Their story" } });
    const r = await getExport("csv", { storyId: story.id }, fx.users.ana);
    expect(r.status).toBe(404);
    expect(JSON.parse(r.text).error.field).toBe("storyId");
    expect((await getExport("csv", { storyId: story.id }, fx.users.olga)).status).toBe(200);
  });

  it.each([
    ["tag", "rumour"],
    ["tag", ""],
    ["status", "done"],
    ["raw", "yes"],
    ["excel", "2"],
    ["articleId", ""],
    ["author", ""],
    ["storyId", "x".repeat(300)],
  ])("answers 400 with the field for %s=%j", async (field, value) => {
    const r = await getExport("csv", { [field]: value }, fx.users.ana);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error).toMatchObject({ code: "INVALID_INPUT", field });
  });

  it("needs a session (401 JSON)", async () => {
    const r = await getExport("csv", {});
    expect(r.status).toBe(401);
    expect(JSON.parse(r.text).error.code).toBe("UNAUTHORIZED");
  });
});

describe("GET /api/export/annotations.jsonld", () => {
  it("is a W3C AnnotationCollection with both selectors, readable by our own importer", async () => {
    const r = await getExport("jsonld", {}, fx.users.ana);
    expect(r.status).toBe(200);
    expect(r.response.headers.get("content-type")).toBe(
      'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
    );
    expect(r.response.headers.get("content-disposition")).toContain(`filename="annotations-${today}.jsonld"`);
    const doc = JSON.parse(r.text);
    const expected = await expectedRows();
    // Each review follows its annotation as an "assessing" item (export-discussion.test.ts covers threads).
    const reviews = await getDb().review.count({ where: { annotation: { article: { teamId: fx.teamId } } } });
    expect(reviews).toBeGreaterThan(0);
    expect(doc).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "AnnotationCollection",
      label: "Annotations of Demo newsroom",
      total: expected.length + reviews,
      first: { type: "AnnotationPage", startIndex: 0 },
    });
    expect(doc.first.items.filter((item: { motivation?: string }) => item.motivation === undefined)).toHaveLength(expected.length);

    const bodies = new Map((await getDb().article.findMany()).map((a) => [a.id, a.body]));
    const read = fromAnnotationCollection(doc);
    for (const [i, item] of read.entries()) {
      const row = expected[i]!;
      expect(item.articleRef).toBe(`http://localhost:3000/api/articles/${row.article_id}`);
      expect(item).toMatchObject({ exact: row.quote, note: row.note, tag: row.tag, creatorEmail: row.annotator_email });
      expect(sliceCodePoints(bodies.get(row.article_id)!, item.start, item.end)).toBe(item.exact);
      const body = bodies.get(row.article_id)!;
      expect(body.includes(item.prefix + item.exact + item.suffix)).toBe(true);
    }
  });

  it("streams exactly the document toAnnotationCollection would build", async () => {
    const r = await getExport("jsonld", { articleId: hostile.id }, fx.users.ana);
    const rows = await getDb().annotation.findMany({
      where: { articleId: hostile.id },
      include: { author: true, reviews: { include: { reviewer: true }, orderBy: [{ updatedAt: "asc" }, { id: "asc" }] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(rows.some((a) => a.reviews.length > 0)).toBe(true);
    const id = `http://localhost:3000/api/export/annotations.jsonld?articleId=${hostile.id}`;
    const built = toAnnotationCollection({
      id,
      label: `Annotations on "${hostile.title}"`,
      items: rows.map(({ reviews, ...a }) => ({
        ...withApiTag(a),
        author: { name: a.author.name, email: a.author.email },
        ...(reviews.length
          ? {
              discussion: {
                replies: [],
                reviews: reviews.map((r) => ({ id: r.id, reviewer: r.reviewer, verdict: r.verdict, comment: r.comment, givenAt: r.updatedAt })),
              },
            }
          : {}),
      })),
    });
    expect(JSON.parse(r.text)).toEqual(JSON.parse(JSON.stringify(built)));
    expect(r.response.headers.get("content-disposition")).toContain("annotations-the-budget-revisited-again-");
  });

  it("is an empty, valid collection when nothing matches", async () => {
    const r = await getExport("jsonld", { tag: "opinion", status: "rejected", author: fx.users.admin.id }, fx.users.ana);
    const doc = JSON.parse(r.text);
    expect(doc).toMatchObject({ total: 0, first: { items: [] } });
    expect(fromAnnotationCollection(doc)).toEqual([]);
  });

  it("shares the CSV filters' checks: 404 for another team, 400 with the field, 401 without a session", async () => {
    expect((await getExport("jsonld", { articleId: fx.otherArticle.id }, fx.users.ana)).status).toBe(404);
    const bad = await getExport("jsonld", { status: "maybe" }, fx.users.ana);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.field).toBe("status");
    expect((await getExport("jsonld", {})).status).toBe(401);
    const other = JSON.parse((await getExport("jsonld", {}, fx.users.olga)).text);
    expect(other.first.items.map((item: { id: string }) => item.id)).toEqual([
      `http://localhost:3000/api/annotations/${otherAnnotationId}`,
    ]);
  });
});
