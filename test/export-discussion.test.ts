import { beforeAll, describe, expect, it } from "vitest";
import * as repliesRoute from "@/app/api/annotations/[id]/replies/route";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as reviewsRoute from "@/app/api/annotations/[id]/reviews/route";
import * as discussionRoute from "@/app/api/export/discussion.csv/route";
import { getDb } from "@/lib/db/client";
import { annotate, createArticle, csvObjects, getExport, parseCsv } from "@/test/support/export-requests";
import { call, makeRequest, seedFixtures, type TestUser } from "./helpers";

const HEADER = "annotation_id,article_id,author_email,kind,verdict,text,created_at";

async function getDiscussion(query: Record<string, string>, user: TestUser) {
  const search = new URLSearchParams(query).toString();
  const response = await discussionRoute.GET(await makeRequest("GET", `/api/export/discussion.csv${search ? `?${search}` : ""}`, { user }), {
    params: Promise.resolve({}),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), response };
}

const reply = async (user: TestUser, id: string, text: string) => {
  const r = await call(repliesRoute.POST, "POST", "/x", { id }, { user, body: { text } });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json as { id: string; createdAt: string };
};
const review = async (user: TestUser, id: string, body: unknown) => {
  const r = await call(reviewsRoute.POST, "POST", "/x", { id }, { user, body });
  expect(r.status).toBe(201);
};

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let seeded: { id: string; body: string };
let loose: { id: string; body: string };
let first: { id: string };
let second: { id: string };
let looseAnnotation: { id: string };

beforeAll(async () => {
  fx = await seedFixtures();
  seeded = fx.articles[0]!;
  // An article of no story, for the story filter.
  loose = await createArticle(fx.users.ana, { title: "Loose article", body: "Officials said the plan works. Critics disagree." });
  first = await annotate(fx.users.ana, seeded, seeded.body.slice(0, 12), "opinion");
  second = await annotate(fx.users.ben, seeded, seeded.body.slice(20, 30), "anonymous-source");
  looseAnnotation = await annotate(fx.users.ana, loose, "Officials said", "official-statement");
  await reply(fx.users.ben, first.id, '=HYPERLINK("https://evil.example","click")');
  await review(fx.users.ben, first.id, { verdict: "disagree", comment: "-not opinion, a quote" });
  await reply(fx.users.ana, first.id, "Fair, with a comma; and \"quotes\"\nover two lines");
  await review(fx.users.cara, second.id, { verdict: "agree" });
  await reply(fx.users.cara, looseAnnotation.id, "@Ana Reviewer sure?");
});

describe("GET /api/export/discussion.csv", () => {
  it("has exactly its header and one row per reply or review, each thread in time order", async () => {
    const r = await getDiscussion({ raw: "1" }, fx.users.cara);
    expect(r.status).toBe(200);
    expect(r.response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(r.response.headers.get("content-disposition")).toMatch(/^attachment; filename="discussion-\d{4}-\d{2}-\d{2}-raw\.csv"/);
    expect(r.text.startsWith(`${HEADER}\r\n`)).toBe(true);
    const rows = csvObjects(r.text);
    const ofFirst = rows.filter((row) => row.annotation_id === first.id);
    expect(ofFirst.map((row) => [row.author_email, row.kind, row.verdict, row.text])).toEqual([
      ["ben@example.com", "reply", "", '=HYPERLINK("https://evil.example","click")'],
      ["ben@example.com", "review", "disagree", "-not opinion, a quote"],
      ["ana@example.com", "reply", "", "Fair, with a comma; and \"quotes\"\nover two lines"],
    ]);
    expect(ofFirst.every((row) => row.article_id === seeded.id && !Number.isNaN(Date.parse(row.created_at!)))).toBe(true);
    expect(rows.filter((row) => row.annotation_id === second.id).map((row) => [row.author_email, row.kind, row.verdict, row.text])).toEqual([
      ["cara@example.com", "review", "agree", ""],
    ]);
    expect(rows).toHaveLength(5);
  });

  it("neutralises formulas by default, as the annotations CSV does", async () => {
    const r = await getDiscussion({ articleId: seeded.id }, fx.users.ana);
    const texts = csvObjects(r.text).map((row) => row.text);
    expect(texts).toContain(`'=HYPERLINK("https://evil.example","click")`);
    expect(texts).toContain("'-not opinion, a quote");
    expect(parseCsv(r.text)[0]).toEqual(HEADER.split(","));
    const excel = await getDiscussion({ excel: "1" }, fx.users.ana);
    expect(excel.text.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
  });

  it("filters by article and story like the annotations export", async () => {
    const byArticle = csvObjects((await getDiscussion({ articleId: loose.id, raw: "1" }, fx.users.ana)).text);
    expect(byArticle.map((row) => [row.annotation_id, row.text])).toEqual([[looseAnnotation.id, "@Ana Reviewer sure?"]]);
    const byStory = csvObjects((await getDiscussion({ storyId: fx.storyId }, fx.users.ana)).text);
    expect(new Set(byStory.map((row) => row.annotation_id))).toEqual(new Set([first.id, second.id]));
    const named = await getDiscussion({ articleId: loose.id }, fx.users.ana);
    expect(named.response.headers.get("content-disposition")).toContain('filename="discussion-loose-article-');
  });

  it("is sealed to the caller's team: another team's article is 404, and its own export shows none of ours", async () => {
    const other = await getDiscussion({ articleId: seeded.id }, fx.users.olga);
    expect(other.status).toBe(404);
    expect(JSON.parse(other.text).error).toMatchObject({ code: "NOT_FOUND", field: "articleId" });
    const theirs = await getDiscussion({}, fx.users.olga);
    expect(theirs.status).toBe(200);
    expect(theirs.text).toBe(`${HEADER}\r\n`);
    const bad = await getDiscussion({ raw: "maybe" }, fx.users.ana);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error).toMatchObject({ code: "INVALID_INPUT", field: "raw" });
  });

  it("leaves out the thread of a deleted annotation", async () => {
    const gone = await annotate(fx.users.cara, loose, "Critics disagree", "opinion");
    await reply(fx.users.ben, gone.id, "soon deleted");
    expect(csvObjects((await getDiscussion({ articleId: loose.id }, fx.users.ana)).text).some((row) => row.annotation_id === gone.id)).toBe(true);
    expect((await call(annotationRoute.DELETE, "DELETE", "/x", { id: gone.id }, { user: fx.users.cara })).status).toBe(204);
    expect(csvObjects((await getDiscussion({ articleId: loose.id }, fx.users.ana)).text).some((row) => row.annotation_id === gone.id)).toBe(false);
  });
});

describe("GET /api/export/annotations.jsonld with threads", () => {
  it("writes each annotation's replies (replying) and reviews (assessing) after it, targeting it", async () => {
    const doc = JSON.parse((await getExport("jsonld", { articleId: seeded.id }, fx.users.ana)).text);
    const items: { id: string; motivation?: string; target: unknown; creator: { email: string }; body: unknown }[] = doc.first.items;
    expect(doc.total).toBe(items.length);
    const at = items.findIndex((item) => item.id.endsWith(`/api/annotations/${first.id}`));
    const iri = items[at]!.id;
    expect(items.slice(at + 1, at + 4).map((item) => [item.motivation, item.target, item.creator.email])).toEqual([
      ["replying", iri, "mailto:ben@example.com"],
      ["replying", iri, "mailto:ana@example.com"],
      ["assessing", iri, "mailto:ben@example.com"],
    ]);
    expect(items[at + 3]!.body).toEqual([
      { type: "TextualBody", purpose: "assessing", value: "disagree" },
      { type: "TextualBody", purpose: "commenting", value: "-not opinion, a quote", format: "text/plain" },
    ]);
    // Raw text in JSON: no spreadsheet neutralising.
    expect(items[at + 1]!.body).toEqual({ type: "TextualBody", value: '=HYPERLINK("https://evil.example","click")', format: "text/plain" });
    const annotations = items.filter((item) => item.motivation === undefined);
    expect(annotations).toHaveLength(await getDb().annotation.count({ where: { articleId: seeded.id, deletedAt: null } }));
  });
});
