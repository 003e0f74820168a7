import { bodyHash } from "@/lib/articles/body-hash";
import { DETECTOR_VERSION, suggestSpans } from "./suggest";
import type { TSuggestion } from "./types";

const MAX_ENTRIES = 200;

// Suggestions are a pure function of the body and the detector version, so they are kept per body hash
// (a few ms for a news article, ~100 ms for a 100,000-character body). Least recently used entries go first.
const cache = new Map<string, readonly TSuggestion[]>();

export function cachedSuggestions(body: string): readonly TSuggestion[] {
  const key = `${DETECTOR_VERSION}:${bodyHash(body)}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const computed = Object.freeze(suggestSpans(body).map((s) => Object.freeze(s)));
  cache.set(key, computed);
  while (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return computed;
}

export function suggestionCacheSize(): number {
  return cache.size;
}

export function clearSuggestionCache(): void {
  cache.clear();
}
