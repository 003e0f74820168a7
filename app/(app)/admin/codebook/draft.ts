import type { TCodebookEntry } from "@/lib/annotations/codebook";

// The admin's form state for one tag: every field as typed, list rows with keys of their own so that removing a
// row keeps the others' text and focus where they were.

export type TExampleRow = { key: string; quote: string; why: string };
export type TCaseRow = { key: string; text: string };
export type TDraft = { definition: string; span: string; example: string; moreExamples: TExampleRow[]; notThis: TCaseRow[] };

let lastKey = 0;
export const rowKey = () => `row-${++lastKey}`;

export function draftOf(entry: TCodebookEntry): TDraft {
  return {
    definition: entry.definition,
    span: entry.span,
    example: entry.example,
    moreExamples: entry.moreExamples.map((m) => ({ key: rowKey(), quote: m.quote, why: m.why ?? "" })),
    notThis: entry.notThis.map((text) => ({ key: rowKey(), text })),
  };
}

/** What the form sends: the fields as typed (the server trims them), a blank "why" left out. */
export function entryOf(draft: TDraft): TCodebookEntry {
  return {
    definition: draft.definition,
    span: draft.span,
    example: draft.example,
    moreExamples: draft.moreExamples.map((m) => (m.why.trim() ? { quote: m.quote, why: m.why } : { quote: m.quote })),
    notThis: draft.notThis.map((c) => c.text),
  };
}

/** Whether the form holds anything the saved entry does not (spaces at either end do not count: the server trims them). */
export function isChanged(draft: TDraft, saved: TCodebookEntry): boolean {
  const normal = (e: TCodebookEntry) =>
    JSON.stringify([
      e.definition.trim(),
      e.span.trim(),
      e.example.trim(),
      e.moreExamples.map((m) => [m.quote.trim(), (m.why ?? "").trim()]),
      e.notThis.map((c) => c.trim()),
    ]);
  return normal(entryOf(draft)) !== normal(saved);
}

const LIST_NAMES: Record<string, [string, string]> = { moreExamples: ["Further examples", "Example"], notThis: ["Not this tag", "Case"] };
const FIELD_NAMES: Record<string, string> = { definition: "Definition", span: "Span", example: "Example", quote: "quote", why: "why" };

/**
 * A field path as the API names it ("moreExamples.1.quote") in the form's words ("Example 2, quote"), for the
 * summary above the form.
 */
export function fieldLabel(path: string): string {
  const [head = "", index, leaf] = path.split(".");
  const list = LIST_NAMES[head];
  if (!list) return FIELD_NAMES[head] ?? head;
  if (index === undefined) return list[0];
  const row = `${list[1]} ${Number(index) + 1}`;
  return leaf ? `${row}, ${FIELD_NAMES[leaf] ?? leaf}` : row;
}
