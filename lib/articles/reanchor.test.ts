import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codePointLength, sliceCodePoints } from "@/lib/anchoring/code-points";
import { textQuoteSelector } from "@/lib/anchoring/text-quote";
import { reanchor, type TAnchoredSpan } from "./reanchor";

// A real article (the Fox News seed) and real kinds of correction made to it.
const BODY = readFileSync(path.join(__dirname, "..", "..", "seed", "articles", "fox-news-2025-04-10-china-cyberattacks.txt"), "utf8");

function spanOf(id: string, quote: string, body = BODY): TAnchoredSpan {
  const u = body.indexOf(quote);
  if (u < 0) throw new Error(`not in the text: ${quote}`);
  const start = codePointLength(body.slice(0, u));
  const end = start + codePointLength(quote);
  return { id, start, end, quote, ...textQuoteSelector(body, start, end) };
}

const ANONYMOUS = "according to a Wall Street Journal report based on information from people familiar with the matter";
const CONDITION = "those who spoke on condition of anonymity";
const LATE = "the Associated Press reported";

describe("reanchor", () => {
  it("keeps every span where it is when the text did not change", () => {
    const spans = [spanOf("a", ANONYMOUS), spanOf("b", CONDITION)];
    expect(reanchor(BODY, spans)).toMatchObject({ placed: [{ id: "a", how: "unchanged" }, { id: "b", how: "unchanged" }], orphaned: [] });
  });

  it("follows a quote moved by a sentence inserted before it", () => {
    const span = spanOf("a", CONDITION);
    const inserted = "Editor's note: this story was updated on April 11 with comment from the embassy.\n\n";
    const corrected = inserted + BODY;
    const { placed, orphaned } = reanchor(corrected, [span]);
    expect(orphaned).toEqual([]);
    expect(placed[0]).toMatchObject({ id: "a", how: "moved", start: span.start + codePointLength(inserted), end: span.end + codePointLength(inserted) });
    expect(sliceCodePoints(corrected, placed[0]!.start, placed[0]!.end)).toBe(CONDITION);
  });

  it("follows a quote whose typo was fixed, taking the corrected words", () => {
    const withTypo = BODY.replace(CONDITION, "those who spoke on condtion of anonymity");
    const span = spanOf("a", "those who spoke on condtion of anonymity", withTypo);
    const { placed } = reanchor(BODY, [span]);
    expect(placed[0]).toMatchObject({ id: "a", how: "edited", exact: CONDITION });
  });

  it("follows a quote when the paragraphs around it are deleted", () => {
    const paragraphs = BODY.split("\n\n");
    const keep = paragraphs.findIndex((p) => p.includes(LATE));
    const corrected = [paragraphs[0], paragraphs[keep]].join("\n\n");
    const { placed, orphaned } = reanchor(corrected, [spanOf("late", LATE)]);
    expect(orphaned).toEqual([]);
    expect(sliceCodePoints(corrected, placed[0]!.start, placed[0]!.end)).toBe(LATE);
  });

  it("orphans a quote that was removed, and leaves the others placed", () => {
    const corrected = BODY.replace(ANONYMOUS, "according to the Wall Street Journal");
    const { placed, orphaned } = reanchor(corrected, [spanOf("gone", ANONYMOUS), spanOf("kept", CONDITION)]);
    expect(orphaned).toEqual(["gone"]);
    expect(placed.map((p) => p.id)).toEqual(["kept"]);
  });

  it("never moves a short quote to the same words elsewhere with other text around them", () => {
    const text = "The minister said the plan was sound. Critics said otherwise.\n\nLater, officials said the plan would change.";
    const span = spanOf("said", "officials said", text);
    const corrected = "The minister said the plan was sound. Critics said otherwise.";
    expect(reanchor(corrected, [span]).orphaned).toEqual(["said"]);
  });

  it("counts offsets in code points in a text with emoji and astral characters", () => {
    const text = "😀 Prefix line.\n\nThe spokesperson said the talks were productive 🇺🇸 and long.";
    const span = spanOf("a", "the talks were productive 🇺🇸", text);
    const corrected = "😀😀 A new first line.\n\n" + text;
    const { placed } = reanchor(corrected, [span]);
    expect(sliceCodePoints(corrected, placed[0]!.start, placed[0]!.end)).toBe("the talks were productive 🇺🇸");
  });
});
