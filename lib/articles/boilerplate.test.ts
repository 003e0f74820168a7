import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { removeBoilerplate } from "./boilerplate";

const SEED = path.join(__dirname, "..", "..", "seed", "articles");

describe("removeBoilerplate", () => {
  it("takes the furniture off a real captured page and leaves every sentence of the article", () => {
    const raw = readFileSync(path.join(SEED, "blaze-2025-04-chinese-official-avows.txt"), "utf8");
    const title = "Chinese official avows Beijing is behind cyberattacks on US, identifies motive: Report";
    const { text, removed } = removeBoilerplate(raw, title);
    expect(removed.map((r) => r.reason)).toEqual(
      expect.arrayContaining(["copyright line", "photo credit", "repeated headline", "newsletter prompt", "page prompt"]),
    );
    expect(removed.map((r) => r.text)).toEqual(
      expect.arrayContaining(["© 2025 Blaze Media LLC. All rights reserved.", "Photo by Kevin Frayer/Getty Images", "Want to leave a tip?", "Already a subscriber?"]),
    );
    expect(text.startsWith("The communist regime apparently winked at its role in undermining America.")).toBe(true);
    // Every line that is not furniture is still there, in order.
    const kept = raw.split("\n").filter((l) => l.trim() && !removed.some((r) => r.text === l.trim()));
    expect(text.split("\n").filter((l) => l.trim())).toEqual(kept);
  });

  it("removes link lists and the trailing Comments of another capture", () => {
    const raw = readFileSync(path.join(SEED, "redsky-telegraph-2025-04-11-china-admits.txt"), "utf8");
    const { text, removed } = removeBoilerplate(raw);
    expect(removed.map((r) => r.text)).toEqual(expect.arrayContaining(["- Website: https://www.redskyalliance.com/", "Comments"]));
    expect(text).toContain("US officials were said to have been shocked");
    expect(text.trimEnd().endsWith("Comments")).toBe(false);
  });

  it("leaves an article without furniture exactly as it was", () => {
    const raw = "Officials said the vote passed.\n\nA spokesperson declined to comment.\n";
    expect(removeBoilerplate(raw, "Vote passes")).toEqual({ text: raw, removed: [] });
  });

  it("never removes a long line, even one that mentions a newsletter or a copyright", () => {
    const long = `The company said its newsletter, which readers can sign up for online, had reached ${"many ".repeat(30)}people.`;
    expect(removeBoilerplate(`${long}\n\nCopyright law was at the heart of the case, the judge wrote in a ruling that ran to many pages and surprised observers.`).removed).toEqual([]);
  });
});
