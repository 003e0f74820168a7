import { describe, expect, it } from "vitest";
import type { TStatus, TTag } from "@/lib/annotations/tags";
import { consensusSpans, jaccard } from "./consensus";

function ann(id: string, start: number, end: number, tag: TTag = "opinion", status: TStatus = "pending") {
  return { id, start, end, tag, status };
}

describe("consensusSpans", () => {
  it("re-exports jaccard", () => {
    expect(jaccard({ start: 0, end: 4 }, { start: 2, end: 6 })).toBeCloseTo(2 / 6, 12);
  });

  it("returns nothing for no annotations", () => {
    expect(consensusSpans([])).toEqual([]);
  });

  it("joins groups transitively: A~B and B~C but not A~C make one span", () => {
    // A∩B = [3,10): 7/13; B∩C = [6,13): 7/13; A∩C = [6,10): 4/16.
    const a = ann("A", 0, 10);
    const b = ann("B", 3, 13);
    const c = ann("C", 6, 16);
    expect(jaccard(a, c)).toBe(0.25);
    expect(consensusSpans([c, a, b])).toEqual([
      { start: 0, end: 16, tag: "opinion", annotationIds: ["A", "B", "C"] },
    ]);
  });

  it("links at Jaccard exactly 0.5", () => {
    // [0,6) and [2,8): 4 shared of 8 covered.
    expect(consensusSpans([ann("x", 0, 6), ann("y", 2, 8)])).toEqual([
      { start: 0, end: 8, tag: "opinion", annotationIds: ["x", "y"] },
    ]);
  });

  it("does not link just below 0.5", () => {
    // 49 shared of 100 covered.
    expect(consensusSpans([ann("x", 0, 100), ann("y", 0, 49)])).toEqual([
      { start: 0, end: 49, tag: "opinion", annotationIds: ["y"] },
      { start: 0, end: 100, tag: "opinion", annotationIds: ["x"] },
    ]);
  });

  it("never merges different tags, even on identical ranges", () => {
    expect(
      consensusSpans([ann("o", 0, 10, "opinion"), ann("a", 0, 10, "anonymous-source"), ann("s", 0, 10, "official-statement")]),
    ).toEqual([
      { start: 0, end: 10, tag: "anonymous-source", annotationIds: ["a"] },
      { start: 0, end: 10, tag: "official-statement", annotationIds: ["s"] },
      { start: 0, end: 10, tag: "opinion", annotationIds: ["o"] },
    ]);
  });

  it("excludes rejected annotations, so they cannot bridge a group", () => {
    const spans = consensusSpans([
      ann("A", 0, 10, "opinion", "pending"),
      ann("R", 3, 13, "opinion", "rejected"),
      ann("C", 6, 16, "opinion", "accepted"),
    ]);
    expect(spans).toEqual([
      { start: 0, end: 10, tag: "opinion", annotationIds: ["A"] },
      { start: 6, end: 16, tag: "opinion", annotationIds: ["C"] },
    ]);
  });

  it("yields no spans when every annotation is rejected", () => {
    expect(consensusSpans([ann("A", 0, 10, "opinion", "rejected")])).toEqual([]);
  });

  it("includes pending and accepted alike", () => {
    const spans = consensusSpans([ann("p", 0, 10, "opinion", "pending"), ann("a", 0, 10, "opinion", "accepted")]);
    expect(spans).toEqual([{ start: 0, end: 10, tag: "opinion", annotationIds: ["a", "p"] }]);
  });

  it("orders ids by start, end, then id, and spans by start, end, tag", () => {
    const spans = consensusSpans([
      ann("z", 20, 30, "anonymous-source"),
      ann("b", 1, 10, "anonymous-source"),
      ann("c", 0, 10, "anonymous-source"),
      ann("a", 1, 10, "anonymous-source"),
      ann("q", 0, 10, "official-statement"),
    ]);
    expect(spans).toEqual([
      { start: 0, end: 10, tag: "anonymous-source", annotationIds: ["c", "a", "b"] },
      { start: 0, end: 10, tag: "official-statement", annotationIds: ["q"] },
      { start: 20, end: 30, tag: "anonymous-source", annotationIds: ["z"] },
    ]);
  });

  it("does not mutate its input", () => {
    const input = [ann("b", 5, 10), ann("a", 0, 10)];
    const copy = structuredClone(input);
    consensusSpans(input);
    expect(input).toEqual(copy);
  });

  it("handles thousands of annotations on one article", () => {
    // A chain of 5,000 ranges each shifted by 1 from the previous one: every neighbour links, so one span.
    const many = Array.from({ length: 5000 }, (_, i) => ann(`n${String(i).padStart(5, "0")}`, i, i + 20));
    // Plus 5,000 far-apart ones that link to nothing.
    for (let i = 0; i < 5000; i++) many.push(ann(`f${i}`, 100_000 + i * 50, 100_000 + i * 50 + 10, "anonymous-source"));
    const spans = consensusSpans(many);
    expect(spans).toHaveLength(5001);
    expect(spans[0]).toMatchObject({ start: 0, end: 5019, tag: "opinion" });
    expect(spans[0]!.annotationIds).toHaveLength(5000);
  });
});
