import approxSearch from "approx-string-match";

// Finding a quote again in a text that has changed, as hypothesis/client's match-quote does: every place the quote
// occurs (exactly, or else with up to a set number of character edits), scored by how well the quote, the text
// before it and the text after it match, and how near it is to where it used to be.

export type TQuoteContext = { prefix?: string; suffix?: string; /** Where the quote used to start (UTF-16). */ hint?: number };
export type TQuoteMatch = { start: number; end: number; errors: number; score: number };

type TRawMatch = { start: number; end: number; errors: number };

function search(text: string, pattern: string, maxErrors: number): TRawMatch[] {
  const exact: TRawMatch[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) exact.push({ start: at, end: at + pattern.length, errors: 0 });
  if (exact.length > 0 || maxErrors < 1) return exact;
  return approxSearch(text, pattern, Math.floor(maxErrors));
}

/** 1 when `pattern` occurs in `text` exactly, down to 0 as more of its characters must change. */
function similarity(text: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (text.length === 0) return 0;
  const best = search(text, pattern, pattern.length).reduce((min, m) => Math.min(min, m.errors), pattern.length);
  return 1 - best / pattern.length;
}

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const TOTAL = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/**
 * The best place for `quote` in `text` with at most `maxErrors` character edits (UTF-16 offsets), or null. The
 * score is between 0 and 1.
 */
export function matchQuote(text: string, quote: string, context: TQuoteContext, maxErrors: number): TQuoteMatch | null {
  if (quote.length === 0) return null;
  const matches = search(text, quote, maxErrors);
  let best: TQuoteMatch | null = null;
  for (const m of matches) {
    const prefix = context.prefix ? similarity(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1;
    const suffix = context.suffix ? similarity(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1;
    const position = context.hint === undefined ? 1 : 1 - Math.abs(m.start - context.hint) / Math.max(1, text.length);
    const raw = WEIGHTS.quote * (1 - m.errors / quote.length) + WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix + WEIGHTS.position * position;
    const score = raw / TOTAL;
    if (!best || score > best.score) best = { start: m.start, end: m.end, errors: m.errors, score };
  }
  return best;
}
