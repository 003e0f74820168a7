import { describe, expect, it } from "vitest";
import { countByTag, DEFAULT_WEIGHTS, zeroCounts } from "./weights";

describe("DEFAULT_WEIGHTS", () => {
  it("matches metrics.md", () => {
    expect(DEFAULT_WEIGHTS).toEqual({ "official-statement": 1, "anonymous-source": -1, opinion: -0.5 });
  });

  it("cannot be changed by accident", () => {
    expect(Object.isFrozen(DEFAULT_WEIGHTS)).toBe(true);
  });
});

describe("countByTag", () => {
  it("has every tag, zero when absent", () => {
    expect(countByTag([])).toEqual({ "anonymous-source": 0, "official-statement": 0, opinion: 0 });
    expect(zeroCounts()).toEqual(countByTag([]));
  });

  it("counts spans per tag", () => {
    expect(
      countByTag([{ tag: "opinion" }, { tag: "anonymous-source" }, { tag: "opinion" }]),
    ).toEqual({ "anonymous-source": 1, "official-statement": 0, opinion: 2 });
  });
});
