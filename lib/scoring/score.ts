import { consensusSpans, type IConsensusInput, type IConsensusSpan } from "./consensus";
import { credibilityScore, weightedSums } from "./formula";
import { countByTag, DEFAULT_WEIGHTS, type TTagCounts, type TWeights } from "./weights";

// One import point for callers (API routes, pages): the pieces live in their own files.
export { DEFAULT_WEIGHTS, countByTag, zeroCounts, type TTagCounts, type TWeights } from "./weights";
export { credibilityScore, weightedSums, type IWeightedSums } from "./formula";
export { explainScore } from "./explain";
export { combineGroups, groupScores, type IGroupInput, type IGroupPartial, type IGroupScore } from "./group-scores";

export interface IArticleScore {
  /** null when the article has no annotations at all ("not yet annotated"). */
  score: number | null;
  counts: TTagCounts;
  spans: IConsensusSpan[];
  S: number;
  T: number;
}

// `annotations` are all of the article's existing annotations, rejected ones included: an article whose
// annotations were all rejected has been annotated, has no consensus spans, and so scores a real 50,
// whereas one nobody has touched yet gets null.
export function articleScore({
  annotations,
  weights = DEFAULT_WEIGHTS,
}: {
  annotations: readonly IConsensusInput[];
  weights?: TWeights;
}): IArticleScore {
  const spans = consensusSpans(annotations);
  const counts = countByTag(spans);
  const { S, T } = weightedSums(counts, weights);
  const score = annotations.length === 0 ? null : credibilityScore(counts, weights);
  return { score, counts, spans, S, T };
}
