import { describe, expect, it } from "vitest";
import { insertMention, matchMembers, mentionQuery, mentionSegments, type TMember } from "./mentions";

const members: TMember[] = [
  { id: "1", name: "Ana Annotator", email: "ana@example.com" },
  { id: "2", name: "Ben Reviewer", email: "ben@example.com" },
  { id: "3", name: "Cara Lead", email: "cara@example.com" },
  { id: "4", name: "Benedikt", email: "bd@example.com" },
];

describe("mentionQuery", () => {
  it("finds the @ being typed at the caret, at the start or after a space", () => {
    expect(mentionQuery("@be", 3)).toEqual({ start: 0, query: "be" });
    expect(mentionQuery("thanks @Ben Re", 14)).toEqual({ start: 7, query: "Ben Re" });
    expect(mentionQuery("(@", 2)).toEqual({ start: 1, query: "" });
  });

  it("reads only up to the caret", () => {
    expect(mentionQuery("hi @ben and more", 7)).toEqual({ start: 3, query: "ben" });
  });

  it("ignores an @ inside a word such as an email, across a line break, or with none typed", () => {
    expect(mentionQuery("mail ana@example", 16)).toBeNull();
    expect(mentionQuery("@ben\nnext", 9)).toBeNull();
    expect(mentionQuery("no mention", 10)).toBeNull();
    expect(mentionQuery(`@${"x".repeat(61)}`, 62)).toBeNull();
  });
});

describe("matchMembers", () => {
  it("matches a name, a later word of a name, or an email, ignoring case, names first", () => {
    expect(matchMembers(members, "ben").map((m) => m.id)).toEqual(["2", "4"]);
    expect(matchMembers(members, "REV").map((m) => m.id)).toEqual(["2"]);
    expect(matchMembers(members, "bd@").map((m) => m.id)).toEqual(["4"]);
    expect(matchMembers(members, "").map((m) => m.id)).toEqual(["1", "2", "3", "4"]);
  });

  it("matches nothing once the whole name and a space are typed, and keeps to the limit", () => {
    expect(matchMembers(members, "Ben Reviewer ")).toEqual([]);
    expect(matchMembers(members, "", 2)).toHaveLength(2);
  });
});

describe("insertMention", () => {
  it("replaces the query with @Name and a space and puts the caret after it", () => {
    const text = "thanks @be, see";
    expect(insertMention(text, { start: 7, query: "be" }, 10, "Ben Reviewer")).toEqual({ text: "thanks @Ben Reviewer , see", caret: 21 });
    expect(insertMention("@c", { start: 0, query: "c" }, 2, "Cara Lead")).toEqual({ text: "@Cara Lead ", caret: 11 });
  });

  it("does not double the space when one already follows", () => {
    expect(insertMention("@b more", { start: 0, query: "b" }, 2, "Ben Reviewer").text).toBe("@Ben Reviewer more");
  });
});

describe("mentionSegments", () => {
  it("marks mentions by name or email, the longest name that fits", () => {
    expect(mentionSegments("ask @Ben Reviewer and @cara@example.com.", members)).toEqual([
      { text: "ask ", mention: false },
      { text: "@Ben Reviewer", mention: true },
      { text: " and ", mention: false },
      { text: "@cara@example.com", mention: true },
      { text: ".", mention: false },
    ]);
  });

  it("leaves alone an @ that names nobody, runs into a longer word, or sits inside an address", () => {
    const text = "@nobody @Benedikts mail x@Ben Reviewer";
    expect(mentionSegments(text, members)).toEqual([{ text, mention: false }]);
  });

  it("handles a mention at the very end and text without any", () => {
    expect(mentionSegments("@Benedikt", members)).toEqual([{ text: "@Benedikt", mention: true }]);
    expect(mentionSegments("", members)).toEqual([]);
  });
});
