import { spanF1 } from "@/lib/agreement/span-f1";
import { withApiTag } from "@/lib/annotations/tags";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";

// Pairwise F1 reads every span of these articles: bounded so the page stays fast on years of data.
export const F1_ARTICLE_WINDOW = 500;

/**
 * Per annotator: how much they tagged, how reviews judged it, how many reviews they gave, and their mean span F1
 * against each teammate.
 */
export async function findTeamStats(user: TSessionUser) {
  const [people, byStatus, reviewsGiven] = await Promise.all([
    db.user.findMany({ where: { teamId: user.teamId }, select: { id: true, name: true, role: true }, orderBy: { name: "asc" } }),
    db.annotation.groupBy({
      by: ["authorId", "status"],
      where: { deletedAt: null, article: { teamId: user.teamId } },
      _count: { _all: true },
    }),
    db.review.groupBy({
      by: ["reviewerId"],
      where: { reviewer: { teamId: user.teamId }, annotation: { deletedAt: null } },
      _count: { _all: true },
    }),
  ]);
  const articles = await db.article.findMany({
    where: { teamId: user.teamId, annotationCount: { gt: 1 } },
    orderBy: { updatedAt: "desc" },
    take: F1_ARTICLE_WINDOW,
    select: { id: true },
  });
  const spans = await db.annotation.findMany({
    where: { articleId: { in: articles.map((a) => a.id) }, deletedAt: null },
    select: { articleId: true, authorId: true, start: true, end: true, tag: true },
  });
  const byArticle = new Map<string, Map<string, ReturnType<typeof withApiTag<(typeof spans)[number]>>[]>>();
  for (const s of spans) {
    const authors = byArticle.get(s.articleId) ?? new Map();
    authors.set(s.authorId, [...(authors.get(s.authorId) ?? []), withApiTag(s)]);
    byArticle.set(s.articleId, authors);
  }
  const f1Sums = new Map<string, { sum: number; n: number }>();
  for (const authors of byArticle.values()) {
    const ids = [...authors.keys()];
    for (const a of ids) {
      for (const b of ids) {
        if (a >= b) continue;
        const f1 = spanF1(authors.get(a)!, authors.get(b)!);
        const key = `${a}|${b}`;
        const cur = f1Sums.get(key) ?? { sum: 0, n: 0 };
        f1Sums.set(key, { sum: cur.sum + f1, n: cur.n + 1 });
      }
    }
  }
  const pairF1 = (a: string, b: string) => {
    const v = f1Sums.get(a < b ? `${a}|${b}` : `${b}|${a}`);
    return v ? { f1: v.sum / v.n, articles: v.n } : null;
  };
  return people.map((p) => {
    const counts = { pending: 0, accepted: 0, rejected: 0 };
    for (const row of byStatus) if (row.authorId === p.id) counts[row.status] += row._count._all;
    const total = counts.pending + counts.accepted + counts.rejected;
    const judged = counts.accepted + counts.rejected;
    return {
      ...p,
      total,
      ...counts,
      acceptance: judged ? counts.accepted / judged : null,
      reviewsGiven: reviewsGiven.find((r) => r.reviewerId === p.id)?._count._all ?? 0,
      f1: people.filter((q) => q.id !== p.id).map((q) => ({ teammate: q.id, name: q.name, ...(pairF1(p.id, q.id) ?? { f1: null, articles: 0 }) })),
    };
  });
}
