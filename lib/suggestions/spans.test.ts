import { describe, expect, it } from "vitest";
import { utf16ToCodePoint } from "@/lib/anchoring/code-points";
import { segment } from "./sentences";
import { CodePointOffsets, shapeSpans, withoutSameTagOverlaps } from "./spans";
import type { TVerdict } from "./types";

const official: TVerdict = { tag: "official-statement", rule: "r", reason: "why" };
const opinion: TVerdict = { tag: "opinion", rule: "o", reason: "why" };

describe("CodePointOffsets", () => {
  it("agrees with utf16ToCodePoint everywhere, astral or not", () => {
    for (const text of ["plain ascii", "emoji 😀 and 🌡️ — “quotes” 💙 end"]) {
      const offsets = new CodePointOffsets(text);
      for (let u = 0; u <= text.length; u++) expect(offsets.toCodePoint(u)).toBe(utf16ToCodePoint(text, u));
    }
  });
});

describe("shapeSpans", () => {
  it("extends an attribution through the quotation it introduced, within the paragraph only", () => {
    const text = "“It came up,” said Maria Lopez. “This is the second time. We can’t go on.” Then it rained.\n“New paragraph.”";
    const doc = segment(text);
    const verdicts = doc.sentences.map((_, k) => (k === 0 ? official : null));
    const [span] = shapeSpans(doc, verdicts, doc.sentences.map(() => false));
    expect(Array.from(text).slice(span!.start, span!.end).join("")).toBe("“It came up,” said Maria Lopez. “This is the second time. We can’t go on.”");
  });

  it("counts code points, trims footnote markers and keeps the rule and reason", () => {
    const text = "😀 Intro. The regime lied.[1]\nNext.";
    const doc = segment(text);
    const verdicts = doc.sentences.map((s) => (text.slice(s.start, s.end).includes("regime") ? opinion : null));
    const spans = shapeSpans(doc, verdicts, doc.sentences.map(() => false));
    expect(spans).toHaveLength(1);
    expect(Array.from(text).slice(spans[0]!.start, spans[0]!.end).join("")).toBe("The regime lied.");
    expect(spans[0]).toMatchObject({ tag: "opinion", rule: "o", reason: "why" });
  });

  it("never lets two suggestions of the same tag overlap", () => {
    const out = withoutSameTagOverlaps([
      { start: 0, end: 10, ...opinion },
      { start: 5, end: 15, ...opinion },
      { start: 5, end: 15, ...official },
      { start: 10, end: 20, ...opinion },
    ]);
    expect(out.map((s) => [s.start, s.tag])).toEqual([
      [0, "opinion"],
      [5, "official-statement"],
      [10, "opinion"],
    ]);
  });
});
