import { describe, expect, it } from "vitest";
import { analyse } from "./nlp";

describe("analyse", () => {
  it("gives UTF-16 offsets that slice back to every token, through emoji, curly quotes and em dashes", () => {
    const text = " date 2025 “It’s fine,” she said 😀 — and sources told Reuters.\n\nNext 🌡️ line.";
    const { tokens } = analyse(text);
    expect(tokens.length).toBeGreaterThan(10);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.value);
    for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end);
  });

  it("tags parts of speech and lemmas, marks unknown proper nouns and line breaks", () => {
    const { tokens, sentences } = analyse("The State Department did not comment.\nOfficials told reporters. Voltaro said so.");
    const said = tokens.find((t) => t.value === "told")!;
    expect(said.lemma).toBe("tell");
    expect(said.pos).toBe("VERB");
    expect(tokens.find((t) => t.value === "Voltaro")!.unknownWord).toBe(true);
    expect(tokens.find((t) => t.value === "Department")!.unknownWord).toBe(false);
    expect(tokens.some((t) => t.lineBreak)).toBe(true);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
  });
});
