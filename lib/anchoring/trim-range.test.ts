import { describe, expect, it } from "vitest";
import { CodePointIndex } from "./code-points";
import { trimRange } from "./trim-range";

describe("trimRange", () => {
  const index = new CodePointIndex("  😀 hello\n\nworld  ");
  it("drops leading and trailing whitespace, counting code points", () => {
    expect(trimRange(index, 0, 10)).toEqual({ start: 2, end: 9 });
    expect(index.slice(2, 9)).toBe("😀 hello");
  });
  it("keeps inner paragraph breaks", () => {
    const r = trimRange(index, 3, 19)!;
    expect(index.slice(r.start, r.end)).toBe("hello\n\nworld");
  });
  it("ignores a whitespace-only selection", () => {
    expect(trimRange(index, 9, 11)).toBeNull();
    expect(trimRange(index, 5, 5)).toBeNull();
  });
  it("accepts a backwards range", () => {
    expect(trimRange(index, 10, 0)).toEqual({ start: 2, end: 9 });
  });
});
