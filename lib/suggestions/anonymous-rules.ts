import type { TCue } from "./attribution";
import { phraseText, wordsOf } from "./attribution";
import {
  ANONYMITY_PHRASES,
  CONFIDENTIAL_SOURCE_LEMMAS,
  DOCUMENT_NOUNS,
  PERSON_BOUND_PHRASES,
  PERSON_NOUNS,
  PROVENANCE_PHRASES,
  REPORTING_LEMMAS,
} from "./lexicons";
import { lazyPhrases, phraseAt } from "./phrases";
import type { TDocument, TSentence } from "./sentences";
import type { TVerdict } from "./types";

const anonymity = lazyPhrases(ANONYMITY_PHRASES);
const personBound = lazyPhrases(PERSON_BOUND_PHRASES);
const provenance = lazyPhrases(PROVENANCE_PHRASES);

const TAG = "anonymous-source" as const;

/** A marker that by itself makes the sentence's sourcing anonymous, whatever else it names. */
export type TAnonymitySignal = { rule: string; reason: string };

/** Anonymity markers in the writer's words (quotations excluded). */
export function anonymitySignals(doc: TDocument, s: TSentence, cues: readonly TCue[]): TAnonymitySignal[] {
  const { tokens, quoted } = doc;
  const words = wordsOf(doc, s).filter((i) => quoted[i] === 0);
  const signals: TAnonymitySignal[] = [];
  const hasAttribution = cues.some((c) => c.status === "named" || c.status === "unnamed");
  const wordBefore = (w: number, set: ReadonlySet<string>) => {
    for (let k = w - 1; k >= 0 && k >= w - 3; k--) {
      const t = tokens[words[k]!]!;
      if (set.has(t.lower) || set.has(t.lemma)) return true;
    }
    return false;
  };
  for (let w = 0; w < words.length; w++) {
    const t = tokens[words[w]!]!;
    const hit = phraseAt(anonymity(), tokens, words, w);
    if (hit) {
      signals.push({ rule: "anonymous.anonymity-marker", reason: `anonymity marker "${span(doc, words, hit.from, hit.to)}"` });
      w = hit.to;
      continue;
    }
    const bound = phraseAt(personBound(), tokens, words, w);
    if (bound && wordBefore(w, PERSON_NOUNS)) {
      signals.push({ rule: "anonymous.anonymity-marker", reason: `unnamed people "… ${span(doc, words, bound.from, bound.to)}"` });
      w = bound.to;
      continue;
    }
    const doc_ = phraseAt(provenance(), tokens, words, w);
    if (doc_ && wordBefore(w, DOCUMENT_NOUNS)) {
      signals.push({ rule: "anonymous.undisclosed-documents", reason: `documents of undisclosed provenance ("${span(doc, words, doc_.from, doc_.to)}")` });
      w = doc_.to;
      continue;
    }
    // "Government backbenchers privately concede"
    if (t.lower === "privately") {
      const next = words[w + 1] !== undefined ? tokens[words[w + 1]!]! : undefined;
      if (next && REPORTING_LEMMAS.has(next.lemma)) {
        signals.push({ rule: "anonymous.anonymity-marker", reason: `said privately ("${t.value} ${next.value}")` });
        continue;
      }
    }
    if (hasAttribution && (t.pos === "NOUN" || t.pos === "PROPN") && (CONFIDENTIAL_SOURCE_LEMMAS.has(t.lemma) || CONFIDENTIAL_SOURCE_LEMMAS.has(t.lower.replace(/s$/, "")))) {
      signals.push({ rule: "anonymous.sources", reason: `unnamed "${t.value}" as the source` });
    }
  }
  for (const c of cues) {
    if (c.type === "according-to" && c.status === "unnamed" && c.source) {
      signals.push({ rule: "anonymous.according-to-unnamed", reason: `"according to" an unnamed source ("${phraseText(doc, c.source)}")` });
    }
  }
  return signals;
}

/**
 * anonymous-source when an anonymity marker is present (it decides even next to a named source: "the Journal
 * reported that those who spoke on condition of anonymity claimed …"), or when the only sources are unnamed people,
 * unnamed documents or hearsay ("officials said", "reportedly", "is said to").
 */
export function anonymousVerdict(doc: TDocument, cues: readonly TCue[], signals: readonly TAnonymitySignal[]): TVerdict | null {
  const strong = signals[0];
  if (strong) return { tag: TAG, rule: strong.rule, reason: strong.reason };
  if (cues.some((c) => c.status === "named")) return null;
  const cue = cues.find((c) => c.status === "unnamed");
  if (!cue) return null;
  if (cue.type === "hearsay") return { tag: TAG, rule: "anonymous.hearsay", reason: `hearsay without a source ("${cue.words}")` };
  const who = cue.source ? phraseText(doc, cue.source) : "";
  if (cue.via) {
    return { tag: TAG, rule: "anonymous.back-reference", reason: `"${who}" points back to an unnamed source + "${cue.words}"` };
  }
  if (cue.source?.kind === "document") {
    return { tag: TAG, rule: "anonymous.unnamed-document", reason: `unnamed document "${who}" + "${cue.words}"` };
  }
  return { tag: TAG, rule: "anonymous.unnamed-source", reason: `unnamed source "${who}" + reporting verb "${cue.words}"` };
}

function span(doc: TDocument, words: readonly number[], from: number, to: number): string {
  return doc.text.slice(doc.tokens[words[from]!]!.start, doc.tokens[words[to]!]!.end);
}
