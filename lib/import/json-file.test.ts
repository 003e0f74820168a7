import { describe, expect, it } from "vitest";
import { jsonNestsDeeperThan } from "./json-file";

describe("jsonNestsDeeperThan", () => {
  it("counts arrays and objects, not brackets inside strings", () => {
    expect(jsonNestsDeeperThan('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(jsonNestsDeeperThan(JSON.stringify({ s: "[[[[{{{{\\\"[[[[" }), 1)).toBe(false);
  });

  it("answers for a nesting far deeper than any recursion could follow", () => {
    const deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);
    expect(jsonNestsDeeperThan(deep, 64)).toBe(true);
    expect(() => JSON.stringify(JSON.parse(deep))).toThrow(RangeError);
  });
});
