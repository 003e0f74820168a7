import { describe, expect, it } from "vitest";
import { explainScore } from "./explain";

describe("explainScore", () => {
  it("fills in the metrics.md example", () => {
    expect(explainScore({ "official-statement": 2, "anonymous-source": 3, opinion: 1 })).toBe(
      "S = 1×2 + (−1)×3 + (−0.5)×1 = −1.5; T = 5.5; score = 50 + 50 × −1.5 / (5.5 + 2) = 40.0",
    );
  });

  it("shows the neutral score for no evidence", () => {
    expect(explainScore({ "official-statement": 0, "anonymous-source": 0, opinion: 0 })).toBe(
      "S = 1×0 + (−1)×0 + (−0.5)×0 = 0; T = 0; score = 50 + 50 × 0 / (0 + 2) = 50.0",
    );
  });

  it("uses custom weights and rounds only the final score for display", () => {
    const weights = { "official-statement": 0.1, "anonymous-source": -0.2, opinion: 0 };
    // S = 0.1·1 - 0.2·0 = 0.1; T = 0.1; 50 + 5/2.1 = 52.38...
    expect(explainScore({ "official-statement": 1, "anonymous-source": 0, opinion: 4 }, weights)).toBe(
      "S = 0.1×1 + (−0.2)×0 + 0×4 = 0.1; T = 0.1; score = 50 + 50 × 0.1 / (0.1 + 2) = 52.4",
    );
  });

  it("hides floating-point noise in the sums", () => {
    const weights = { "official-statement": 0.1, "anonymous-source": -1, opinion: 0.2 };
    // 0.1 + 0.2 in floats is 0.30000000000000004.
    expect(explainScore({ "official-statement": 1, "anonymous-source": 0, opinion: 1 }, weights)).toContain(
      "= 0.3; T = 0.3;",
    );
  });
});
