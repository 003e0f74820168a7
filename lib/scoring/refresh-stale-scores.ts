import type { Db } from "@/lib/db/client";
import { refreshArticleScore } from "./refresh-article-score";

/** Fills the score cache of articles annotated before the cache existed (run on start; a no-op after). */
export async function refreshStaleScores(db: Db): Promise<number> {
  const stale = await db.article.findMany({ where: { annotationCount: { gt: 0 }, score: null }, select: { id: true } });
  for (const { id } of stale) await db.$transaction((tx) => refreshArticleScore(tx, id));
  return stale.length;
}
