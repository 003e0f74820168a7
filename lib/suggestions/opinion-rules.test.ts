import { describe, expect, it } from "vitest";
import { opinionVerdict } from "./opinion-rules";
import { segment } from "./sentences";

const verdict = (text: string) => {
  const doc = segment(text);
  return opinionVerdict(doc, doc.sentences[0]!);
};

describe("opinion rules", () => {
  it.each([
    ["The communist regime apparently winked at its role in undermining America.", "opinion.loaded-label"],
    ["The so-called reform is a boondoggle for consultants.", "opinion.loaded-label"],
    ["The revelations came as a stark reminder of the threat.", "opinion.evaluative"],
    ["The findings raise troubling questions about the regulator.", "opinion.evaluative"],
    ["Let’s be honest about what is going on.", "opinion.appeal"],
    ["It is time for the board to go.", "opinion.appeal"],
    ["Frankly, the numbers never added up.", "opinion.stance-adverb"],
    ["The council should stop stalling and approve the lanes.", "opinion.prescriptive"],
    ["We do not doubt the gap is real.", "opinion.first-person"],
    ["Is anyone really surprised?", "opinion.rhetorical-question"],
  ])("%s → %s", (text, rule) => {
    expect(verdict(text)).toMatchObject({ tag: "opinion", rule });
  });

  it("ignores the same words inside a quotation and plain reporting", () => {
    expect(verdict("“This regime must go, and we should say so,” one protester shouted.")).toBeNull();
    expect(verdict("The council voted 7–4 to delay the bus lanes.")).toBeNull();
    expect(verdict("Why?")).toBeNull();
  });
});
