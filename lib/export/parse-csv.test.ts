import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STATUSES, TAGS } from "@/lib/annotations/tags";
import { CSV_COLUMNS, type TExportRow } from "./columns";
import { BOM, csvHeader, csvRows } from "./csv";
import { checkHeader, parseAnnotationCsv, type TCsvRecord } from "./parse-csv";
import { exportRow } from "@/test/support/export-rows";

/** A row whose offsets fit its quote, as the database guarantees. */
function consistentRow(overrides: Partial<TExportRow> = {}): TExportRow {
  const row = exportRow(overrides);
  return { ...row, end: row.start + Array.from(row.quote).length };
}

function records(text: string): TCsvRecord[] {
  const parsed = parseAnnotationCsv(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return [...parsed.records];
}

function rawFile(rows: TExportRow[]): string {
  return csvHeader() + csvRows(rows, { raw: true });
}

/** Replaces one cell of the single data row of a raw export. */
function withCell(column: (typeof CSV_COLUMNS)[number], value: string): string {
  const cells = CSV_COLUMNS.map((name) => (name === column ? value : cellOf(name)));
  return `${csvHeader()}${cells.join(",")}\r\n`;
}

function cellOf(column: (typeof CSV_COLUMNS)[number]): string {
  const line = csvRows([consistentRow()], { raw: true }).replace(/\r\n$/, "");
  return line.split(",")[CSV_COLUMNS.indexOf(column)] ?? "";
}

describe("parseAnnotationCsv", () => {
  it("reads back a raw export exactly, with a missing outlet as null", () => {
    const rows = [
      consistentRow(),
      consistentRow({
        annotationId: "ann_2",
        outlet: null,
        quote: "=SUM(A1) “curly” 😀, \"quoted\"",
        note: "-a note\r\nover lines",
        tag: "official-statement",
        status: "rejected",
        agreeCount: 1,
        disagreeCount: 3,
      }),
    ];
    expect(records(rawFile(rows))).toEqual([
      { line: 2, ok: true, row: rows[0] },
      { line: 3, ok: true, row: rows[1] },
    ]);
  });

  it("accepts a leading byte order mark (excel=1) and LF line ends", () => {
    const row = consistentRow();
    expect(records(BOM + rawFile([row]))).toEqual([{ line: 2, ok: true, row }]);
    expect(records(rawFile([row]).replace(/\r\n/g, "\n"))).toEqual([{ line: 2, ok: true, row }]);
  });

  it("accepts a file without a final line break, and a header with no records", () => {
    const row = consistentRow();
    expect(records(rawFile([row]).replace(/\r\n$/, ""))).toEqual([{ line: 2, ok: true, row }]);
    expect(records(csvHeader())).toEqual([]);
  });

  it("gives the line each record starts on, counting line breaks inside quoted fields", () => {
    const rows = [
      consistentRow({ annotationId: "one", quote: "a\r\nb\r\nc" }), // lines 2-4
      consistentRow({ annotationId: "two", note: "x\ny" }), // lines 5-6
      consistentRow({ annotationId: "three", quote: "\r" }), // lines 7-8
      consistentRow({ annotationId: "four" }), // line 9
    ];
    const result = records(rawFile(rows));
    expect(result.map((record) => record.line)).toEqual([2, 5, 7, 9]);
    expect(result.every((record) => record.ok)).toBe(true);
  });

  it("keeps counting lines past blank lines and invalid records", () => {
    const good = csvRows([consistentRow({ note: "multi\nline" })], { raw: true });
    const text = `${csvHeader()}\r\n${good}not,enough,fields\r\n${good}`;
    expect(records(text).map(({ line, ok }) => ({ line, ok }))).toEqual([
      { line: 3, ok: true },
      { line: 5, ok: false },
      { line: 6, ok: true },
    ]);
  });

  describe("header", () => {
    it("refuses an empty file", () => {
      expect(parseAnnotationCsv("")).toMatchObject({ ok: false, error: { code: "EMPTY_FILE" } });
      expect(parseAnnotationCsv(BOM)).toMatchObject({ ok: false, error: { code: "EMPTY_FILE" } });
    });

    it("names missing and unexpected columns", () => {
      const header = [...CSV_COLUMNS.filter((c) => c !== "note" && c !== "status"), "comment"];
      const parsed = parseAnnotationCsv(`${header.join(",")}\r\n`);
      expect(parsed).toEqual({
        ok: false,
        error: {
          code: "BAD_HEADER",
          message: expect.stringContaining('(missing note, status; unexpected "comment")'),
          missing: ["note", "status"],
          unexpected: ["comment"],
        },
      });
    });

    it("treats a duplicated column as unexpected", () => {
      expect(checkHeader([...CSV_COLUMNS, "tag"])).toMatchObject({ missing: [], unexpected: ["tag"] });
    });

    it("refuses the right columns in the wrong order", () => {
      const swapped = [...CSV_COLUMNS.slice(1), CSV_COLUMNS[0] ?? ""];
      expect(checkHeader(swapped)).toMatchObject({
        code: "BAD_HEADER",
        message: expect.stringContaining("the columns are in a different order"),
        missing: [],
        unexpected: [],
      });
    });

    it("is case- and space-sensitive", () => {
      expect(checkHeader(CSV_COLUMNS.map((c) => (c === "tag" ? "Tag" : c)))).toMatchObject({
        missing: ["tag"],
        unexpected: ["Tag"],
      });
    });

    it("accepts exactly CSV_COLUMNS", () => {
      expect(checkHeader(CSV_COLUMNS)).toBeNull();
    });
  });

  describe("record validation", () => {
    it.each([
      ["tag", "propaganda", "must be one of anonymous-source, official-statement, opinion"],
      ["status", "done", "must be one of pending, accepted, rejected"],
      ["start", "1.5", "must be a whole number"],
      ["start", "-1", "must be a whole number"],
      ["agree_count", "", "must be a whole number"],
      ["disagree_count", "99999999999999999999", "is too large"],
      ["created_at", "25/11/2026", "must be an ISO 8601 date-time"],
      ["annotator_email", "alice", "must be an email address, or empty"],
      ["annotation_id", "", "must not be empty"],
    ] as const)("reports %s = %j", (column, value, message) => {
      expect(records(withCell(column, value))).toEqual([{ line: 2, ok: false, errors: [{ column, message }] }]);
    });

    it("requires start < end", () => {
      expect(records(withCell("end", "10"))).toEqual([
        { line: 2, ok: false, errors: [{ column: "end", message: "must be greater than start" }] },
      ]);
    });

    it("requires the quote to be as long as its offsets say, in code points", () => {
      const emoji = consistentRow({ quote: "😀😀" }); // 2 code points, 4 UTF-16 units
      expect(records(rawFile([emoji]))).toEqual([{ line: 2, ok: true, row: emoji }]);
      expect(records(withCell("quote", "hell"))).toEqual([
        { line: 2, ok: false, errors: [{ column: "quote", message: "is 4 code points long but end - start is 5" }] },
      ]);
    });

    it("recognises a spreadsheet-safe (not raw) export by its quote", () => {
      const text = csvHeader() + csvRows([consistentRow({ quote: "=1+1" })], { raw: false });
      expect(records(text)).toEqual([
        {
          line: 2,
          ok: false,
          errors: [
            {
              column: "quote",
              message:
                "is 5 code points long but end - start is 4 (this looks like a spreadsheet-safe export: export again with raw=1)",
            },
          ],
        },
      ]);
    });

    it("reports every bad field of a record, not just the first", () => {
      const cells = cellOfAll({ tag: "x", status: "y", created_at: "z" });
      expect(records(`${csvHeader()}${cells}\r\n`)).toEqual([
        {
          line: 2,
          ok: false,
          errors: [
            { column: "tag", message: expect.any(String) },
            { column: "status", message: expect.any(String) },
            { column: "created_at", message: expect.any(String) },
          ],
        },
      ]);
    });

    it("reports a record with the wrong number of fields", () => {
      expect(records(`${csvHeader()}a,b,c\r\n`)).toEqual([
        { line: 2, ok: false, errors: [{ column: null, message: "has 3 fields; expected 16" }] },
      ]);
    });

    it("reports an unterminated quoted field", () => {
      const [record] = records(`${csvHeader()}${cellOfAll({ quote: '"never closed' })}\r\n`);
      expect(record).toMatchObject({ line: 2, ok: false });
      expect(record?.ok === false && record.errors[0]).toEqual({
        column: null,
        message: "malformed CSV: Quoted field unterminated",
      });
    });
  });

  it("reads back generated raw exports exactly, with the right line numbers", () => {
    const tricky = fc.constantFrom(",", '"', "\r", "\n", "\r\n", " ", "=", "-", "@", "\t", "'", "\uFEFF", "😀", "é", "a");
    const text = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: tricky }));
    const nonEmpty = fc.oneof(fc.string({ unit: "binary", minLength: 1 }), fc.string({ unit: tricky, minLength: 1 }));
    const count = fc.integer({ min: 0, max: 1_000_000 });
    const date = fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString());
    const row = fc
      .record({
        annotationId: nonEmpty,
        articleId: nonEmpty,
        articleTitle: text,
        outlet: fc.option(nonEmpty),
        annotatorEmail: fc.constantFrom("a@b.example", "o'brien+tag@example.org"),
        annotatorName: text,
        tag: fc.constantFrom(...TAGS),
        start: count,
        quote: nonEmpty,
        note: text,
        status: fc.constantFrom(...STATUSES),
        agreeCount: count,
        disagreeCount: count,
        createdAt: date,
        updatedAt: date,
      })
      .map((r): TExportRow => ({ ...r, end: r.start + Array.from(r.quote).length }));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), fc.boolean(), (rows, bom) => {
        const file = (bom ? BOM : "") + rawFile(rows);
        const expectedLines = rows.map(
          (_, i) => 1 + ((csvHeader() + csvRows(rows.slice(0, i), { raw: true })).match(/\r\n|\r|\n/g)?.length ?? 0),
        );
        expect(records(file)).toEqual(rows.map((r, i) => ({ line: expectedLines[i], ok: true, row: r })));
      }),
      { numRuns: 300 },
    );
  });
});

/** A data line of the default row with some cells replaced verbatim. */
function cellOfAll(replacements: Partial<Record<(typeof CSV_COLUMNS)[number], string>>): string {
  return CSV_COLUMNS.map((column) => replacements[column] ?? cellOf(column)).join(",");
}
