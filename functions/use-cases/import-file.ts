import { createHash } from 'node:crypto';
import { readTable } from '../adapters/spreadsheet';
import { mapImportRows } from '../domain/import-rows';
import { type IngestDeps, type ItemResult, ingestBatch } from './ingest-updates';

/** What an import did, row by row; written next to the input as <file>.result.csv. */
export interface ImportReport {
  file: string;
  sha256: string;
  rows: number;
  counts: {
    created: number;
    applied: number;
    stale: number;
    duplicate: number;
    rejected: number;
    failed: number;
  };
  ignoredColumns: string[];
  results: (ItemResult & { line: number })[];
}

/** Rows recorded per batch: bounds memory and keeps progress visible on big files. */
const chunkSize = 500;

/**
 * Imports one export file. Every row is validated and recorded like an API update; a bad row is
 * rejected with its line number and reason and never stops the others. Re-importing the same file
 * finds every row a duplicate and changes nothing.
 */
export async function importFile(
  deps: IngestDeps,
  file: { name: string; content: Buffer },
  onProgress?: (done: number, total: number) => void,
): Promise<ImportReport> {
  const table = await readTable(file.name, file.content);
  const { rows, ignoredColumns } = mapImportRows(table, file.name);
  const results: ImportReport['results'] = [];
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const batch = await ingestBatch(
      deps,
      chunk.map((r) => r.input),
      `import:${file.name}`,
    );
    batch.forEach((r, i) => {
      results.push({ ...r, index: start + i, line: chunk[i]?.line ?? 0 });
    });
    onProgress?.(Math.min(start + chunkSize, rows.length), rows.length);
  }
  const counts = { created: 0, applied: 0, stale: 0, duplicate: 0, rejected: 0, failed: 0 };
  for (const r of results) counts[r.result] += 1;
  return {
    file: file.name,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    rows: rows.length,
    counts,
    ignoredColumns,
    results,
  };
}

/** The result file: one line per row (line, tracking id, result, reason), then the ignored columns. */
export function resultCsv(report: ImportReport): string {
  const quote = (v: string) => (/[",\n;]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = ['line,trackingId,result,reason'];
  for (const r of report.results) {
    const trackingId = ('trackingId' in r && r.trackingId) || '';
    const reason =
      r.result === 'rejected'
        ? r.errors.map((e) => `${e.path || 'row'}: ${e.message}`).join('; ')
        : r.result === 'failed'
          ? `${r.message} (retry the import)`
          : '';
    lines.push([String(r.line), trackingId, r.result, reason].map(quote).join(','));
  }
  for (const column of report.ignoredColumns)
    lines.push(['', '', 'ignored-column', column].map(quote).join(','));
  return `${lines.join('\n')}\n`;
}

/** Result files sit next to their input; the importer never imports one. */
export const resultSuffix = '.result.csv';

export function resultKeyFor(inputKey: string): string {
  return `${inputKey}${resultSuffix}`;
}
