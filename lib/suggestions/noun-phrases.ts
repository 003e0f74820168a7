import {
  DEFINITE,
  DOCUMENT_NOUNS,
  INSTITUTION_NOUNS,
  NOT_A_NAME,
  PARTITIVE,
  PERSON_NOUNS,
  PERSONAL_PRONOUNS,
  SPOKES_NOUNS,
  TITLE_NOUNS,
} from "./lexicons";
import type { TToken } from "./nlp";

/**
 * How identifiable a source is:
 * - named: a name, a named or definite institution, a spokesperson, an office holder ("the mayor");
 * - unnamed: people or documents the reader cannot identify ("officials", "a person", "reports");
 * - anaphor: a definite description that points back ("the report", "the engineer");
 * - pronoun: he, she, it, they;
 * - none: not a source at all.
 */
export type TSourceStatus = "named" | "unnamed" | "anaphor" | "pronoun" | "none";
export type TSourceKind = "person" | "institution" | "document" | "unknown";

export type TNounPhrase = {
  first: number;
  last: number;
  head: number;
  status: TSourceStatus;
  kind: TSourceKind;
  plural: boolean;
};

const NP_POS = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM"]);
const POSSESSIVE = new Set(["his", "her", "its", "their", "our", "my", "your", "whose"]);
const NAME_JOINERS = new Set(["of", "for", "on", "&", "de", "van", "von", "da", "del", "al", "bin", "la", "le", "and"]);
const IRREGULAR_PLURALS = new Set(["people", "police", "staff", "personnel", "men", "women", "children", "spokespeople", "spokesmen", "spokeswomen"]);
const HONORIFICS = new Set(["mr.", "ms.", "mrs.", "dr.", "sen.", "rep.", "gov.", "prof.", "gen.", "lt.", "col.", "mr", "ms", "mrs", "dr"]);

const isTitleCase = (t: TToken) => t.titleCase;
const isNounish = (t: TToken) => t.pos === "NOUN" || t.pos === "PROPN";
const isPossessiveMarker = (t: TToken) => t.pos === "PART" && (t.lower === "'s" || t.lower === "'");
const isHyphen = (t: TToken) => t.value === "-";

const inLexicon = (set: ReadonlySet<string>, t: TToken) => set.has(t.lower) || set.has(t.lemma);

/**
 * The noun chunk that starts at `from` (leading adverbs and a coordinating "and" skipped), within `[from, to]`:
 * determiners, adjectives, numbers, nouns, proper nouns, possessives, hyphenated compounds, and joiners inside a
 * name ("Department of Justice", "Marieke de Vos"). Stops before `stop(i)` tokens (quotation marks).
 */
export function chunkAt(tokens: readonly TToken[], from: number, to: number, stop: (i: number) => boolean = () => false): { first: number; last: number } | null {
  let i = from;
  while (i <= to && (tokens[i]!.pos === "ADV" || tokens[i]!.pos === "CCONJ" || tokens[i]!.value.trim() === "") && !stop(i)) i++;
  if (i > to || stop(i)) return null;
  const t0 = tokens[i]!;
  if (t0.pos === "PRON" && PERSONAL_PRONOUNS.has(t0.lower)) return { first: i, last: i };
  if (!(NP_POS.has(t0.pos) || (t0.pos === "PRON" && POSSESSIVE.has(t0.lower)))) return null;
  const first = i;
  let last = i;
  let sawNoun = isNounish(t0);
  for (let j = i + 1; j <= to && !stop(j); j++) {
    const t = tokens[j]!;
    const prev = tokens[j - 1]!;
    if (t.value.trim() === "") break;
    if (isPossessiveMarker(t)) {
      last = j;
      continue;
    }
    // Hyphenated compounds come as pieces: "ambassador - at - large", "Night - shift".
    if ((isHyphen(t) && t.start === prev.end && tokens[j + 1]?.start === t.end) || (isHyphen(prev) && prev.end === t.start)) {
      last = j;
      sawNoun ||= isNounish(t);
      continue;
    }
    // "current and former U.S. officials"
    if ((t.lower === "and" || t.lower === "or") && !sawNoun && prev.pos === "ADJ" && tokens[j + 1]?.pos === "ADJ") {
      last = j;
      continue;
    }
    // A determiner after a noun starts the next phrase ("the level the company").
    if (t.pos === "DET" && sawNoun && !isPossessiveMarker(prev)) break;
    if (NP_POS.has(t.pos)) {
      last = j;
      sawNoun ||= isNounish(t);
      continue;
    }
    // "The Red Cross", "the Associated Press": capitalised words the tagger took for something else, inside a name.
    if (isTitleCase(t) && isTitleCase(prev) && prev.pos === "PROPN" && t.pos !== "PUNCT" && t.pos !== "VERB") {
      last = j;
      continue;
    }
    // A capitalised word the tagger took for a verb or adverb inside a name: "the Associated Press".
    const following = tokens[j + 1];
    if (isTitleCase(t) && following && following.pos === "PROPN" && isTitleCase(following) && following.start > t.end) {
      last = j;
      continue;
    }
    // Inside a name: "Department of Justice", "London School of Hygiene & Tropical Medicine", "Marieke de Vos".
    const next = tokens[j + 1];
    if (NAME_JOINERS.has(t.lower) && isNounish(prev) && isTitleCase(prev) && next && isNounish(next) && isTitleCase(next) && t.lower !== "and") {
      last = j;
      continue;
    }
    break;
  }
  return { first, last };
}

/** Last noun or proper noun of a chunk (its head), or the last token when it has none ("Several"). */
export function headOf(tokens: readonly TToken[], chunk: { first: number; last: number }): number {
  for (let j = chunk.last; j >= chunk.first; j--) {
    const t = tokens[j]!;
    if (isNounish(t) || (t.pos === "PRON" && PERSONAL_PRONOUNS.has(t.lower))) return j;
  }
  return chunk.last;
}

/**
 * A proper noun that names someone: capitalised, not a month or nationality. At the start of a sentence the tagger
 * calls any capitalised plural a proper noun ("Residents said", "Scientists urged"): a plural the model's lexicon
 * knows is taken as the common noun it is.
 */
export function isNameToken(t: TToken, sentenceInitial: boolean): boolean {
  if (NOT_A_NAME.has(t.lower) || !t.titleCase) return false;
  // Mid-sentence, a capitalised word the tagger calls a common noun is part of a name ("The Sun", "Linda Park").
  if (t.pos === "NOUN") return !sentenceInitial;
  if (t.pos !== "PROPN") return false;
  if (sentenceInitial && !t.unknownWord && t.value !== t.value.toUpperCase() && t.lower.endsWith("s")) return false;
  return true;
}

/**
 * Classifies the noun phrase starting at `from` as a source. "Several of those employees", "a pair of anonymous
 * sources": a partitive head passes to the noun after "of".
 */
export function sourcePhraseAt(
  tokens: readonly TToken[],
  from: number,
  to: number,
  opts: { sentenceFirst: number; stop?: (i: number) => boolean },
): TNounPhrase | null {
  const stop = opts.stop ?? (() => false);
  const chunk = chunkAt(tokens, from, to, stop);
  if (!chunk) return null;
  let head = headOf(tokens, chunk);
  let last = chunk.last;
  const ofIndex = last + 1;
  const headToken = tokens[head]!;
  if ((PARTITIVE.has(headToken.lower) || !isNounish(headToken)) && tokens[ofIndex]?.lower === "of" && ofIndex + 1 <= to) {
    const inner = chunkAt(tokens, ofIndex + 1, to, stop);
    if (inner) {
      head = headOf(tokens, inner);
      last = inner.last;
    }
  }
  return classify(tokens, { first: chunk.first, last, head }, opts.sentenceFirst);
}

export function classify(tokens: readonly TToken[], np: { first: number; last: number; head: number }, sentenceFirst: number): TNounPhrase {
  const h = tokens[np.head]!;
  const firstWord = tokens[np.first]!;
  const definite = DEFINITE.has(firstWord.lower);
  const indefiniteArticle = firstWord.lower === "a" || firstWord.lower === "an" || firstWord.lower === "one";
  const plural = (h.lemma !== h.lower && h.lower.endsWith("s")) || IRREGULAR_PLURALS.has(h.lower);
  const result = (status: TSourceStatus, kind: TSourceKind): TNounPhrase => ({ ...np, status, kind, plural });
  let hasName = false;
  let hasPossessor = false;
  let personWords = 0;
  for (let j = np.first; j <= np.last; j++) {
    const t = tokens[j]!;
    if (isNameToken(t, j === sentenceFirst)) hasName = true;
    if ((t.pos === "PRON" && POSSESSIVE.has(t.lower)) || isPossessiveMarker(t)) hasPossessor = true;
    if (HONORIFICS.has(t.lower) || inLexicon(TITLE_NOUNS, t) || inLexicon(PERSON_NOUNS, t) || inLexicon(SPOKES_NOUNS, t)) personWords++;
  }

  if (h.pos === "PRON" && PERSONAL_PRONOUNS.has(h.lower)) {
    return { ...np, status: "pronoun", kind: h.lower === "it" ? "institution" : "person", plural: h.lower === "they" };
  }
  if (inLexicon(SPOKES_NOUNS, h)) return result("named", "person");
  if (inLexicon(PERSON_NOUNS, h)) {
    // "Harborview’s chief operating officer" is one identifiable person; "the company’s employees" are not.
    if (!plural && !indefiniteArticle && hasPossessor) return result("named", "person");
    return result(definite ? "anaphor" : "unnamed", "person");
  }
  if (inLexicon(TITLE_NOUNS, h)) return result(indefiniteArticle || (!definite && !hasName && !hasPossessor) ? "unnamed" : "named", "person");
  if (inLexicon(INSTITUTION_NOUNS, h)) return result(indefiniteArticle ? "unnamed" : "named", "institution");
  if (inLexicon(DOCUMENT_NOUNS, h)) {
    // "City records", "the company’s annual report", "a USC study": a document of an identified body.
    if (hasName || hasPossessor || hasInstitutionWord(tokens, { first: np.first, last: np.head - 1 })) return result("named", "document");
    return result(definite ? "anaphor" : "unnamed", "document");
  }
  // "Linda Park": the tagger may call a surname a common noun; capitalised after a name, it is part of the name.
  const capitalisedAfterName = isTitleCase(h) && np.head !== sentenceFirst && hasName;
  if (isNameToken(h, np.head === sentenceFirst) || (h.pos === "PROPN" && hasName) || capitalisedAfterName) {
    const nameTokens = countNames(tokens, np, sentenceFirst);
    const person = personWords > 0 || (nameTokens >= 2 && nameTokens <= 4 && !hasInstitutionWord(tokens, np));
    return result("named", person ? "person" : "institution");
  }
  return result(definite && isNounish(h) ? "anaphor" : "none", "unknown");
}

function countNames(tokens: readonly TToken[], np: { first: number; last: number }, sentenceFirst: number): number {
  let n = 0;
  for (let j = np.first; j <= np.last; j++) if (isNameToken(tokens[j]!, j === sentenceFirst)) n++;
  return n;
}

function hasInstitutionWord(tokens: readonly TToken[], np: { first: number; last: number }): boolean {
  for (let j = np.first; j <= np.last; j++) if (inLexicon(INSTITUTION_NOUNS, tokens[j]!)) return true;
  return false;
}

/** Any name, institution or possessor anywhere in a phrase: "a press release from the company", "a study published in Science Advances". */
export function phraseHasNamedEvidence(tokens: readonly TToken[], first: number, last: number, sentenceFirst: number): boolean {
  for (let j = first; j <= last; j++) {
    const t = tokens[j]!;
    if (isNameToken(t, j === sentenceFirst)) return true;
    if (inLexicon(INSTITUTION_NOUNS, t) && t.pos !== "VERB") return true;
    if ((t.pos === "PRON" && POSSESSIVE.has(t.lower)) || isPossessiveMarker(t)) return true;
  }
  return false;
}
