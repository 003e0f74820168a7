import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TAGS, type TTag } from "@/lib/annotations/tags";
import { matchCount, spanF1 } from "./span-f1";

const span = (start: number, end: number, tag: TTag = "opinion") => ({ start, end, tag });

describe("spanF1", () => {
  it("is 1 when both annotators have no spans", () => {
    expect(spanF1([], [])).toBe(1);
  });

  it("is 0 when only one side has spans", () => {
    expect(spanF1([span(0, 10)], [])).toBe(0);
    expect(spanF1([], [span(0, 10)])).toBe(0);
  });

  it("is 1 for identical spans", () => {
    expect(spanF1([span(0, 10), span(20, 30, "anonymous-source")], [span(20, 30, "anonymous-source"), span(0, 10)])).toBe(1);
  });

  it("matches at Jaccard exactly 0.5 but not below", () => {
    // [0,6) vs [2,8): 4/8.
    expect(spanF1([span(0, 6)], [span(2, 8)])).toBe(1);
    // [0,100) vs [0,49): 49/100.
    expect(spanF1([span(0, 100)], [span(0, 49)])).toBe(0);
  });

  it("requires equal tags", () => {
    expect(spanF1([span(0, 10, "opinion")], [span(0, 10, "official-statement")])).toBe(0);
  });

  it("divides twice the matches by both span counts", () => {
    // One match ([4,17) vs [4,12): 8/13) out of 1 + 2 spans: 2/3.
    expect(spanF1([span(4, 17, "official-statement")], [span(4, 12, "official-statement"), span(18, 32)])).toBeCloseTo(
      2 / 3,
      12,
    );
  });

  it("matches each span at most once, best Jaccard first", () => {
    // a's [0,10) could match both of b's; it takes [0,10) (1.0) over [0,8) (0.8), leaving [0,8) unmatched.
    expect(matchCount([span(0, 10)], [span(0, 8), span(0, 10)])).toBe(1);
    expect(spanF1([span(0, 10)], [span(0, 8), span(0, 10)])).toBeCloseTo(2 / 3, 12);
  });

  it("is greedy rather than maximal, as metrics.md specifies", () => {
    // a1=[0,10), a2=[3,13); b1=[1,11), b2=[0,7).
    // J(a1,b1)=9/11≈0.818 is the highest and is taken first; a2 could then pair with b2 only at 4/13 < 0.5.
    // A maximum matching (a1-b2 at 7/10, a2-b1 at 8/12) would give 2; greedy gives 1.
    expect(matchCount([span(0, 10), span(3, 13)], [span(1, 11), span(0, 7)])).toBe(1);
  });

  it("is symmetric in its two annotators", () => {
    const range = fc
      .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 15 }), fc.constantFrom<TTag>(...TAGS))
      .map(([start, len, tag]) => span(start, start + len, tag));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 10 }), fc.array(range, { maxLength: 10 }), (a, b) => {
        expect(spanF1(a, b)).toBe(spanF1(b, a));
        expect(spanF1(a, b)).toBeGreaterThanOrEqual(0);
        expect(spanF1(a, b)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
