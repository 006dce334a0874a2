/**
 * CSV for Japanese spreadsheet software, written by csv-stringify: UTF-8 with a byte-order mark (or
 * Excel guesses Shift_JIS), CRLF line ends, a field quoted when it holds a comma, quote or line break.
 *
 * Formula injection: a spreadsheet runs a cell that starts with =, +, -, @ (or tab or CR, which some
 * strip first) as a formula, e.g. =HYPERLINK("http://evil.example/","x"). A text cell that starts so
 * gets a leading apostrophe, which spreadsheets read as "this is text" (OWASP, CSV injection). Numbers
 * are written as numbers, so -5 stays a number; csv-stringify's own escape_formulas is not used because
 * it prefixes every cell starting with '-', negative numbers included.
 */
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | boolean | undefined | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet: one that starts with =, +, -, @, tab or CR gets a leading '. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The header and rows as CSV: string cells (the text columns) neutralised, numbers and booleans as they are. */
export function toCsv(header: string[], rows: Cell[][]): string {
  const safe = (cell: Cell) => (typeof cell === 'string' ? neutralizeFormula(cell) : cell);
  const records = [header, ...rows].map((row) => row.map(safe));
  return stringify(records, {
    bom: true,
    record_delimiter: 'windows',
    // Quote a field holding a line break of any kind, so a multi-line note stays one field.
    quote_record_delimiter: true,
    cast: { boolean: (value) => String(value) },
  });
}

/** A CSV download as an endpoint's response. */
export function csvResponse(header: string[], rows: Cell[][]): Response {
  return new Response(toCsv(header, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
