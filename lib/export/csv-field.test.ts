import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvField } from "./csv-field";

const papaField = (cell: string | number) => Papa.unparse([[cell]], { delimiter: ",", newline: "\r\n", quoteChar: '"', escapeChar: '"', quotes: false, escapeFormulae: false });

describe("csvField", () => {
  it("quotes exactly what Papa.unparse quotes, and escapes it the same way", () => {
    const awkward = fc.constantFrom(",", '"', "\r", "\n", "\r\n", "\uFEFF", " ", "'", "=", "é", "😀", "\t", "a");
    const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.array(awkward, { maxLength: 8 }).map((a) => a.join("")));
    fc.assert(
      fc.property(text, (cell) => {
        expect(csvField(cell)).toBe(papaField(cell));
      }),
      { numRuns: 2000 },
    );
  });

  it("writes numbers as they are, and plain text unquoted", () => {
    expect(csvField(-3)).toBe("-3");
    expect(csvField(0)).toBe("0");
    expect(csvField("plain text")).toBe("plain text");
    expect(csvField(' she said "no", twice ')).toBe('" she said ""no"", twice "');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
  });
});
