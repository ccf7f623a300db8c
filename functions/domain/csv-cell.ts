/**
 * One cell of a CSV that people open in a spreadsheet. A value starting with `=`, `+`, `-`, `@`,
 * tab, carriage return or NUL is a formula to Excel, LibreOffice and Google Sheets (CSV or formula
 * injection): such a value gets a leading single quote, which the spreadsheet shows as text. Every
 * cell is then quoted, with its quotes doubled (RFC 4180). Sources: OWASP "CSV Injection"; OWASP
 * ASVS 5.0 requirement 1.2.10. The one writer of CSV cells: result files, the digest's attached list
 * and the scoreboard's open data all use it. The full-width signs count too: a spreadsheet
 * reads them as their ASCII forms.
 */
export function csvCell(value: unknown): string {
  // A number is data, never a formula: a negative count stays a number.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r\0＝＋－＠]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** A CSV line from cells, each neutralized and quoted. */
export const csvLine = (cells: readonly unknown[]) => cells.map(csvCell).join(',');
