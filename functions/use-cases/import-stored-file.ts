import {
  defaultImportLimits,
  ImportLimitError,
  type ImportLimits,
  limitMessage,
} from '../domain/import-limits';
import { ImportFileError, UnreadableFileError } from '../domain/import-rows';
import type { Regions } from '../domain/regions';
import type { FileStore } from '../ports/file-store';
import {
  type ImportOptions,
  type ImportReport,
  importFile,
  refusedResultCsv,
  resultCsv,
  resultSuffix,
  unreadableSuffix,
} from './import-file';
import type { IngestDeps } from './ingest-updates';

export interface ImportDeps extends IngestDeps {
  files: FileStore;
  /** @default defaultImportLimits */
  limits?: ImportLimits;
}

/** Uploads go under `imports/<code>/`: a regency's code, or the province's for a province-wide file. */
export const importPrefix = 'imports/';
/**
 * Answers go under `results/`, mirroring the upload's path: `imports/6302/laporan.xlsx` is answered
 * by `results/6302/laporan.xlsx.result.csv` (or `.result.txt`). Apart from the uploads, so that the
 * bucket keeps answers (no personal data) for months and uploads only days, and so that the
 * importer may write answers without being able to touch an upload.
 */
export const resultPrefix = 'results/';

/** The key of the answer to an upload: under results/, the upload's path without imports/. */
export function storedResultKey(key: string, unreadable = false): string {
  const rest = key.startsWith(importPrefix) ? key.slice(importPrefix.length) : key;
  return `${resultPrefix}${rest}${unreadable ? unreadableSuffix : resultSuffix}`;
}

/**
 * The scope of an uploaded file from its key: `imports/6302/...` may hold only Kotabaru's rows;
 * `imports/63/...` (the province code) any regency of the province. The province code rather than
 * a word like `province/`: the same hierarchy of Kemendagri codes as the rows themselves, so the
 * rule is one ("a row's regency code starts with the folder's code") and an IAM grant on
 * `imports/63/*` reads as what it is. Anything else is refused, naming where to upload.
 */
export function scopeOfKey(key: string, regions: Regions): { scope: string } | { refusal: string } {
  const code = key.startsWith(importPrefix) ? key.slice(importPrefix.length).split('/')[0] : undefined;
  const hasFolder = key.slice(importPrefix.length).includes('/');
  if (code && hasFolder && (code === regions.province.code || regions.has(code))) return { scope: code };
  return {
    refusal: `Berkas ditolak: berkas diunggah ke ${key}, di luar folder kabupaten/kota. Tidak ada baris yang diimpor. Yang perlu dilakukan: unggah ke imports/<kode kabupaten/kota>/ (mis. imports/6302/ untuk Kotabaru) atau ke imports/${regions.province.code}/ untuk berkas seluruh provinsi.`,
  };
}

type Outcome =
  | { status: 'skipped' }
  | { status: 'file-rejected'; reason: string; resultKey: string }
  | {
      status: 'imported';
      counts: ImportReport['counts'];
      exportCounts?: NonNullable<ImportReport['export']>['counts'];
      stopped?: string;
    };

/**
 * Imports a file from the store and writes its result file under results/ ({@link storedResultKey}).
 * Limits apply before the content is read (the object's size) and while it streams. A file refused whole gets a
 * `.result.csv` saying why and what to do, in Indonesian; one that cannot be read at all gets a
 * `.result.txt`. Rows that failed for infrastructure reasons make it throw after the result is
 * written, so the platform retries (rows already stored are found unchanged or duplicate).
 * The S3 object's user metadata `as-of` gives a LAPOR! export's generation time when its preamble
 * does not.
 */
export async function importStoredFile(
  deps: ImportDeps,
  key: string,
  options: Pick<ImportOptions, 'timeLeftMs' | 'batchSize'> = {},
): Promise<Outcome> {
  if (key.endsWith(resultSuffix) || key.endsWith(unreadableSuffix)) return { status: 'skipped' };
  const limits = deps.limits ?? defaultImportLimits;
  const refuse = async (reason: string, unreadable = false): Promise<Outcome> => {
    const resultKey = storedResultKey(key, unreadable);
    const text = unreadable ? `${reason}\n` : refusedResultCsv(reason);
    await deps.files.write(
      resultKey,
      text,
      unreadable ? 'text/plain; charset=utf-8' : 'text/csv; charset=utf-8',
    );
    return { status: 'file-rejected', reason, resultKey };
  };

  const scope = scopeOfKey(key, deps.regions);
  if ('refusal' in scope) return refuse(scope.refusal);
  const info = deps.files.head ? await deps.files.head(key) : undefined;
  if (info && info.size > limits.maxBytes)
    return refuse(limitMessage('too-large', limits, { size: info.size }));

  const content = deps.files.stream ? await deps.files.stream(key) : await deps.files.read(key);
  const asOf = info?.metadata['as-of'];
  let report: ImportReport;
  try {
    report = await importFile(deps, { name: key, content }, undefined, {
      scope: scope.scope,
      limits,
      ...options,
      ...(info ? { size: info.size } : {}),
      ...(asOf ? { asOf, asOfSource: 'metadata S3 "as-of"' } : {}),
    });
  } catch (error) {
    if ('destroy' in content) content.destroy();
    if (error instanceof ImportLimitError) return refuse(error.message);
    if (error instanceof UnreadableFileError)
      return refuse(
        `Berkas tidak dapat dibaca sebagai CSV atau XLSX, jadi tidak ada yang diimpor.\n\nRincian: ${error.message}\n\nYang perlu dilakukan: unduh ulang ekspor dari LAPOR! (Excel .xlsx, atau simpan sebagai CSV), jangan ubah formatnya, lalu unggah lagi ke folder yang sama.`,
        true,
      );
    if (error instanceof ImportFileError)
      return refuse(
        `Berkas ditolak, tidak ada baris yang diimpor: ${error.message}. Yang perlu dilakukan: perbaiki hal itu lalu unggah lagi (lihat README "Bulk import").`,
      );
    throw error;
  }
  await deps.files.write(
    storedResultKey(key),
    resultCsv(report, deps.regions.zone),
    'text/csv; charset=utf-8',
  );
  if (report.counts.failed > 0) {
    throw new Error(
      `${report.counts.failed} row(s) of ${key} could not be stored; the import will be retried`,
    );
  }
  return {
    status: 'imported',
    counts: report.counts,
    ...(report.export ? { exportCounts: report.export.counts } : {}),
    ...(report.stopped ? { stopped: report.stopped.message } : {}),
  };
}
