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
  type FileImportDeps,
  type ImportOptions,
  type ImportReport,
  importFile,
  refusedResultCsv,
  resultCsv,
  resultSuffix,
  unreadableSuffix,
} from './import-file';

export interface ImportDeps extends FileImportDeps {
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
  | { status: 'file-rejected'; reason: string; resultKey: string; removed: boolean }
  | {
      status: 'imported';
      resultKey: string;
      /** Whether the upload was deleted (the store can delete; the CLI's disk cannot). */
      removed: boolean;
      counts: ImportReport['counts'];
      exportCounts?: NonNullable<ImportReport['export']>['counts'];
      stopped?: string;
    };

/** What the S3 event says of an upload besides its key. */
export interface UploadEvent {
  /** Who uploaded it (the event's `userIdentity.principalId`): logged and written in the result file. */
  uploader?: string;
  /** The version the event is about: read and deleted exactly (a newer upload of the name is its own event). */
  version?: string;
}

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
  options: Pick<ImportOptions, 'timeLeftMs' | 'batchSize'> & UploadEvent = {},
): Promise<Outcome> {
  if (key.endsWith(resultSuffix) || key.endsWith(unreadableSuffix)) return { status: 'skipped' };
  const { uploader, version, ...importOptions } = options;
  const limits = deps.limits ?? defaultImportLimits;
  // Once answered, the upload goes: it carries reporters' names and texts the table never holds.
  // Only then: an import that throws (rows to retry) keeps it for Lambda's retry.
  const remove = async () => {
    if (!deps.files.remove) return false;
    await deps.files.remove(key, version);
    return true;
  };
  const refuse = async (reason: string, unreadable = false): Promise<Outcome> => {
    const resultKey = storedResultKey(key, unreadable);
    const text = unreadable
      ? `${reason}\n${uploader ? `\nDiunggah oleh: ${uploader}\n` : ''}`
      : refusedResultCsv(reason, uploader);
    await deps.files.write(
      resultKey,
      text,
      unreadable ? 'text/plain; charset=utf-8' : 'text/csv; charset=utf-8',
    );
    return { status: 'file-rejected', reason, resultKey, removed: await remove() };
  };

  const scope = scopeOfKey(key, deps.regions);
  if ('refusal' in scope) return refuse(scope.refusal);
  const info = deps.files.head ? await deps.files.head(key, version) : undefined;
  if (info && info.size > limits.maxBytes)
    return refuse(limitMessage('too-large', limits, { size: info.size }));

  const content = deps.files.stream ? await deps.files.stream(key, version) : await deps.files.read(key);
  const asOf = info?.metadata['as-of'];
  let report: ImportReport;
  try {
    report = await importFile(deps, { name: key, content }, undefined, {
      scope: scope.scope,
      limits,
      ...importOptions,
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
  const resultKey = storedResultKey(key);
  await deps.files.write(
    resultKey,
    resultCsv(report, deps.regions.zone, uploader),
    'text/csv; charset=utf-8',
  );
  if (report.counts.failed > 0) {
    throw new Error(
      `${report.counts.failed} row(s) of ${key} could not be stored; the import will be retried`,
    );
  }
  return {
    status: 'imported',
    resultKey,
    removed: await remove(),
    counts: report.counts,
    ...(report.export ? { exportCounts: report.export.counts } : {}),
    ...(report.stopped ? { stopped: report.stopped.message } : {}),
  };
}
