import "server-only";
import { bodyHash } from "@/lib/articles/body-hash";
import { utf16ToCodePoint } from "@/lib/anchoring/code-points";
import { segment } from "@/lib/suggestions/sentences";

const MAX_ENTRIES = 100;
// Splitting a 100,000-character body takes a few hundred milliseconds; a body is split once, not on every view.
const cache = new Map<string, readonly number[]>();

/**
 * The sentences the keyboard cursor steps through, as flat [start, end, start, end, …] code-point offsets: the
 * same sentences the suggestions are cut from, so a cursor span and a suggestion line up. A sentence's final
 * full stop is left out, as the tagging guidelines ask of a span (one inside a closing quotation mark stays).
 */
export function sentenceSpans(body: string): readonly number[] {
  const key = bodyHash(body);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const spans: number[] = [];
  // Sentences come in text order: code points are counted once, piece by piece.
  let u = 0;
  let cp = 0;
  const toCodePoint = (target: number) => {
    cp += utf16ToCodePoint(body.slice(u, target), target - u);
    u = target;
    return cp;
  };
  for (const s of segment(body).sentences) {
    const end = body[s.end - 1] === "." && body[s.end - 2] !== "." && s.end - 1 > s.start ? s.end - 1 : s.end;
    spans.push(toCodePoint(s.start), toCodePoint(end));
  }
  cache.set(key, spans);
  while (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return spans;
}
