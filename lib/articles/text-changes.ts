import { diffWordsWithSpace } from "diff";

export type TTextChange = { kind: "same" | "added" | "removed"; text: string };

/** What a correction changed, word by word (spaces kept), as runs of unchanged, removed and added text. */
export function textChanges(before: string, after: string): TTextChange[] {
  return diffWordsWithSpace(before, after).map((part) => ({ kind: part.added ? "added" : part.removed ? "removed" : "same", text: part.value }));
}
