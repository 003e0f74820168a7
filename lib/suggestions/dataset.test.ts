import { describe, expect, it } from "vitest";
import { sliceCodePoints } from "@/lib/anchoring/code-points";
import { loadDataset, SPLITS } from "./dataset";

describe("development set", () => {
  const docs = loadDataset();

  it("has the three seed articles and at least five written texts in the dev split, every tag represented", () => {
    const dev = docs.filter((d) => d.split === "dev");
    expect(dev.filter((d) => d.textPath.startsWith("seed/articles/"))).toHaveLength(3);
    expect(dev.filter((d) => d.textPath.startsWith("seed/suggestions/texts/")).length).toBeGreaterThanOrEqual(5);
    for (const split of SPLITS) {
      const tags = new Set(docs.filter((d) => d.split === split).flatMap((d) => d.spans.map((s) => s.tag)));
      expect([...tags].sort()).toEqual(["anonymous-source", "official-statement", "opinion"]);
    }
  });

  it("stores every gold quote exactly at its code-point offsets", () => {
    for (const doc of docs) {
      for (const span of doc.spans) {
        expect(sliceCodePoints(doc.body, span.start, span.end), `${doc.id} ${span.start}-${span.end}`).toBe(span.quote);
        expect(Array.from(doc.body).slice(span.start, span.end).join("")).toBe(span.quote);
      }
    }
  });

  it("never overlaps two gold spans of the same tag and keeps them trimmed", () => {
    for (const doc of docs) {
      const sorted = [...doc.spans].sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++) {
        const a = sorted[i - 1]!;
        const b = sorted[i]!;
        if (a.tag === b.tag) expect(b.start, `${doc.id} ${b.quote}`).toBeGreaterThanOrEqual(a.end);
      }
      for (const s of doc.spans) expect(s.quote.trim()).toBe(s.quote);
    }
  });
});
