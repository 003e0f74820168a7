import { describe, expect, it } from "vitest";
import { anonymitySignals, anonymousVerdict } from "./anonymous-rules";
import { findCues } from "./attribution";
import { segment } from "./sentences";

function verdict(text: string) {
  const doc = segment(text);
  const s = doc.sentences[0]!;
  const cues = findCues(doc, s);
  return anonymousVerdict(doc, cues, anonymitySignals(doc, s, cues));
}

describe("anonymous-source rules", () => {
  it.each([
    ["The deal is close, people familiar with the matter said.", "anonymous.anonymity-marker"],
    ["Those who spoke on condition of anonymity claimed the talks failed.", "anonymous.anonymity-marker"],
    ["A senior aide, who was not authorized to speak publicly, said the vote was delayed.", "anonymous.anonymity-marker"],
    ["A person with direct knowledge of the talks said the deal was off.", "anonymous.anonymity-marker"],
    ["Internal memos seen by the newspaper show the plan was dropped.", "anonymous.undisclosed-documents"],
    ["Sources told Reuters the plant would close.", "anonymous.sources"],
    ["The plant will close, according to three former managers.", "anonymous.according-to-unnamed"],
    ["Diplomats said the summit had been postponed.", "anonymous.unnamed-source"],
    ["The minister reportedly threatened to resign.", "anonymous.hearsay"],
    ["The summit is said to have ended early.", "anonymous.hearsay"],
  ])("%s → %s", (text, rule) => {
    expect(verdict(text)).toMatchObject({ tag: "anonymous-source", rule });
  });

  it("lets an anonymity marker outweigh a named outlet in the same sentence", () => {
    expect(verdict("The Times reported that officials who spoke on condition of anonymity confirmed the deal.")).toMatchObject({ tag: "anonymous-source" });
  });

  it("stays silent for named sources, quotations and people who are not sources", () => {
    expect(verdict("The Interior Ministry said the border would reopen.")).toBeNull();
    expect(verdict("“Sources say anything,” the mayor said.")).toBeNull();
    expect(verdict("Officials met in Geneva last year.")).toBeNull();
    expect(verdict("Both teams were briefed on the meeting.")).toBeNull();
  });
});
