import { describe, expect, it } from "vitest";
import { combineGroups, groupScores, type IGroupScore } from "./group-scores";

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

describe("combineGroups", () => {
  it("adds up partial totals that share a key (e.g. two SQL groups), then takes the mean", () => {
    expect(
      combineGroups([
        { key: "Unknown outlet", articles: 2, scoredArticles: 2, scoreSum: 70, counts: counts(1, 0, 0) },
        { key: "A", articles: 3, scoredArticles: 0, scoreSum: 0, counts: counts(0, 0, 0) },
        { key: "Unknown outlet", articles: 2, scoredArticles: 1, scoreSum: 60, counts: counts(0, 2, 1) },
      ]),
    ).toEqual([
      { key: "A", articles: 3, scoredArticles: 0, score: null, counts: counts(0, 0, 0) },
      // (70 + 60) / 3 scored articles, not the mean of the partial means (35 and 60).
      { key: "Unknown outlet", articles: 4, scoredArticles: 3, score: 130 / 3, counts: counts(1, 2, 1) },
    ]);
  });

  it("gives what groupScores gives article by article", () => {
    const articles = Array.from({ length: 200 }, (_, i) => ({
      key: `k${i % 7}`,
      score: i % 3 === 0 ? null : (i * 7.3) % 100,
      counts: counts(i % 2, i % 3, i % 5),
    }));
    // Split the articles in two, total each half, then combine the halves' totals.
    const halves = [0, 1].map((half) => groupScores(articles.filter((_, i) => i % 2 === half)));
    const fromPartials = combineGroups(
      halves.flat().map((g) => ({ key: g.key, articles: g.articles, scoredArticles: g.scoredArticles, scoreSum: (g.score ?? 0) * g.scoredArticles, counts: g.counts })),
    );
    const direct = groupScores(articles);
    const withoutScore = (g: IGroupScore) => ({ key: g.key, articles: g.articles, scoredArticles: g.scoredArticles, counts: g.counts });
    expect(fromPartials.map(withoutScore)).toEqual(direct.map(withoutScore));
    for (const [i, g] of fromPartials.entries()) expect(g.score).toBeCloseTo(direct[i]!.score!, 10);
  });
});
