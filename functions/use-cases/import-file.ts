import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DateTime } from 'luxon';
import laporExport from '../../data/import/lapor-export.json';
import { mapBounded } from '../domain/bounded-pool';
import { csvLine } from '../domain/csv-cell';
import { inspectionClass, inspectionProblem } from '../domain/field-inspection';
import {
  defaultImportLimits,
  ImportLimitError,
  type ImportLimits,
  type LimitKind,
  limitMessage,
} from '../domain/import-limits';
import {
  ImportFileError,
  type InspectionHeader,
  isBlankRow,
  type MappedRow,
  mapInspectionHeader,
  mapInspectionRow,
  mapUpdateHeader,
  mapUpdateRow,
  type UpdateHeader,
} from '../domain/import-rows';
import {
  type ExportHeader,
  type ExportMapping,
  type ExportRow,
  exportStateKey,
  generatedAtOf,
  isExportHeader,
  isNoteRow,
  knownExportState,
  mapExportHeader,
  mapExportRow,
  parseAsOf,
  parseExportMapping,
  type RowProblem,
  updateFromExportRow,
} from '../domain/lapor-export';
import { regencyDisplayName } from '../domain/regions';
import type { Zone } from '../domain/zone';
import { luxonZone } from '../domain/zone-luxon';
import type { FileRow, RowReader } from '../ports/row-reader';
import { type BatchOptions, type IngestDeps, type ItemResult, ingestBatch } from './ingest-updates';

/** What importing a file needs beyond recording updates: a reader of its rows (CSV, XLSX). */
export interface FileImportDeps extends IngestDeps {
  readRows: RowReader;
}

/** The LAPOR! export mapping shipped in data/import/ (bundled: it is part of the importer). */
export const laporExportMapping: ExportMapping = parseExportMapping(
  laporExport,
  'data/import/lapor-export.json',
);

/** How one row of a LAPOR! export fared. */
export interface ExportRowResult {
  line: number;
  trackingId?: string;
  /** new: first seen; changed: a new state; unchanged; stale: the table knows a later state. */
  outcome: 'new' | 'changed' | 'unchanged' | 'stale' | 'rejected' | 'failed';
  statusLabel?: string;
  problems?: RowProblem[];
  message?: string;
}

/** What an import did, row by row; written next to the input as <file>.result.csv. */
export interface ImportReport {
  file: string;
  /** SHA-256 of the file, when it was read whole. */
  sha256?: string;
  /**
   * `updates`: one row per status update; `lapor-export`: one row per complaint (SP4N-LAPOR!);
   * `inspections`: one row per field inspection (tracking id, planned date, date done, unit).
   */
  format: 'updates' | 'lapor-export' | 'inspections';
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
  /** Per-update files: one result per row. */
  results: (ItemResult & { line: number })[];
  /** LAPOR! exports: the snapshot's instant and what each row did. */
  export?: {
    headerLine: number;
    asOf: string;
    asOfSource: string;
    counts: Record<ExportRowResult['outcome'], number>;
    /** Rows that did something or were refused (unchanged rows are only counted). */
    rows: ExportRowResult[];
    notReadColumns: string[];
    /** Labels and names the data files do not know, with the lines that had them. */
    unmapped: { column: string; value: string; lines: number[] }[];
    /**
     * Values of the citizens' columns (Sumber Laporan, Setwapres, Kecamatan, Rating) the data files do
     * not know: the rows are imported (a channel counted as "lainnya", a kecamatan or rating as written).
     */
    unknownValues?: { column: string; value: string; lines: number[] }[];
    /** Lines of notes under the table (totals, "printed by"): skipped, not complaints. */
    notes: number[];
  };
  /** Set when a limit stopped the import before the end of the file. */
  stopped?: { kind: LimitKind; message: string };
}

/** How a caller runs an import. */
export interface ImportOptions {
  /** The export's generation time, overriding its preamble (CLI `--as-of`, S3 metadata `as-of`). */
  asOf?: string;
  /** Where `asOf` came from, for the result. @default 'command line' */
  asOfSource?: string;
  /** A regency (or the province) code: rows of any other regency are rejected. */
  scope?: string;
  limits?: ImportLimits;
  /** The object's size, when the store knows it before reading. */
  size?: number;
  mapping?: ExportMapping;
  /** Rows recorded per batch. @default 500 */
  batchSize?: number;
  /** Time left to the caller (Lambda's remaining time): the import stops between batches before it runs out. */
  timeLeftMs?: () => number;
}

/** Stop this long before the caller's time runs out, to write the result file. */
const timeMarginMs = 30_000;

/** Rows recorded per batch: bounds memory and keeps progress visible on big files. */
const chunkSize = 500;
/** Preamble rows looked at for the header. */
const maxPreambleRows = 50;

/**
 * Imports one file, streaming its rows in batches. Two formats, told apart by the header row:
 * - a LAPOR! export (header row starting with `Tracking ID`, a `Kota/Kabupaten` column): one row
 *   per complaint, imported as a snapshot as of the export's generation time;
 * - the per-update format (a `Waktu Status` column): one row per status update.
 * A bad row is rejected with its line number and reason and never stops the others. Re-importing
 * the same file changes nothing. Throws ImportFileError (cannot be read) or ImportLimitError
 * (refused whole) before anything is written; a limit hit mid-file ends the import with `stopped`.
 */
export async function importFile(
  deps: FileImportDeps,
  file: { name: string; content: Buffer | Readable },
  onProgress?: (done: number, total: number) => void,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const limits = options.limits ?? defaultImportLimits;
  const mapping = options.mapping ?? laporExportMapping;
  const size = options.size ?? (Buffer.isBuffer(file.content) ? file.content.length : undefined);
  if (size !== undefined && size > limits.maxBytes)
    throw new ImportLimitError('too-large', limitMessage('too-large', limits, { size }));

  const rows = deps.readRows(file.name, file.content, limits)[Symbol.asyncIterator]();
  let head: Head;
  try {
    head = await findHeader(rows, file.name, mapping, deps.regions.zone);
  } catch (error) {
    await rows.return?.(undefined);
    if (error instanceof ImportLimitError)
      throw new ImportLimitError(error.kind, limitMessage(error.kind, limits, { atLine: 1 }));
    throw error;
  }
  const report: ImportReport = {
    file: file.name,
    ...(Buffer.isBuffer(file.content)
      ? { sha256: createHash('sha256').update(file.content).digest('hex') }
      : {}),
    format: head.kind,
    rows: 0,
    counts: { created: 0, applied: 0, stale: 0, duplicate: 0, rejected: 0, failed: 0 },
    ignoredColumns: [],
    results: [],
  };
  const importer =
    head.kind === 'updates'
      ? updatesImporter(deps, report, head.header, file.name, options.scope)
      : head.kind === 'inspections'
        ? inspectionsImporter(deps, report, head.header, file.name, options.scope)
        : exportImporter(deps, report, head, mapping, file.name, options);

  let batch: FileRow[] = [];
  let lastLine = head.line;
  try {
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      const row = next.value;
      lastLine = row.line;
      if (isBlankRow(row.cells)) continue;
      if (report.rows >= limits.maxRows) {
        report.stopped = {
          kind: 'too-many-rows',
          message: limitMessage('too-many-rows', limits, { importedRows: report.rows, atLine: row.line }),
        };
        break;
      }
      report.rows += 1;
      batch.push(row);
      if (batch.length >= (options.batchSize ?? chunkSize)) {
        await importer(batch);
        batch = [];
        onProgress?.(report.rows, report.rows);
        if (options.timeLeftMs && options.timeLeftMs() < timeMarginMs) {
          report.stopped = {
            kind: 'time',
            message: limitMessage('time', limits, { importedRows: report.rows, atLine: row.line + 1 }),
          };
          break;
        }
      }
    }
  } catch (error) {
    const unreadable = error instanceof ImportFileError && report.rows > 0;
    if (!(error instanceof ImportLimitError) && !unreadable) throw error;
    await importer(batch);
    batch = [];
    const imported = report.rows;
    const kind = error instanceof ImportLimitError ? error.kind : 'unreadable-rest';
    if (imported === 0)
      throw new ImportLimitError(kind, limitMessage(kind, limits, { atLine: lastLine + 1 }));
    report.stopped = {
      kind,
      message: limitMessage(kind, limits, {
        importedRows: imported,
        atLine: lastLine + 1,
        detail: (error as Error).message,
      }),
    };
  } finally {
    await rows.return?.(undefined);
  }
  await importer(batch);
  onProgress?.(report.rows, report.rows);
  return report;
}

type Head =
  | { kind: 'updates'; line: number; header: UpdateHeader }
  | { kind: 'inspections'; line: number; header: InspectionHeader }
  | { kind: 'lapor-export'; line: number; header: ExportHeader; generatedAt?: DateTime };

/** Reads up to the header row: the export's (`Tracking ID` first), or the per-update format's. */
async function findHeader(
  rows: AsyncIterator<FileRow>,
  fileName: string,
  mapping: ExportMapping,
  zone: Zone,
): Promise<Head> {
  const preamble: unknown[][] = [];
  let updatesError: ImportFileError | undefined;
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    const { line, cells } = next.value;
    if (isBlankRow(cells)) continue;
    if (isExportHeader(cells, mapping)) {
      const header = mapExportHeader(cells, mapping);
      const perUpdate = tryUpdatesHeader(cells, fileName, line);
      if (perUpdate && header.index.regency === undefined)
        return { kind: 'updates', line, header: perUpdate };
      if (header.missing.length > 0) {
        throw new ImportFileError(
          `${fileName} baris ${line}: kolom ${header.missing.map((m) => `"${m.expected}"`).join(', ')} tidak ada di baris judul kolom; lihat README "Bulk import"`,
        );
      }
      const generatedAt = generatedAtOf(preamble, mapping, zone);
      return { kind: 'lapor-export', line, header, ...(generatedAt ? { generatedAt } : {}) };
    }
    if (!updatesError && preamble.length === 0) {
      const inspections = mapInspectionHeader(cells);
      if (inspections) return { kind: 'inspections', line, header: inspections };
      try {
        return { kind: 'updates', line, header: mapUpdateHeader(cells, fileName, line) };
      } catch (error) {
        if (!(error instanceof ImportFileError)) throw error;
        updatesError = error;
      }
    }
    preamble.push(cells);
    if (preamble.length >= maxPreambleRows) break;
  }
  if (updatesError) throw updatesError;
  throw new ImportFileError(`${fileName}: the file is empty`);
}

function tryUpdatesHeader(cells: unknown[], fileName: string, line: number): UpdateHeader | undefined {
  try {
    return mapUpdateHeader(cells, fileName, line);
  } catch {
    return undefined;
  }
}

/** The per-update format: each row an update through the ingest use case. */
function updatesImporter(
  deps: IngestDeps,
  report: ImportReport,
  header: UpdateHeader,
  fileName: string,
  scope: string | undefined,
) {
  report.ignoredColumns = header.ignoredColumns;
  return async (batch: FileRow[]) => {
    if (batch.length === 0) return;
    const mapped: MappedRow[] = batch.map((r) => mapUpdateRow(r.cells, r.line, header, deps.regions.zone));
    const inScope = mapped.filter(
      (m) => outOfScope(deps, scope, String(m.input.regencyCode ?? '')) === undefined,
    );
    const results = await ingestBatch(
      deps,
      inScope.map((m) => m.input),
      `import:${fileName}`,
      batchScope(deps, scope),
    );
    let k = 0;
    for (const m of mapped) {
      const refusal = outOfScope(deps, scope, String(m.input.regencyCode ?? ''));
      const result: ItemResult = refusal
        ? {
            index: report.results.length,
            result: 'rejected',
            ...(typeof m.input.trackingId === 'string' ? { trackingId: m.input.trackingId } : {}),
            errors: [{ path: 'regencyCode', message: refusal }],
          }
        : { ...(results[k++] as ItemResult), index: report.results.length };
      report.results.push({ ...result, line: m.line });
      report.counts[result.result] += 1;
    }
  };
}

/**
 * The field-inspection file: each row marks a known complaint as needing a field inspection, with
 * its planned and done dates, as an update that keeps the complaint's status (it restarts no clock).
 * An unknown tracking id, a complaint of another regency than the folder's, a date that is not one
 * or a done date before the planned one is rejected with its reason; nothing is written for it.
 */
function inspectionsImporter(
  deps: IngestDeps,
  report: ImportReport,
  header: InspectionHeader,
  fileName: string,
  scope: string | undefined,
) {
  report.ignoredColumns = header.ignoredColumns;
  return async (batch: FileRow[]) => {
    if (batch.length === 0) return;
    const rows = batch.map((r) => ({ line: r.line, ...mapInspectionRow(r.cells, header) }));
    const snapshots = await mapBounded(rows, 4, (row) =>
      row.trackingId ? deps.store.getSnapshot(row.trackingId) : Promise.resolve(undefined),
    );
    const inputs: Record<string, unknown>[] = [];
    const refusals = rows.map((row, i): { path: string; message: string } | undefined => {
      const snapshot = snapshots[i];
      if (!row.trackingId) return { path: 'trackingId', message: 'ID Tracking kosong' };
      const mark = {
        ...(row.plannedOn !== undefined ? { plannedOn: row.plannedOn } : {}),
        ...(row.doneOn !== undefined ? { doneOn: row.doneOn } : {}),
      };
      const problem = inspectionProblem(mark);
      if (problem) {
        const [field = '', ...rest] = problem.split(': ');
        return field === 'plannedOn' || field === 'doneOn'
          ? { path: field, message: rest.join(': ') }
          : { path: '', message: problem };
      }
      if (!snapshot)
        return {
          path: 'trackingId',
          message: `laporan ${row.trackingId} tidak dikenal (belum pernah diterima): tidak ada yang dicatat`,
        };
      const refusal = outOfScope(deps, scope, snapshot.regencyCode);
      if (refusal) return { path: 'regencyCode', message: refusal };
      inputs.push({
        trackingId: snapshot.trackingId,
        regencyCode: snapshot.regencyCode,
        unit: row.unit ?? snapshot.unit,
        category: snapshot.category,
        classification: inspectionClass,
        status: snapshot.status,
        occurredAt: deps.clock().toISOString(),
        // The same row twice is the same mark: a re-upload changes nothing.
        sourceUpdateId: `inspection-${createHash('sha256')
          .update([snapshot.trackingId, mark.plannedOn ?? '', mark.doneOn ?? ''].join('|'))
          .digest('hex')
          .slice(0, 24)}`,
        fieldInspection: mark,
      });
      return undefined;
    });
    const results = await ingestBatch(deps, inputs, `import:${fileName}`, batchScope(deps, scope));
    let k = 0;
    rows.forEach((row, i) => {
      const refusal = refusals[i];
      const result: ItemResult = refusal
        ? {
            index: report.results.length,
            result: 'rejected',
            ...(row.trackingId ? { trackingId: row.trackingId } : {}),
            errors: [refusal],
          }
        : { ...(results[k++] as ItemResult), index: report.results.length };
      report.results.push({ ...result, line: row.line });
      report.counts[result.result] += 1;
    });
  };
}

/**
 * The folder's scope for the ingest use case, which also refuses a row that carries the tracking id
 * of a complaint filed under another regency (it would move or close that complaint).
 */
function batchScope(deps: IngestDeps, scope: string | undefined): BatchOptions {
  if (!scope || scope === deps.regions.province.code) return {};
  return {
    scope: { regencies: [scope] },
    filedElsewhere: (trackingId, owner) => {
      const region = deps.regions.get(owner);
      return `laporan ${trackingId} tercatat di ${region ? regencyDisplayName(region) : owner} (${owner}), padahal berkas diunggah ke folder ${scope}: berkas ini tidak boleh mengubahnya; unggah ke imports/${owner}/, atau ke imports/${deps.regions.province.code}/ untuk seluruh provinsi`;
    },
  };
}

/** Why a regency's row may not be imported from a file uploaded under `scope`, if it may not. */
function outOfScope(deps: IngestDeps, scope: string | undefined, regencyCode: string): string | undefined {
  if (!scope || regencyCode.startsWith(scope) || !deps.regions.has(regencyCode)) return undefined;
  const own = deps.regions.get(scope);
  const other = deps.regions.get(regencyCode);
  return `baris untuk ${other ? regencyDisplayName(other) : regencyCode} (${regencyCode}), padahal berkas diunggah ke folder ${scope}${own ? ` (${regencyDisplayName(own)})` : ''}: unggah ke imports/${regencyCode}/, atau ke imports/${deps.regions.province.code}/ untuk seluruh provinsi`;
}

/**
 * A LAPOR! export: each row is the complaint's state as of the export's generation time. A
 * complaint seen for the first time, or in a new state, becomes an update dated at that time;
 * an unchanged row writes nothing; a row older than what the table knows is `stale` and writes
 * nothing. Updates go through the ingest use case, like the API's.
 */
function exportImporter(
  deps: IngestDeps,
  report: ImportReport,
  head: Extract<Head, { kind: 'lapor-export' }>,
  mapping: ExportMapping,
  fileName: string,
  options: ImportOptions,
) {
  const zone = deps.regions.zone;
  const example = zone.iso(zone.at('2026-03-17', '23:59'));
  const explicit = options.asOf === undefined ? undefined : parseAsOf(options.asOf, mapping, zone);
  if (options.asOf !== undefined && !explicit)
    throw new ImportFileError(
      `${fileName}: as-of "${options.asOf}" is not an instant: write e.g. ${example} (without an offset it is ${zone.abbreviation}) or 17 Mar 2026 23:59`,
    );
  const asOf = (explicit ?? head.generatedAt)?.setZone(luxonZone(zone));
  if (!asOf) {
    throw new ImportFileError(
      `${fileName}: tidak ada "${mapping.generatedAtLabels[0]}" di baris-baris atas berkas, jadi tidak diketahui per kapan data ini. Unggah ulang dengan metadata as-of (S3) atau jalankan dengan --as-of <waktu>, mis. ${example}`,
    );
  }
  if (asOf.toMillis() > deps.clock().getTime() + 5 * 60_000) {
    throw new ImportFileError(
      `${fileName}: waktu ekspor ${asOf.toFormat('d LLL yyyy HH:mm')} ${zone.abbreviation} ada di masa depan; periksa ${explicit ? 'as-of' : `"${mapping.generatedAtLabels[0]}"`}`,
    );
  }
  const exportInfo: NonNullable<ImportReport['export']> = {
    headerLine: head.line,
    asOf: asOf.toISO({ suppressMilliseconds: true }) as string,
    asOfSource: explicit ? (options.asOfSource ?? 'command line') : 'preamble',
    counts: { new: 0, changed: 0, unchanged: 0, stale: 0, rejected: 0, failed: 0 },
    rows: [],
    notReadColumns: head.header.notRead,
    unmapped: [],
    notes: [],
  };
  report.export = exportInfo;
  report.ignoredColumns = [
    ...head.header.notRead.map((c) => `${c} (personal data or complaint text: not read)`),
    ...head.header.ignored,
  ];
  const unmapped = new Map<string, { column: string; value: string; lines: number[] }>();
  const unknown = new Map<string, { column: string; value: string; lines: number[] }>();
  const push = (r: ExportRowResult) => {
    exportInfo.counts[r.outcome] += 1;
    if (r.outcome !== 'unchanged') exportInfo.rows.push(r);
    const legacy = {
      new: 'created',
      changed: 'applied',
      unchanged: 'duplicate',
      stale: 'stale',
      rejected: 'rejected',
      failed: 'failed',
    } as const;
    report.counts[legacy[r.outcome]] += 1;
  };

  return async (batch: FileRow[]) => {
    if (batch.length === 0) return;
    const candidates: ExportRow[] = [];
    for (const { line, cells } of batch) {
      if (isNoteRow(cells, head.header, mapping)) {
        // Not a complaint: said in the result, counted nowhere.
        report.rows -= 1;
        exportInfo.notes.push(line);
        continue;
      }
      const mapped = mapExportRow(cells, line, head.header, mapping, deps.regions, deps.citizens);
      if (!mapped.ok) {
        for (const p of mapped.problems.filter((p) => p.unmapped && p.value)) {
          const key = `${p.column}|${p.value}`;
          const entry = unmapped.get(key) ?? { column: p.column, value: p.value as string, lines: [] };
          entry.lines.push(line);
          unmapped.set(key, entry);
        }
        push({
          line,
          ...(mapped.trackingId ? { trackingId: mapped.trackingId } : {}),
          outcome: 'rejected',
          problems: mapped.problems,
        });
        continue;
      }
      const refusal = outOfScope(deps, options.scope, mapped.row.regencyCode);
      if (refusal) {
        push({
          line,
          trackingId: mapped.row.trackingId,
          outcome: 'rejected',
          statusLabel: mapped.row.statusLabel,
          problems: [{ column: head.header.names.regency ?? 'Kota/Kabupaten', message: refusal }],
        });
        continue;
      }
      for (const u of mapped.row.unknownValues ?? []) {
        const field = u.field === 'channel' ? 'channelSource' : u.field;
        const column = head.header.names[field] ?? field;
        const key = `${column}|${u.value}`;
        const entry = unknown.get(key) ?? { column, value: u.value, lines: [] };
        entry.lines.push(line);
        unknown.set(key, entry);
      }
      candidates.push(mapped.row);
    }
    exportInfo.unmapped = [...unmapped.values()];
    if (unknown.size > 0) exportInfo.unknownValues = [...unknown.values()];

    // Compare each row with what the table knows, a few reads at a time.
    const decisions = await mapBounded(candidates, deps.concurrency ?? 4, async (row) => {
      const snapshot = await deps.store.getSnapshot(row.trackingId);
      if (!snapshot) return 'new' as const;
      if (Date.parse(snapshot.lastEventAt) > asOf.toMillis()) return 'stale' as const;
      const known = exportStateKey(
        knownExportState({ ...snapshot, bukanWewenang: snapshot.timeline.at(-1)?.bukanWewenang }, row),
      );
      return known === exportStateKey(row) ? ('unchanged' as const) : ('changed' as const);
    });
    const toWrite = candidates.filter((_, i) => decisions[i] === 'new' || decisions[i] === 'changed');
    const results = await ingestBatch(
      deps,
      toWrite.map((row) => updateFromExportRow(row, asOf, zone)),
      `export:${fileName}`,
      batchScope(deps, options.scope),
    );
    let k = 0;
    candidates.forEach((row, i) => {
      push(outcomeOf(row, decisions[i] as Decision, () => results[k++] as ItemResult, head.header));
    });
  };
}

type Decision = 'new' | 'changed' | 'unchanged' | 'stale';

/** A row's outcome from the decision taken before writing and, if written, the ingest's result. */
function outcomeOf(
  row: ExportRow,
  decision: Decision,
  written: () => ItemResult,
  header: ExportHeader,
): ExportRowResult {
  const base = { line: row.line, trackingId: row.trackingId, statusLabel: row.statusLabel };
  if (decision === 'unchanged' || decision === 'stale') return { ...base, outcome: decision };
  const result = written();
  if (result.result === 'rejected') {
    return {
      ...base,
      outcome: 'rejected',
      problems: result.errors.map((e) => ({ column: exportColumnOf(e.path, header), message: e.message })),
    };
  }
  if (result.result === 'failed') return { ...base, outcome: 'failed', message: result.message };
  const outcome =
    result.result === 'duplicate' ? 'unchanged' : result.result === 'stale' ? 'stale' : decision;
  return { ...base, outcome };
}

/** The export's own column name for a validator's field path. */
function exportColumnOf(path: string, header: ExportHeader): string {
  const field = (
    {
      trackingId: 'trackingId',
      regencyCode: 'regency',
      unit: 'unit',
      category: 'category',
      classification: 'classification',
      status: 'status',
      submittedAt: 'submittedDate',
    } as const
  )[path as 'trackingId'];
  return (field && header.names[field]) || path || 'baris';
}

const outcomeLabel: Record<ExportRowResult['outcome'], string> = {
  new: 'baru',
  changed: 'berubah',
  unchanged: 'tidak berubah',
  stale: 'lebih lama (stale)',
  rejected: 'ditolak',
  failed: 'gagal',
};

/**
 * The result file. Per-update files: one line per row (line, tracking id, result, reason), then
 * the ignored columns. LAPOR! exports: in the export's own terms (its line numbers, its column
 * names, the labels it could not map) and in Indonesian: a summary, then every row that was new,
 * changed, stale, rejected or failed. Every cell is neutralized against formula injection. Times
 * are written in the province's zone.
 * @param uploader who uploaded the file (S3's principal id), written as the first line after the header
 */
export function resultCsv(report: ImportReport, zone: Zone, uploader?: string): string {
  if (report.export) return exportResultCsv(report, report.export, zone, uploader);
  const lines = [csvLine(['line', 'trackingId', 'result', 'reason'])];
  if (uploader) lines.push(csvLine(['', '', 'uploaded-by', uploader]));
  if (report.stopped) lines.push(csvLine(['', '', 'stopped', report.stopped.message]));
  for (const r of report.results) {
    const trackingId = ('trackingId' in r && r.trackingId) || '';
    const reason =
      r.result === 'rejected'
        ? r.errors.map((e) => `${e.path || 'row'}: ${e.message}`).join('; ')
        : r.result === 'failed'
          ? `${r.message} (retry the import)`
          : '';
    lines.push(csvLine([r.line, trackingId, r.result, reason]));
  }
  for (const column of report.ignoredColumns) lines.push(csvLine(['', '', 'ignored-column', column]));
  return `${lines.join('\n')}\n`;
}

function exportResultCsv(
  report: ImportReport,
  info: NonNullable<ImportReport['export']>,
  zone: Zone,
  uploader?: string,
): string {
  const c = info.counts;
  const when = DateTime.fromISO(info.asOf, { zone: luxonZone(zone) })
    .setLocale('id')
    .toFormat('d LLL yyyy HH:mm');
  const source =
    info.asOfSource === 'preamble'
      ? 'waktu ekspor di bagian atas berkas'
      : `waktu ekspor dari ${info.asOfSource}`;
  const lines = [csvLine(['baris', 'Tracking ID', 'hasil', 'Status Laporan', 'keterangan'])];
  if (uploader) lines.push(csvLine(['', '', 'diunggah oleh', '', uploader]));
  lines.push(
    csvLine([
      '',
      '',
      'ringkasan',
      '',
      `Ekspor LAPOR! per ${when} ${zone.abbreviation} (${source}); judul kolom di baris ${info.headerLine}. ${report.rows} laporan: ${c.new} baru, ${c.changed} berubah, ${c.unchanged} tidak berubah, ${c.stale} lebih lama dari data yang sudah ada (tidak diubah), ${c.rejected} ditolak, ${c.failed} gagal.`,
    ]),
  );
  if (report.stopped) lines.push(csvLine(['', '', 'berhenti', '', report.stopped.message]));
  if (c.failed > 0)
    lines.push(
      csvLine([
        '',
        '',
        'gagal',
        '',
        'Sebagian baris gagal disimpan; impor akan diulang otomatis (baris yang sudah tersimpan tidak tercatat dua kali).',
      ]),
    );
  for (const u of info.unmapped)
    lines.push(
      csvLine([
        '',
        '',
        'tidak dikenal',
        u.column,
        `"${u.value}" di ${u.lines.length} baris (${u.lines.slice(0, 10).join(', ')}${u.lines.length > 10 ? ', ...' : ''}): tidak ditebak; baris itu ditolak. Tambahkan ke data berkas pemetaan, lalu unggah lagi.`,
      ]),
    );
  for (const u of info.unknownValues ?? [])
    lines.push(
      csvLine([
        '',
        '',
        'nilai tidak dikenal',
        u.column,
        `"${u.value}" di ${u.lines.length} baris (${u.lines.slice(0, 10).join(', ')}${u.lines.length > 10 ? ', ...' : ''}): baris tetap diimpor; ${u.column === 'Kecamatan' ? 'kecamatan dicatat seperti tertulis' : u.column === 'Rating' ? 'nilai dicatat seperti tertulis' : 'dihitung sebagai "lainnya"'}. Tambahkan ke ${u.column === 'Kecamatan' ? 'data/regions/<provinsi>-kecamatan.csv' : 'data/import/citizens.json'} bila nilai ini benar.`,
      ]),
    );
  for (const line of info.notes)
    lines.push(
      csvLine([
        line,
        '',
        'dilewati',
        '',
        'bukan baris laporan (tanpa Tracking ID dan data laporan), misalnya jumlah atau catatan',
      ]),
    );
  for (const r of info.rows) {
    const reason =
      r.problems
        ?.map((p) => `${p.column}${p.value !== undefined ? ` "${p.value}"` : ''}: ${p.message}`)
        .join('; ') ??
      r.message ??
      '';
    lines.push(csvLine([r.line, r.trackingId ?? '', outcomeLabel[r.outcome], r.statusLabel ?? '', reason]));
  }
  for (const column of info.notReadColumns)
    lines.push(
      csvLine([
        '',
        '',
        'kolom tidak dibaca',
        column,
        'data pribadi atau isi laporan: tidak dibaca, tidak disimpan',
      ]),
    );
  return `${lines.join('\n')}\n`;
}

/** The result of a file that could not be imported at all, as CSV (one explaining line). */
export function refusedResultCsv(message: string, uploader?: string): string {
  return `${csvLine(['baris', 'Tracking ID', 'hasil', 'Status Laporan', 'keterangan'])}\n${uploader ? `${csvLine(['', '', 'diunggah oleh', '', uploader])}\n` : ''}${csvLine(['', '', 'ditolak', '', message])}\n`;
}

/** Result files sit next to their input; the importer never imports one. */
export const resultSuffix = '.result.csv';
export const unreadableSuffix = '.result.txt';

export function resultKeyFor(inputKey: string): string {
  return `${inputKey}${resultSuffix}`;
}
