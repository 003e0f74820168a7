import { describe, expect, it } from "vitest";
import type { TStatus, TTag } from "@/lib/annotations/tags";
import { articleScore, explainScore, groupScores } from "./score";

let nextId = 0;
function ann(start: number, end: number, tag: TTag, status: TStatus = "pending") {
  nextId += 1;
  return { id: `a${nextId}`, start, end, tag, status };
}

describe("articleScore", () => {
  it("reproduces the metrics.md example: 2 official, 3 anonymous, 1 opinion -> exactly 40", () => {
    const annotations = [
      // Two official spans, the first backed by two overlapping annotations (Jaccard 8/12).
      ann(0, 10, "official-statement"),
      ann(2, 12, "official-statement"),
      ann(100, 120, "official-statement"),
      // Three anonymous spans: the last two overlap, but only with Jaccard 5/20, so they stay apart.
      ann(200, 210, "anonymous-source"),
      ann(300, 310, "anonymous-source"),
      ann(305, 320, "anonymous-source"),
      // Rejected: ignored.
      ann(400, 410, "anonymous-source", "rejected"),
      ann(500, 530, "opinion", "accepted"),
    ];
    const result = articleScore({ annotations });
    expect(result.counts).toEqual({ "official-statement": 2, "anonymous-source": 3, opinion: 1 });
    expect(result.S).toBe(-1.5);
    expect(result.T).toBe(5.5);
    expect(result.score).toBe(40);
    expect(result.spans).toHaveLength(6);
    expect(result.spans[0]).toMatchObject({ start: 0, end: 12, tag: "official-statement" });
  });

  it("is null with no annotations at all", () => {
    const result = articleScore({ annotations: [] });
    expect(result).toEqual({
      score: null,
      counts: { "official-statement": 0, "anonymous-source": 0, opinion: 0 },
      spans: [],
      S: 0,
      T: 0,
    });
  });

  it("is 50, not null, when every annotation was rejected", () => {
    const result = articleScore({
      annotations: [ann(0, 10, "anonymous-source", "rejected"), ann(20, 30, "opinion", "rejected")],
    });
    expect(result.spans).toEqual([]);
    expect(result.score).toBe(50);
  });

  it("applies custom weights", () => {
    const weights = { "official-statement": 2, "anonymous-source": -1, opinion: 0 };
    // One official (2), two opinions (0): S = 2, T = 2; 50 + 100/4 = 75.
    const result = articleScore({
      annotations: [ann(0, 10, "official-statement"), ann(20, 30, "opinion"), ann(40, 50, "opinion")],
      weights,
    });
    expect(result.score).toBe(75);
    expect(explainScore(result.counts, weights)).toBe(
      "S = 2×1 + (−1)×0 + 0×2 = 2; T = 2; score = 50 + 50 × 2 / (2 + 2) = 75.0",
    );
  });

  it("feeds group means", () => {
    const a = articleScore({ annotations: [ann(0, 10, "official-statement")] });
    const b = articleScore({ annotations: [ann(0, 10, "anonymous-source")] });
    const c = articleScore({ annotations: [] });
    const [group] = groupScores([
      { key: "o", score: a.score, counts: a.counts },
      { key: "o", score: b.score, counts: b.counts },
      { key: "o", score: c.score, counts: c.counts },
    ]);
    // (50 + 50/3) and (50 - 50/3) average to 50.
    expect(group).toMatchObject({ articles: 3, scoredArticles: 2, counts: { "official-statement": 1, "anonymous-source": 1, opinion: 0 } });
    expect(group!.score).toBeCloseTo(50, 12);
  });
});
