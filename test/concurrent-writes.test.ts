import { beforeAll, describe, expect, it } from "vitest";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as reviewsRoute from "@/app/api/annotations/[id]/reviews/route";
import * as annotationsRoute from "@/app/api/articles/[id]/annotations/route";
import { withApiTag } from "@/lib/annotations/tags";
import { scoreCache } from "@/lib/scoring/refresh-article-score";
import { annotationStatus, countVerdicts } from "@/lib/reviews/status";
import { call, seedFixtures, type TestUser } from "./helpers";

// Many writes on one article at once, through the real route handlers. On PostgreSQL they run on several pooled
// connections in parallel, so a cached count or score computed from a value read before another transaction
// committed would come out wrong; on SQLite they are serialized. Either way, afterwards the caches must equal a full
// recompute from the rows.

let fx: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  fx = await seedFixtures();
});

const TAGS = ["anonymous-source", "official-statement", "opinion"] as const;

const create = (user: TestUser, articleId: string, start: number, end: number, tag: string) =>
  call(annotationsRoute.POST, "POST", `/api/articles/${articleId}/annotations`, { id: articleId }, { user, body: { start, end, tag } });
const review = (user: TestUser, id: string, verdict: "agree" | "disagree") =>
  call(reviewsRoute.POST, "POST", `/api/annotations/${id}/reviews`, { id }, { user, body: { verdict } });
const remove = (user: TestUser, id: string) => call(annotationRoute.DELETE, "DELETE", `/api/annotations/${id}`, { id }, { user });

async function expectCachesExact(articleId: string) {
  const article = await fx.db.article.findUniqueOrThrow({ where: { id: articleId }, include: { team: true } });
  const annotations = await fx.db.annotation.findMany({ where: { articleId, deletedAt: null }, include: { reviews: true } });
  for (const a of annotations) {
    const counts = countVerdicts(
      a.reviews,
      a.authorId,
    );
    expect({ id: a.id, agree: a.agreeCount, disagree: a.disagreeCount, status: a.status }).toEqual({
      id: a.id,
      agree: counts.agree,
      disagree: counts.disagree,
      status: annotationStatus(counts.agree, counts.disagree),
    });
  }
  const { annotationCount, score, consensusOfficial, consensusAnonymous, consensusOpinion } = article;
  expect({ annotationCount, score, consensusOfficial, consensusAnonymous, consensusOpinion }).toEqual(scoreCache(annotations.map(withApiTag), article.team));
  return annotations;
}

describe("concurrent writes on one article", () => {
  it("creates from two annotators at once leave an exact count and score", async () => {
    const article = fx.articles[0]!;
    const writes = Array.from({ length: 60 }, (_, i) => {
      const user = i % 2 ? fx.users.ana : fx.users.ben;
      // Overlapping spans, so consensus spans merge and split as the creates land in any order.
      const start = (i * 7) % 400;
      return create(user, article.id, start, start + 5 + (i % 9), TAGS[i % 3]!);
    });
    const results = await Promise.all(writes);
    expect(results.filter((r) => r.status !== 201 && r.status !== 200)).toEqual([]);
    const stored = await expectCachesExact(article.id);
    expect(stored).toHaveLength(new Set(results.map((r) => r.json.id)).size);
  });

  it("reviews, verdict changes and deletes racing creates leave exact statuses, counts and score", async () => {
    const article = fx.articles[1]!;
    const seeded = await Promise.all(
      Array.from({ length: 24 }, (_, i) => create(i % 2 ? fx.users.ana : fx.users.ben, article.id, i * 11, i * 11 + 8, TAGS[i % 3]!)),
    );
    const ids = seeded.map((r) => ({ id: r.json.id as string, author: r.json.author.id as string }));
    const reviewerFor = (author: string, k: number) => (author === fx.users.ana.id ? [fx.users.ben, fx.users.admin] : [fx.users.ana, fx.users.admin])[k % 2]!;
    const ops: Promise<{ status: number }>[] = [];
    ids.forEach(({ id, author }, i) => {
      // Two reviewers at once on the same annotation, one of them changing its mind.
      ops.push(review(reviewerFor(author, 0), id, i % 3 ? "disagree" : "agree"));
      ops.push(review(reviewerFor(author, 1), id, "disagree").then(() => review(reviewerFor(author, 1), id, i % 2 ? "agree" : "disagree")));
      if (i % 5 === 0) ops.push(remove(author === fx.users.ana.id ? fx.users.ana : fx.users.ben, id));
      ops.push(create(fx.users.admin, article.id, i * 11 + 2, i * 11 + 12, TAGS[(i + 1) % 3]!));
    });
    const results = await Promise.all(ops);
    // A review of an annotation deleted a moment before is a clean 404; nothing else may fail.
    expect(results.filter((r) => ![200, 201, 204, 404].includes(r.status))).toEqual([]);
    const stored = await expectCachesExact(article.id);
    const deleted = ids.filter((_, i) => i % 5 === 0).map((a) => a.id);
    expect(stored.filter((a) => deleted.includes(a.id))).toEqual([]);
    // Deleted, not gone: each is kept for a restore, marked with who deleted it.
    const kept = await fx.db.annotation.findMany({ where: { id: { in: deleted } }, select: { authorId: true, deletedById: true } });
    expect(kept).toHaveLength(deleted.length);
    expect(kept.every((a) => a.deletedById === a.authorId)).toBe(true);
    expect(stored.some((a) => a.status === "rejected")).toBe(true);
  });
});
