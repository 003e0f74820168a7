import { CodePointIndex, hasAstral } from "@/lib/anchoring/code-points";
import type { TTag } from "@/lib/annotations/tags";
import type { TDocument } from "./sentences";
import type { TSuggestion, TVerdict } from "./types";

const ATTRIBUTION_TAGS: ReadonlySet<TTag> = new Set(["anonymous-source", "official-statement"]);
const FOOTNOTE = /\s*\[\d{1,3}\]$/u;

/** UTF-16 index -> code point, for many offsets of one text: O(log n) each after an O(n) index (code-points.ts). */
export class CodePointOffsets {
  private readonly index: CodePointIndex | null;

  constructor(text: string) {
    this.index = hasAstral(text) ? new CodePointIndex(text) : null;
  }

  toCodePoint(utf16: number): number {
    const index = this.index;
    if (!index) return utf16;
    // Largest code point whose UTF-16 offset is <= utf16 (an index inside a pair rounds down, like utf16ToCodePoint).
    let lo = 0;
    let hi = index.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (index.utf16(mid) <= utf16) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * Sentence verdicts -> suggestions: an attribution takes in the following sentences of its paragraph that only
 * continue its quotation ("…," X said. "…"); whitespace and trailing footnote markers are trimmed; offsets become
 * code points; two suggestions of the same tag never overlap.
 */
export function shapeSpans(doc: TDocument, verdicts: ReadonlyArray<TVerdict | null>, attributed: readonly boolean[]): TSuggestion[] {
  const offsets = new CodePointOffsets(doc.text);
  const out: TSuggestion[] = [];
  const sentences = doc.sentences;
  for (let k = 0; k < sentences.length; k++) {
    const verdict = verdicts[k];
    const s = sentences[k]!;
    if (!verdict) continue;
    let end = s.end;
    if (ATTRIBUTION_TAGS.has(verdict.tag)) {
      while (k + 1 < sentences.length) {
        const n = sentences[k + 1]!;
        if (n.paragraph !== s.paragraph || !n.opensInQuote || verdicts[k + 1] || attributed[k + 1] || n.boilerplate) break;
        end = n.end;
        k++;
      }
    }
    const range = trim(doc.text, wordStart(doc, s.first, s.last), end);
    if (!range) continue;
    out.push({ start: offsets.toCodePoint(range.start), end: offsets.toCodePoint(range.end), ...verdict });
  }
  return withoutSameTagOverlaps(out);
}

/** Start of the sentence without leading emoji or symbols (decoration of the text before it); quotes and brackets stay. */
function wordStart(doc: TDocument, first: number, last: number): number {
  let i = first;
  while (i < last && !/[\p{L}\p{N}“"‘'(\[«„]/u.test(doc.tokens[i]!.value)) i++;
  return doc.tokens[i]!.start;
}

function trim(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  const footnote = FOOTNOTE.exec(text.slice(s, e));
  if (footnote && footnote.index > 0) e = s + footnote.index;
  return e > s ? { start: s, end: e } : null;
}

/** Keeps the earlier of two overlapping suggestions of one tag. */
export function withoutSameTagOverlaps(suggestions: readonly TSuggestion[]): TSuggestion[] {
  const sorted = [...suggestions].sort((a, b) => a.start - b.start || a.end - b.end);
  const lastEnd = new Map<TTag, number>();
  const out: TSuggestion[] = [];
  for (const s of sorted) {
    if ((lastEnd.get(s.tag) ?? -1) > s.start) continue;
    out.push(s);
    lastEnd.set(s.tag, s.end);
  }
  return out;
}
