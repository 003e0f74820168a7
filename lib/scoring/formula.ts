import { TAGS } from "@/lib/annotations/tags";
import { DEFAULT_WEIGHTS, type TTagCounts, type TWeights } from "./weights";

export interface IWeightedSums {
  /** Signed evidence: sum of w_t · n_t. */
  S: number;
  /** Total evidence: sum of |w_t| · n_t. */
  T: number;
}

export function weightedSums(counts: TTagCounts, weights: TWeights = DEFAULT_WEIGHTS): IWeightedSums {
  let S = 0;
  let T = 0;
  for (const tag of TAGS) {
    S += weights[tag] * counts[tag];
    T += Math.abs(weights[tag]) * counts[tag];
  }
  return { S, T };
}

// score = 50 + 50·S/(T + 2). Not rounded here: metrics.md allows rounding only for display.
// |S| <= T keeps the result within [0, 100]; the +2 keeps a single span from reaching either end.
export function credibilityScore(counts: TTagCounts, weights: TWeights = DEFAULT_WEIGHTS): number {
  const { S, T } = weightedSums(counts, weights);
  return 50 + (50 * S) / (T + 2);
}
