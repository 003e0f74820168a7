import {
  BE_FORMS,
  CLAUSE_OPENERS,
  DOCUMENT_VERB_FORMS,
  DOCUMENT_VERB_LEMMAS,
  HEARSAY_ADVERBS,
  HEARSAY_PARTICIPLES,
  POSTING_LEMMAS,
  PUBLISHING_LEMMAS,
  REPORTING_FORMS,
  REPORTING_LEMMAS,
  STATEMENT_NOUNS,
} from "./lexicons";
import { chunkAt, classify, headOf, phraseHasNamedEvidence, sourcePhraseAt, type TNounPhrase, type TSourceStatus } from "./noun-phrases";
import type { TToken } from "./nlp";
import { isClosingQuote, type TDocument, type TSentence } from "./sentences";

export type TCueType = "reporting-verb" | "according-to" | "hearsay" | "document-verb";

/** One attribution cue in a sentence and the source it names (or fails to name). */
export type TCue = {
  type: TCueType;
  /** Token index of the cue word ("said", "according", "reportedly"). */
  token: number;
  /** The cue as written, for the reason shown to the reviewer. */
  words: string;
  source: TNounPhrase | null;
  /** named | unnamed once pronouns and definite descriptions are resolved (discourse.ts). */
  status: TSourceStatus;
  /** Set when the status was inherited from an earlier source. */
  via?: "pronoun" | "back-reference";
};

const MAX_SUBJECT_TOKENS = 60;
const SEGMENT_BREAKS = new Set([",", "—", "–", "(", ")", ";"]);
const RELATIVES = new Set(["who", "whose", "which", "whom"]);
const NEGATORS = new Set(["not", "n't", "never", "no"]);

type TCtx = { doc: TDocument; s: TSentence; words: number[]; sentenceFirst: number };

const tok = (ctx: TCtx, i: number): TToken => ctx.doc.tokens[i]!;
const free = (ctx: TCtx, i: number) => ctx.doc.quoted[i] === 0;

/** The sentence's words (no whitespace tokens), as token indexes. */
export function wordsOf(doc: TDocument, s: TSentence): number[] {
  const out: number[] = [];
  for (let i = s.first; i <= s.last; i++) if (doc.tokens[i]!.value.trim() !== "") out.push(i);
  return out;
}

/** First word of the sentence that is not a quotation mark: where capitalisation says nothing about names. */
export function sentenceFirstWord(doc: TDocument, words: readonly number[]): number {
  for (const i of words) if (/[\p{L}\p{N}]/u.test(doc.tokens[i]!.value)) return i;
  return words[0] ?? -1;
}

/** Attribution cues of one sentence: reporting verbs with their source, "according to", hearsay. */
export function findCues(doc: TDocument, s: TSentence): TCue[] {
  const words = wordsOf(doc, s);
  const ctx: TCtx = { doc, s, words, sentenceFirst: sentenceFirstWord(doc, words) };
  const cues: TCue[] = [];
  for (let w = 0; w < words.length; w++) {
    const i = words[w]!;
    if (!free(ctx, i)) continue;
    const t = tok(ctx, i);
    const next = words[w + 1] !== undefined ? tok(ctx, words[w + 1]!) : undefined;

    if (t.lower === "according" && next?.lower === "to") {
      cues.push(accordingTo(ctx, w));
      w++;
      continue;
    }
    if (HEARSAY_ADVERBS.has(t.lower)) {
      cues.push({ type: "hearsay", token: i, words: t.value, source: null, status: "unnamed" });
      continue;
    }
    // "is said to have", "were said to", "is understood to", "sources said to be familiar"
    if (HEARSAY_PARTICIPLES.has(t.lower) && next?.lower === "to") {
      const before = previousWord(ctx, w, (x) => x.pos === "ADV" || NEGATORS.has(x.lower));
      if (t.lower === "said" || (before && BE_FORMS.has(before.lower))) {
        const be = before && BE_FORMS.has(before.lower) ? `${before.value} ` : "";
        cues.push({ type: "hearsay", token: i, words: `${be}${t.value} to`, source: null, status: "unnamed" });
        continue;
      }
    }

    const kind = verbKind(ctx, w);
    if (!kind) continue;
    if (isPassive(ctx, w) || isNegated(ctx, w) || isInfinitive(ctx, w)) continue;
    const source = findSource(ctx, w);
    if (!source || source.status === "none") continue;
    if (kind === "document-verb" && source.kind !== "document") continue;
    // "X reportedly said": the writer relays a report, not X.
    const hedged = hasHearsayAdverbBefore(ctx, w);
    cues.push({
      type: kind,
      token: i,
      words: t.value,
      source,
      status: hedged ? "unnamed" : source.status,
    });
  }
  return cues;
}

function verbKind(ctx: TCtx, w: number): TCueType | null {
  const i = ctx.words[w]!;
  const t = tok(ctx, i);
  const prev = previousWord(ctx, w, () => false);
  const afterNoun = !!prev && (prev.pos === "NOUN" || prev.pos === "PROPN");
  if (t.pos === "VERB" && REPORTING_LEMMAS.has(t.lemma)) return "reporting-verb";
  if (REPORTING_FORMS.has(t.lower) && afterNoun && (t.pos === "NOUN" || t.pos === "VERB" || t.pos === "PROPN")) return "reporting-verb";
  if (t.pos === "VERB" && PUBLISHING_LEMMAS.has(t.lemma)) {
    for (let k = w + 1; k <= w + 4 && k < ctx.words.length; k++) {
      if (STATEMENT_NOUNS.has(tok(ctx, ctx.words[k]!).lower)) return "reporting-verb";
    }
  }
  if (t.pos === "VERB" && POSTING_LEMMAS.has(t.lemma)) {
    const next = ctx.words[w + 1] !== undefined ? tok(ctx, ctx.words[w + 1]!) : undefined;
    if (next && (next.lower === "on" || next.lower === ":")) return "reporting-verb";
  }
  if ((t.pos === "VERB" && DOCUMENT_VERB_LEMMAS.has(t.lemma)) || (DOCUMENT_VERB_FORMS.has(t.lower) && afterNoun)) return "document-verb";
  return null;
}

/** The word before word `w`, skipping words for which `skip` holds. */
function previousWord(ctx: TCtx, w: number, skip: (t: TToken) => boolean): TToken | undefined {
  for (let k = w - 1; k >= 0; k--) {
    const t = tok(ctx, ctx.words[k]!);
    if (!skip(t)) return t;
  }
  return undefined;
}

const isAuxChain = (t: TToken) => t.pos === "ADV" || t.pos === "AUX" || t.pos === "PART" || NEGATORS.has(t.lower);

/** "were briefed", "No injuries were reported": the subject is not the speaker. */
function isPassive(ctx: TCtx, w: number): boolean {
  const before = previousWord(ctx, w, (t) => t.pos === "ADV" || NEGATORS.has(t.lower));
  return !!before && BE_FORMS.has(before.lower) && (before.pos === "AUX" || before.pos === "VERB");
}

/** "did not comment", "has never said": a refusal, not a statement. */
function isNegated(ctx: TCtx, w: number): boolean {
  for (let k = w - 1; k >= 0 && k >= w - 4; k--) {
    const t = tok(ctx, ctx.words[k]!);
    if (NEGATORS.has(t.lower)) return true;
    if (!isAuxChain(t)) return false;
  }
  return false;
}

/** "declined to comment", "not authorized to speak". */
function isInfinitive(ctx: TCtx, w: number): boolean {
  const before = previousWord(ctx, w, (t) => t.pos === "ADV");
  return before?.lower === "to";
}

function hasHearsayAdverbBefore(ctx: TCtx, w: number): boolean {
  for (let k = w - 1; k >= 0 && k >= w - 3; k--) {
    const t = tok(ctx, ctx.words[k]!);
    if (HEARSAY_ADVERBS.has(t.lower)) return true;
    if (!isAuxChain(t)) return false;
  }
  return false;
}

/** "according to <source>": the phrase runs to the next comma, clause or quotation. */
function accordingTo(ctx: TCtx, w: number): TCue {
  const i = ctx.words[w]!;
  const from = w + 2;
  let to = from - 1;
  for (let k = from; k < ctx.words.length; k++) {
    const t = tok(ctx, ctx.words[k]!);
    if (!free(ctx, ctx.words[k]!) || SEGMENT_BREAKS.has(t.value) || t.value === "." || t.value === ":" || (t.pos === "SCONJ" && CLAUSE_OPENERS.has(t.lower))) break;
    to = k;
  }
  const words = `${tok(ctx, i).value} to`;
  if (to < from) return { type: "according-to", token: i, words, source: null, status: "none" };
  const first = ctx.words[from]!;
  const last = ctx.words[to]!;
  const phrase = sourcePhraseAt(ctx.doc.tokens, first, last, { sentenceFirst: ctx.sentenceFirst });
  if (!phrase) return { type: "according-to", token: i, words, source: null, status: "none" };
  let status = phrase.status;
  if (phrase.kind === "document") {
    status = phraseHasNamedEvidence(ctx.doc.tokens, first, last, ctx.sentenceFirst) ? "named" : phrase.status;
  }
  return { type: "according-to", token: i, words, source: { ...phrase, last: Math.max(phrase.last, last) }, status };
}

/**
 * The source of the reporting verb at word `w`: inverted ("…,” said Maria Lopez"), a pronoun subject ("he added"),
 * or the subject phrase found in the clause before the verb, past appositives and relative clauses
 * ("Dakota Cary, a China expert at …, told"; "In a written statement, the Department of Health said").
 */
function findSource(ctx: TCtx, w: number): TNounPhrase | null {
  const { doc } = ctx;
  const tokens = doc.tokens;
  const i = ctx.words[w]!;
  const prevIndex = ctx.words[w - 1];
  const nextIndex = ctx.words[w + 1];
  const stop = (k: number) => doc.quoted[k] === 1;

  if (prevIndex !== undefined && nextIndex !== undefined) {
    const prev = tokens[prevIndex]!;
    const next = tokens[nextIndex]!;
    const afterQuoteOrComma = prev.value === "," || (doc.quoted[prevIndex] === 1 && isClosingQuote(prev));
    if (afterQuoteOrComma && ["DET", "PROPN", "NOUN", "ADJ", "NUM"].includes(next.pos) && next.lower !== "that") {
      const inverted = sourcePhraseAt(tokens, nextIndex, ctx.s.last, { sentenceFirst: ctx.sentenceFirst, stop });
      if (inverted && inverted.status !== "none") return inverted;
    }
  }

  // Pronoun subject right before the verb (auxiliaries and adverbs between): "he added", "it said", "they also accused".
  for (let k = w - 1; k >= 0 && k >= w - 4; k--) {
    const j = ctx.words[k]!;
    const t = tokens[j]!;
    if (t.pos === "PRON" && RELATIVES.has(t.lower)) return null;
    if (t.pos === "PRON" && ["he", "she", "it", "they"].includes(t.lower) && free(ctx, j)) {
      return classify(tokens, { first: j, last: j, head: j }, ctx.sentenceFirst);
    }
    if (!isAuxChain(t)) break;
  }

  // The clause before the verb, cut into comma/dash segments.
  let start = w;
  for (let k = w - 1; k >= 0 && k >= w - MAX_SUBJECT_TOKENS; k--) {
    const j = ctx.words[k]!;
    const t = tokens[j]!;
    if (!free(ctx, j) || t.value === ";" || t.value === ":") break;
    if (CLAUSE_OPENERS.has(t.lower) && (t.pos === "SCONJ" || (t.pos === "PRON" && t.lower === "that") || t.lower === "however")) break;
    start = k;
  }
  if (start >= w) return null;

  type TSeg = { from: number; to: number };
  const segments: TSeg[] = [];
  let segFrom = start;
  for (let k = start; k <= w; k++) {
    const isBreak = k === w || SEGMENT_BREAKS.has(tokens[ctx.words[k]!]!.value);
    if (isBreak) {
      if (k > segFrom) segments.push({ from: segFrom, to: k - 1 });
      segFrom = k + 1;
    }
  }
  const candidates: Array<{ phrase: TNounPhrase; hasVerb: boolean }> = [];
  for (const seg of segments) {
    const firstTok = tokens[ctx.words[seg.from]!]!;
    if (firstTok.pos === "ADP" || firstTok.pos === "SCONJ" || firstTok.lower === "according") continue;
    if (RELATIVES.has(firstTok.lower) || firstTok.pos === "VERB") continue;
    const phrase = sourcePhraseAt(tokens, ctx.words[seg.from]!, ctx.words[seg.to]!, { sentenceFirst: ctx.sentenceFirst, stop });
    if (!phrase) continue;
    let hasVerb = false;
    for (let k = seg.from; k <= seg.to; k++) {
      const p = tokens[ctx.words[k]!]!.pos;
      if (p === "VERB" || p === "AUX") hasVerb = true;
    }
    candidates.push({ phrase, hasVerb });
  }
  const last = candidates[candidates.length - 1];
  if (!last) return null;
  if (last.phrase.status === "named") return last.phrase;
  const first = candidates[0]!;
  // "Dakota Cary, a China expert at …, told": the appositive after the name is not the subject.
  if (candidates.length > 1 && !first.hasVerb && first.phrase.status !== "none") return first.phrase;
  return last.phrase;
}

/** The text of a source phrase, for reasons ("U.S. officials"). */
export function phraseText(doc: TDocument, np: TNounPhrase): string {
  const first = doc.tokens[np.first]!;
  const last = doc.tokens[Math.max(np.last, headOf(doc.tokens, np))]!;
  return doc.text.slice(first.start, last.end);
}

/** Every noun phrase of the sentence that could be a source: what pronouns may point back to. */
export function mentionsOf(doc: TDocument, s: TSentence): TNounPhrase[] {
  const words = wordsOf(doc, s);
  const sentenceFirst = sentenceFirstWord(doc, words);
  const out: TNounPhrase[] = [];
  for (let i = s.first; i <= s.last; i++) {
    if (doc.quoted[i] === 1) continue;
    const chunk = chunkAt(doc.tokens, i, s.last, (k) => doc.quoted[k] === 1);
    if (!chunk) continue;
    const np = classify(doc.tokens, { ...chunk, head: headOf(doc.tokens, chunk) }, sentenceFirst);
    if ((np.status === "named" || np.status === "unnamed") && (np.kind === "person" || np.kind === "institution")) out.push(np);
    i = Math.max(i, chunk.last);
  }
  return out;
}
