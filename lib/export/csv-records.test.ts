import { describe, expect, it } from "vitest";
import { csvRecords, MAX_CSV_FIELDS } from "./csv-records";

const all = (text: string) => [...csvRecords(text)];

describe("csvRecords", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, and the line each record starts on", () => {
    expect(all('a,b\r\n"x, ""y""","1\r\n2"\r\n\r\nlast,\r\n')).toEqual([
      { line: 1, fields: ["a", "b"], problems: [] },
      { line: 2, fields: ['x, "y"', "1\r\n2"], problems: [] },
      { line: 5, fields: ["last", ""], problems: [] },
    ]);
  });

  it("takes the first line break as the row separator; others in unquoted fields are text", () => {
    expect(all("a,b\nc\rd,e\n")).toEqual([
      { line: 1, fields: ["a", "b"], problems: [] },
      { line: 2, fields: ["c\rd", "e"], problems: [] },
    ]);
  });

  it("reports unterminated and malformed quotes", () => {
    expect(all('a\r\n"open')).toEqual([
      { line: 1, fields: ["a"], problems: [] },
      { line: 2, fields: ["open"], problems: ["Quoted field unterminated"] },
    ]);
    expect(all('"ab"c,d\r\n')[0]).toEqual({ line: 1, fields: ["abc", "d"], problems: ["Trailing quote on quoted field is malformed"] });
  });

  it("keeps at most MAX_CSV_FIELDS fields of a record made of nothing but commas", () => {
    const [record] = all(",".repeat(1_000_000));
    expect(record?.fields).toHaveLength(MAX_CSV_FIELDS);
    expect(record?.problems).toEqual([`more than ${MAX_CSV_FIELDS} fields`]);
  });

  it("is lazy: taking the first records of a huge file reads no further", () => {
    const records = csvRecords("h\r\n" + "row\r\n".repeat(2_000_000));
    expect(records.next().value).toEqual({ line: 1, fields: ["h"], problems: [] });
    expect(records.next().value).toEqual({ line: 2, fields: ["row"], problems: [] });
  });
});
