import type { TTag } from "@/lib/annotations/tags";
import type { Tx } from "@/lib/db/client";
import { prismaWriter } from "@/lib/db/prisma-writer";
import type { TArticleScoreState, TScoreCache, TScoreInput, TScoreStore } from "@/lib/db/store";
import { groupsBesides, type TRangeReader } from "./consensus-delta";
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

function cachedCounts(state: TArticleScoreState): TTagCounts {
  return {
    "official-statement": state.consensusOfficial,
    "anonymous-source": state.consensusAnonymous,
    opinion: state.consensusOpinion,
  };
}

// As articleScore: an article none of whose annotations remain has no score (null), not 50.
function cacheOf(state: TArticleScoreState, annotationCount: number, counts: TTagCounts): TScoreCache {
  return {
    annotationCount,
    score: annotationCount === 0 ? null : credibilityScore(counts, teamWeights(state)),
    consensusOfficial: counts["official-statement"],
    consensusAnonymous: counts["anonymous-source"],
    consensusOpinion: counts.opinion,
  };
}

/**
 * The article's cache after one annotation of `tag` was added to it, where `groupsJoined` is groupsBesides for its
 * range: the other counts, like the annotation count, come from the cache, which every write keeps current.
 */
export function cacheAfterCreate(state: TArticleScoreState, tag: TTag, groupsJoined: number): TScoreCache {
  const counts = cachedCounts(state);
  counts[tag] += 1 - groupsJoined;
  return cacheOf(state, state.annotationCount + 1, counts);
}

/** One annotation as the score sees it; null where it does not count at all (not yet created, or deleted). */
export type TScoreSpan = Pick<TScoreInput, "start" | "end" | "tag" | "status"> | null;

/** One annotation's change: its id, and how the score saw it before and sees it after. */
export type TScoreChange = { id: string; before: TScoreSpan; after: TScoreSpan };

const inConsensus = (span: TScoreSpan): span is NonNullable<TScoreSpan> => span !== null && span.status !== "rejected";

/**
 * Brings the article's cache up to date after one annotation changed (deleted, restored, retagged, rejected or
 * no longer rejected), reading only the groups the change can touch: the one it leaves and the one it joins
 * (consensus-delta.ts). The same result as refreshArticleScoreWith, which the tests check it against.
 */
export async function refreshScoreAfterChange(store: TScoreStore, articleId: string, change: TScoreChange): Promise<void> {
  await store.lockArticleScore(articleId);
  const state = await store.articleScoreState(articleId);
  if (!state) return;
  const { id, before, after } = change;
  const counts = cachedCounts(state);
  const unmoved = inConsensus(before) && inConsensus(after) &&
    before.tag === after.tag && before.start === after.start && before.end === after.end;
  if (!unmoved) {
    const others = (tag: TTag): TRangeReader => (from, to) => store.tagRangesBetween({ articleId, tag, from, to, exceptId: id });
    if (inConsensus(before)) counts[before.tag] += (await groupsBesides(before, others(before.tag))) - 1;
    if (inConsensus(after)) counts[after.tag] += 1 - (await groupsBesides(after, others(after.tag)));
  }
  const annotationCount = state.annotationCount + (after ? 1 : 0) - (before ? 1 : 0);
  await store.updateScoreCache(articleId, cacheOf(state, annotationCount, counts));
}
