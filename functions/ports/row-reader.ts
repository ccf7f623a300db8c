import type { Readable } from 'node:stream';
import type { ImportLimits } from '../domain/import-limits';

/** Port: reads a spreadsheet (CSV or XLSX) row by row, within the import limits. */

/** One row of a file: its line as a spreadsheet shows it (1-based) and its cells. */
export interface FileRow {
  line: number;
  cells: unknown[];
}

/** The rows of a file one at a time; the caller caps how many it reads (it stops iterating). */
export type RowReader = (
  fileName: string,
  input: Buffer | Readable,
  limits: ImportLimits,
) => AsyncIterable<FileRow>;
