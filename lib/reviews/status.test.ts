import { describe, expect, it } from "vitest";
import { annotationStatus, countVerdicts } from "./status";

describe("annotationStatus", () => {
  it("is accepted when agree outnumbers disagree", () => {
    expect(annotationStatus(1, 0)).toBe("accepted");
    expect(annotationStatus(3, 2)).toBe("accepted");
  });

  it("is rejected when disagree outnumbers agree", () => {
    expect(annotationStatus(0, 1)).toBe("rejected");
    expect(annotationStatus(2, 5)).toBe("rejected");
  });

  it("is pending on a tie, including no reviews", () => {
    expect(annotationStatus(0, 0)).toBe("pending");
    expect(annotationStatus(2, 2)).toBe("pending");
  });
});

describe("countVerdicts", () => {
  it("counts agree and disagree verdicts", () => {
    expect(
      countVerdicts(
        [
          { verdict: "agree", reviewerId: "r1" },
          { verdict: "disagree", reviewerId: "r2" },
          { verdict: "agree", reviewerId: "r3" },
        ],
        "author",
      ),
    ).toEqual({ agree: 2, disagree: 1 });
  });

  it("ignores reviews written by the annotation's author", () => {
    const reviews = [
      { verdict: "agree", reviewerId: "author" },
      { verdict: "agree", reviewerId: "author" },
      { verdict: "disagree", reviewerId: "r1" },
    ] as const;
    const counts = countVerdicts(reviews, "author");
    expect(counts).toEqual({ agree: 0, disagree: 1 });
    expect(annotationStatus(counts.agree, counts.disagree)).toBe("rejected");
  });

  it("returns zeros for no reviews", () => {
    expect(countVerdicts([], "author")).toEqual({ agree: 0, disagree: 0 });
  });
});
