import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { intersectionLength, isSamePassage, jaccard, samePassagePairs, type IRange } from "./jaccard";

describe("jaccard", () => {
  it("divides the shared code points by the covered ones", () => {
    expect(jaccard({ start: 0, end: 10 }, { start: 5, end: 15 })).toBeCloseTo(5 / 15, 12);
    expect(jaccard({ start: 0, end: 10 }, { start: 0, end: 5 })).toBe(0.5);
    expect(jaccard({ start: 2, end: 8 }, { start: 2, end: 8 })).toBe(1);
  });

  it("is 0 for ranges that merely touch or are apart", () => {
    expect(jaccard({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(0);
    expect(jaccard({ start: 0, end: 5 }, { start: 7, end: 9 })).toBe(0);
    expect(intersectionLength({ start: 0, end: 5 }, { start: 7, end: 9 })).toBe(0);
  });

  it("is 0, not NaN, for two empty ranges", () => {
    expect(jaccard({ start: 3, end: 3 }, { start: 3, end: 3 })).toBe(0);
  });
});

describe("isSamePassage", () => {
  it("links at exactly 0.5 and not just below", () => {
    // [0,6) and [2,8): 4 shared of 8 covered.
    expect(isSamePassage({ start: 0, end: 6 }, { start: 2, end: 8 })).toBe(true);
    // 50/100 vs 49/100.
    expect(isSamePassage({ start: 0, end: 100 }, { start: 0, end: 50 })).toBe(true);
    expect(isSamePassage({ start: 0, end: 100 }, { start: 0, end: 49 })).toBe(false);
  });
});

describe("samePassagePairs", () => {
  function bruteForce(ranges: IRange[]): [number, number][] {
    const pairs: [number, number][] = [];
    for (let i = 0; i < ranges.length; i++)
      for (let j = i + 1; j < ranges.length; j++)
        if (jaccard(ranges[i]!, ranges[j]!) >= 0.5) pairs.push([i, j]);
    return pairs;
  }
  const sortPairs = (pairs: [number, number][]) =>
    [...pairs].sort((p, q) => p[0] - q[0] || p[1] - q[1]);

  it("finds the same pairs as comparing every pair", () => {
    const range = fc
      .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 30 }))
      .map(([start, len]) => ({ start, end: start + len }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 40 }), (ranges) => {
        expect(sortPairs(samePassagePairs(ranges))).toEqual(sortPairs(bruteForce(ranges)));
      }),
      { numRuns: 300 },
    );
  });

  it("reports each pair once with the smaller index first", () => {
    const ranges = [
      { start: 5, end: 15 },
      { start: 0, end: 10 },
      { start: 5, end: 15 },
    ];
    expect(sortPairs(samePassagePairs(ranges))).toEqual([[0, 2]]);
  });
});
