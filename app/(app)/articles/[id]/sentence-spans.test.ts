import { describe, expect, it } from "vitest";
import { sliceCodePoints } from "@/lib/anchoring/code-points";
import { sentenceSpans } from "./sentence-spans";

function quotes(body: string): string[] {
  const spans = sentenceSpans(body);
  const out: string[] = [];
  for (let i = 0; i < spans.length; i += 2) out.push(sliceCodePoints(body, spans[i]!, spans[i + 1]!));
  return out;
}

describe("sentenceSpans", () => {
  it("cuts at sentences and line breaks, leaving out a sentence's final full stop", () => {
    expect(quotes("The ferry left at noon. Officials said it was late!\n\nA headline without a stop\nIs it over?")).toEqual([
      "The ferry left at noon",
      "Officials said it was late!",
      "A headline without a stop",
      "Is it over?",
    ]);
  });

  it("keeps a full stop inside a closing quotation mark, and an ellipsis", () => {
    expect(quotes("“We will rebuild.” The mayor paused...")).toEqual(["“We will rebuild.”", "The mayor paused..."]);
  });

  it("counts code points, so spans after an emoji still match the text", () => {
    expect(quotes("Fans cheered 😀 loudly. Officials said 🎉 nothing.")).toEqual(["Fans cheered 😀 loudly", "Officials said 🎉 nothing"]);
  });

  it("gives the same answer for the same body (cached)", () => {
    const body = "One. Two.";
    expect(sentenceSpans(body)).toBe(sentenceSpans(body));
  });
});
