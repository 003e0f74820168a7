import type { TStatus, TTag } from "@/lib/annotations/tags";
import { samePassagePairs } from "./jaccard";
import { UnionFind } from "./union-find";

export { jaccard } from "./jaccard";

export interface IConsensusInput {
  id: string;
  start: number;
  end: number;
  tag: TTag;
  status: TStatus;
}

export interface IConsensusSpan {
  start: number;
  end: number;
  tag: TTag;
  annotationIds: string[];
}

// Plain code-unit comparison: deterministic across locales, unlike localeCompare.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byRangeThenId(a: IConsensusInput, b: IConsensusInput): number {
  return a.start - b.start || a.end - b.end || compareStrings(a.id, b.id);
}

function bySpan(a: IConsensusSpan, b: IConsensusSpan): number {
  return a.start - b.start || a.end - b.end || compareStrings(a.tag, b.tag);
}

// metrics.md "Consensus spans": non-rejected annotations of the same tag linked by Jaccard >= 0.5,
// transitively, so A~B and B~C make one span even when A and C barely overlap.
export function consensusSpans(annotations: readonly IConsensusInput[]): IConsensusSpan[] {
  const byTag = new Map<TTag, IConsensusInput[]>();
  for (const annotation of annotations) {
    if (annotation.status === "rejected") continue;
    const list = byTag.get(annotation.tag);
    if (list) list.push(annotation);
    else byTag.set(annotation.tag, [annotation]);
  }

  const spans: IConsensusSpan[] = [];
  for (const [tag, list] of byTag) {
    // Sorting first makes each group's member list come out already in (start, end, id) order.
    list.sort(byRangeThenId);
    const sets = new UnionFind(list.length);
    for (const [i, j] of samePassagePairs(list)) sets.union(i, j);

    const groups = new Map<number, IConsensusInput[]>();
    list.forEach((annotation, i) => {
      const root = sets.find(i);
      const group = groups.get(root);
      if (group) group.push(annotation);
      else groups.set(root, [annotation]);
    });

    for (const group of groups.values()) {
      let start = Infinity;
      let end = -Infinity;
      for (const member of group) {
        start = Math.min(start, member.start);
        end = Math.max(end, member.end);
      }
      spans.push({ start, end, tag, annotationIds: group.map((member) => member.id) });
    }
  }
  return spans.sort(bySpan);
}
