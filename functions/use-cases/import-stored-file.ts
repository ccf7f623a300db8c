import type { FileStore } from '../adapters/file-store';
import { ImportFileError } from '../domain/import-rows';
import { type ImportReport, importFile, resultCsv, resultKeyFor, resultSuffix } from './import-file';
import type { IngestDeps } from './ingest-updates';

export interface ImportDeps extends IngestDeps {
  files: FileStore;
}

/**
 * Imports a file from the store and writes its result file beside it. A file that cannot be read
 * as an export gets a result file saying why, instead of a silent failure. Rows that failed for
 * infrastructure reasons make it throw after the result is written, so the platform retries
 * (duplicates of rows already stored are harmless).
 */
export async function importStoredFile(
  deps: ImportDeps,
  key: string,
): Promise<
  | { status: 'skipped' }
  | { status: 'file-rejected'; reason: string }
  | { status: 'imported'; counts: ImportReport['counts'] }
> {
  if (key.endsWith(resultSuffix)) return { status: 'skipped' };
  const content = await deps.files.read(key);
  let report: ImportReport;
  try {
    report = await importFile(deps, { name: key, content });
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    const reason = error.message.replaceAll('"', '""');
    await deps.files.write(
      resultKeyFor(key),
      `line,trackingId,result,reason\n,,file-rejected,"${reason}"\n`,
      'text/csv',
    );
    return { status: 'file-rejected', reason: error.message };
  }
  await deps.files.write(resultKeyFor(key), resultCsv(report), 'text/csv; charset=utf-8');
  if (report.counts.failed > 0) {
    throw new Error(
      `${report.counts.failed} row(s) of ${key} could not be stored; the import will be retried`,
    );
  }
  return { status: 'imported', counts: report.counts };
}
