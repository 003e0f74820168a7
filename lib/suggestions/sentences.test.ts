import { describe, expect, it } from "vitest";
import { segment } from "./sentences";

const texts = (text: string) => {
  const doc = segment(text);
  return doc.sentences.map((s) => text.slice(s.start, s.end));
};

describe("segment", () => {
  it("splits the library's sentences again at line breaks (headlines carry no full stop)", () => {
    expect(texts("Chinese official avows Beijing is behind cyberattacks: Report\nPhoto by Kevin Frayer\n\nThe regime winked.")).toEqual([
      "Chinese official avows Beijing is behind cyberattacks: Report",
      "Photo by Kevin Frayer",
      "The regime winked.",
    ]);
  });

  it("keeps abbreviations inside a sentence and trims whitespace", () => {
    expect(texts("  Embassy spokesperson Mr. Liu Pengyu said it at 3 a.m. on Monday. The U.S. disagreed.  ")).toEqual([
      "Embassy spokesperson Mr. Liu Pengyu said it at 3 a.m. on Monday.",
      "The U.S. disagreed.",
    ]);
  });

  it("tracks quotations across sentences of a paragraph, straight and curly, and resets at a line break", () => {
    const text = "“It came up,” said Maria Lopez. “This is the second time. We can’t keep doing this.”\n\"Open quote never closed.\nPlain line.";
    const doc = segment(text);
    const flags = doc.sentences.map((s) => [text.slice(s.start, s.end), s.opensInQuote, s.paragraph]);
    expect(flags).toEqual([
      ["“It came up,” said Maria Lopez.", true, 0],
      ["“This is the second time.", true, 0],
      ["We can’t keep doing this.”", true, 0],
      ["\"Open quote never closed.", true, 1],
      ["Plain line.", false, 2],
    ]);
    const said = doc.tokens.findIndex((t) => t.value === "said");
    expect(doc.quoted[said]).toBe(0);
    const came = doc.tokens.findIndex((t) => t.value === "came");
    expect(doc.quoted[came]).toBe(1);
  });

  it("flags boilerplate per line", () => {
    const doc = segment("The FBI said so.\nWe answer to you. Help keep our content free by leaving a tip today.");
    expect(doc.sentences.map((s) => s.boilerplate)).toEqual([false, true, true]);
  });
});
