import {
  BE_FORMS,
  CLAUSE_OPENERS,
  DOCUMENT_NOUNS,
  DOCUMENT_VERB_FORMS,
  DOCUMENT_VERB_LEMMAS,
  HEARSAY_ADVERBS,
  HEARSAY_PARTICIPLES,
  HYPOTHETICAL_MODALS,
  PERSON_NOUNS,
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
/** Verbs of saying that can follow their subject: "…, said the people", "…, added the minister". */
const INVERTIBLE_LEMMAS = new Set(["say", "add", "write", "explain", "note", "continue", "insist", "recall"]);

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
    if (isPassive(ctx, w) || isNegated(ctx, w) || isInfinitive(ctx, w) || isHypothetical(ctx, w)) continue;
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
  // "request for comment", "a written statement": a noun or modifier use, not a verb of saying.
  if (prev && (prev.pos === "ADP" || prev.pos === "DET" || prev.lower === "for")) return null;
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

/** "would acknowledge the cyberattacks only if told to", "will announce": not a statement that was made. */
function isHypothetical(ctx: TCtx, w: number): boolean {
  for (let k = w - 1; k >= 0 && k >= w - 3; k--) {
    const t = tok(ctx, ctx.words[k]!);
    if (HYPOTHETICAL_MODALS.has(t.lower)) return true;
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
  let phrase = sourcePhraseAt(ctx.doc.tokens, first, last, { sentenceFirst: ctx.sentenceFirst });
  // "according to reports": the tagger sometimes reads the bare plural as a verb.
  const firstTok = tok(ctx, first);
  if (!phrase && (DOCUMENT_NOUNS.has(firstTok.lower) || PERSON_NOUNS.has(firstTok.lower))) {
    phrase = classify(ctx.doc.tokens, { first, last: first, head: first }, ctx.sentenceFirst);
  }
  // … or reads the first word after "to" as a verb: "according to jail records".
  if (!phrase && firstTok.pos === "VERB" && from + 1 <= to) {
    const inner = sourcePhraseAt(ctx.doc.tokens, ctx.words[from + 1]!, last, { sentenceFirst: ctx.sentenceFirst });
    if (inner) phrase = classify(ctx.doc.tokens, { first, last: inner.last, head: inner.head }, ctx.sentenceFirst);
  }
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
    // "“…,” said Maria Lopez", "…, said the people, who …": a subject after the verb, right after a quotation,
    // or after a comma for verbs that take no person as object ("…, told the Journal" keeps its subject before).
    const afterQuote = doc.quoted[prevIndex] === 1 && isClosingQuote(prev);
    const afterComma = prev.value === "," && INVERTIBLE_LEMMAS.has(tokens[i]!.lemma) && ["DET", "PROPN", "NOUN", "NUM"].includes(next.pos);
    if (afterQuote && !["PRON", "SCONJ", "PUNCT", "ADP", "AUX"].includes(next.pos)) {
      // The tagger may read the first word as a verb ("said lead author Jennifer Alvarado"): try from the next one too.
      for (const from of [w + 1, w + 2]) {
        const inverted = invertedSubject(ctx, from, false);
        if (inverted) return inverted;
      }
    } else if (afterComma) {
      const inverted = invertedSubject(ctx, w + 1, true);
      if (inverted) return inverted;
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

  // The noun phrase right before the verb is its subject unless it is the object of a preposition or a verb
  // ("what nursing homes tell", "the engineer said"; not "Allies of the Transport Secretary dispute").
  const adjacent = adjacentSubject(ctx, w);
  if (adjacent !== undefined) return adjacent;

  // The clause before the verb, cut into comma/dash segments.
  let start = w;
  for (let k = w - 1; k >= 0 && k >= w - MAX_SUBJECT_TOKENS; k--) {
    const j = ctx.words[k]!;
    const t = tokens[j]!;
    if (!free(ctx, j) || t.value === ";" || t.value === ":") break;
    const opensClause = CLAUSE_OPENERS.has(t.lower) && (t.pos === "SCONJ" || (t.pos === "PRON" && t.lower === "that") || t.lower === "however");
    // Inside a relative clause ("Linda Park, whose father lived there until his death, said") an opener does not end the subject's clause.
    if (opensClause && !insideRelativeClause(ctx, k)) break;
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
    // "…, as Pentagon officials vowed": the clause opener goes, the subject after it stays.
    while (seg.from < seg.to && CLAUSE_OPENERS.has(tokens[ctx.words[seg.from]!]!.lower)) seg.from++;
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

const ADJACENT_WINDOW = 10;

/**
 * A person or institution named after the verb. After a bare comma it must also end the clause ("…, said the
 * people, who …", "…, added the minister in a statement"), or it is the start of the reported clause ("…, said
 * the clocks are imperfect").
 */
function invertedSubject(ctx: TCtx, from: number, mustEndClause: boolean): TNounPhrase | null {
  const at = ctx.words[from];
  if (at === undefined) return null;
  const stop = (k: number) => ctx.doc.quoted[k] === 1;
  const np = sourcePhraseAt(ctx.doc.tokens, at, ctx.s.last, { sentenceFirst: ctx.sentenceFirst, stop });
  if (!np || np.status === "none" || (np.kind !== "person" && np.kind !== "institution")) return null;
  if (mustEndClause) {
    const after = ctx.doc.tokens.slice(np.last + 1, ctx.s.last + 1).find((t) => t.value.trim() !== "");
    if (after && !(after.value === "," || after.value === "." || after.pos === "ADP")) return null;
  }
  return np;
}

/** Whether word `k` sits in a comma segment that opens with a relative pronoun ("…, whose father …, said"). */
function insideRelativeClause(ctx: TCtx, k: number): boolean {
  for (let m = k - 1; m >= 0 && m >= k - MAX_SUBJECT_TOKENS; m--) {
    const t = tok(ctx, ctx.words[m]!);
    if (SEGMENT_BREAKS.has(t.value)) {
      const opener = ctx.words[m + 1] !== undefined ? tok(ctx, ctx.words[m + 1]!) : undefined;
      return !!opener && RELATIVES.has(opener.lower);
    }
  }
  return false;
}

/** The phrase ending right before the verb (auxiliaries and adverbs skipped); undefined when there is none or it sits in a prepositional phrase. */
function adjacentSubject(ctx: TCtx, w: number): TNounPhrase | null | undefined {
  const tokens = ctx.doc.tokens;
  let k = w - 1;
  while (k >= 0 && isAuxChain(tok(ctx, ctx.words[k]!))) k--;
  if (k < 0) return undefined;
  const end = ctx.words[k]!;
  const endTok = tokens[end]!;
  if (!free(ctx, end) || !(endTok.pos === "NOUN" || endTok.pos === "PROPN")) return undefined;
  const stop = (i: number) => ctx.doc.quoted[i] === 1;
  let best: { from: number; chunk: { first: number; last: number } } | null = null;
  for (let f = k; f >= 0 && f >= k - ADJACENT_WINDOW; f--) {
    const start = ctx.words[f]!;
    if (!free(ctx, start)) break;
    const chunk = chunkAt(tokens, start, end, stop);
    if (chunk && chunk.first === start && chunk.last === end) best = { from: f, chunk };
  }
  if (!best) return undefined;
  const before = best.from > 0 ? tok(ctx, ctx.words[best.from - 1]!) : undefined;
  // A gerund right before the phrase modifies it ("Shipping analysts"); any other verb makes it an object.
  const modifier = before?.pos === "VERB" && before.lower.endsWith("ing") && (best.from - 1 === 0 || SEGMENT_BREAKS.has(tok(ctx, ctx.words[best.from - 2]!).value));
  if (before && !modifier && (before.pos === "ADP" || before.pos === "VERB" || before.lower === "according")) return undefined;
  const np = sourcePhraseAt(tokens, best.chunk.first, best.chunk.last, { sentenceFirst: ctx.sentenceFirst, stop });
  return np && np.status !== "none" ? np : null;
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
