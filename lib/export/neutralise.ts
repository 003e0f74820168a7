// Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (CSV injection).
// Papa's `escapeFormulae` is not used: its regex /^[=+\-@\t\r].*$/ has no `s` flag, so "=HYPERLINK(…)\n…"
// or "\r\n…" slips through unescaped, and it forces quotes around every escaped cell.
const FORMULA_TRIGGERS: ReadonlySet<string> = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** True when a spreadsheet could take this text for a formula. */
export function startsLikeFormula(text: string): boolean {
  const first = text[0];
  return first !== undefined && FORMULA_TRIGGERS.has(first);
}

/** Prefixes a single quote to text a spreadsheet would evaluate; other text is returned unchanged. */
export function neutraliseText(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** Only text is neutralised: a number such as -3 is data and must stay exactly as it is. */
export function neutraliseCell(cell: string | number): string | number {
  return typeof cell === "string" ? neutraliseText(cell) : cell;
}
