/**
 * One cell of a CSV that people open in a spreadsheet. A value starting with `=`, `+`, `-`, `@`,
 * tab, carriage return or NUL is a formula to Excel, LibreOffice and Google Sheets (CSV or formula
 * injection): such a value gets a leading single quote, which the spreadsheet shows as text. The
 * full-width signs count too: a spreadsheet reads them as their ASCII forms. A number is data,
 * never a formula: a negative count stays a number. The cell is then quoted, with its quotes
 * doubled (RFC 4180): always (result files: "every cell is quoted"), or only when it must be (the
 * digest's attached list and the scoreboard's open data, read by people and simple scripts).
 * Sources: OWASP "CSV Injection"; OWASP ASVS 5.0 requirement 1.2.10. The one writer of CSV cells.
 */
export function csvCell(value: unknown, quoting: CsvQuoting = 'always'): string {
  const text = value === null || value === undefined ? '' : String(value);
  const number = typeof value === 'number' && Number.isFinite(value);
  const safe = !number && /^[=+\-@\t\r\0＝＋－＠]/.test(text) ? `'${text}` : text;
  if (quoting === 'when-needed' && !/[",;\r\n]/.test(safe)) return safe;
  return `"${safe.replaceAll('"', '""')}"`;
}

export type CsvQuoting = 'always' | 'when-needed';

/** A CSV line from cells, each neutralized and quoted. */
export const csvLine = (cells: readonly unknown[], quoting: CsvQuoting = 'always') =>
  cells.map((c) => csvCell(c, quoting)).join(',');
