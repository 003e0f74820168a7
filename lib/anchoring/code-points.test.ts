import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CodePointIndex,
  codePointLength,
  codePointToUtf16,
  sliceCodePoints,
  utf16ToCodePoint,
} from "./code-points";

const pyslice = (s: string, a: number, b: number) => Array.from(s).slice(a, b).join("");

describe("code points vs UTF-16", () => {
  const cases: Array<[string, string]> = [
    ["plain ASCII", "plain text"],
    ["curly quotes and em dash", "“Quote” — it’s here"],
    ["emoji (astral)", "a😀b🇺🇸c"],
    ["combining marks", "cafe\u0301 nai\u0308ve"],
    ["CRLF", "line one\r\nline two\r\n"],
    ["mathematical astral letters", "𝒜𝒷𝒸 x"],
  ];

  it.each(cases)("%s: length, slices and round trips agree with Array.from", (_name, text) => {
    const cps = Array.from(text);
    expect(codePointLength(text)).toBe(cps.length);
    const index = new CodePointIndex(text);
    expect(index.length).toBe(cps.length);
    for (let a = 0; a <= cps.length; a++) {
      for (let b = a; b <= cps.length; b++) {
        expect(sliceCodePoints(text, a, b)).toBe(pyslice(text, a, b));
        expect(index.slice(a, b)).toBe(pyslice(text, a, b));
      }
      const u = codePointToUtf16(text, a);
      expect(index.utf16(a)).toBe(u);
      expect(utf16ToCodePoint(text, u)).toBe(a);
    }
  });

  it("rounds a UTF-16 offset inside a surrogate pair down to the pair's start", () => {
    const text = "x😀y";
    expect(utf16ToCodePoint(text, 2)).toBe(1);
    expect(utf16ToCodePoint(text, 3)).toBe(2);
  });

  it("clamps out-of-range offsets", () => {
    expect(codePointToUtf16("ab😀", 99)).toBe(4);
    expect(utf16ToCodePoint("ab😀", 99)).toBe(3);
    expect(codePointToUtf16("ab", -3)).toBe(0);
  });

  it("agrees with Array.from on every seed article", () => {
    const dir = path.resolve(__dirname, "../../seed/articles");
    for (const file of ["fox-news-2025-04-10-china-cyberattacks.txt", "blaze-2025-04-chinese-official-avows.txt", "redsky-telegraph-2025-04-11-china-admits.txt"]) {
      const body = readFileSync(path.join(dir, file), "utf8");
      const cps = Array.from(body);
      expect(codePointLength(body)).toBe(cps.length);
      const i = body.indexOf("’");
      if (i >= 0) expect(sliceCodePoints(body, utf16ToCodePoint(body, i), utf16ToCodePoint(body, i) + 1)).toBe("’");
    }
  });
});
