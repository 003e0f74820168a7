import { describe, expect, it } from "vitest";
import { neutraliseCell, neutraliseText, startsLikeFormula } from "./neutralise";

describe("neutraliseText", () => {
  it.each(["=", "+", "-", "@", "\t", "\r", "\n", "\uFEFF", "＝", "＋", "－", "＠"])("prefixes a quote to text starting with %j", (trigger) => {
    expect(neutraliseText(`${trigger}1+2`)).toBe(`'${trigger}1+2`);
  });

  it("catches a multi-line formula (Papa's escapeFormulae regex misses it)", () => {
    expect(neutraliseText('=HYPERLINK("https://evil.example","click")\nsecond line')).toBe(
      `'=HYPERLINK("https://evil.example","click")\nsecond line`,
    );
    expect(neutraliseText("\r\nstarts with CRLF")).toBe("'\r\nstarts with CRLF");
  });

  it.each([" =1+1", "   @SUM(A1)", "\u00A0-2+3", "\u3000＝1+1", "\u200B=1+1", "\u2060\u200D+1", " \uFEFF=1", "\v=1", "\f+1"])(
    "neutralises a trigger behind a leading run of whitespace or zero-width characters: %j",
    (text) => {
      expect(neutraliseText(text)).toBe(`'${text}`);
    },
  );

  it("leaves other text alone, including triggers that are not first and leading spaces before plain text", () => {
    for (const text of ["", "a=b", "1-2", "'=already quoted", " plain", "  two words", "\u200Bzero width", "😀=x", "x\n=y"]) {
      expect(neutraliseText(text)).toBe(text);
    }
  });

  it("agrees with startsLikeFormula", () => {
    expect(startsLikeFormula("@SUM(A1)")).toBe(true);
    expect(startsLikeFormula("\nline")).toBe(true);
    expect(startsLikeFormula("SUM(A1)")).toBe(false);
    expect(startsLikeFormula("")).toBe(false);
    expect(startsLikeFormula("   ")).toBe(false);
  });
});

describe("neutraliseCell", () => {
  it("never touches numbers, negative ones included", () => {
    expect(neutraliseCell(-3)).toBe(-3);
    expect(neutraliseCell(0)).toBe(0);
  });

  it("neutralises strings, even numeric-looking ones", () => {
    expect(neutraliseCell("-3")).toBe("'-3");
  });
});
