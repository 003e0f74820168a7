import { TAGS, type TTag } from "@/lib/annotations/tags";
import type { IToken } from "./tokens";

export interface IAnnotatedRange {
  authorId: string;
  start: number;
  end: number;
  tag: TTag;
}

export interface ITokenValues {
  /** Author ids, sorted; one row of `values` each. */
  annotators: string[];
  /** values[annotator][token]: a tag, "none", or sorted tags joined by "+". */
  values: string[][];
}

export const NO_TAG = "none";

const SORTED_TAGS = [...TAGS].sort();
const TAG_BIT = new Map<TTag, number>(SORTED_TAGS.map((tag, i) => [tag, 1 << i]));

// A token's value depends only on which tags cover it, so every possible value is precomputed once
// from a bit mask: bit i set when SORTED_TAGS[i] covers the token.
const VALUE_OF_MASK: string[] = Array.from({ length: 1 << SORTED_TAGS.length }, (_, mask) => {
  const tags = SORTED_TAGS.filter((_, i) => (mask & (1 << i)) !== 0);
  return tags.length === 0 ? NO_TAG : tags.join("+");
});

// First index in [0, length) whose predicate holds, given predicates false-then-true over sorted tokens.
function firstIndex(length: number, holds: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// metrics.md "Agreement": each annotator gives each token the tag(s) of their annotations touching any of
// its code points. `tokens` must be sorted and disjoint, as wordTokens returns them.
// Cost is O(annotations · log tokens + annotators · tags · tokens): each annotation becomes a +1/−1 pair in
// a difference array over token indexes, instead of being tested against every token.
export function tokenValues(tokens: readonly IToken[], annotations: readonly IAnnotatedRange[]): ITokenValues {
  const byAuthor = new Map<string, IAnnotatedRange[]>();
  for (const annotation of annotations) {
    const list = byAuthor.get(annotation.authorId);
    if (list) list.push(annotation);
    else byAuthor.set(annotation.authorId, [annotation]);
  }
  const annotators = [...byAuthor.keys()].sort(compareStrings);

  const n = tokens.length;
  const diff = new Int32Array(n + 1);
  const values = annotators.map((authorId) => {
    const masks = new Uint8Array(n);
    const own = byAuthor.get(authorId) ?? [];
    for (const tag of SORTED_TAGS) {
      diff.fill(0);
      for (const annotation of own) {
        if (annotation.tag !== tag) continue;
        // Tokens overlapping [start, end): from the first ending after start to the last starting before end.
        const first = firstIndex(n, (i) => tokens[i]!.end > annotation.start);
        const afterLast = firstIndex(n, (i) => tokens[i]!.start >= annotation.end);
        if (first >= afterLast) continue;
        diff[first]! += 1;
        diff[afterLast]! -= 1;
      }
      const bit = TAG_BIT.get(tag)!;
      let depth = 0;
      for (let i = 0; i < n; i++) {
        depth += diff[i]!;
        if (depth > 0) masks[i]! |= bit;
      }
    }
    return Array.from(masks, (mask) => VALUE_OF_MASK[mask]!);
  });

  return { annotators, values };
}
