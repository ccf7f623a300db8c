/**
 * One cell of a CSV that people open in a spreadsheet. A value starting with `=`, `+`, `-`, `@`,
 * tab, carriage return or NUL is a formula to Excel, LibreOffice and Google Sheets (CSV or formula
 * injection): such a value gets a leading single quote, which the spreadsheet shows as text. Every
 * cell is then quoted, with its quotes doubled (RFC 4180). Sources: OWASP "CSV Injection"; OWASP
 * ASVS 5.0 requirement 1.2.10.
 */
export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r\0＝＋－＠]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** A CSV line from cells, each neutralized and quoted. */
export const csvLine = (cells: readonly unknown[]) => cells.map(csvCell).join(',');
