import { describe, expect, it } from "vitest";
import { findCues, mentionsOf } from "./attribution";
import { Discourse } from "./discourse";
import { segment } from "./sentences";

/** Resolves each sentence's cues in order, recording a verdict from the resolved statuses. */
function statuses(text: string) {
  const doc = segment(text);
  const discourse = new Discourse();
  return doc.sentences.map((s) => {
    const mentions = mentionsOf(doc, s);
    const cues = discourse.resolve(s.index, findCues(doc, s), mentions);
    const status = cues[0]?.status ?? null;
    discourse.record(s.index, mentions, cues, status === "named" ? "official-statement" : status === "unnamed" ? "anonymous-source" : null);
    return status;
  });
}

describe("Discourse", () => {
  it("gives a pronoun the status of the last agreeing speaker", () => {
    expect(statuses("Council member Ed Hanley said he would ask for money. “We were warned,” he said.")).toEqual(["named", "named"]);
    expect(statuses("Two officials said the plan failed. They said it was late.")).toEqual(["unnamed", "unnamed"]);
    expect(statuses("Work stopped, said the people, who requested anonymity. No decision was made, they said.")).toEqual(["unnamed", "unnamed"]);
  });

  it("lets a definite description inherit the status of the source before it", () => {
    expect(statuses("A city engineer, who asked not to be identified, said it failed. The pumps are old, the engineer said.")).toEqual(["unnamed", "unnamed"]);
    expect(statuses("Agency head Michael Regan and Jake Sullivan said the risk was real. In a letter, the two officials said it again.")).toEqual(["named", "named"]);
  });

  it("forgets after a few sentences", () => {
    const far = "Mark Ellison said it. Sales fell. Prices rose. Costs rose. Stocks fell. He added that it was fine.";
    expect(statuses(far).at(-1)).toBe("none");
  });
});
