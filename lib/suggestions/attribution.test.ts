import { describe, expect, it } from "vitest";
import { findCues, phraseText } from "./attribution";
import { segment } from "./sentences";

function cues(text: string) {
  const doc = segment(text);
  return doc.sentences.flatMap((s) =>
    findCues(doc, s).map((c) => ({ type: c.type, words: c.words, status: c.status, source: c.source ? phraseText(doc, c.source) : null })),
  );
}

describe("findCues", () => {
  it("finds the subject of a reporting verb past appositives, relative clauses and leading adverbials", () => {
    expect(cues("Dakota Cary, a China expert at the firm SentinelOne, told the Wall Street Journal that it was so.")).toEqual([
      { type: "reporting-verb", words: "told", status: "named", source: "Dakota Cary" },
    ]);
    expect(cues("In a written statement, the Department of Health said it takes complaints seriously.")[0]).toMatchObject({ source: "the Department of Health", status: "named" });
    expect(cues("Two executives at major carriers, who declined to be identified, said ships were diverted.")[0]).toMatchObject({ source: "Two executives", status: "unnamed" });
    expect(cues("Prices rose, as Pentagon officials vowed to retaliate.")[0]).toMatchObject({ source: "Pentagon officials", status: "unnamed" });
  });

  it("reads inverted attributions after a quotation and pronoun subjects", () => {
    expect(cues("“It came up like a fountain,” said Maria Lopez, who lives there.")[0]).toMatchObject({ source: "Maria Lopez", status: "named" });
    expect(cues("“Nobody came,” she said.")[0]).toMatchObject({ source: "she", status: "pronoun" });
  });

  it("handles 'according to' with named and unnamed sources", () => {
    expect(cues("Sales fell, according to the company’s annual report.")[0]).toMatchObject({ type: "according-to", status: "named" });
    expect(cues("Sales fell, according to two people present.")[0]).toMatchObject({ type: "according-to", status: "unnamed" });
    expect(cues("China admitted it, according to reports.").find((c) => c.type === "according-to")).toMatchObject({ status: "unnamed" });
  });

  it("turns passive hearsay and hedges into unnamed cues", () => {
    expect(cues("The meeting is said to have taken place in Geneva.")).toEqual([{ type: "hearsay", words: "is said to", status: "unnamed", source: null }]);
    expect(cues("The Chancellor is understood to be considering it.")[0]).toMatchObject({ type: "hearsay" });
    expect(cues("Wang reportedly indicated that the hacks were a warning.").every((c) => c.status === "unnamed")).toBe(true);
  });

  it("ignores refusals, passives, hypotheticals and noun uses", () => {
    expect(cues("The State Department did not comment on the meeting.")).toEqual([]);
    expect(cues("No injuries were reported.")).toEqual([]);
    expect(cues("The White House did not respond to a request for comment.")).toEqual([]);
    expect(cues("An official would acknowledge the attacks only if told to do so.")).toEqual([]);
    expect(cues("Residents can report flooding by calling 311.")).toEqual([]);
  });

  it("counts publishing a statement and posting on a platform as saying", () => {
    expect(cues("The agencies issued a joint advisory in 2023.")[0]).toMatchObject({ status: "named" });
    expect(cues("Mayor Janelle Brooks posted on Facebook: “Stay home.”")[0]).toMatchObject({ source: "Mayor Janelle Brooks", status: "named" });
  });

  it("never reads cues inside quotations", () => {
    expect(cues("“Officials told us nothing,” the mayor said.").map((c) => c.source)).toEqual(["the mayor"]);
  });
});
