import { describe, expect, it } from "vitest";
import { paragraphs, segmentRange } from "./segments";

describe("segmentRange", () => {
  it("splits at every boundary and lists every covering span", () => {
    const segs = segmentRange(0, 20, [
      { id: "a", start: 2, end: 10 },
      { id: "b", start: 5, end: 15 },
      { id: "c", start: 6, end: 8 },
    ]);
    expect(segs).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: ["a"] },
      { start: 5, end: 6, ids: ["a", "b"] },
      { start: 6, end: 8, ids: ["a", "b", "c"] },
      { start: 8, end: 10, ids: ["a", "b"] },
      { start: 10, end: 15, ids: ["b"] },
      { start: 15, end: 20, ids: [] },
    ]);
  });

  it("handles identical and touching spans", () => {
    const segs = segmentRange(0, 6, [
      { id: "x", start: 0, end: 3 },
      { id: "y", start: 0, end: 3 },
      { id: "z", start: 3, end: 6 },
    ]);
    expect(segs).toEqual([
      { start: 0, end: 3, ids: ["x", "y"] },
      { start: 3, end: 6, ids: ["z"] },
    ]);
  });

  it("clips spans to the range", () => {
    expect(segmentRange(10, 20, [{ id: "a", start: 0, end: 15 }])).toEqual([
      { start: 10, end: 15, ids: ["a"] },
      { start: 15, end: 20, ids: [] },
    ]);
  });

  it("covers every offset exactly once with 1,000 random spans", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const spans = Array.from({ length: 1000 }, (_, i) => {
      const start = Math.floor(rnd() * 9990);
      return { id: `s${i}`, start, end: start + 1 + Math.floor(rnd() * 200) };
    });
    const segs = segmentRange(0, 10_000, spans);
    let at = 0;
    for (const s of segs) {
      expect(s.start).toBe(at);
      at = s.end;
      const mid = s.start;
      const expected = spans.filter((x) => x.start <= mid && x.end > mid).map((x) => x.id);
      expect(s.ids).toEqual(expected);
    }
    expect(at).toBe(10_000);
  });
});

describe("paragraphs", () => {
  it("keeps line breaks between paragraphs so every code point is rendered once", () => {
    const cps = Array.from("One.\n\nTwo 😀.\r\nThree");
    const ps = paragraphs(cps, [{ id: "a", start: 2, end: 8 }]);
    expect(ps.map((p) => [p.start, p.end, p.breakAfter])).toEqual([
      [0, 4, { start: 4, end: 6 }],
      [6, 12, { start: 12, end: 14 }],
      [14, 19, null],
    ]);
    expect(ps[0]!.segments).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 4, ids: ["a"] },
    ]);
    expect(ps[1]!.segments[0]).toEqual({ start: 6, end: 8, ids: ["a"] });
  });
});
