import type { TTag } from "@/lib/annotations/tags";

export type TDisagreementInput = { id: string; authorId: string; start: number; end: number; tag: TTag; status?: string };

export type TPassage = {
  start: number;
  end: number;
  /** Per annotator of the article: the tags they gave this passage (empty: they did not tag it). */
  byAnnotator: { authorId: string; tags: TTag[]; annotationIds: string[] }[];
  kind: "agreed" | "different-tags" | "not-tagged-by-all";
};

/**
 * Groups an article's annotations into passages (chains of overlapping ranges, whoever tagged them) and
 * says, per passage, how the annotators differ: different tags for the same words, or tagged by some
 * annotators and not others. Passages where every annotator gave the same tags are "agreed".
 */
export function findPassages(annotations: readonly TDisagreementInput[]): TPassage[] {
  const annotators = [...new Set(annotations.map((a) => a.authorId))].sort();
  const sorted = [...annotations].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: TDisagreementInput[][] = [];
  let groupEnd = -1;
  for (const a of sorted) {
    const last = groups.at(-1);
    if (last && a.start < groupEnd) {
      last.push(a);
      groupEnd = Math.max(groupEnd, a.end);
    } else {
      groups.push([a]);
      groupEnd = a.end;
    }
  }
  return groups.map((group) => {
    const byAnnotator = annotators.map((authorId) => {
      const mine = group.filter((a) => a.authorId === authorId);
      return {
        authorId,
        tags: [...new Set(mine.map((a) => a.tag))].sort(),
        annotationIds: mine.map((a) => a.id),
      };
    });
    const tagSets = new Set(byAnnotator.map((b) => b.tags.join("+")));
    const someMissing = byAnnotator.some((b) => b.tags.length === 0);
    const kind: TPassage["kind"] = someMissing ? "not-tagged-by-all" : tagSets.size > 1 ? "different-tags" : "agreed";
    return {
      start: Math.min(...group.map((a) => a.start)),
      end: Math.max(...group.map((a) => a.end)),
      byAnnotator,
      kind,
    };
  });
}
