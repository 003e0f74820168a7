import { describe, expect, it } from "vitest";
import { loadDataset } from "./dataset";
import { suggestSpans } from "./suggest";

const slice = (body: string, s: { start: number; end: number }) => Array.from(body).slice(s.start, s.end).join("");

describe("suggestSpans", () => {
  it("tags a short mixed story sentence by sentence, with rule and reason", () => {
    const body =
      "Ministers met on Monday. The deal is off, people familiar with the talks said. " +
      "“We remain committed,” Foreign Minister Ana Costa told reporters. " +
      "Frankly, the whole affair has been a fiasco.";
    const out = suggestSpans(body);
    expect(out.map((s) => [s.tag, slice(body, s)])).toEqual([
      ["anonymous-source", "The deal is off, people familiar with the talks said."],
      ["official-statement", "“We remain committed,” Foreign Minister Ana Costa told reporters."],
      ["opinion", "Frankly, the whole affair has been a fiasco."],
    ]);
    for (const s of out) {
      expect(s.rule).toMatch(/^(anonymous|official|opinion)\./);
      expect(s.reason.length).toBeGreaterThan(5);
    }
  });

  it("counts offsets in code points through emoji before the span", () => {
    const body = "😀😀 Fans cheered. 🌡️ Officials said the heat would last.";
    const [s] = suggestSpans(body);
    expect(slice(body, s!)).toBe("Officials said the heat would last.");
    expect(s!.start).toBe(Array.from("😀😀 Fans cheered. 🌡️ ").length);
  });

  it("is deterministic and never overlaps two suggestions of one tag", () => {
    for (const doc of loadDataset()) {
      const a = suggestSpans(doc.body);
      expect(suggestSpans(doc.body)).toEqual(a);
      for (let i = 1; i < a.length; i++) {
        for (let j = 0; j < i; j++) if (a[i]!.tag === a[j]!.tag) expect(a[i]!.start >= a[j]!.end || a[j]!.start >= a[i]!.end).toBe(true);
      }
    }
  });

  it("skips page boilerplate and empty bodies", () => {
    expect(suggestSpans("")).toEqual([]);
    expect(suggestSpans("Like our news? Bypass the censors and sign up for our newsletter!\nWant to leave a tip?")).toEqual([]);
  });

  it("handles a 100,000-character body in well under a second", () => {
    const base = loadDataset().find((d) => d.id.startsWith("blaze"))!.body;
    let body = "";
    while (body.length < 100_000) body += `${base}\n\n😀 `;
    suggestSpans(body.slice(0, 5000));
    const started = performance.now();
    const out = suggestSpans(body);
    const ms = performance.now() - started;
    expect(out.length).toBeGreaterThan(100);
    expect(ms).toBeLessThan(1500); // ~100 ms on an idle machine; generous for loaded CI
  });

  it("survives a body with no sentence punctuation at all", () => {
    const body = `${"word ".repeat(20_000)}officials said so`;
    expect(() => suggestSpans(body)).not.toThrow();
  });
});
