import { typed } from "@/lib/annotations/tags";
import type { Tx } from "@/lib/db/client";
import { articleScore } from "./score";
import { teamWeights } from "./team-weights";

/**
 * Recomputes one article's cached score, annotation count and consensus counts from its annotations.
 * Runs inside the transaction that changed them, so readers never see a stale score.
 */
export async function refreshArticleScore(tx: Tx, articleId: string): Promise<void> {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: { team: { select: { weightOfficialStatement: true, weightAnonymousSource: true, weightOpinion: true } } },
  });
  if (!article) return;
  const annotations = await tx.annotation.findMany({
    where: { articleId },
    select: { id: true, start: true, end: true, tag: true, status: true },
  });
  const result = articleScore({
    annotations: annotations.map(typed),
    weights: teamWeights(article.team),
  });
  await tx.article.update({
    where: { id: articleId },
    data: {
      annotationCount: annotations.length,
      score: result.score,
      consensusOfficial: result.counts["official-statement"],
      consensusAnonymous: result.counts["anonymous-source"],
      consensusOpinion: result.counts.opinion,
    },
  });
}
