import Papa from "papaparse";

export type TCsvRecord = {
  /** Where the record starts; the first line of the file is 1, and a quoted field may span lines. */
  line: number;
  fields: string[];
  /** Quoting errors papaparse found in this record. */
  problems: string[];
};

function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function detectNewline(text: string): "\r\n" | "\n" | "\r" {
  // The header row has no quoted line breaks, so the file's first line break is its row separator.
  const match = /\r\n|\r|\n/.exec(text);
  return match?.[0] === "\n" || match?.[0] === "\r" ? match[0] : "\r\n";
}

/** Every non-blank record of an RFC 4180 file (comma separated) with the line it starts on. */
export function readCsvRecords(text: string): TCsvRecord[] {
  const records: TCsvRecord[] = [];
  let recordStart = 0;
  let recordLine = 1;
  Papa.parse<string[]>(text, {
    delimiter: ",",
    newline: detectNewline(text),
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step(result) {
      const line = recordLine;
      recordLine += countLineBreaks(text.slice(recordStart, result.meta.cursor));
      recordStart = result.meta.cursor;
      const fields = result.data;
      if (fields.length === 1 && fields[0]?.trim() === "") return;
      records.push({ line, fields, problems: result.errors.map((error) => error.message) });
    },
  });
  return records;
}
