import { isBoilerplateLine } from "./boilerplate";
import { analyse, type TAnalysis, type TToken } from "./nlp";

export type TSentence = {
  index: number;
  /** Inclusive token indexes of the first and last non-whitespace tokens. */
  first: number;
  last: number;
  /** UTF-16 range of the sentence, whitespace trimmed. */
  start: number;
  end: number;
  /** Line of the body the sentence sits on: quotations and quote continuations never cross a line break. */
  paragraph: number;
  /** Starts with an opening quotation mark, or inside a quotation opened earlier in the paragraph. */
  opensInQuote: boolean;
  boilerplate: boolean;
};

export type TDocument = {
  text: string;
  tokens: TToken[];
  sentences: TSentence[];
  /** 1 for quotation marks and the tokens between them: words a source speaks, not the writer. */
  quoted: Uint8Array;
};

const OPENING = new Set(["“", "«", "„"]);
const CLOSING = new Set(["”", "»"]);

export function isOpeningQuote(token: TToken | undefined, inQuote: boolean): boolean {
  if (!token) return false;
  return OPENING.has(token.value) || (token.value === '"' && !inQuote);
}

export function isClosingQuote(token: TToken | undefined): boolean {
  return !!token && (CLOSING.has(token.value) || token.value === '"');
}

/**
 * The library's sentences, cut again at line breaks (headlines, captions and boilerplate lines carry no full
 * stop), with quotation state and boilerplate flags. Whitespace-only pieces are dropped.
 */
export function segment(text: string, analysis: TAnalysis = analyse(text)): TDocument {
  const { tokens } = analysis;
  const sentenceOf = new Int32Array(tokens.length).fill(-1);
  analysis.sentences.forEach((s, k) => {
    for (let i = s.first; i <= s.last && i < tokens.length; i++) sentenceOf[i] = k;
  });

  const quoted = new Uint8Array(tokens.length);
  const sentences: TSentence[] = [];
  let paragraph = 0;
  let inQuote = false;
  let current: { first: number; last: number; opensInQuote: boolean; wink: number } | null = null;

  const flush = () => {
    if (!current) return;
    const first = tokens[current.first]!;
    const last = tokens[current.last]!;
    sentences.push({
      index: sentences.length,
      first: current.first,
      last: current.last,
      start: first.start,
      end: last.end,
      paragraph,
      opensInQuote: current.opensInQuote,
      boilerplate: false,
    });
    current = null;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.lineBreak) {
      flush();
      paragraph++;
      inQuote = false;
      continue;
    }
    if (t.value.trim() === "") continue;
    if (current && sentenceOf[i] !== current.wink) flush();
    if (!current) current = { first: i, last: i, opensInQuote: inQuote || isOpeningQuote(t, inQuote), wink: sentenceOf[i]! };
    current.last = i;
    if (isOpeningQuote(t, inQuote)) {
      inQuote = true;
      quoted[i] = 1;
    } else if (inQuote && isClosingQuote(t)) {
      inQuote = false;
      quoted[i] = 1;
    } else if (inQuote) {
      quoted[i] = 1;
    }
  }
  flush();

  // Boilerplate is judged per line: a prompt often spans several short sentences ("We answer to you. Help keep …").
  const lines = new Map<number, { start: number; end: number }>();
  for (const s of sentences) {
    const line = lines.get(s.paragraph);
    lines.set(s.paragraph, line ? { start: line.start, end: s.end } : { start: s.start, end: s.end });
  }
  const boilerplateLines = new Set<number>();
  for (const [p, range] of lines) if (isBoilerplateLine(text.slice(range.start, range.end))) boilerplateLines.add(p);
  for (const s of sentences) s.boilerplate = boilerplateLines.has(s.paragraph);

  return { text, tokens, sentences, quoted };
}

/** Token indexes of a sentence that are words (not whitespace). */
export function sentenceTokens(doc: TDocument, s: TSentence): number[] {
  const out: number[] = [];
  for (let i = s.first; i <= s.last; i++) if (doc.tokens[i]!.value.trim() !== "") out.push(i);
  return out;
}
