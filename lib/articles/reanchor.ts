import { CodePointIndex } from "@/lib/anchoring/code-points";
import { matchQuote } from "@/lib/anchoring/match-quote";
import { textQuoteSelector, type TTextQuoteSelector } from "@/lib/anchoring/text-quote";

export type TAnchoredSpan = { id: string; start: number; end: number; quote: string; prefix: string; suffix: string };
export type TPlacement = TTextQuoteSelector & { id: string; start: number; end: number; how: "unchanged" | "moved" | "edited" };
export type TReanchoring = { placed: TPlacement[]; orphaned: string[] };

/** Quotes shorter than this (UTF-16 units) must be found exactly: a few edits would turn them into other words. */
const MIN_FUZZY_LENGTH = 12;
/** At most this share of a quote's characters may have changed for it to count as the same passage. */
const MAX_ERROR_SHARE = 0.2;
/** Below this, an exact but short quote found elsewhere with other text around it is not the same passage. */
const MIN_EXACT_SCORE = 0.65;
/** A quote this long that still occurs exactly is the same passage wherever it moved. */
const SELF_EVIDENT_LENGTH = 40;
const MIN_EDITED_SCORE = 0.7;

/**
 * Each annotation's place in a corrected text: where it was if its quote is still there, otherwise the best match
 * of its quote with the text around it (hypothesis/client's way), allowing small edits inside a long enough quote.
 * What cannot be placed with confidence is orphaned, never moved to a guess.
 */
export function reanchor(body: string, spans: readonly TAnchoredSpan[]): TReanchoring {
  const index = new CodePointIndex(body);
  const placed: TPlacement[] = [];
  const orphaned: string[] = [];
  for (const span of spans) {
    const at = (start: number, end: number, how: TPlacement["how"]) => placed.push({ id: span.id, start, end, how, ...textQuoteSelector(body, start, end, index.length) });
    if (span.end <= index.length && index.slice(span.start, span.end) === span.quote) {
      at(span.start, span.end, "unchanged");
      continue;
    }
    const maxErrors = span.quote.length < MIN_FUZZY_LENGTH ? 0 : Math.floor(span.quote.length * MAX_ERROR_SHARE);
    const match = matchQuote(body, span.quote, { prefix: span.prefix, suffix: span.suffix, hint: index.utf16(span.start) }, maxErrors);
    const confident =
      match !== null &&
      (match.errors === 0 ? match.score >= MIN_EXACT_SCORE || span.quote.length >= SELF_EVIDENT_LENGTH : match.score >= MIN_EDITED_SCORE);
    const start = match ? index.codePoint(match.start) : 0;
    const end = match ? index.codePoint(match.end) : 0;
    if (!confident || end <= start) orphaned.push(span.id);
    else at(start, end, match!.errors === 0 ? "moved" : "edited");
  }
  return { placed, orphaned };
}
