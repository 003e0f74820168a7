import { describe, expect, it } from "vitest";
import { credibilityScore, weightedSums } from "./formula";
import { DEFAULT_WEIGHTS } from "./weights";

const counts = (official: number, anonymous: number, opinion: number) => ({
  "official-statement": official,
  "anonymous-source": anonymous,
  opinion,
});

describe("credibilityScore", () => {
  it("reproduces the metrics.md example exactly: 2 official, 3 anonymous, 1 opinion -> 40", () => {
    expect(weightedSums(counts(2, 3, 1), DEFAULT_WEIGHTS)).toEqual({ S: -1.5, T: 5.5 });
    expect(credibilityScore(counts(2, 3, 1), DEFAULT_WEIGHTS)).toBe(40);
  });

  it("is 50 with no evidence", () => {
    expect(credibilityScore(counts(0, 0, 0))).toBe(50);
  });

  it("uses the default weights when none are given", () => {
    expect(credibilityScore(counts(2, 3, 1))).toBe(40);
  });

  it("keeps one official statement from reaching 100", () => {
    // S = 1, T = 1: 50 + 50/3.
    expect(credibilityScore(counts(1, 0, 0))).toBeCloseTo(66.666666, 5);
  });

  it("does not round", () => {
    // S = -1, T = 1: 50 - 50/3 = 33.333...
    expect(credibilityScore(counts(0, 1, 0))).toBeCloseTo(100 / 3, 12);
    expect(credibilityScore(counts(0, 1, 0))).not.toBe(33.3);
  });

  it("applies custom weights, using |w| in T", () => {
    const weights = { "official-statement": 2, "anonymous-source": -3, opinion: 0 };
    // S = 2·1 - 3·2 + 0·5 = -4; T = 2 + 6 + 0 = 8; 50 - 200/10 = 30.
    expect(weightedSums(counts(1, 2, 5), weights)).toEqual({ S: -4, T: 8 });
    expect(credibilityScore(counts(1, 2, 5), weights)).toBe(30);
  });

  it("approaches 0 for many anonymous sources", () => {
    // S = -98, T = 98: 50 - 4900/100 = 1.
    expect(credibilityScore(counts(0, 98, 0))).toBe(1);
  });
});
