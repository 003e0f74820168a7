import { wordsOf } from "./attribution";
import { APPEAL_PHRASES, EVALUATIVE_PHRASES, FIRST_PERSON, LOADED_PHRASES, PRESCRIPTIVE_MODALS, STANCE_PHRASES } from "./lexicons";
import { lazyPhrases, phraseAt, type TPhraseSet } from "./phrases";
import type { TDocument, TSentence } from "./sentences";
import type { TVerdict } from "./types";

const TAG = "opinion" as const;
const MIN_QUESTION_WORDS = 3;

const rules: Array<{ rule: string; phrases: () => TPhraseSet; reason: (m: string) => string }> = [
  { rule: "opinion.loaded-label", phrases: lazyPhrases(LOADED_PHRASES), reason: (m) => `loaded label "${m}" in the writer's voice` },
  { rule: "opinion.evaluative", phrases: lazyPhrases(EVALUATIVE_PHRASES), reason: (m) => `evaluative language "${m}" in the writer's voice` },
  { rule: "opinion.appeal", phrases: lazyPhrases(APPEAL_PHRASES), reason: (m) => `appeal to the reader ("${m}")` },
  { rule: "opinion.stance-adverb", phrases: lazyPhrases(STANCE_PHRASES), reason: (m) => `the writer's stance ("${m}")` },
];

/**
 * opinion: evaluative or editorial language by the writer. Only the writer's words count (quotations are the
 * source's), and callers only ask about sentences that attribute nothing.
 */
export function opinionVerdict(doc: TDocument, s: TSentence): TVerdict | null {
  const { tokens, quoted } = doc;
  const words = wordsOf(doc, s).filter((i) => quoted[i] === 0);
  if (words.length === 0) return null;

  for (const r of rules) {
    const set = r.phrases();
    for (let w = 0; w < words.length; w++) {
      const hit = phraseAt(set, tokens, words, w);
      if (hit) return { tag: TAG, rule: r.rule, reason: r.reason(doc.text.slice(tokens[words[hit.from]!]!.start, tokens[words[hit.to]!]!.end)) };
    }
  }
  for (const i of words) {
    const t = tokens[i]!;
    if (PRESCRIPTIVE_MODALS.has(t.lower) && (t.pos === "AUX" || t.pos === "VERB")) {
      return { tag: TAG, rule: "opinion.prescriptive", reason: `prescription in the writer's voice ("${t.value}")` };
    }
  }
  for (const i of words) {
    const t = tokens[i]!;
    if (t.pos === "PRON" && FIRST_PERSON.has(t.lower)) {
      return { tag: TAG, rule: "opinion.first-person", reason: `the writer speaks in the first person ("${t.value}")` };
    }
  }
  const lastWord = tokens[s.last]!;
  const wordCount = words.filter((i) => /[\p{L}\p{N}]/u.test(tokens[i]!.value)).length;
  if (lastWord.value === "?" && quoted[s.last] === 0 && wordCount >= MIN_QUESTION_WORDS) {
    return { tag: TAG, rule: "opinion.rhetorical-question", reason: "rhetorical question in the writer's voice" };
  }
  return null;
}
