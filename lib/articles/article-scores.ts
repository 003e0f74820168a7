import { db } from "@/lib/db/client";

export type TArticleScore = { annotationCount: number; score: number | null };

// Placeholder until the scoring module lands: counts only.
export async function scoresForArticles(ids: string[], _teamId: string): Promise<Map<string, TArticleScore>> {
  const counts = await db.annotation.groupBy({ by: ["articleId"], where: { articleId: { in: ids } }, _count: { _all: true } });
  const result = new Map<string, TArticleScore>();
  for (const id of ids) result.set(id, { annotationCount: 0, score: null });
  for (const c of counts) result.set(c.articleId, { annotationCount: c._count._all, score: null });
  return result;
}
