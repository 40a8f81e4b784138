/**
 * CSV as spreadsheets open it (RFC 4180): for downloads a teacher pastes into a gradebook. Pure: no
 * Next, no database.
 */

/** One cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null;

/** The byte order mark that tells Excel the file is UTF-8 (without it, "Zoë" opens as "ZoÃ«"). */
export const UTF8_BOM = '\uFEFF';

/** `Content-Type` of a CSV download. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/**
 * First characters that make a spreadsheet read a cell as a formula (`=`, `+`, `-`, `@`), or that
 * some read past to one (tab, carriage return): OWASP's list for CSV injection.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Characters that oblige a cell to be quoted. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell as CSV. Text that a spreadsheet would run as a formula gets a leading `'` (shown as text,
 * never evaluated: a student named `=HYPERLINK(…)` stays a name); text with a comma, a quote or a
 * line break is quoted, its quotes doubled. Numbers are written as they are; null is an empty cell.
 *
 * @example csvCell('Smith, "Ada"') // "\"Smith, \"\"Ada\"\"\""
 * @example csvCell('=1+1') // "'=1+1"
 * @example csvCell(-2) // "-2"
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record: its cells joined by commas (no line ending). */
export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',');
}

/**
 * A whole CSV file: the UTF-8 byte order mark, then each row ended by CRLF (as RFC 4180 writes it).
 * Every row should have as many cells as the first (the header); this is not checked.
 *
 * @example csvDocument([['Name', 'Objections'], ['Ada', 2]]) // "\uFEFFName,Objections\r\nAda,2\r\n"
 */
export function csvDocument(rows: readonly (readonly CsvCell[])[]): string {
  return UTF8_BOM + rows.map((row) => `${csvRow(row)}\r\n`).join('');
}

/**
 * A name safe in `Content-Disposition: attachment; filename="…"`: letters, digits, `.`, `_` and `-`
 * kept, anything else (quotes, slashes, line breaks, non-ASCII) turned into `-`.
 *
 * @example downloadFileName('negotiate-now-period-3-progress.csv') // "negotiate-now-period-3-progress.csv"
 */
export function downloadFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '-');
}
