import { describe, expect, it } from "vitest";
import { parseMentions } from "./parse-mentions";

const TEAM = [
  { id: "ana", name: "Ana Admin", email: "ana@example.com" },
  { id: "ann", name: "Ann", email: "ann@example.com" },
  { id: "annlee", name: "Ann Lee", email: "lee@example.com" },
  { id: "ben", name: "Ben", email: "ben@example.com" },
  { id: "zoe", name: "Zoë", email: "zoe@example.com" },
];

describe("parseMentions", () => {
  it("finds a mention at the start and after a space, case-insensitively", () => {
    expect(parseMentions("@ben look at this, @ANA ADMIN", TEAM)).toEqual({ userIds: ["ben", "ana"], unknown: [] });
  });

  it("finds a mention after punctuation", () => {
    expect(parseMentions("(cc @Ben), and:@ann!", TEAM)).toEqual({ userIds: ["ben", "ann"], unknown: [] });
  });

  it("lets the longest name win", () => {
    expect(parseMentions("@Ann Lee agrees", TEAM).userIds).toEqual(["annlee"]);
    expect(parseMentions("@Ann, Lee agrees", TEAM).userIds).toEqual(["ann"]);
  });

  it("accepts a teammate's email", () => {
    expect(parseMentions("ask @BEN@example.com.", TEAM)).toEqual({ userIds: ["ben"], unknown: [] });
  });

  it("ignores the @ inside an email address", () => {
    expect(parseMentions("write to someone@ben.org or first.last@ann.net", TEAM)).toEqual({ userIds: [], unknown: [] });
  });

  it("ignores an @ followed by a space or nothing", () => {
    expect(parseMentions("meet @ 5pm, or @", TEAM)).toEqual({ userIds: [], unknown: [] });
  });

  it("does not stop inside a longer word", () => {
    expect(parseMentions("@Benjamin said so", TEAM)).toEqual({ userIds: [], unknown: ["@Benjamin"] });
  });

  it("reports unknown mentions as written, each once, without trailing punctuation", () => {
    expect(parseMentions("@bob, @bob. and @carol@x.org! @ben", TEAM)).toEqual({ userIds: ["ben"], unknown: ["@bob", "@carol@x.org"] });
  });

  it("mentions each teammate once and reads names beyond ASCII", () => {
    expect(parseMentions("@zoë and @Ben and @ben again", TEAM)).toEqual({ userIds: ["zoe", "ben"], unknown: [] });
  });

  it("mentions both teammates who share a name", () => {
    const twins = [...TEAM, { id: "ben2", name: "Ben", email: "ben2@example.com" }];
    expect(parseMentions("@Ben", twins).userIds).toEqual(["ben", "ben2"]);
  });

  it("reads a reply full of @ signs without a mention in it", () => {
    const big = Array.from({ length: 500 }, (_, i) => ({ id: `u${i}`, name: `Member Number ${i}`, email: `m${i}@example.com` }));
    expect(parseMentions("@".repeat(4000), big)).toEqual({ userIds: [], unknown: [] });
    expect(parseMentions("@ ".repeat(2000), big)).toEqual({ userIds: [], unknown: [] });
    expect(parseMentions("@member number 499 and @MEMBER NUMBER 4", big).userIds).toEqual(["u499", "u4"]);
  });
});
