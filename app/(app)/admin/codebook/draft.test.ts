import { describe, expect, it } from "vitest";
import { DEFAULT_CODEBOOK } from "@/lib/annotations/codebook";
import { draftOf, entryOf, fieldLabel, isChanged } from "./draft";

const opinion = DEFAULT_CODEBOOK.opinion;

describe("the codebook form's draft", () => {
  it("sends back the entry it was made from, unchanged", () => {
    expect(entryOf(draftOf(opinion))).toEqual(opinion);
    expect(isChanged(draftOf(opinion), opinion)).toBe(false);
  });

  it("counts an edit, a new row or a removed row as a change, but not spaces at either end", () => {
    const draft = draftOf(opinion);
    expect(isChanged({ ...draft, definition: `${draft.definition}  ` }, opinion)).toBe(false);
    expect(isChanged({ ...draft, definition: "New wording." }, opinion)).toBe(true);
    expect(isChanged({ ...draft, notThis: draft.notThis.slice(1) }, opinion)).toBe(true);
    expect(isChanged({ ...draft, moreExamples: [...draft.moreExamples, { key: "k", quote: "", why: "" }] }, opinion)).toBe(true);
  });

  it("leaves a blank why out", () => {
    const draft = draftOf(opinion);
    draft.moreExamples[0]!.why = "  ";
    expect(entryOf(draft).moreExamples[0]).toEqual({ quote: opinion.moreExamples[0]!.quote });
  });

  it("names the API's field paths in the form's words", () => {
    expect(fieldLabel("definition")).toBe("Definition");
    expect(fieldLabel("moreExamples")).toBe("Further examples");
    expect(fieldLabel("moreExamples.1.quote")).toBe("Example 2, quote");
    expect(fieldLabel("notThis.0")).toBe("Case 1");
  });
});
