import { samePassagePairs, type IRange } from "./jaccard";
import { UnionFind } from "./union-find";

// One annotation joining or leaving a tag's consensus spans changes that tag's span count by what happens to the
// one group it belongs to (metrics.md: groups are the connected components of "Jaccard >= 0.5" within a tag). Only
// that group has to be read, and it can be found from the database's index on start positions: two ranges with
// Jaccard >= 0.5 satisfy |a∪b| - |a∩b| <= |a∩b| <= |b|, and |a∪b| - |a∩b| = |a.start - b.start| + |a.end - b.end|,
// so every partner a of b starts within |b| of b.start.

/**
 * Reads the ranges that count towards one tag's consensus spans (not rejected, not deleted) whose start lies in
 * [from, to], other than the annotation being changed.
 */
export type TRangeReader = (from: number, to: number) => Promise<readonly IRange[]>;

/** Ranges already read for the window [from, to] (the create path reads them with the article). */
export type TPrefetchedRanges = { from: number; to: number; ranges: readonly IRange[] };

/** The starts any range in the same passage as `r` can have. */
export function partnerWindow(r: IRange): { from: number; to: number } {
  return { from: Math.max(0, r.start - (r.end - r.start)), to: r.end };
}

/**
 * The starts read first for `r`'s group: every partner's own partner window. A partner a of b has |a| <= 2|b|
 * (|a| <= |a∪b| <= 2|a∩b| <= 2|b|) and ends within |b| of b.end, so its window lies in [b.start - 3|b|, b.end + |b|].
 * Reading that much at once completes the usual group (reviewers' spans of one sentence, all partners of each
 * other) in one read, instead of a second read for the edges that a member longer or earlier than `r` reaches.
 */
export function groupWindow(r: IRange): { from: number; to: number } {
  const length = r.end - r.start;
  // No span starts before 0 or past the longest text; clamped, the bounds stay exact integers for any input.
  return { from: Math.max(0, r.start - 3 * length), to: Math.min(Number.MAX_SAFE_INTEGER, r.end + length) };
}

/** The index of each range's component among `ranges`, as a union-find root. */
function componentRoots(ranges: readonly IRange[]): number[] {
  const sets = new UnionFind(ranges.length);
  for (const [i, j] of samePassagePairs(ranges)) sets.union(i, j);
  return ranges.map((_, i) => sets.find(i));
}

/**
 * The other members of `seed`'s group, were `seed` among the ranges: the window grows until every member's partner
 * window lies inside what was read, so the group is complete however far its chain of partners reaches.
 */
export async function groupAround(seed: IRange, read: TRangeReader, prefetched?: TPrefetchedRanges): Promise<IRange[]> {
  let { from, to } = groupWindow(seed);
  let others: IRange[];
  if (prefetched && prefetched.from <= from && prefetched.to >= to) {
    ({ from, to } = prefetched);
    others = [...prefetched.ranges];
  } else {
    others = [...(await read(from, to))];
  }
  for (;;) {
    const all = [seed, ...others];
    const roots = componentRoots(all);
    const members = all.filter((_, i) => i > 0 && roots[i] === roots[0]);
    let needFrom = from;
    let needTo = to;
    for (const m of members) {
      const w = partnerWindow(m);
      needFrom = Math.min(needFrom, w.from);
      needTo = Math.max(needTo, w.to);
    }
    if (needFrom >= from && needTo <= to) return members;
    if (needFrom < from) others.push(...(await read(needFrom, from - 1)));
    if (needTo > to) others.push(...(await read(to + 1, needTo)));
    from = needFrom;
    to = needTo;
  }
}

/**
 * How many groups the other members of `seed`'s group form without it: a range joining the tag merges that many
 * groups into one (the tag's count changes by 1 - n); a range leaving splits its group into n (by n - 1).
 */
export async function groupsBesides(seed: IRange, read: TRangeReader, prefetched?: TPrefetchedRanges): Promise<number> {
  const members = await groupAround(seed, read, prefetched);
  return new Set(componentRoots(members)).size;
}
