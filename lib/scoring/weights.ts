import { TAGS, type TTag } from "@/lib/annotations/tags";

export type TWeights = Record<TTag, number>;
export type TTagCounts = Record<TTag, number>;

// metrics.md defaults; a team admin may override them.
export const DEFAULT_WEIGHTS: Readonly<TWeights> = Object.freeze({
  "official-statement": 1,
  "anonymous-source": -1,
  opinion: -0.5,
});

// Every tag is always present so API consumers never have to treat a missing key as zero.
export function zeroCounts(): TTagCounts {
  return Object.fromEntries(TAGS.map((tag) => [tag, 0])) as TTagCounts;
}

// n_t of metrics.md: how many consensus spans carry each tag.
export function countByTag(spans: readonly { tag: TTag }[]): TTagCounts {
  const counts = zeroCounts();
  for (const span of spans) counts[span.tag] += 1;
  return counts;
}
