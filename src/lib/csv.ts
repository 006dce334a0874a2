/**
 * CSV for Japanese spreadsheet software: UTF-8 with a byte-order mark (or Excel guesses Shift_JIS),
 * CRLF line ends, every field quoted when it holds a comma, quote or line break.
 */
export type Cell = string | number | boolean | undefined | null;

export function csvField(value: Cell): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
