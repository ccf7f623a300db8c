import { parse } from 'csv-parse/sync';
/**
 * The rows of a small data CSV (roster, commitments) as records keyed by lower-cased, trimmed
 * headers; `#` lines are comments. A file that is not CSV at all throws `fileError`, naming the file.
 */
export function readCsvRecords(
  text: string,
  fileName: string,
  fileError: new (message: string) => Error,
): Record<string, string>[] {
  try {
    return parse(text, {
      bom: true,
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      comment: '#',
    });
  } catch (error) {
    throw new fileError(`${fileName}: not a readable CSV file: ${(error as Error).message}`);
  }
}
