import { describe, expect, it } from "vitest";
import { analyse } from "./nlp";
import { chunkAt, sourcePhraseAt } from "./noun-phrases";

/** Classifies the phrase that starts at the first occurrence of `phrase` in `text`. */
function phrase(text: string, start: string) {
  const { tokens } = analyse(text);
  const at = tokens.findIndex((t) => text.slice(t.start).startsWith(start));
  const np = sourcePhraseAt(tokens, at, tokens.length - 1, { sentenceFirst: 0 })!;
  return { ...np, text: text.slice(tokens[np.first]!.start, tokens[np.last]!.end) };
}

describe("source noun phrases", () => {
  it.each([
    ["Former FBI Director Christopher Wray noted it.", "Former", "named", "person"],
    ["The State Department said so.", "The", "named", "institution"],
    ["Yesterday the Department of Justice announced it.", "the", "named", "institution"],
    ["Embassy spokesperson Mr. Liu Pengyu said it.", "Embassy", "named", "person"],
    ["A Treasury spokesperson said it.", "A", "named", "person"],
    ["Then the mayor said it.", "the", "named", "person"],
    ["Later a minister said it.", "a", "unnamed", "person"],
    ["U.S. officials told the Journal.", "U.S.", "unnamed", "person"],
    ["A top White House official confirmed it.", "A", "unnamed", "person"],
    ["Several of those employees said it.", "Several", "unnamed", "person"],
    ["Today the engineer said it.", "the", "anaphor", "person"],
    ["Harborview’s chief operating officer said it.", "Harborview", "named", "person"],
    ["Local reports say it.", "Local", "unnamed", "document"],
    ["A study published in Science Advances found it.", "A", "unnamed", "document"],
    ["Then he added it.", "he", "pronoun", "person"],
  ])("%s → %s %s", (text, start, status, kind) => {
    expect(phrase(text, start)).toMatchObject({ status, kind });
  });

  it("keeps names, hyphenated compounds and coordinated adjectives in one chunk", () => {
    const text = "the Office for Budget Responsibility and the ambassador-at-large and current and former US officials";
    const { tokens } = analyse(text);
    const chunks: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const c = chunkAt(tokens, i, tokens.length - 1);
      if (!c) continue;
      chunks.push(text.slice(tokens[c.first]!.start, tokens[c.last]!.end));
      i = c.last;
    }
    expect(chunks).toEqual(["the Office for Budget Responsibility", "the ambassador-at-large", "current and former US officials"]);
  });

  it("does not take a capitalised plural at the start of a sentence for a name", () => {
    expect(phrase("Residents can report flooding.", "Residents")).toMatchObject({ status: "none" });
    expect(phrase("Voltaro said so.", "Voltaro")).toMatchObject({ status: "named" });
  });
});
