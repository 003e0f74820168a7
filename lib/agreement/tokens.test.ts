import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wordTokens } from "./tokens";

const slice = (body: string, t: { start: number; end: number }) => Array.from(body).slice(t.start, t.end).join("");

describe("wordTokens", () => {
  it("splits on anything that is not a letter or digit", () => {
    const body = "Officials said: 42 (maybe).";
    expect(wordTokens(body)).toEqual([
      { start: 0, end: 9 },
      { start: 10, end: 14 },
      { start: 16, end: 18 },
      { start: 20, end: 25 },
    ]);
    expect(wordTokens(body).map((t) => slice(body, t))).toEqual(["Officials", "said", "42", "maybe"]);
  });

  it("keeps letters of any script, and splits at apostrophes and hyphens", () => {
    const body = "Müller's co-worker: 東京 ۱۲۳";
    expect(wordTokens(body).map((t) => slice(body, t))).toEqual(["Müller", "s", "co", "worker", "東京", "۱۲۳"]);
  });

  it("counts offsets in code points, not UTF-16 units, after astral characters", () => {
    // Each emoji is one code point but two UTF-16 units.
    const body = "😀😀 ab 𝐱y 😀cd";
    // Code points: 😀0 😀1 ␠2 a3 b4 ␠5 𝐱6 y7 ␠8 😀9 c10 d11. 𝐱 (U+1D431) is an astral letter.
    expect(wordTokens(body)).toEqual([
      { start: 3, end: 5 },
      { start: 6, end: 8 },
      { start: 10, end: 12 },
    ]);
    expect(wordTokens(body).map((t) => slice(body, t))).toEqual(["ab", "𝐱y", "cd"]);
  });

  it("returns nothing for a body without words", () => {
    expect(wordTokens("")).toEqual([]);
    expect(wordTokens(" — !? 😀 ")).toEqual([]);
  });

  it("treats a lone surrogate as one code point, as Array.from does", () => {
    const body = "\ud800ab";
    expect(wordTokens(body)).toEqual([{ start: 1, end: 3 }]);
  });

  it("agrees with slicing Array.from(body) for arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (body) => {
        const expected = body.match(/[\p{L}\p{N}]+/gu) ?? [];
        expect(wordTokens(body).map((t) => slice(body, t))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
