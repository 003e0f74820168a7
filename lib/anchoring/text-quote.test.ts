import { describe, expect, it } from "vitest";
import { textQuoteSelector } from "./text-quote";

describe("textQuoteSelector", () => {
  it("takes 32 code points of context each side", () => {
    const body = "a".repeat(40) + "QUOTE" + "b".repeat(40);
    const s = textQuoteSelector(body, 40, 45);
    expect(s).toEqual({ exact: "QUOTE", prefix: "a".repeat(32), suffix: "b".repeat(32) });
  });

  it("takes fewer at the edges", () => {
    expect(textQuoteSelector("Hello world", 0, 5)).toEqual({ exact: "Hello", prefix: "", suffix: " world" });
    expect(textQuoteSelector("Hello world", 6, 11)).toEqual({ exact: "world", prefix: "Hello ", suffix: "" });
  });

  it("counts astral characters as one code point", () => {
    const body = "😀".repeat(40) + "x" + "😀".repeat(40);
    const s = textQuoteSelector(body, 40, 41);
    expect(s.exact).toBe("x");
    expect(Array.from(s.prefix)).toHaveLength(32);
    expect(Array.from(s.suffix)).toHaveLength(32);
  });
});
