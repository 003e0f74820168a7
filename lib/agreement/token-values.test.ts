import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TAGS, type TTag } from "@/lib/annotations/tags";
import { tokenValues, type IAnnotatedRange } from "./token-values";
import { wordTokens, type IToken } from "./tokens";

function bruteForce(tokens: IToken[], annotations: IAnnotatedRange[]) {
  const annotators = [...new Set(annotations.map((a) => a.authorId))].sort();
  const values = annotators.map((author) =>
    tokens.map((token) => {
      const tags = new Set(
        annotations
          .filter((a) => a.authorId === author && a.start < token.end && token.start < a.end)
          .map((a) => a.tag),
      );
      return tags.size === 0 ? "none" : [...tags].sort().join("+");
    }),
  );
  return { annotators, values };
}

describe("tokenValues", () => {
  // Tokens: The[0,3) minister[4,12) said[13,17) rain[18,22) is[23,25) likely[26,32)
  const body = "The minister said rain is likely.";
  const tokens = wordTokens(body);

  it("gives each annotator a value per token, none where uncovered", () => {
    const result = tokenValues(tokens, [
      { authorId: "u2", start: 4, end: 12, tag: "official-statement" },
      { authorId: "u1", start: 4, end: 17, tag: "official-statement" },
      { authorId: "u2", start: 18, end: 32, tag: "opinion" },
    ]);
    expect(result.annotators).toEqual(["u1", "u2"]);
    expect(result.values).toEqual([
      ["none", "official-statement", "official-statement", "none", "none", "none"],
      ["none", "official-statement", "none", "opinion", "opinion", "opinion"],
    ]);
  });

  it("counts a token as covered when any one of its code points is", () => {
    // [11,14) touches the last letter of "minister" and the first of "said"; [17,18) only the space.
    const result = tokenValues(tokens, [
      { authorId: "u", start: 11, end: 14, tag: "opinion" },
      { authorId: "u", start: 17, end: 18, tag: "anonymous-source" },
    ]);
    expect(result.values).toEqual([["none", "opinion", "opinion", "none", "none", "none"]]);
  });

  it("joins several different tags, sorted, with +", () => {
    const result = tokenValues(tokens, [
      { authorId: "u", start: 4, end: 17, tag: "opinion" },
      { authorId: "u", start: 13, end: 22, tag: "anonymous-source" },
      { authorId: "u", start: 13, end: 17, tag: "official-statement" },
      // Same tag twice on a token is still just that tag.
      { authorId: "u", start: 20, end: 25, tag: "anonymous-source" },
    ]);
    expect(result.values).toEqual([
      [
        "none",
        "opinion",
        "anonymous-source+official-statement+opinion",
        "anonymous-source",
        "anonymous-source",
        "none",
      ],
    ]);
  });

  it("has no annotators and no rows without annotations", () => {
    expect(tokenValues(tokens, [])).toEqual({ annotators: [], values: [] });
  });

  it("matches a token-by-annotation comparison on random input", () => {
    const tag = fc.constantFrom<TTag>(...TAGS);
    const annotation = fc
      .tuple(fc.constantFrom("a", "b", "c"), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 12 }), tag)
      .map(([authorId, start, len, t]) => ({ authorId, start, end: start + len, tag: t }));
    fc.assert(
      fc.property(fc.string({ maxLength: 45 }), fc.array(annotation, { maxLength: 12 }), (text, annotations) => {
        const toks = wordTokens(text);
        expect(tokenValues(toks, annotations)).toEqual(bruteForce(toks, annotations));
      }),
      { numRuns: 300 },
    );
  });

  it("handles a 100,000-character body with 1,000 annotations", () => {
    const big = "word ".repeat(20_000);
    const bigTokens = wordTokens(big);
    const annotations = Array.from({ length: 1000 }, (_, i) => ({
      authorId: `u${i % 10}`,
      start: (i * 97) % 99_000,
      end: ((i * 97) % 99_000) + 500,
      tag: TAGS[i % 3]!,
    }));
    const result = tokenValues(bigTokens, annotations);
    expect(result.values).toHaveLength(10);
    expect(result.values[0]).toHaveLength(20_000);
    // Spot-check against direct computation on a few tokens.
    const sample = [0, 1234, 19_999].map((i) => bigTokens[i]!);
    expect(bruteForce(sample, annotations).values).toEqual(
      result.values.map((row) => [row[0], row[1234], row[19_999]]),
    );
  });
});
