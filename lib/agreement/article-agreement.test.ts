import { describe, expect, it } from "vitest";
import type { TTag } from "@/lib/annotations/tags";
import { articleAgreement } from "./article-agreement";

let nextId = 0;
function ann(authorId: string, start: number, end: number, tag: TTag) {
  nextId += 1;
  return { id: `x${nextId}`, authorId, start, end, tag };
}

// Tokens: The[0,3) minister[4,12) said[13,17) rain[18,22) is[23,25) likely[26,32)
const body = "The minister said rain is likely.";

describe("articleAgreement", () => {
  it("computes alpha over tokens and pairwise span F1, by hand", () => {
    const result = articleAgreement(body, [
      ann("u1", 4, 17, "official-statement"),
      ann("u2", 4, 12, "official-statement"),
      ann("u2", 18, 32, "opinion"),
    ]);
    // u1: none off  off  none none none
    // u2: none off  none op   op   op
    // Disagreeing units: said, rain, is, likely -> observed Σ = 4 × 2 = 8. n = 12;
    // n_none = 6, n_off = 3, n_op = 3 -> Σ n_c² = 54. alpha = 1 − 11·8/(144 − 54) = 1/45.
    expect(result.alpha).toBeCloseTo(1 / 45, 12);
    expect(result.annotators).toBe(2);
    expect(result.units).toBe(6);
    // [4,17) vs [4,12): 8/13 >= 0.5, one match over 1 + 2 spans.
    expect(result.pairwise).toEqual([{ a: "u1", b: "u2", f1: 2 / 3 }]);
  });

  it("has a null alpha and no pairs with a single annotator", () => {
    expect(articleAgreement(body, [ann("solo", 0, 3, "opinion")])).toEqual({
      alpha: null,
      annotators: 1,
      units: 6,
      pairwise: [],
    });
  });

  it("has a null alpha with no annotators", () => {
    expect(articleAgreement(body, [])).toEqual({ alpha: null, annotators: 0, units: 6, pairwise: [] });
  });

  it("is 1 when annotators mark the same words", () => {
    const result = articleAgreement(body, [ann("u1", 4, 17, "official-statement"), ann("u2", 4, 17, "official-statement")]);
    expect(result.alpha).toBe(1);
    expect(result.pairwise).toEqual([{ a: "u1", b: "u2", f1: 1 }]);
  });

  it("lists every pair once, a < b, in order", () => {
    const result = articleAgreement(body, [
      ann("carol", 0, 3, "opinion"),
      ann("alice", 0, 3, "opinion"),
      ann("bob", 26, 32, "opinion"),
    ]);
    expect(result.annotators).toBe(3);
    expect(result.pairwise).toEqual([
      { a: "alice", b: "bob", f1: 0 },
      { a: "alice", b: "carol", f1: 1 },
      { a: "bob", b: "carol", f1: 0 },
    ]);
  });

  it("reads annotation offsets as code points when the body has emoji", () => {
    // Code points: 😀0..😀3 ␠4 ab[5,7) ␠7 cd[8,10). In UTF-16, "ab" would sit at [9,11).
    const emoji = "😀😀😀😀 ab cd";
    const result = articleAgreement(emoji, [ann("u1", 8, 10, "opinion"), ann("u2", 8, 10, "opinion"), ann("u2", 5, 7, "anonymous-source")]);
    // u1: none op; u2: anon op. Only "ab" disagrees: observed Σ = 2; n = 4; n_none = n_anon = 1, n_op = 2:
    // 1 − 3·2/(16 − 6) = 0.4. Reading [8,10) as UTF-16 would cover "ab" for u1 and change the result.
    expect(result.units).toBe(2);
    expect(result.alpha).toBeCloseTo(0.4, 12);
  });

  it("returns a null alpha when no annotation touches a word (every value is none)", () => {
    const result = articleAgreement("Hi, there.", [ann("u1", 2, 3, "opinion"), ann("u2", 2, 4, "opinion")]);
    expect(result.units).toBe(2);
    expect(result.alpha).toBeNull();
    // Their spans still agree: [2,3) vs [2,4) is 1/2.
    expect(result.pairwise).toEqual([{ a: "u1", b: "u2", f1: 1 }]);
  });
});
