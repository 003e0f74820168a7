import { describe, expect, it } from "vitest";
import { findPassages } from "./disagreements";

describe("findPassages", () => {
  it("chains overlapping ranges of any tag and author into one passage", () => {
    const p = findPassages([
      { id: "a1", authorId: "ana", start: 0, end: 10, tag: "opinion" },
      { id: "b1", authorId: "ben", start: 5, end: 20, tag: "anonymous-source" },
      { id: "a2", authorId: "ana", start: 18, end: 25, tag: "opinion" },
      { id: "b2", authorId: "ben", start: 40, end: 50, tag: "official-statement" },
      { id: "a3", authorId: "ana", start: 40, end: 50, tag: "official-statement" },
    ]);
    expect(p).toHaveLength(2);
    expect(p[0]).toMatchObject({ start: 0, end: 25, kind: "different-tags" });
    expect(p[0]!.byAnnotator).toEqual([
      { authorId: "ana", tags: ["opinion"], annotationIds: ["a1", "a2"] },
      { authorId: "ben", tags: ["anonymous-source"], annotationIds: ["b1"] },
    ]);
    expect(p[1]).toMatchObject({ start: 40, end: 50, kind: "agreed" });
  });

  it("flags passages some annotators did not tag", () => {
    const p = findPassages([
      { id: "a1", authorId: "ana", start: 0, end: 10, tag: "opinion" },
      { id: "b1", authorId: "ben", start: 20, end: 30, tag: "opinion" },
    ]);
    expect(p.map((x) => x.kind)).toEqual(["not-tagged-by-all", "not-tagged-by-all"]);
    expect(p[0]!.byAnnotator[1]).toEqual({ authorId: "ben", tags: [], annotationIds: [] });
  });

  it("touching ranges are separate passages", () => {
    const p = findPassages([
      { id: "a", authorId: "ana", start: 0, end: 10, tag: "opinion" },
      { id: "b", authorId: "ana", start: 10, end: 20, tag: "opinion" },
    ]);
    expect(p).toHaveLength(2);
  });

  it("returns nothing for no annotations", () => {
    expect(findPassages([])).toEqual([]);
  });
});
