import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { consensusSpans } from "./consensus";
import { groupAround, groupsBesides, groupWindow, partnerWindow, type TRangeReader } from "./consensus-delta";
import { isSamePassage, type IRange } from "./jaccard";

type TSpan = IRange & { id: string; active: boolean };

/** The reader the stores implement, over an in-memory article: active ranges by start, other than `exceptId`. */
function readerOver(spans: readonly TSpan[], exceptId: string, reads?: { rows: number }): TRangeReader {
  return async (from, to) => {
    const found = spans.filter((s) => s.active && s.id !== exceptId && s.start >= from && s.start <= to);
    if (reads) reads.rows += found.length;
    return found;
  };
}

const fullCount = (spans: readonly TSpan[]) =>
  consensusSpans(spans.map((s) => ({ ...s, tag: "opinion" as const, status: s.active ? ("pending" as const) : ("rejected" as const) }))).length;

/**
 * Applies random adds, removals, rejections and un-rejections one by one, keeping the count the way the stores do
 * (groupsBesides around the changed span), and compares it with the full recompute after every step.
 */
async function replay(initial: IRange[], steps: { op: "add" | "toggle"; range: IRange; pick: number }[]) {
  const spans: TSpan[] = initial.map((r, i) => ({ ...r, id: `i${i}`, active: true }));
  let count = fullCount(spans);
  let n = 0;
  for (const step of steps) {
    if (step.op === "add" || spans.length === 0) {
      const span = { ...step.range, id: `n${n++}`, active: true };
      count += 1 - (await groupsBesides(span, readerOver(spans, span.id)));
      spans.push(span);
    } else {
      const span = spans[step.pick % spans.length]!;
      const groups = await groupsBesides(span, readerOver(spans, span.id));
      count += span.active ? groups - 1 : 1 - groups;
      span.active = !span.active;
    }
    expect(count).toBe(fullCount(spans));
  }
}

const range = (maxStart: number, maxLength: number) =>
  fc.tuple(fc.nat(maxStart), fc.integer({ min: 0, max: maxLength })).map(([start, length]) => ({ start, end: start + length }));

describe("partnerWindow", () => {
  it("holds the start of every range in the same passage", () => {
    fc.assert(
      fc.property(range(300, 120), range(300, 120), (a, b) => {
        const w = partnerWindow(b);
        if (isSamePassage(a, b)) expect(a.start >= w.from && a.start <= w.to).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("groupWindow", () => {
  it("holds the partner window of every range in the same passage", () => {
    fc.assert(
      fc.property(range(300, 120), range(300, 120), (a, b) => {
        const w = groupWindow(b);
        const p = partnerWindow(a);
        if (isSamePassage(a, b)) expect(p.from >= w.from && p.to <= w.to).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("groupsBesides", () => {
  it("keeps the count exact through random adds, removals and re-adds (merges and splits of groups)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(range(400, 60), { maxLength: 80 }),
        fc.array(fc.record({ op: fc.constantFrom("add" as const, "toggle" as const), range: range(400, 60), pick: fc.nat() }), {
          maxLength: 40,
        }),
        (initial, steps) => replay(initial, steps),
      ),
      { numRuns: 300 },
    );
  });

  it("finds a chained group far beyond the first window, however long the chain", async () => {
    // A chain of 200 ranges, each sliding 4 code points from the last: one group spanning 820 code points.
    const chain: TSpan[] = Array.from({ length: 200 }, (_, i) => ({ id: `c${i}`, start: i * 4, end: i * 4 + 20, active: true }));
    const seed = chain[199]!;
    const members = await groupAround(seed, readerOver(chain, seed.id));
    expect(members).toHaveLength(199);
    // Taking out the middle link splits it in two.
    expect(await groupsBesides(chain[100]!, readerOver(chain, "c100"))).toBe(2);
  });

  it("uses ranges already read for the window, and reads only what lies outside it", async () => {
    const spans: TSpan[] = [
      { id: "a", start: 100, end: 120, active: true },
      { id: "b", start: 110, end: 130, active: true },
    ];
    const windows: [number, number][] = [];
    const read: TRangeReader = async (from, to) => {
      windows.push([from, to]);
      return spans.filter((s) => s.start >= from && s.start <= to);
    };
    // The seed links a and b (Jaccard 0.6 each), which do not link to each other: without it they are two groups.
    const seed = { start: 105, end: 125 };
    const { from, to } = groupWindow(seed);
    expect([from, to]).toEqual([45, 145]);
    expect(await groupsBesides(seed, read, { from, to, ranges: spans })).toBe(2);
    expect(windows).toEqual([]);
    // Without ranges read already, one read of the same window.
    expect(await groupsBesides(seed, read)).toBe(2);
    expect(windows).toEqual([[45, 145]]);
  });

  it("on an article with thousands of overlapping spans, stays exact and reads a few groups, not the article", async () => {
    // 4,000 spans over 40 passages (reviewers marking the same sentences with slightly different boundaries), plus
    // long spans straddling passages, which overlap many but link to few.
    const rng = mulberry32(7);
    const initial: IRange[] = [];
    for (let i = 0; i < 4000; i++) {
      const passage = Math.floor(rng() * 40) * 500;
      const start = passage + Math.floor(rng() * 30);
      initial.push({ start, end: start + 80 + Math.floor(rng() * 60) });
    }
    for (let i = 0; i < 200; i++) {
      const start = Math.floor(rng() * 19_000);
      initial.push({ start, end: start + 300 + Math.floor(rng() * 600) });
    }
    const spans: TSpan[] = initial.map((r, i) => ({ ...r, id: `i${i}`, active: true }));
    let count = fullCount(spans);
    const reads = { rows: 0 };
    for (let k = 0; k < 60; k++) {
      const span = spans[Math.floor(rng() * spans.length)]!;
      const groups = await groupsBesides(span, readerOver(spans, span.id, reads));
      count += span.active ? groups - 1 : 1 - groups;
      span.active = !span.active;
      expect(count).toBe(fullCount(spans));
    }
    // About one passage's spans per change (4,200 / 40 ≈ 100, a few more at the edges), never the whole article.
    expect(reads.rows / 60).toBeLessThan(spans.length / 10);
  });
});

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
