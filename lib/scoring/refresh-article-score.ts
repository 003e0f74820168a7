import { typed, type TTag } from "@/lib/annotations/tags";
import type { Tx } from "@/lib/db/client";
import type { TScoreCache, TWriter } from "@/lib/db/sqlite-writer";
import { consensusSpanCount } from "./consensus";
import { articleScore, credibilityScore, type TTagCounts } from "./score";
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

/**
 * After one annotation of `tag` was added: consensus spans are formed within a tag (metrics.md), so only that tag's
 * spans are recounted and the other two counts, like the annotation count, come from the article's cache, which
 * every write keeps current. The same result as refreshArticleScore (test/sqlite-writer.test.ts checks it against a
 * full recompute) for about a third of the rows, read from an index.
 */
export function refreshTagScoreWith(writer: TWriter, articleId: string, tag: TTag): void {
  const state = writer.articleScoreState(articleId);
  if (!state) return;
  const counts: TTagCounts = {
    "official-statement": state.consensusOfficial,
    "anonymous-source": state.consensusAnonymous,
    opinion: state.consensusOpinion,
  };
  counts[tag] = consensusSpanCount(writer.articleTagRanges(articleId, tag));
  writer.updateScoreCache(articleId, {
    annotationCount: state.annotationCount + 1,
    score: credibilityScore(counts, teamWeights(state)),
    consensusOfficial: counts["official-statement"],
    consensusAnonymous: counts["anonymous-source"],
    consensusOpinion: counts.opinion,
  });
}
