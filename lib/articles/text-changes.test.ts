import { describe, expect, it } from "vitest";
import { textChanges } from "./text-changes";

describe("textChanges", () => {
  it("shows a corrected date and an inserted sentence as runs, and puts both texts back together", () => {
    const before = "The meeting was held in December.\n\nOfficials declined to comment.";
    const after = "Correction: the date was wrong.\n\nThe meeting was held in November.\n\nOfficials declined to comment.";
    const runs = textChanges(before, after);
    expect(runs.filter((r) => r.kind === "removed").map((r) => r.text)).toEqual(["December"]);
    expect(runs.filter((r) => r.kind === "added").map((r) => r.text).join("")).toContain("November");
    expect(runs.filter((r) => r.kind !== "added").map((r) => r.text).join("")).toBe(before);
    expect(runs.filter((r) => r.kind !== "removed").map((r) => r.text).join("")).toBe(after);
  });
});
