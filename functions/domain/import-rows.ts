import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { UpdateField } from './update';
import type { Zone } from './zone';
import { luxonZone } from './zone-luxon';

/**
 * The fields a per-update file has a column for: every update field (domain/update.ts), but the
 * field inspection in two columns of its own and no confidential mark (LAPOR!'s `Tipe Laporan` is
 * read from its export; the API takes `confidential`).
 */
type FileField =
  | Exclude<UpdateField, 'fieldInspection' | 'confidential'>
  | 'inspectionPlannedOn'
  | 'inspectionDoneOn';

/**
 * Columns of a bulk import file: the shape of a LAPOR! dashboard export, with Indonesian headers
 * (English ids accepted too). Matching ignores case, spaces and punctuation. Columns that carry a
 * reporter's identity are dropped unread and named in the result.
 */
export const importColumns = {
  trackingId: ['ID Tracking', 'No Tracking', 'Nomor Tracking', 'Tracking ID', 'trackingId'],
  regencyCode: ['Kode Wilayah', 'Kode Kabupaten/Kota', 'Kode Kab/Kota', 'regencyCode'],
  unit: ['Instansi Terdisposisi', 'Instansi', 'Unit Kerja', 'OPD', 'unit'],
  category: ['Kategori', 'category'],
  classification: ['Klasifikasi', 'Jenis Laporan', 'classification'],
  status: ['Status', 'status'],
  occurredAt: ['Waktu Status', 'Tanggal Status', 'Waktu Pembaruan', 'occurredAt'],
  submittedAt: ['Tanggal Laporan', 'Waktu Laporan', 'submittedAt'],
  sourceUpdateId: ['ID Pembaruan', 'sourceUpdateId'],
  note: ['Catatan', 'Keterangan', 'note'],
  bukanWewenang: ['Bukan Wewenang', 'bukanWewenang'],
  // The citizens' side (optional; mapped through data/import/citizens.json and the kecamatan list).
  channel: ['Kanal', 'Sumber Laporan', 'channel'],
  district: ['Kecamatan', 'district'],
  village: ['Kelurahan', 'Desa/Kelurahan', 'village'],
  rating: ['Rating', 'rating'],
  reporterReplied: ['Ditanggapi Pelapor', 'reporterReplied'],
  // A field inspection (optional): planned and done dates, as in the inspection file below.
  inspectionPlannedOn: [
    'Rencana Pemeriksaan Lapangan',
    'Rencana Pemeriksaan',
    'inspectionPlannedOn',
    'plannedOn',
  ],
  inspectionDoneOn: ['Pemeriksaan Lapangan Selesai', 'Tanggal Pemeriksaan', 'inspectionDoneOn', 'doneOn'],
} as const satisfies Record<FileField, readonly string[]>;

export type ImportField = keyof typeof importColumns;

const requiredFields: ImportField[] = [
  'trackingId',
  'regencyCode',
  'unit',
  'category',
  'classification',
  'status',
  'occurredAt',
];

/** Export columns with personal data: never read. */
const personalColumns = [
  'nama pelapor',
  'pelapor',
  'nik',
  'no hp',
  'nomor hp',
  'telepon',
  'email',
  'e-mail',
  'alamat',
  'no ktp',
];

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A file that cannot be imported as it is (missing columns, no export time, ...): nothing was written. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

/** A file that cannot be read at all (not a CSV or XLSX, a broken workbook). */
export class UnreadableFileError extends ImportFileError {
  override name = 'UnreadableFileError';
}

export interface MappedRow {
  /** Line (CSV) or row (XLSX) number in the file, header = 1. */
  line: number;
  /** The update as the validator expects it. */
  input: Record<string, unknown>;
}

export interface MappedFile {
  rows: MappedRow[];
  /** Columns that were not read, personal-data ones marked. */
  ignoredColumns: string[];
}

/** The header of a per-update file: which column holds which field. */
export interface UpdateHeader {
  fieldOf: Map<number, ImportField>;
  ignoredColumns: string[];
}

/** Maps the header row of a per-update file; throws naming the missing required columns. */
export function mapUpdateHeader(
  header: readonly unknown[],
  fileName: string,
  headerLine: number,
): UpdateHeader {
  const names = header.map((cell) => String(cell ?? '').trim());
  const fieldOf = new Map<number, ImportField>();
  const ignoredColumns: string[] = [];
  names.forEach((name, index) => {
    if (!name) return;
    const field = (Object.keys(importColumns) as ImportField[]).find((f) =>
      importColumns[f].some((alias) => normalise(alias) === normalise(name)),
    );
    if (field && ![...fieldOf.values()].includes(field)) fieldOf.set(index, field);
    else if (personalColumns.some((p) => normalise(p) === normalise(name)))
      ignoredColumns.push(`${name} (personal data: not read)`);
    else ignoredColumns.push(name);
  });
  const missing = requiredFields.filter((f) => ![...fieldOf.values()].includes(f));
  if (missing.length > 0) {
    throw new ImportFileError(
      `${fileName} line ${headerLine}: missing column(s) ${missing.map((f) => `"${importColumns[f][0]}"`).join(', ')}; see README "Bulk import"`,
    );
  }
  return { fieldOf, ignoredColumns };
}

/** True when a row has no non-blank cell. */
export const isBlankRow = (row: readonly unknown[]) => !row.some((cell) => String(cell ?? '').trim() !== '');

/**
 * Maps one data row of a per-update file to an update object for the validator. A file without
 * a source update id column gets one derived from the row's content, so that importing the same
 * file again finds every row a duplicate. Instants without an offset are read in the province's zone.
 */
export function mapUpdateRow(
  row: readonly unknown[],
  line: number,
  header: UpdateHeader,
  zone: Zone,
): MappedRow {
  const input: Record<string, unknown> = {};
  for (const [index, field] of header.fieldOf) {
    const cell = row[index];
    if (cell === null || cell === undefined || String(cell).trim() === '') continue;
    input[field] = cellValue(field, cell, zone);
  }
  const { inspectionPlannedOn: plannedOn, inspectionDoneOn: doneOn } = input;
  delete input.inspectionPlannedOn;
  delete input.inspectionDoneOn;
  if (plannedOn !== undefined || doneOn !== undefined) {
    input.fieldInspection = {
      ...(plannedOn !== undefined ? { plannedOn } : {}),
      ...(doneOn !== undefined ? { doneOn } : {}),
    };
  }
  if (input.sourceUpdateId === undefined) {
    input.sourceUpdateId = `row-${createHash('sha256')
      .update([input.trackingId, input.status, input.occurredAt].map(String).join('|'))
      .digest('hex')
      .slice(0, 24)}`;
  }
  return { line, input };
}

/**
 * Maps the rows of a file (header row first) to update objects for the validator.
 * Instants without an offset are read in the province's zone.
 */
export function mapImportRows(
  table: readonly (readonly unknown[])[],
  fileName: string,
  zone: Zone,
): MappedFile {
  const headerIndex = table.findIndex((row) => !isBlankRow(row));
  if (headerIndex < 0) throw new ImportFileError(`${fileName}: the file is empty`);
  const header = mapUpdateHeader(table[headerIndex] ?? [], fileName, headerIndex + 1);
  const rows: MappedRow[] = [];
  table.slice(headerIndex + 1).forEach((row, offset) => {
    if (!isBlankRow(row)) rows.push(mapUpdateRow(row, headerIndex + 2 + offset, header, zone));
  });
  return { rows, ignoredColumns: header.ignoredColumns };
}

function cellValue(field: ImportField, cell: unknown, zone: Zone): unknown {
  if (field === 'occurredAt' || field === 'submittedAt') return toInstant(cell, zone);
  if (field === 'inspectionPlannedOn' || field === 'inspectionDoneOn') return toDateString(cell);
  if (field === 'bukanWewenang' || field === 'reporterReplied')
    return /^(ya|y|yes|true|1)$/i.test(String(cell).trim());
  if (field === 'regencyCode' || field === 'trackingId') return String(cell).trim();
  return typeof cell === 'string' ? cell.trim() : String(cell);
}

/**
 * An instant from a cell: ISO with offset as is; "2026-03-17 10:00", "17/03/2026 10:00" or a
 * spreadsheet date (whose wall-clock time arrives as UTC fields) read in the province's zone.
 */
export function toInstant(cell: unknown, zone: Zone): string {
  const local = luxonZone(zone);
  if (cell instanceof Date) {
    // 46098.416666666664 (17 Mar 2026 10:00) arrives as 09:59:59.999: round as spreadsheets display it.
    const wall = DateTime.fromMillis(Math.round(cell.getTime() / 1000) * 1000, { zone: 'UTC' });
    return DateTime.fromObject(
      {
        year: wall.year,
        month: wall.month,
        day: wall.day,
        hour: wall.hour,
        minute: wall.minute,
        second: wall.second,
      },
      { zone: local },
    ).toISO({ suppressMilliseconds: true }) as string;
  }
  const text = String(cell).trim();
  if (/([zZ]|[+-]\d{2}:?\d{2})$/.test(text)) return text.replace(' ', 'T');
  for (const format of [
    'yyyy-MM-dd HH:mm:ss',
    'yyyy-MM-dd HH:mm',
    "yyyy-MM-dd'T'HH:mm:ss",
    "yyyy-MM-dd'T'HH:mm",
    'dd/MM/yyyy HH:mm:ss',
    'dd/MM/yyyy HH:mm',
    'd/M/yyyy H:mm',
    'yyyy-MM-dd',
    'dd/MM/yyyy',
  ]) {
    const parsed = DateTime.fromFormat(text, format, { zone: local });
    if (parsed.isValid) return parsed.toISO({ suppressMilliseconds: true }) as string;
  }
  return text; // the validator names it
}

/**
 * A calendar date (YYYY-MM-DD) from a cell: as is, day-first `17/03/2026` or `17/3/2026`, or a
 * spreadsheet date cell (its date part, as displayed). Anything else is returned for the validator to name.
 */
export function toDateString(cell: unknown): string {
  if (cell instanceof Date) {
    return DateTime.fromMillis(Math.round(cell.getTime() / 1000) * 1000, {
      zone: 'UTC',
    }).toISODate() as string;
  }
  const text = String(cell).trim();
  for (const format of ['yyyy-MM-dd', 'dd/MM/yyyy', 'd/M/yyyy', 'dd-MM-yyyy']) {
    const parsed = DateTime.fromFormat(text, format, { zone: 'UTC' });
    if (parsed.isValid) return parsed.toISODate() as string;
  }
  return text;
}

/**
 * The field-inspection file an admin uploads: one row per complaint, `ID Tracking`, the planned
 * date, the date done (either may be empty) and optionally the unit. Told apart from the per-update
 * format by having no `Status` column.
 */
export const inspectionColumns = {
  trackingId: importColumns.trackingId,
  plannedOn: importColumns.inspectionPlannedOn,
  doneOn: importColumns.inspectionDoneOn,
  unit: importColumns.unit,
} as const;

export type InspectionField = keyof typeof inspectionColumns;

export interface InspectionHeader {
  fieldOf: Map<number, InspectionField>;
  ignoredColumns: string[];
}

/** The header of an inspection file, or undefined when the row is not one. */
export function mapInspectionHeader(header: readonly unknown[]): InspectionHeader | undefined {
  const names = header.map((cell) => String(cell ?? '').trim());
  if (names.some((name) => importColumns.status.some((alias) => normalise(alias) === normalise(name))))
    return undefined;
  const fieldOf = new Map<number, InspectionField>();
  const ignoredColumns: string[] = [];
  names.forEach((name, index) => {
    if (!name) return;
    const field = (Object.keys(inspectionColumns) as InspectionField[]).find((f) =>
      inspectionColumns[f].some((alias) => normalise(alias) === normalise(name)),
    );
    if (field && ![...fieldOf.values()].includes(field)) fieldOf.set(index, field);
    else if (personalColumns.some((p) => normalise(p) === normalise(name)))
      ignoredColumns.push(`${name} (personal data: not read)`);
    else ignoredColumns.push(name);
  });
  const fields = new Set(fieldOf.values());
  if (!fields.has('trackingId') || !(fields.has('plannedOn') || fields.has('doneOn'))) return undefined;
  return { fieldOf, ignoredColumns };
}

/** One row of an inspection file: its tracking id, dates (as written when not a date) and unit. */
export function mapInspectionRow(
  row: readonly unknown[],
  header: InspectionHeader,
): { trackingId?: string; plannedOn?: string; doneOn?: string; unit?: string } {
  const out: { trackingId?: string; plannedOn?: string; doneOn?: string; unit?: string } = {};
  for (const [index, field] of header.fieldOf) {
    const cell = row[index];
    if (cell === null || cell === undefined || String(cell).trim() === '') continue;
    out[field] = field === 'plannedOn' || field === 'doneOn' ? toDateString(cell) : String(cell).trim();
  }
  return out;
}
