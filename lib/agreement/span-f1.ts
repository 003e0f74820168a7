import type { TTag } from "@/lib/annotations/tags";
import { jaccard } from "@/lib/scoring/consensus";
import { samePassagePairs, type IRange } from "@/lib/scoring/jaccard";

export interface ITaggedRange extends IRange {
  tag: TTag;
}

interface ICandidate {
  a: number;
  b: number;
  jaccard: number;
  low: ITaggedRange;
  high: ITaggedRange;
}

function compareRanges(x: ITaggedRange, y: ITaggedRange): number {
  return x.start - y.start || x.end - y.end || (x.tag < y.tag ? -1 : x.tag > y.tag ? 1 : 0);
}

// Ties in Jaccard are broken by the pair's two ranges taken in range order, not by which annotator they
// came from, so spanF1(a, b) === spanF1(b, a).
function byBestMatch(x: ICandidate, y: ICandidate): number {
  return y.jaccard - x.jaccard || compareRanges(x.low, y.low) || compareRanges(x.high, y.high);
}

// metrics.md: a span of a matches a span of b when the tags are equal and Jaccard >= 0.5; each span is
// matched at most once, greedily from the highest Jaccard down.
export function matchCount(a: readonly ITaggedRange[], b: readonly ITaggedRange[]): number {
  const candidates: ICandidate[] = [];
  const combined = [...a, ...b];
  // samePassagePairs sweeps instead of comparing all |a|·|b| pairs; pairs within one side are discarded.
  for (const [i, j] of samePassagePairs(combined)) {
    if (i >= a.length || j < a.length) continue;
    const x = combined[i]!;
    const y = combined[j]!;
    if (x.tag !== y.tag) continue;
    const [low, high] = compareRanges(x, y) <= 0 ? [x, y] : [y, x];
    candidates.push({ a: i, b: j - a.length, jaccard: jaccard(x, y), low, high });
  }
  candidates.sort(byBestMatch);

  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let matches = 0;
  for (const candidate of candidates) {
    if (usedA.has(candidate.a) || usedB.has(candidate.b)) continue;
    usedA.add(candidate.a);
    usedB.add(candidate.b);
    matches++;
  }
  return matches;
}

// F1 = 2·matches / (|a| + |b|); two annotators who both marked nothing agree completely.
export function spanF1(a: readonly ITaggedRange[], b: readonly ITaggedRange[]): number {
  if (a.length + b.length === 0) return 1;
  return (2 * matchCount(a, b)) / (a.length + b.length);
}
