import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { ImportFileError } from '../domain/import-rows';

/** Rows of a CSV (comma or semicolon, as Indonesian Excel writes it) or the first sheet of an XLSX. */
export async function readTable(fileName: string, content: Buffer): Promise<unknown[][]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) {
    try {
      return parse(content, {
        bom: true,
        delimiter: [',', ';'],
        relax_column_count: true,
        skip_empty_lines: false,
      }) as unknown[][];
    } catch (error) {
      throw new ImportFileError(`${fileName}: not a readable CSV file: ${(error as Error).message}`);
    }
  }
  if (lower.endsWith('.xlsx')) {
    try {
      return (await readSheet(content)) as unknown[][];
    } catch (error) {
      throw new ImportFileError(`${fileName}: not a readable XLSX workbook: ${(error as Error).message}`);
    }
  }
  throw new ImportFileError(`${fileName}: import .csv or .xlsx files (a LAPOR! dashboard export)`);
}
