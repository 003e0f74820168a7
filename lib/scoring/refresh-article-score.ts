import type { TTag } from "@/lib/annotations/tags";
import type { Tx } from "@/lib/db/client";
import { prismaWriter } from "@/lib/db/prisma-writer";
import type { TArticleScoreState, TScoreCache, TScoreInput, TScoreStore } from "@/lib/db/store";
import { consensusSpanCount } from "./consensus";
import type { IRange } from "./jaccard";
import { articleScore, credibilityScore, type TTagCounts } from "./score";
import { teamWeights } from "./team-weights";

type TTeamWeights = Parameters<typeof teamWeights>[0];

/** The article's cached fields, from all of its annotations and its team's weights. */
export function scoreCache(annotations: readonly TScoreInput[], weights: TTeamWeights): TScoreCache {
  const result = articleScore({ annotations, weights: teamWeights(weights) });
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
 * Runs inside the transaction that changed them, so readers never see a stale score; the article's score lock is
 * taken before anything is read, so a concurrent writer on another connection cannot slip in between.
 */
export async function refreshArticleScoreWith(store: TScoreStore, articleId: string): Promise<void> {
  await store.lockArticleScore(articleId);
  const state = await store.articleScoreState(articleId);
  if (!state) return;
  await store.updateScoreCache(articleId, scoreCache(await store.articleScoreInputs(articleId), state));
}

/** refreshArticleScoreWith inside a Prisma transaction. */
export function refreshArticleScore(tx: Tx, articleId: string): Promise<void> {
  return refreshArticleScoreWith(prismaWriter(tx), articleId);
}

/**
 * The article's cache after one annotation of `tag` was added: consensus spans are formed within a tag (metrics.md),
 * so only that tag's spans are recounted, from `tagRanges` (its non-rejected ranges, the new one included), and the
 * other two counts, like the annotation count, come from the cache, which every write keeps current. The same
 * result as refreshArticleScoreWith (test/annotation-writes.test.ts checks it against a full recompute) for about a
 * third of the rows, read from an index.
 */
export function cacheAfterCreate(state: TArticleScoreState, tag: TTag, tagRanges: readonly IRange[]): TScoreCache {
  const counts: TTagCounts = {
    "official-statement": state.consensusOfficial,
    "anonymous-source": state.consensusAnonymous,
    opinion: state.consensusOpinion,
  };
  counts[tag] = consensusSpanCount(tagRanges);
  return {
    annotationCount: state.annotationCount + 1,
    score: credibilityScore(counts, teamWeights(state)),
    consensusOfficial: counts["official-statement"],
    consensusAnonymous: counts["anonymous-source"],
    consensusOpinion: counts.opinion,
  };
}
