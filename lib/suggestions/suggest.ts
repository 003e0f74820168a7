import { anonymitySignals, anonymousVerdict } from "./anonymous-rules";
import { findCues, mentionsOf } from "./attribution";
import { Discourse } from "./discourse";
import { officialVerdict } from "./official-rules";
import { opinionVerdict } from "./opinion-rules";
import { segment } from "./sentences";
import { shapeSpans } from "./spans";
import type { TSuggestion, TVerdict } from "./types";

/** Bumped whenever rules or lexicons change, so cached suggestions of an older detector are not served. */
export const DETECTOR_VERSION = 1;

/**
 * Proposes anonymous-source, official-statement and opinion spans for an article body. Deterministic: the same
 * body always gives the same suggestions. Offsets are code points of `body` (api.md); each suggestion says which
 * rule fired and why.
 */
export function suggestSpans(body: string): TSuggestion[] {
  if (body.trim() === "") return [];
  const doc = segment(body);
  const discourse = new Discourse();
  const verdicts: Array<TVerdict | null> = [];
  const attributed: boolean[] = [];
  for (const s of doc.sentences) {
    if (s.boilerplate) {
      verdicts.push(null);
      attributed.push(false);
      continue;
    }
    const mentions = mentionsOf(doc, s);
    const cues = discourse.resolve(s.index, findCues(doc, s), mentions);
    const signals = anonymitySignals(doc, s, cues);
    const hasAttribution = signals.length > 0 || cues.some((c) => c.status === "named" || c.status === "unnamed");
    const verdict = anonymousVerdict(doc, cues, signals) ?? officialVerdict(doc, s, cues, signals) ?? (hasAttribution ? null : opinionVerdict(doc, s));
    verdicts.push(verdict);
    attributed.push(hasAttribution);
    discourse.record(s.index, mentions, cues, verdict?.tag ?? null);
  }
  return shapeSpans(doc, verdicts, attributed);
}
