import { describe, expect, it } from "vitest";
import { z } from "zod";
import { textProblem, wellFormed, ZText } from "./well-formed";

describe("textProblem", () => {
  it("accepts ordinary text: emoji, combining marks, CJK, tab, LF, CR", () => {
    for (const text of ["", "plain", "😀👩‍👩‍👧 e\u0301 naïve 日本語", "a\tb\nc\r\nd", "\u007f and \u0085 are not C0"]) {
      expect(textProblem(text)).toBeNull();
    }
  });

  it("refuses NUL and the other C0 controls, naming the code and the character position", () => {
    expect(textProblem("ab\u0000c")).toBe(
      "contains the control character U+0000 at character 3; only tab, line feed and carriage return are allowed",
    );
    for (const unit of [0x01, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f]) {
      expect(textProblem(`x${String.fromCharCode(unit)}`)).toContain("control character");
    }
  });

  it("refuses a lone high or low surrogate but not a pair, counting positions in code points", () => {
    expect(textProblem("😀\ud800")).toBe("contains a broken character (an unpaired surrogate, U+D800) at character 2");
    expect(textProblem("\udc00x")).toContain("U+DC00) at character 1");
    expect(textProblem("\ud83d\ude00")).toBeNull();
    expect(textProblem("\ude00\ud83d")).toContain("U+DE00");
  });
});

describe("ZText", () => {
  it("chains like z.string() and reports the field's path", () => {
    const schema = z.object({ title: ZText.trim().min(1).max(5) });
    expect(schema.parse({ title: "  ok  " })).toEqual({ title: "ok" });
    const failed = schema.safeParse({ title: "a\u0000" });
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.path).toEqual(["title"]);
    expect(failed.error?.issues[0]?.message).toContain("U+0000");
  });

  it("works on other string schemas through superRefine", () => {
    const url = z.url().superRefine(wellFormed);
    expect(url.safeParse("https://example.com/a\u0000").success).toBe(false);
    expect(url.safeParse("https://example.com/a").success).toBe(true);
  });
});
