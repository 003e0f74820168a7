export type TCsvRecord = {
  /** Where the record starts; the first line of the file is 1, and a quoted field may span lines. */
  line: number;
  fields: string[];
  /** Quoting errors found in this record. */
  problems: string[];
};

/** Fields kept per record: no file we read has more than a few dozen columns. */
export const MAX_CSV_FIELDS = 1000;

const COMMA = 0x2c;
const QUOTE = 0x22;

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) n++;
    else if (c === 0x0d) {
      n++;
      if (k + 1 < to && text.charCodeAt(k + 1) === 0x0a) k++;
    }
  }
  return n;
}

function detectNewline(text: string): "\r\n" | "\n" | "\r" {
  // The header row has no quoted line breaks, so the file's first line break is its row separator.
  const match = /\r\n|\r|\n/.exec(text);
  return match?.[0] === "\n" || match?.[0] === "\r" ? match[0] : "\r\n";
}

/**
 * The non-blank records of an RFC 4180 file (comma separated, `"` quoted, `""` for a quote), one at a time, so a
 * caller can stop after as many as it allows and pause between them. The row separator is the file's first line
 * break; other line breaks are text. Each step is a forward scan (no recursion, no rescanning), so a long line or
 * a file of nothing but commas costs time in proportion to its size.
 */
export function* csvRecords(text: string): Generator<TCsvRecord> {
  const newline = detectNewline(text);
  const length = text.length;
  let nextComma = -1;
  let nextNewline = -1;
  // The end of an unquoted field: the next comma or row separator, each searched for once per stretch of text.
  const fieldEnd = (from: number): number => {
    if (nextComma !== length && nextComma < from) {
      const found = text.indexOf(",", from);
      nextComma = found === -1 ? length : found;
    }
    if (nextNewline !== length && nextNewline < from) {
      const found = text.indexOf(newline, from);
      nextNewline = found === -1 ? length : found;
    }
    return Math.min(nextComma, nextNewline);
  };
  let i = 0;
  let line = 1;
  while (i < length) {
    const recordStart = i;
    const fields: string[] = [];
    const problems: string[] = [];
    let count = 0;
    const add = (field: string) => {
      if (++count <= MAX_CSV_FIELDS) fields.push(field);
      else if (count === MAX_CSV_FIELDS + 1) problems.push(`more than ${MAX_CSV_FIELDS} fields`);
    };
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        const parts: string[] = [];
        let at = i + 1;
        let closed = false;
        for (;;) {
          const quote = text.indexOf('"', at);
          if (quote === -1) {
            parts.push(text.slice(at));
            at = length;
            break;
          }
          parts.push(text.slice(at, quote));
          if (text.charCodeAt(quote + 1) === QUOTE) {
            parts.push('"');
            at = quote + 2;
            continue;
          }
          at = quote + 1;
          closed = true;
          break;
        }
        if (!closed) problems.push("Quoted field unterminated");
        if (closed && at < length && text.charCodeAt(at) !== COMMA && !text.startsWith(newline, at)) {
          problems.push("Trailing quote on quoted field is malformed");
          const end = fieldEnd(at);
          parts.push(text.slice(at, end));
          at = end;
        }
        field = parts.join("");
        i = at;
      } else {
        const end = fieldEnd(i);
        field = text.slice(i, end);
        i = end;
      }
      add(field);
      if (i >= length) break;
      if (text.charCodeAt(i) === COMMA) {
        i++;
        if (i >= length) {
          add("");
          break;
        }
        continue;
      }
      i += newline.length;
      break;
    }
    const startLine = line;
    line += countLineBreaks(text, recordStart, i);
    if (count === 1 && fields[0]!.trim() === "") continue;
    yield { line: startLine, fields, problems };
  }
}
