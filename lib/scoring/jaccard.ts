// Ranges are [start, end) in Unicode code points of the article body (api.md conventions).
export interface IRange {
  start: number;
  end: number;
}

function length(r: IRange): number {
  return Math.max(0, r.end - r.start);
}

export function intersectionLength(a: IRange, b: IRange): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

// |a ∩ b| / |a ∪ b|. Two empty ranges share no code point, so they score 0 rather than 0/0.
export function jaccard(a: IRange, b: IRange): number {
  const inter = intersectionLength(a, b);
  const union = length(a) + length(b) - inter;
  return union === 0 ? 0 : inter / union;
}

// metrics.md's "Jaccard >= 0.5", tested as 2·|a∩b| >= |a∪b| on integers so a pair sitting exactly on the
// threshold can never be lost to floating-point rounding.
export function isSamePassage(a: IRange, b: IRange): boolean {
  const inter = intersectionLength(a, b);
  if (inter === 0) return false;
  return 2 * inter >= length(a) + length(b) - inter;
}

// Every unordered pair (i < j, as indexes into `ranges`) that passes isSamePassage.
// Sweep over ranges sorted by start: for a later-starting b, |a∩b| <= a.end - b.start and |a∪b| >= |a|,
// so b can only reach 0.5 when 2·b.start <= a.start + a.end. Past that point no later range can either,
// which keeps the work near-linear for realistic articles instead of comparing all n² pairs.
export function samePassagePairs(ranges: readonly IRange[]): [number, number][] {
  const order = ranges.map((_, i) => i).sort((x, y) => ranges[x]!.start - ranges[y]!.start || x - y);
  const pairs: [number, number][] = [];
  for (let p = 0; p < order.length; p++) {
    const i = order[p]!;
    const a = ranges[i]!;
    const reach = a.start + a.end;
    for (let q = p + 1; q < order.length; q++) {
      const j = order[q]!;
      const b = ranges[j]!;
      if (2 * b.start > reach) break;
      if (isSamePassage(a, b)) pairs.push(i < j ? [i, j] : [j, i]);
    }
  }
  return pairs;
}
