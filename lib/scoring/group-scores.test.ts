import { describe, expect, it } from "vitest";
import { groupScores } from "./group-scores";

const counts = (official: number, anonymous: number, opinion: number) => ({
  "official-statement": official,
  "anonymous-source": anonymous,
  opinion,
});

describe("groupScores", () => {
  it("returns no groups for no articles", () => {
    expect(groupScores([])).toEqual([]);
  });

  it("averages only the articles that have a score, but counts them all", () => {
    const groups = groupScores([
      { key: "Outlet B", score: 40, counts: counts(2, 3, 1) },
      { key: "Outlet A", score: null, counts: counts(0, 0, 0) },
      { key: "Outlet B", score: 70, counts: counts(1, 0, 0) },
      { key: "Outlet B", score: null, counts: counts(0, 0, 0) },
      { key: "Outlet A", score: 50, counts: counts(0, 0, 0) },
    ]);
    expect(groups).toEqual([
      { key: "Outlet A", articles: 2, scoredArticles: 1, score: 50, counts: counts(0, 0, 0) },
      // (40 + 70) / 2 = 55, not (40 + 70 + 50) / 3.
      { key: "Outlet B", articles: 3, scoredArticles: 2, score: 55, counts: counts(3, 3, 1) },
    ]);
  });

  it("gives a null score to a group with no scored article", () => {
    expect(groupScores([{ key: "s1", score: null, counts: counts(0, 0, 0) }])).toEqual([
      { key: "s1", articles: 1, scoredArticles: 0, score: null, counts: counts(0, 0, 0) },
    ]);
  });

  it("does not round the mean", () => {
    const [group] = groupScores([
      { key: "k", score: 40, counts: counts(0, 0, 0) },
      { key: "k", score: 50, counts: counts(0, 0, 0) },
      { key: "k", score: 50, counts: counts(0, 0, 0) },
    ]);
    expect(group!.score).toBeCloseTo(140 / 3, 12);
  });
});
