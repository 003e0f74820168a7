import { analyse, type TToken } from "./nlp";

/**
 * Multi-word lexicon entries ("on condition of anonymity", "state-of-the-art", "let's") are tokenised by the same
 * NLP library as the body, so they match however the library splits hyphens and contractions.
 */
export type TPhraseSet = { byFirst: Map<string, string[][]> };

export function compilePhrases(entries: readonly string[]): TPhraseSet {
  const byFirst = new Map<string, string[][]>();
  for (const entry of entries) {
    const words = analyse(entry)
      .tokens.filter((t) => t.value.trim() !== "")
      .map((t) => t.lower);
    const first = words[0];
    if (!first) continue;
    const list = byFirst.get(first) ?? [];
    list.push(words);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return { byFirst };
}

/** Lazily compiled, so importing a rule file costs nothing until the detector first runs. */
export function lazyPhrases(entries: readonly string[]): () => TPhraseSet {
  let compiled: TPhraseSet | null = null;
  return () => (compiled ??= compilePhrases(entries));
}

/**
 * The longest phrase of the set that starts at word `i` of `words` (indexes into `tokens`, whitespace already
 * removed), as [first, last] word positions; null if none.
 */
export function phraseAt(set: TPhraseSet, tokens: readonly TToken[], words: readonly number[], i: number): { from: number; to: number; text: string } | null {
  const first = tokens[words[i]!]!;
  const candidates = set.byFirst.get(first.lower);
  if (!candidates) return null;
  for (const phrase of candidates) {
    if (i + phrase.length > words.length) continue;
    let ok = true;
    for (let k = 1; k < phrase.length; k++) {
      if (tokens[words[i + k]!]!.lower !== phrase[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { from: i, to: i + phrase.length - 1, text: phrase.join(" ") };
  }
  return null;
}
