import { typed } from "@/lib/annotations/tags";
import type { Tx } from "@/lib/db/client";
import type { TScoreCache, TWriter } from "@/lib/db/sqlite-writer";
import { articleScore } from "./score";
import { teamWeights } from "./team-weights";

type TScoreInput = { id: string; start: number; end: number; tag: string; status: string };
type TTeamWeights = Parameters<typeof teamWeights>[0];

/** The article's cached fields, from all of its annotations and its team's weights. */
export function scoreCache(annotations: readonly TScoreInput[], weights: TTeamWeights): TScoreCache {
  const result = articleScore({ annotations: annotations.map(typed), weights: teamWeights(weights) });
  return {
    annotationCount: annotations.length,
    score: result.score,
    consensusOfficial: result.counts["official-statement"],
    consensusAnonymous: result.counts["anonymous-source"],
    consensusOpinion: result.counts.opinion,
  };
}

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
  await tx.article.update({ where: { id: articleId }, data: scoreCache(annotations, article.team) });
}

/** The same refresh inside a synchronous write transaction (lib/db/sqlite-writer.ts). */
export function refreshArticleScoreWith(writer: TWriter, articleId: string): void {
  const weights = writer.articleWeights(articleId);
  if (!weights) return;
  writer.updateScoreCache(articleId, scoreCache(writer.articleAnnotations(articleId), weights));
}
