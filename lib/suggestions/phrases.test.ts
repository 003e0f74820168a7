import { describe, expect, it } from "vitest";
import { analyse } from "./nlp";
import { compilePhrases, phraseAt } from "./phrases";

describe("phrase matching over the library's tokens", () => {
  it("matches hyphenated and contracted entries however the library splits them, longest first", () => {
    const set = compilePhrases(["state-of-the-art", "let's", "condition of anonymity", "on condition of anonymity", "regime"]);
    const text = "A state-of-the-art plant. Let’s see. He spoke on condition of anonymity about the regime.";
    const { tokens } = analyse(text);
    const words = tokens.map((_, i) => i).filter((i) => tokens[i]!.value.trim() !== "");
    const hits: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const m = phraseAt(set, tokens, words, i);
      if (m) {
        hits.push(text.slice(tokens[words[m.from]!]!.start, tokens[words[m.to]!]!.end));
        i = m.to;
      }
    }
    expect(hits).toEqual(["state-of-the-art", "Let’s", "on condition of anonymity", "regime"]);
  });
});
