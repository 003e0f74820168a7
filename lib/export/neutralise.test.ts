import { describe, expect, it } from "vitest";
import { neutraliseCell, neutraliseText, startsLikeFormula } from "./neutralise";

describe("neutraliseText", () => {
  it.each(["=", "+", "-", "@", "\t", "\r"])("prefixes a quote to text starting with %j", (trigger) => {
    expect(neutraliseText(`${trigger}1+2`)).toBe(`'${trigger}1+2`);
  });

  it("catches a multi-line formula (Papa's escapeFormulae regex misses it)", () => {
    expect(neutraliseText('=HYPERLINK("https://evil.example","click")\nsecond line')).toBe(
      `'=HYPERLINK("https://evil.example","click")\nsecond line`,
    );
    expect(neutraliseText("\r\nstarts with CRLF")).toBe("'\r\nstarts with CRLF");
  });

  it("leaves other text alone, including triggers that are not first and a leading LF or space", () => {
    for (const text of ["", "a=b", "1-2", "'=already quoted", "\nline", " =spaced", "＝fullwidth", "😀=x"]) {
      expect(neutraliseText(text)).toBe(text);
    }
  });

  it("agrees with startsLikeFormula", () => {
    expect(startsLikeFormula("@SUM(A1)")).toBe(true);
    expect(startsLikeFormula("SUM(A1)")).toBe(false);
    expect(startsLikeFormula("")).toBe(false);
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
