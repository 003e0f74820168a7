// The article's cached score after each kind of change, kept by reading only the passages the change can touch
// (lib/scoring/consensus-delta.ts), must equal a full recompute (metrics.md) on the run's real database: creates,
// deletes, restores, retags and reviews that reject or un-reject, through the real route handlers, on spans that
// keep merging and splitting each other's consensus groups.
import { beforeAll, describe, expect, it } from "vitest";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as restoreRoute from "@/app/api/annotations/[id]/restore/route";
import * as reviewsRoute from "@/app/api/annotations/[id]/reviews/route";
import * as annotationsRoute from "@/app/api/articles/[id]/annotations/route";
import { TAGS, withApiTag, type TTag } from "@/lib/annotations/tags";
import { getDb } from "@/lib/db/client";
import { articleScore } from "@/lib/scoring/score";
import { call, seedFixtures, type TestUser } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;

beforeAll(async () => {
  fx = await seedFixtures();
});

async function newArticle(title: string, length: number) {
  return getDb().article.create({
    data: { teamId: fx.teamId, title, body: "z".repeat(length), bodyHash: `incremental-${title}`, bodyLength: length },
  });
}

/** The cache as stored, and as a full recompute from every annotation of the article makes it. */
async function expectCacheExact(articleId: string, step: string) {
  const all = await getDb().annotation.findMany({
    where: { articleId, deletedAt: null },
    select: { id: true, start: true, end: true, tag: true, status: true },
  });
  const full = articleScore({ annotations: all.map(withApiTag) });
  const cached = await getDb().article.findUniqueOrThrow({ where: { id: articleId } });
  expect(
    {
      annotationCount: cached.annotationCount,
      counts: [cached.consensusOfficial, cached.consensusAnonymous, cached.consensusOpinion],
      score: cached.score === null ? null : Number(cached.score.toFixed(9)),
    },
    step,
  ).toEqual({
    annotationCount: all.length,
    counts: [full.counts["official-statement"], full.counts["anonymous-source"], full.counts.opinion],
    score: full.score === null ? null : Number(full.score.toFixed(9)),
  });
}

type TLive = { id: string; author: TestUser; deleted: boolean };

describe("the score cache after one change at a time", () => {
  it("merges two groups when a span links them, and splits them when it goes, is rejected or is retagged", async () => {
    const article = await newArticle("bridge", 100);
    const opinions = async () => (await getDb().article.findUniqueOrThrow({ where: { id: article.id } })).consensusOpinion;
    const create = async (user: TestUser, start: number, end: number) => {
      const res = await call(annotationsRoute.POST, "POST", "/x", { id: article.id }, { user, body: { start, end, tag: "opinion" } });
      expect(res.status).toBe(201);
      return res.json.id as string;
    };
    // A [0, 20) and C [10, 30) share 10 of 30 code points (Jaccard 1/3): two spans. B [5, 25) shares 15 of 25 with each.
    await create(fx.users.ana, 0, 20);
    await create(fx.users.ana, 10, 30);
    expect(await opinions()).toBe(2);
    const bridge = await create(fx.users.ben, 5, 25);
    expect(await opinions()).toBe(1);
    await expectCacheExact(article.id, "merged");

    expect((await call(annotationRoute.DELETE, "DELETE", "/x", { id: bridge }, { user: fx.users.ben })).status).toBe(204);
    expect(await opinions()).toBe(2);
    expect((await call(restoreRoute.POST, "POST", "/x", { id: bridge }, { user: fx.users.ben })).status).toBe(200);
    expect(await opinions()).toBe(1);

    const reject = await call(reviewsRoute.POST, "POST", "/x", { id: bridge }, { user: fx.users.ana, body: { verdict: "disagree", comment: "no" } });
    expect(reject.status).toBe(201);
    expect(await opinions()).toBe(2);
    expect((await call(reviewsRoute.POST, "POST", "/x", { id: bridge }, { user: fx.users.ana, body: { verdict: "agree" } })).status).toBe(200);
    expect(await opinions()).toBe(1);

    expect((await call(annotationRoute.PATCH, "PATCH", "/x", { id: bridge }, { user: fx.users.ben, body: { tag: "anonymous-source" } })).status).toBe(200);
    expect(await opinions()).toBe(2);
    await expectCacheExact(article.id, "split by a retag");
  });

  it("equals a full recompute after every create, delete, restore, retag, rejection and un-rejection", async () => {
    const article = await newArticle("merges and splits", 400);
    const authors = [fx.users.ana, fx.users.ben, fx.users.admin];
    let seed = 11;
    const next = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * n);
    const live: TLive[] = [];
    const kinds = new Set<string>();
    for (let step = 0; step < 120; step++) {
      const choice = live.length < 6 ? 0 : next(6);
      const target = live.length ? live[next(live.length)]! : undefined;
      let kind: string;
      if (choice === 0 || !target) {
        const author = authors[next(3)]!;
        // Spans crowd into 150 code points with lengths of 8 to 40: chains form, merge and break.
        const start = next(150);
        const tag: TTag = TAGS[next(2)]!;
        const res = await call(annotationsRoute.POST, "POST", "/x", { id: article.id }, {
          user: author,
          body: { start, end: start + 8 + next(32), tag },
        });
        expect([200, 201]).toContain(res.status);
        if (res.status === 201) live.push({ id: res.json.id, author, deleted: false });
        kind = "create";
      } else if (choice === 1) {
        const res = target.deleted
          ? await call(restoreRoute.POST, "POST", "/x", { id: target.id }, { user: target.author })
          : await call(annotationRoute.DELETE, "DELETE", "/x", { id: target.id }, { user: target.author });
        // A restore can be refused when the same span and tag were saved again meanwhile (409): nothing changes.
        expect([200, 204, 409]).toContain(res.status);
        if (res.status !== 409) target.deleted = !target.deleted;
        kind = target.deleted ? "delete" : "restore";
      } else if (choice === 2) {
        const res = await call(annotationRoute.PATCH, "PATCH", "/x", { id: target.id }, {
          user: target.author,
          body: { tag: TAGS[next(3)] },
        });
        expect([200, 404, 409]).toContain(res.status);
        kind = "retag";
      } else {
        // One teammate's verdict decides the status (agree: accepted, disagree: rejected); changing it flips it back.
        const reviewer = authors.find((u) => u.id !== target.author.id)!;
        const res = await call(reviewsRoute.POST, "POST", "/x", { id: target.id }, {
          user: reviewer,
          body: next(2) ? { verdict: "agree" } : { verdict: "disagree", comment: "not this span" },
        });
        expect([200, 201, 404]).toContain(res.status);
        kind = "review";
      }
      kinds.add(kind);
      await expectCacheExact(article.id, `step ${step}: ${kind}`);
    }
    expect([...kinds].sort()).toEqual(["create", "delete", "restore", "retag", "review"]);
    const statuses = await getDb().annotation.groupBy({ by: ["status"], where: { articleId: article.id }, _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(["accepted", "pending", "rejected"]);
  });

  it("stays exact on an article that already holds thousands of spans", async () => {
    const length = 20_000;
    const article = await newArticle("busy", length);
    let seed = 5;
    const next = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * n);
    // 3,000 spans over 60 passages, as reviewers mark the same sentences with slightly different boundaries.
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const start = next(60) * 300 + next(40);
      const end = start + 60 + next(80);
      return { articleId: article.id, authorId: fx.users.cara.id, start, end, tag: TAGS[i % 3]!, quote: "", prefix: "", suffix: "" };
    });
    const distinct = [...new Map(rows.map((r) => [`${r.start}:${r.end}:${r.tag}`, r])).values()];
    await getDb().annotation.createMany({
      data: distinct.map((r) => ({ ...r, tag: r.tag === "anonymous-source" ? "anonymous_source" : r.tag === "official-statement" ? "official_statement" : "opinion" })),
    });
    const { refreshArticleScore } = await import("@/lib/scoring/refresh-article-score");
    await getDb().$transaction((tx) => refreshArticleScore(tx, article.id));
    await expectCacheExact(article.id, "after the full refresh");
    for (let step = 0; step < 12; step++) {
      const start = next(60) * 300 + next(40);
      const res = await call(annotationsRoute.POST, "POST", "/x", { id: article.id }, {
        user: fx.users.ana,
        body: { start, end: start + 60 + next(80), tag: TAGS[step % 3] },
      });
      expect(res.status).toBe(201);
      await expectCacheExact(article.id, `create ${step}`);
      if (step % 3 === 2) {
        expect((await call(annotationRoute.DELETE, "DELETE", "/x", { id: res.json.id }, { user: fx.users.ana })).status).toBe(204);
        await expectCacheExact(article.id, `delete ${step}`);
      }
    }
  });
});
