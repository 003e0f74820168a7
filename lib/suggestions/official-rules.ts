import { phraseText, type TCue } from "./attribution";
import type { TDocument, TSentence } from "./sentences";
import type { TVerdict } from "./types";
import type { TAnonymitySignal } from "./anonymous-rules";

const TAG = "official-statement" as const;

/**
 * official-statement: an on-record source the reader can identify (a name, a named or definite institution, a
 * spokesperson, an office holder, or a pronoun/description pointing back to one) with a reporting verb,
 * "according to" or a published document; never when an anonymity marker is in the sentence.
 */
export function officialVerdict(doc: TDocument, s: TSentence, cues: readonly TCue[], signals: readonly TAnonymitySignal[]): TVerdict | null {
  if (signals.length > 0) return null;
  const cue = cues.find((c) => c.status === "named");
  if (!cue) return null;
  const who = cue.source ? phraseText(doc, cue.source) : "";
  const quote = hasQuotation(doc, s) ? " + quotation" : "";
  if (cue.via === "pronoun") {
    return { tag: TAG, rule: "official.pronoun", reason: `"${who}" refers to a named source + "${cue.words}"${quote}` };
  }
  if (cue.via === "back-reference") {
    return { tag: TAG, rule: "official.back-reference", reason: `"${who}" points back to a named source + "${cue.words}"${quote}` };
  }
  if (cue.type === "according-to") {
    return { tag: TAG, rule: "official.according-to-named", reason: `"according to" a named source ("${who}")` };
  }
  if (cue.type === "document-verb" || cue.source?.kind === "document") {
    return { tag: TAG, rule: "official.named-document", reason: `published document "${who}" + "${cue.words}"` };
  }
  return { tag: TAG, rule: "official.named-source", reason: `named source "${who}" + reporting verb "${cue.words}"${quote}` };
}

function hasQuotation(doc: TDocument, s: TSentence): boolean {
  for (let i = s.first; i <= s.last; i++) if (doc.quoted[i] === 1) return true;
  return false;
}
