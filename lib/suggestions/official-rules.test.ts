import { describe, expect, it } from "vitest";
import { anonymitySignals } from "./anonymous-rules";
import { findCues } from "./attribution";
import { officialVerdict } from "./official-rules";
import { segment } from "./sentences";

function verdict(text: string) {
  const doc = segment(text);
  const s = doc.sentences[0]!;
  const cues = findCues(doc, s);
  return officialVerdict(doc, s, cues, anonymitySignals(doc, s, cues));
}

describe("official-statement rules", () => {
  it.each([
    ["The Interior Ministry said the border would reopen on Monday.", "official.named-source"],
    ["“We are ready,” said Prime Minister Ana Costa.", "official.named-source"],
    ["Police spokesperson Lt. Dana Whitfield warned drivers to stay away.", "official.named-source"],
    ["The bridge will reopen in May, according to the transport agency.", "official.according-to-named"],
    ["The firm’s annual report shows sales fell 4%.", "official.named-document"],
  ])("%s → %s", (text, rule) => {
    expect(verdict(text)).toMatchObject({ tag: "official-statement", rule });
  });

  it("explains the source, the verb and a quotation", () => {
    expect(verdict("Former FBI Director Christopher Wray noted, “Volt Typhoon malware enabled China to hide.”")?.reason).toBe(
      'named source "Former FBI Director Christopher Wray" + reporting verb "noted" + quotation',
    );
  });

  it("yields to anonymity markers and ignores refusals", () => {
    expect(verdict("The Journal reported, citing people familiar with the matter, that talks failed.")).toBeNull();
    expect(verdict("The national security council declined to comment on the allegations.")).toBeNull();
    expect(verdict("Officials said the talks failed.")).toBeNull();
  });
});
