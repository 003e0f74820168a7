import winkNLP, { type ItsFunction, type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";

/**
 * One token of the body as the NLP library (wink-nlp with its English lite model, bundled in the package: no
 * download at run time) reads it. `start`/`end` are UTF-16 indexes into the body; conversion to the API's code
 * points happens once, in span shaping.
 */
export type TToken = {
  value: string;
  /** Lowercase, with the typographic apostrophe folded to ' so lexicons need one spelling ("let's", "’s"). */
  lower: string;
  pos: string;
  lemma: string;
  start: number;
  end: number;
  /** Starts with a capital letter. */
  titleCase: boolean;
  /** A proper noun the model's lexicon does not know (a name such as "Voltaro"), as opposed to "Residents". */
  unknownWord: boolean;
  /** Whitespace token that holds a line break: a paragraph or line boundary. */
  lineBreak: boolean;
};

export type TAnalysis = {
  text: string;
  tokens: TToken[];
  /** The library's sentences as inclusive token index ranges. */
  sentences: Array<{ first: number; last: number }>;
};

let wink: WinkMethods | null = null;
const UPPER_START = /^\p{Lu}/u;

/** Sentence boundaries and parts of speech are all the detector reads; skipping NER and sentiment halves the time. */
function instance(): WinkMethods {
  wink ??= winkNLP(model, ["sbd", "pos"]);
  return wink;
}

export function analyse(text: string): TAnalysis {
  const nlp = instance();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out() as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as string[];
  // The typings give `its.lemma` the model-addon signature; at run time it is an ordinary its function.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];

  const out: TToken[] = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? "";
    let start = cursor + (spaces[i]?.length ?? 0);
    // The library keeps every character (value + preceding spaces rebuild the text); if a future version
    // normalises a token, find it rather than drift.
    if (!text.startsWith(value, start)) {
      const found = text.indexOf(value, cursor);
      start = found >= 0 ? found : start;
    }
    const end = start + value.length;
    cursor = end;
    out[i] = {
      value,
      lower: value.toLowerCase().replace(/’/g, "'"),
      pos: pos[i] ?? "X",
      lemma: (lemmas[i] ?? value).toLowerCase(),
      start,
      end,
      titleCase: UPPER_START.test(value),
      unknownWord: pos[i] === "PROPN" && doc.isOOV(value.toLowerCase()),
      lineBreak: (pos[i] === "SPACE" || value.trim() === "") && value.includes("\n"),
    };
  }
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  return { text, tokens: out, sentences: spans.map(([first, last]) => ({ first, last })) };
}
