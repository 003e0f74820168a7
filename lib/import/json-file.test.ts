import { describe, expect, it } from "vitest";
import { jsonShape } from "./json-file";

describe("jsonShape", () => {
  it("counts arrays and objects, not brackets inside strings", () => {
    expect(jsonShape('{"a":[{"b":1}]}', 3, 10)).toBe("ok");
    expect(jsonShape('{"a":[{"b":[1]}]}', 3, 10)).toBe("tooDeep");
    expect(jsonShape(JSON.stringify({ s: "[[[[{{{{\\\"[[[[" }), 1, 10)).toBe("ok");
    expect(jsonShape("[[],[],[],[]]", 5, 4)).toBe("tooMany");
  });

  it("answers for a nesting far deeper than any recursion could follow", () => {
    const deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);
    expect(jsonShape(deep, 64, Infinity)).toBe("tooDeep");
    expect(() => JSON.stringify(JSON.parse(deep))).toThrow(RangeError);
  });
});
