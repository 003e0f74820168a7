// Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (CSV injection).
// Papa's `escapeFormulae` is not used: its regex /^[=+\-@\t\r].*$/ has no `s` flag, so "=HYPERLINK(…)\n…"
// or "\r\n…" slips through unescaped, and it forces quotes around every escaped cell.
// Spreadsheets fold the full-width forms (U+FF1D, U+FF0B, U+FF0D, U+FF20) to = + - @ on input.
const FORMULA_TRIGGER = /[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;

// Some spreadsheets trim leading whitespace, zero-width characters or a byte order mark before deciding what a
// cell is, so "  =1+1" or "\u200B=1+1" can still be a formula; a cell that opens with a line break, tab or BOM
// is never ordinary data, so it is neutralised whatever follows.
const LEADING_IGNORED = /^[\s\u200B-\u200D\u2060\u180E\uFEFF]*/u;
const ALWAYS_NEUTRALISED = /^[\t\r\n\uFEFF]/u;

/** True when a spreadsheet could take this text for a formula. */
export function startsLikeFormula(text: string): boolean {
  if (ALWAYS_NEUTRALISED.test(text)) return true;
  const first = text.slice(LEADING_IGNORED.exec(text)?.[0].length ?? 0)[0];
  return first !== undefined && FORMULA_TRIGGER.test(first);
}

/** Prefixes a single quote to text a spreadsheet would evaluate; other text is returned unchanged. */
export function neutraliseText(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** Only text is neutralised: a number such as -3 is data and must stay exactly as it is. */
export function neutraliseCell(cell: string | number): string | number {
  return typeof cell === "string" ? neutraliseText(cell) : cell;
}
