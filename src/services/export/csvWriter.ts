// RFC 4180 output that is also safe to open in a spreadsheet: a cell that a spreadsheet would
// read as a formula (= + - @, or a leading tab or carriage return) gets a leading apostrophe, so
// a name typed as "=HYPERLINK(…)" shows as text instead of running (CWE-1236).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | boolean | null): string {
  const text = neutraliseFormula(value === null ? '' : String(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, ended with CRLF as RFC 4180 asks. */
export function csvLine(cells: ReadonlyArray<string | number | boolean | null>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
