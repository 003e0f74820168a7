import { beforeAll, describe, expect, it } from "vitest";
import * as reviewsRoute from "@/app/api/annotations/[id]/reviews/route";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as agreementRoute from "@/app/api/articles/[id]/agreement/route";
import * as annotationsRoute from "@/app/api/articles/[id]/annotations/route";
import * as scoreRoute from "@/app/api/articles/[id]/score/route";
import * as articlesRoute from "@/app/api/articles/route";
import * as queueRoute from "@/app/api/review-queue/route";
import * as scoresRoute from "@/app/api/scores/route";
import * as weightsRoute from "@/app/api/team/weights/route";
import { getDb } from "@/lib/db/client";
import { Tag } from "@/lib/generated/prisma/enums";
import { call, seedFixtures, type TestUser } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let fox: { id: string; body: string };
let redsky: { id: string; body: string };
beforeAll(async () => {
  fx = await seedFixtures();
  fox = fx.articles.find((a) => a.outlet === "Fox News Digital")!;
  redsky = fx.articles.find((a) => a.outlet?.startsWith("Red Sky"))!;
});

const annotate = async (user: TestUser, articleId: string, start: number, end: number, tag: string) => {
  const r = await call(annotationsRoute.POST, "POST", "/x", { id: articleId }, { user, body: { start, end, tag } });
  expect(r.status).toBe(201);
  return r.json.id as string;
};
const review = (user: TestUser, id: string, body: unknown) => call(reviewsRoute.POST, "POST", "/x", { id }, { user, body });
const score = async (articleId: string, user: TestUser = fx.users.ana) =>
  (await call(scoreRoute.GET, "GET", "/x", { id: articleId }, { user })).json;

describe("reviews", () => {
  it("refuses reviewing your own annotation (403 OWN_ANNOTATION), hides other teams (404)", async () => {
    const id = await annotate(fx.users.ana, fox.id, 10, 20, "opinion");
    const own = await review(fx.users.ana, id, { verdict: "agree" });
    expect(own.status).toBe(403);
    expect(own.json.error.code).toBe("OWN_ANNOTATION");
    const other = await review(fx.users.olga, id, { verdict: "agree" });
    expect(other.status).toBe(404);
    const bad = await review(fx.users.ben, id, { verdict: "maybe" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe("verdict");
    const badTag = await review(fx.users.ben, id, { verdict: "disagree", suggestedTag: "gossip" });
    expect(badTag.json.error.field).toBe("suggestedTag");
    expect(await getDb().review.count({ where: { annotationId: id } })).toBe(0);
  });

  it("creates (201), replaces on a second POST (200), and drives the status", async () => {
    const id = await annotate(fx.users.ana, fox.id, 30, 50, "anonymous-source");
    const first = await review(fx.users.ben, id, { verdict: "agree", comment: "clearly unnamed" });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ reviewer: { id: fx.users.ben.id, name: "Ben Reviewer" }, verdict: "agree", comment: "clearly unnamed" });
    let list = await call(annotationsRoute.GET, "GET", "/x", { id: fox.id }, { user: fx.users.ana });
    expect(list.json.annotations.find((a: any) => a.id === id)).toMatchObject({ status: "accepted", agreeCount: 1, disagreeCount: 0 });

    const second = await review(fx.users.ben, id, { verdict: "disagree", suggestedTag: "opinion", comment: "changed my mind" });
    expect(second.status).toBe(200);
    expect(second.json.id).toBe(first.json.id);
    list = await call(annotationsRoute.GET, "GET", "/x", { id: fox.id }, { user: fx.users.ana });
    expect(list.json.annotations.find((a: any) => a.id === id)).toMatchObject({ status: "rejected", agreeCount: 0, disagreeCount: 1 });

    await review(fx.users.admin, id, { verdict: "agree" });
    list = await call(annotationsRoute.GET, "GET", "/x", { id: fox.id }, { user: fx.users.ana });
    expect(list.json.annotations.find((a: any) => a.id === id)).toMatchObject({ status: "pending", agreeCount: 1, disagreeCount: 1 });

    const reviews = await call(reviewsRoute.GET, "GET", "/x", { id }, { user: fx.users.cara });
    expect(reviews.status).toBe(200);
    expect(reviews.json.reviews).toHaveLength(2);
    expect(reviews.json.reviews[0]).toEqual({
      id: expect.any(String),
      reviewer: { id: fx.users.ben.id, name: "Ben Reviewer" },
      verdict: "disagree",
      comment: "changed my mind",
      suggestedTag: "opinion",
      createdAt: expect.any(String),
    });
    const audits = await getDb().auditEvent.findMany({ where: { action: { startsWith: "review." }, actorId: fx.users.ben.id } });
    expect(audits.map((a) => a.action).sort()).toEqual(["review.create", "review.update"]);
  });

  it("lists the queue of teammates' unreviewed annotations with context, and filters", async () => {
    const id = await annotate(fx.users.ben, redsky.id, 100, 140, "official-statement");
    const q = await call(queueRoute.GET, "GET", "/api/review-queue?limit=50", {}, { user: fx.users.ana });
    expect(q.status).toBe(200);
    const item = q.json.items.find((i: any) => i.id === id);
    expect(item).toMatchObject({ quote: Array.from(redsky.body).slice(100, 140).join(""), author: { name: "Ben Reviewer" }, article: { id: redsky.id } });
    expect(item.prefix.length).toBeGreaterThan(0);
    expect(q.json.items.every((i: any) => i.author.id !== fx.users.ana.id)).toBe(true);
    expect(q.json.remaining).toBe(q.json.items.length);
    const filtered = await call(queueRoute.GET, "GET", `/api/review-queue?tag=opinion&articleId=${redsky.id}`, {}, { user: fx.users.ana });
    expect(filtered.json.items).toHaveLength(0);
    await review(fx.users.ana, id, { verdict: "agree" });
    const after = await call(queueRoute.GET, "GET", "/api/review-queue?limit=50", {}, { user: fx.users.ana });
    expect(after.json.items.some((i: any) => i.id === id)).toBe(false);
    expect(after.json.remaining).toBe(q.json.remaining - 1);
    const bad = await call(queueRoute.GET, "GET", "/api/review-queue?limit=0", {}, { user: fx.users.ana });
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe("limit");
  });

  it("paginates the queue with a cursor", async () => {
    for (let i = 0; i < 5; i++) await annotate(fx.users.cara, redsky.id, 500 + i * 10, 505 + i * 10, "opinion");
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: any = await call(queueRoute.GET, "GET", `/api/review-queue?limit=2&author=${fx.users.cara.id}${cursor ? `&cursor=${cursor}` : ""}`, {}, { user: fx.users.ben });
      for (const item of r.json.items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
      }
      cursor = r.json.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen.size).toBe(5);
    expect(pages).toBe(3);
  });
});

describe("scores", () => {
  it("follow metrics.md, update on every write, and explain themselves", async () => {
    const created = await call(articlesRoute.POST, "POST", "/api/articles", {}, {
      user: fx.users.admin,
      body: { title: "Scoring fixture", body: "x".repeat(1000), outlet: "Fixture Wire", storyId: fx.storyId },
    });
    const id = created.json.id as string;
    expect((await score(id)).score).toBeNull();
    // 2 official, 3 anonymous, 1 opinion consensus spans: the worked example, 40.0.
    const spans: Array<[number, number, string]> = [
      [0, 10, "official-statement"], [100, 110, "official-statement"],
      [200, 210, "anonymous-source"], [300, 310, "anonymous-source"], [400, 410, "anonymous-source"],
      [500, 510, "opinion"],
    ];
    for (const [s, e, t] of spans) await annotate(fx.users.ana, id, s, e, t);
    // Ben's overlapping annotation (Jaccard 10/12 >= 0.5) merges into Ana's first official span.
    const benId = await annotate(fx.users.ben, id, 1, 12, "official-statement");
    let s = await score(id);
    expect(s.score).toBeCloseTo(40, 10);
    expect(s.counts).toEqual({ "official-statement": 2, "anonymous-source": 3, opinion: 1 });
    expect(s.weights).toEqual({ "official-statement": 1, "anonymous-source": -1, opinion: -0.5 });
    expect(s.annotators).toBe(2);
    expect(s.spans[0]).toMatchObject({ start: 0, end: 12, tag: "official-statement" });
    expect(s.spans[0].annotationIds).toContain(benId);
    expect(typeof s.alpha === "number" || s.alpha === null).toBe(true);

    const list = await call(articlesRoute.GET, "GET", "/api/articles", {}, { user: fx.users.ana });
    expect(list.json.articles.find((a: any) => a.id === id)).toMatchObject({ annotationCount: 7, score: 40 });

    // Rejecting the opinion span (two disagree) removes it: S = 2 - 3 = -1, T = 5, 50 + 50 * -1 / 7.
    const opinion = (await call(annotationsRoute.GET, "GET", "/x", { id }, { user: fx.users.ana })).json.annotations.find(
      (a: any) => a.tag === "opinion",
    );
    await review(fx.users.ben, opinion.id, { verdict: "disagree" });
    s = await score(id);
    expect(s.score).toBeCloseTo(50 - 50 / 7, 10);
    expect(s.counts.opinion).toBe(0);

    // Deleting an anonymous span: S = 2 - 2 = 0 -> 50.
    const anon = (await call(annotationsRoute.GET, "GET", "/x", { id }, { user: fx.users.ana })).json.annotations.find(
      (a: any) => a.tag === "anonymous-source",
    );
    await call(annotationRoute.DELETE, "DELETE", "/x", { id: anon.id }, { user: fx.users.ana });
    expect((await score(id)).score).toBeCloseTo(50 - 50 * 0 / 6, 10);

    // Custom weights (admin only) recompute every cached score.
    const denied = await call(weightsRoute.PUT, "PUT", "/x", {}, { user: fx.users.ana, body: { "official-statement": 2, "anonymous-source": -1, opinion: 0 } });
    expect(denied.status).toBe(403);
    const badWeights = await call(weightsRoute.PUT, "PUT", "/x", {}, { user: fx.users.admin, body: { "official-statement": "lots", "anonymous-source": -1, opinion: 0 } });
    expect(badWeights.status).toBe(400);
    expect(badWeights.json.error.field).toBe("official-statement");
    const ok = await call(weightsRoute.PUT, "PUT", "/x", {}, { user: fx.users.admin, body: { "official-statement": 2, "anonymous-source": -1, opinion: 0 } });
    expect(ok.status).toBe(200);
    // S = 2*2 - 2 = 2, T = 4 + 2 = 6 -> 50 + 100/8 = 62.5
    expect((await score(id)).score).toBeCloseTo(62.5, 10);
    const cached = await getDb().article.findUniqueOrThrow({ where: { id } });
    expect(cached.score).toBeCloseTo(62.5, 10);
    await call(weightsRoute.PUT, "PUT", "/x", {}, { user: fx.users.admin, body: { "official-statement": 1, "anonymous-source": -1, opinion: -0.5 } });
  });

  it("groups by outlet and story with article counts; other teams excluded", async () => {
    const byOutlet = await call(scoresRoute.GET, "GET", "/api/scores?groupBy=outlet", {}, { user: fx.users.ana });
    expect(byOutlet.status).toBe(200);
    const fixture = byOutlet.json.groups.find((g: any) => g.key === "Fixture Wire");
    expect(fixture).toMatchObject({ articles: 1, score: 50 });
    expect(byOutlet.json.groups.map((g: any) => g.key)).toContain("Fox News Digital");
    const byStory = await call(scoresRoute.GET, "GET", "/api/scores?groupBy=story", {}, { user: fx.users.ana });
    const story = byStory.json.groups.find((g: any) => g.key === fx.storyId);
    const scored = (await getDb().article.findMany({ where: { storyId: fx.storyId, score: { not: null } } })).map((a) => a.score!);
    expect(story.articles).toBe(scored.length);
    expect(story.score).toBeCloseTo(scored.reduce((a, b) => a + b, 0) / scored.length, 10);
    const bad = await call(scoresRoute.GET, "GET", "/api/scores?groupBy=planet", {}, { user: fx.users.ana });
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe("groupBy");
    const other = await call(scoresRoute.GET, "GET", "/api/scores?groupBy=outlet", {}, { user: fx.users.olga });
    expect(other.json.groups.map((g: any) => g.key)).not.toContain("Fox News Digital");
  });
});

describe("agreement", () => {
  it("computes alpha and pairwise F1 for an article; null alpha with fewer than two annotators", async () => {
    const created = await call(articlesRoute.POST, "POST", "/api/articles", {}, {
      user: fx.users.admin,
      body: { title: "Agreement fixture", body: "one two three four five six seven eight nine ten" },
    });
    const id = created.json.id as string;
    await annotate(fx.users.ana, id, 0, 7, "opinion"); // "one two"
    let r = await call(agreementRoute.GET, "GET", "/x", { id }, { user: fx.users.ben });
    expect(r.json).toEqual({ alpha: null, annotators: 1, units: 10, pairwise: [] });
    await annotate(fx.users.ben, id, 0, 7, "opinion");
    r = await call(agreementRoute.GET, "GET", "/x", { id }, { user: fx.users.ben });
    expect(r.json.annotators).toBe(2);
    expect(r.json.alpha).toBeCloseTo(1, 10);
    expect(r.json.pairwise).toEqual([{ a: expect.any(String), b: expect.any(String), f1: 1 }]);
    const other = await call(agreementRoute.GET, "GET", "/x", { id }, { user: fx.users.olga });
    expect(other.status).toBe(404);
  });
});

describe("review queue at length", () => {
  it("walks in reading order and stops counting at the cap", async () => {
    const { REMAINING_COUNT_CAP } = await import("@/lib/reviews/review-queue");
    const created = await call(articlesRoute.POST, "POST", "/api/articles", {}, {
      user: fx.users.admin,
      body: { title: "Long queue fixture", body: "y".repeat(3000) },
    });
    expect(created.status).toBe(201);
    const articleId: string = created.json.id;
    const rows = Array.from({ length: REMAINING_COUNT_CAP + 5 }, (_, i) => ({
      articleId,
      authorId: fx.users.cara.id,
      start: (i * 7) % 2900,
      end: ((i * 7) % 2900) + 3,
      quote: "yyy",
      prefix: "",
      suffix: "",
      tag: [Tag.opinion, Tag.official_statement, Tag.anonymous_source][i % 3]!,
    }));
    await getDb().annotation.createMany({ data: rows });

    const first = await call(queueRoute.GET, "GET", `/api/review-queue?limit=100&articleId=${articleId}`, {}, { user: fx.users.ben });
    expect(first.status).toBe(200);
    expect(first.json.remaining).toBe(REMAINING_COUNT_CAP);
    expect(first.json.remainingAtLeast).toBe(true);
    const starts: number[] = first.json.items.map((i: any) => i.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(starts[0]).toBe(0);

    // Reviewing a few brings the count under the cap: it is exact again.
    const all = await getDb().annotation.findMany({ where: { articleId }, select: { id: true }, take: 6 });
    for (const a of all) expect((await review(fx.users.ben, a.id, { verdict: "agree" })).status).toBe(201);
    const after = await call(queueRoute.GET, "GET", `/api/review-queue?limit=5&articleId=${articleId}`, {}, { user: fx.users.ben });
    expect(after.json.remaining).toBe(REMAINING_COUNT_CAP - 1);
    expect(after.json.remainingAtLeast).toBe(false);
    expect(after.json.items.some((i: any) => all.some((a) => a.id === i.id))).toBe(false);
    // A cursor from another team's (or a missing) annotation starts from the top rather than failing.
    const unknown = await call(queueRoute.GET, "GET", `/api/review-queue?limit=5&articleId=${articleId}&cursor=nope`, {}, { user: fx.users.ben });
    expect(unknown.json.items.map((i: any) => i.id)).toEqual(after.json.items.map((i: any) => i.id));
  });
});
