import { TAGS, type TTag } from "@/lib/annotations/tags";
import { isSamePassage, jaccard, type IRange } from "@/lib/scoring/jaccard";

export type TTagged = IRange & { tag: TTag };
export type TCounts = { gold: number; predicted: number; matched: number };
export type TScores = TCounts & { precision: number | null; recall: number | null; f1: number | null };

/**
 * Span-level matching as the issue defines it: a suggestion matches a gold span of the same tag when their
 * code-point ranges have Jaccard >= 0.5; each gold span and each suggestion is matched at most once (best pairs
 * first, so the result does not depend on order).
 */
export function matchSpans(predicted: readonly TTagged[], gold: readonly TTagged[]): Array<{ predicted: number; gold: number }> {
  const pairs: Array<{ p: number; g: number; j: number }> = [];
  predicted.forEach((p, pi) => {
    gold.forEach((g, gi) => {
      if (p.tag === g.tag && isSamePassage(p, g)) pairs.push({ p: pi, g: gi, j: jaccard(p, g) });
    });
  });
  pairs.sort((a, b) => b.j - a.j || a.g - b.g || a.p - b.p);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const out: Array<{ predicted: number; gold: number }> = [];
  for (const pair of pairs) {
    if (usedP.has(pair.p) || usedG.has(pair.g)) continue;
    usedP.add(pair.p);
    usedG.add(pair.g);
    out.push({ predicted: pair.p, gold: pair.g });
  }
  return out;
}

export function countByTag(predicted: readonly TTagged[], gold: readonly TTagged[]): Record<TTag, TCounts> {
  const matches = matchSpans(predicted, gold);
  const counts = Object.fromEntries(TAGS.map((t) => [t, { gold: 0, predicted: 0, matched: 0 }])) as Record<TTag, TCounts>;
  for (const g of gold) counts[g.tag].gold++;
  for (const p of predicted) counts[p.tag].predicted++;
  for (const m of matches) counts[gold[m.gold]!.tag].matched++;
  return counts;
}

export function addCounts(a: TCounts, b: TCounts): TCounts {
  return { gold: a.gold + b.gold, predicted: a.predicted + b.predicted, matched: a.matched + b.matched };
}

/** Precision, recall and F1; null where undefined (nothing predicted, nothing to find). */
export function scores(c: TCounts): TScores {
  const precision = c.predicted === 0 ? null : c.matched / c.predicted;
  const recall = c.gold === 0 ? null : c.matched / c.gold;
  const f1 = precision === null || recall === null || precision + recall === 0 ? (precision === 0 || recall === 0 ? 0 : null) : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}
