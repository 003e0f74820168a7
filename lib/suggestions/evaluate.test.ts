import { describe, expect, it } from "vitest";
import { addCounts, countByTag, matchSpans, scores } from "./evaluate";

describe("span-level evaluation", () => {
  it("matches same-tag spans at Jaccard >= 0.5, each gold at most once, best pairs first", () => {
    const gold = [
      { start: 0, end: 100, tag: "opinion" as const },
      { start: 200, end: 300, tag: "official-statement" as const },
    ];
    const predicted = [
      { start: 0, end: 50, tag: "opinion" as const }, // exactly 0.5
      { start: 0, end: 95, tag: "opinion" as const }, // 0.95: wins the gold span
      { start: 200, end: 300, tag: "anonymous-source" as const }, // wrong tag
      { start: 240, end: 300, tag: "official-statement" as const }, // 0.6
    ];
    expect(matchSpans(predicted, gold)).toEqual([
      { predicted: 1, gold: 0 },
      { predicted: 3, gold: 1 },
    ]);
    const counts = countByTag(predicted, gold);
    expect(counts.opinion).toEqual({ gold: 1, predicted: 2, matched: 1 });
    expect(counts["anonymous-source"]).toEqual({ gold: 0, predicted: 1, matched: 0 });
    expect(scores(counts.opinion)).toMatchObject({ precision: 0.5, recall: 1 });
    expect(scores(counts.opinion).f1).toBeCloseTo(2 / 3);
  });

  it("does not match below the threshold and reports undefined ratios as null", () => {
    const counts = countByTag([{ start: 0, end: 49, tag: "opinion" }], [{ start: 0, end: 100, tag: "opinion" }]);
    expect(counts.opinion.matched).toBe(0);
    expect(scores({ gold: 0, predicted: 0, matched: 0 })).toMatchObject({ precision: null, recall: null, f1: null });
    expect(scores({ gold: 3, predicted: 0, matched: 0 })).toMatchObject({ precision: null, recall: 0, f1: 0 });
    expect(addCounts({ gold: 1, predicted: 2, matched: 1 }, { gold: 3, predicted: 1, matched: 1 })).toEqual({ gold: 4, predicted: 3, matched: 2 });
  });
});
