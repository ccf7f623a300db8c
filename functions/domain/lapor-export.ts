import { createHash } from 'node:crypto';
import { DateTime, FixedOffsetZone, type Zone } from 'luxon';
import * as z from 'zod';
import {
  channelOf,
  citizenFactKeys,
  districtOf,
  isReporterReply,
  ratingOf,
  type UnknownValue,
} from './citizens';
import { type ComplaintField, classifications, statuses } from './complaint';
import { exportUpdatePrefix } from './first-seen';
import { scrubText } from './personal-data';
import type { Regions } from './regions';
import type { CitizenData, ComplaintUpdate } from './update';
import type { Zone as PlaceZone } from './zone';
import { luxonZone } from './zone-luxon';

/**
 * The SP4N-LAPOR! export: one row per complaint holding its current state, a few preamble rows
 * (title, institution, generation date) above a header row whose first cell is `Tracking ID`.
 * How its columns, labels and dates map onto this project is data (data/import/lapor-export.json,
 * with the public sources it was read from); this module applies it, purely.
 */

const fieldNames = [
  'trackingId',
  'submittedDate',
  'submittedTime',
  'classification',
  'category',
  'parentUnit',
  'unit',
  'status',
  'holdReason',
  'province',
  'regency',
  // The citizens' side (data/import/citizens.json): optional; an unknown value never refuses a row.
  'channelSource',
  'setwapres',
  'district',
  'village',
  'rating',
  // LAPOR!'s confidential mark (issue 23): a confidential complaint's category is never published.
  'reportType',
] as const;
export type ExportField = (typeof fieldNames)[number];

const withSource = { source: z.string().min(1), why: z.string().optional() };

export const exportMappingSchema = z.object({
  headerMarker: z.string().min(1),
  columns: z.record(
    z.enum(fieldNames),
    z.object({ aliases: z.array(z.string().min(1)).min(1), required: z.boolean(), ...withSource }),
  ),
  notRead: z.object({ columns: z.array(z.string().min(1)) }),
  knownIgnored: z.array(z.string()),
  generatedAtLabels: z.array(z.string().min(1)).min(1),
  empty: z.array(z.string()),
  dateFormats: z.array(z.string().min(1)).min(1),
  timeFormats: z.array(z.string().min(1)).min(1),
  months: z.record(z.string(), z.string()),
  weekdays: z.object({ names: z.array(z.string().min(1)) }).optional(),
  zones: z.object({ offsets: z.record(z.string(), z.number().int()), source: z.string().min(1) }).optional(),
  statuses: z.record(z.string(), z.object({ status: z.enum(statuses), ...withSource })),
  bukanWewenangReasons: z.array(z.string().min(1)),
  confidentialReportTypes: z
    .object({ values: z.array(z.string().min(1)), publicValues: z.array(z.string().min(1)), why: z.string() })
    .optional(),
  classifications: z.record(z.string(), z.object({ classification: z.enum(classifications), ...withSource })),
});
export type ExportMapping = z.infer<typeof exportMappingSchema>;

/** Validates the mapping file; throws naming the bad field. */
export function parseExportMapping(input: unknown, origin = 'export mapping'): ExportMapping {
  const result = exportMappingSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${origin}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return result.data;
}

/** Header and label matching: trimmed, case-insensitive, inner spaces collapsed. */
export const headerKey = (value: unknown) =>
  String(value ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

/**
 * True when this row is the export's header row: its first cell is the marker (`Tracking ID`), or,
 * behind a row-number column, a later cell is and another cell names a column the export has.
 */
export function isExportHeader(cells: readonly unknown[], mapping: ExportMapping): boolean {
  const marker = headerKey(mapping.headerMarker);
  if (headerKey(cells[0]) === marker) return true;
  const at = cells.findIndex((c) => headerKey(c) === marker);
  if (at < 0) return false;
  const known = new Set(Object.values(mapping.columns).flatMap((c) => (c ? c.aliases.map(headerKey) : [])));
  known.delete(marker);
  return cells.some((c, i) => i !== at && known.has(headerKey(c)));
}

export interface ExportHeader {
  /** Column index of each field found. */
  index: Partial<Record<ExportField, number>>;
  /** The file's own name of each field's column, for messages. */
  names: Partial<Record<ExportField, string>>;
  /** Columns with personal data or complaint content: never read. */
  notRead: string[];
  /** Other columns, not needed. */
  ignored: string[];
  /** Required fields without a column: the file cannot be imported. */
  missing: { field: ExportField; expected: string }[];
}

/** Maps the header row's cells to fields by name, never by position. */
export function mapExportHeader(cells: readonly unknown[], mapping: ExportMapping): ExportHeader {
  const header: ExportHeader = { index: {}, names: {}, notRead: [], ignored: [], missing: [] };
  const notRead = new Set(mapping.notRead.columns.map(headerKey));
  cells.forEach((cell, i) => {
    const name = String(cell ?? '').trim();
    if (!name) return;
    const key = headerKey(name);
    const field = fieldNames.find(
      (f) => header.index[f] === undefined && mapping.columns[f]?.aliases.some((a) => headerKey(a) === key),
    );
    if (field) {
      header.index[field] = i;
      header.names[field] = name;
    } else if (notRead.has(key)) header.notRead.push(name);
    else header.ignored.push(name);
  });
  for (const f of fieldNames) {
    const column = mapping.columns[f];
    if (column?.required && header.index[f] === undefined)
      header.missing.push({ field: f, expected: column.aliases[0] ?? f });
  }
  return header;
}

/** A cell is empty when blank or a dash (the export's "nothing here"). */
function textOf(cell: unknown, mapping: ExportMapping): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  const text = (cell instanceof Date ? cell.toISOString() : String(cell)).trim();
  return text === '' || mapping.empty.includes(text) ? undefined : text;
}

/**
 * A tracking id as the export holds it: digits, which Excel may have turned into a number
 * (`5049672`), a float (`5049672.0`) or scientific notation (`5.049672E6`).
 */
export function normaliseTrackingId(cell: unknown): string {
  if (typeof cell === 'number' && Number.isSafeInteger(cell)) return String(cell);
  const text = String(cell ?? '').trim();
  if (/^\d+\.0+$/.test(text)) return text.replace(/\.0+$/, '');
  if (/^\d+(\.\d+)?[eE]\+?\d+$/.test(text)) {
    const value = Number(text);
    if (Number.isSafeInteger(value)) return String(value);
  }
  return text;
}

/** Spreadsheet serial day (1900 system) -> epoch ms, rounded to the second as spreadsheets display it. */
export function serialToEpochMs(serial: number): number {
  return Math.round(((serial - 25569) * 86_400_000) / 1000) * 1000;
}

/**
 * A spreadsheet date cell arrives as a Date whose UTC fields are the wall-clock time written in
 * the sheet, possibly a fraction of a millisecond off (46098.416666666664 is 09:59:59.999...):
 * rounded to the nearest second.
 */
export function wallClockOfDateCell(cell: Date, local: PlaceZone): DateTime {
  const rounded = Math.round(cell.getTime() / 1000) * 1000;
  const utc = DateTime.fromMillis(rounded, { zone: 'UTC' });
  return DateTime.fromObject(
    {
      year: utc.year,
      month: utc.month,
      day: utc.day,
      hour: utc.hour,
      minute: utc.minute,
      second: utc.second,
    },
    { zone: luxonZone(local) },
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The patterns a mapping's words compile to, once per mapping (they are used on every date cell). */
const compiled = new WeakMap<
  ExportMapping,
  { months: RegExp; monthOf: Map<string, string>; weekday: RegExp }
>();

function patternsOf(mapping: ExportMapping) {
  let patterns = compiled.get(mapping);
  if (!patterns) {
    // Longest names first, so "Agustus" is not read as "Agu" + "stus".
    const names = Object.keys(mapping.months)
      .filter((k) => k !== 'source')
      .sort((a, b) => b.length - a.length);
    const weekdays = mapping.weekdays?.names ?? [];
    patterns = {
      months: new RegExp(`\\b(${names.map(escapeRegExp).join('|')})\\b`, 'gi'),
      monthOf: new Map(names.map((n) => [n.toLowerCase(), mapping.months[n] as string])),
      weekday: weekdays.length
        ? new RegExp(`^(${weekdays.map(escapeRegExp).join('|')}),?\\s+(?=\\d)`, 'i')
        : /$^/,
    };
    compiled.set(mapping, patterns);
  }
  return patterns;
}

function englishMonths(text: string, mapping: ExportMapping): string {
  const { months, monthOf } = patternsOf(mapping);
  return text.replace(months, (name) => monthOf.get(name.toLowerCase()) ?? name);
}

/** A leading day name ("Senin, ") dropped: the date after it says the same. */
function withoutWeekday(text: string, mapping: ExportMapping): string {
  return text.replace(patternsOf(mapping).weekday, '');
}

/**
 * The zone a written time names ("09:12 WIB"), as a fixed-offset zone, and the text without it; a time
 * without a name is in the province's own zone (`local`).
 */
function namedZoneOf(text: string, mapping: ExportMapping, local: Zone): { text: string; zone: Zone } {
  const match = /\s+([A-Za-z]{2,5})$/.exec(text);
  const offset = match ? mapping.zones?.offsets[(match[1] ?? '').toUpperCase()] : undefined;
  if (!match || offset === undefined) return { text, zone: local };
  const zone = offset === local.offset(0) ? local : FixedOffsetZone.instance(offset);
  return { text: text.slice(0, match.index), zone };
}

/**
 * A date (and time, if written) from text, a Date cell or a spreadsheet serial, in the province's zone:
 * a time written without a zone name is its local time; one naming WIB, WITA or WIT is converted.
 */
export function parseExportDate(
  cell: unknown,
  mapping: ExportMapping,
  place: PlaceZone,
): DateTime | undefined {
  if (cell instanceof Date) return wallClockOfDateCell(cell, place);
  if (typeof cell === 'number' && cell > 0)
    return wallClockOfDateCell(new Date(serialToEpochMs(cell)), place);
  const text = textOf(cell, mapping);
  if (!text) return undefined;
  const local = luxonZone(place);
  if (/T\d{2}:\d{2}.*([zZ]|[+-]\d{2}:?\d{2})$/.test(text)) {
    const iso = DateTime.fromISO(text, { setZone: true });
    return iso.isValid ? iso.setZone(local) : undefined;
  }
  const { text: bare, zone } = namedZoneOf(
    withoutWeekday(text.replace(/\s+/g, ' '), mapping),
    mapping,
    local,
  );
  const english = englishMonths(bare, mapping);
  for (const format of mapping.dateFormats) {
    const parsed = DateTime.fromFormat(english, format, { zone, locale: 'en' });
    if (parsed.isValid) return parsed.setZone(local);
  }
  return undefined;
}

/**
 * A time of day from text (`10:15`, `10.15.00`), a Date cell or a day fraction: the province's local
 * time, unless the text names another zone (then `zone` says which).
 */
export function parseExportTime(
  cell: unknown,
  mapping: ExportMapping,
  place: PlaceZone,
): { hour: number; minute: number; second: number; zone?: Zone } | undefined {
  if (cell instanceof Date || (typeof cell === 'number' && cell >= 0 && cell < 1)) {
    const wall = wallClockOfDateCell(cell instanceof Date ? cell : new Date(serialToEpochMs(cell)), place);
    return { hour: wall.hour, minute: wall.minute, second: wall.second };
  }
  const raw = textOf(cell, mapping);
  if (!raw) return undefined;
  const local = luxonZone(place);
  const { text, zone } = namedZoneOf(raw.replace(/\s+/g, ' '), mapping, local);
  for (const format of mapping.timeFormats) {
    const parsed = DateTime.fromFormat(text, format, { zone: local });
    if (parsed.isValid)
      return {
        hour: parsed.hour,
        minute: parsed.minute,
        second: parsed.second,
        ...(zone === local ? {} : { zone }),
      };
  }
  return undefined;
}

/**
 * The export's generation time from its preamble rows (`Tanggal Generate: 17 Mar 2026 16:00`, or
 * the label in one cell and the value in a later one). A date without a time is read as the end of
 * that day (the province's zone): later than the real moment, so every state it shows is dated no
 * earlier than it was true.
 */
export function generatedAtOf(
  preamble: readonly (readonly unknown[])[],
  mapping: ExportMapping,
  place: PlaceZone,
): DateTime | undefined {
  const labels = mapping.generatedAtLabels.map(headerKey);
  for (const row of preamble) {
    for (let i = 0; i < row.length; i++) {
      const text = String(row[i] ?? '').trim();
      const key = headerKey(text.replace(/\s*:.*$/, ''));
      if (!labels.includes(key)) continue;
      const inline = text.includes(':') ? text.slice(text.indexOf(':') + 1).trim() : '';
      const candidates = inline ? [inline] : row.slice(i + 1).filter((c) => textOf(c, mapping));
      for (const candidate of candidates) {
        const cleaned = typeof candidate === 'string' ? candidate.replace(/^:\s*/, '') : candidate;
        const parsed = exportInstant(cleaned, mapping, place);
        if (parsed) return parsed;
      }
    }
  }
  return undefined;
}

/**
 * An export's time as written (text, a date cell or a serial), a bare date read as the end of that
 * day (the province's zone): later than the real moment, so that no state is dated before it was true.
 */
function exportInstant(cell: unknown, mapping: ExportMapping, place: PlaceZone): DateTime | undefined {
  const parsed = parseExportDate(cell, mapping, place);
  if (!parsed) return undefined;
  const hasTime =
    cell instanceof Date || typeof cell === 'number'
      ? parsed.hour + parsed.minute + parsed.second > 0
      : /\d[:.]\d{2}/.test(String(cell));
  return hasTime ? parsed : parsed.endOf('day').set({ millisecond: 0 });
}

/**
 * The export time given with the file (`--as-of`, S3 metadata `as-of`): an ISO instant (without an
 * offset it is the province's local time, as every time in this product), or a date as exports write
 * it (`2 Jun 2026 23:00`); a bare date is the end of that day. `undefined` when unreadable.
 */
export function parseAsOf(text: string, mapping: ExportMapping, place: PlaceZone): DateTime | undefined {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
    const local = luxonZone(place);
    const iso = DateTime.fromISO(trimmed, { zone: local, setZone: true });
    return iso.isValid ? iso.setZone(local) : undefined;
  }
  return exportInstant(trimmed, mapping, place);
}

/** What a row may say beyond the complaint's own fields: the citizens' side and the confidential mark. */
const rowFacts = [...citizenFactKeys, 'confidential'] as const;
type RowFact = (typeof rowFacts)[number];

/** What one export row says about a complaint, mapped to the project's vocabulary. */
export type ExportRow = Pick<ComplaintUpdate, Exclude<ComplaintField, 'submittedAt'> | RowFact> & {
  /** Values of the citizens' columns the data files do not know: counted, and named in the result. */
  unknownValues?: UnknownValue[];
  line: number;
  /** The label as written in the file, for the result. */
  statusLabel: string;
  submittedAt: string;
  bukanWewenang: boolean;
};

/** A problem with one row, named in the export's own terms: its column and the value found. */
export interface RowProblem {
  column: string;
  value?: string;
  message: string;
  /** The label or name could not be mapped (reported, never guessed). */
  unmapped?: 'status' | 'classification' | 'regency';
}

export type MappedExportRow =
  | { ok: true; row: ExportRow }
  | { ok: false; trackingId?: string; problems: RowProblem[] };

/**
 * True for a note under (or between) the table's rows: a total, a "printed by" line. It has no
 * Tracking ID number and none of the fields a complaint row always has (status, class, regency,
 * submission date). Only mapped columns are read, never the personal-data ones.
 */
export function isNoteRow(cells: readonly unknown[], header: ExportHeader, mapping: ExportMapping): boolean {
  const text = (f: ExportField) =>
    header.index[f] === undefined ? undefined : textOf(cells[header.index[f]], mapping);
  const id = text('trackingId');
  if (id !== undefined && /^\d+$/.test(normaliseTrackingId(cells[header.index.trackingId as number])))
    return false;
  return (['status', 'classification', 'regency', 'submittedDate'] as const).every(
    (f) => text(f) === undefined,
  );
}

/**
 * Maps one data row. Reads only the mapped columns: the personal-data and content columns are
 * never touched. A status label, classification or regency name that the data files do not know
 * is a problem naming it; nothing is guessed.
 */
export function mapExportRow(
  cells: readonly unknown[],
  line: number,
  header: ExportHeader,
  mapping: ExportMapping,
  regions: Regions,
  citizens?: CitizenData,
): MappedExportRow {
  const problems: RowProblem[] = [];
  const cell = (f: ExportField) => (header.index[f] === undefined ? undefined : cells[header.index[f]]);
  const text = (f: ExportField) => textOf(cell(f), mapping);
  const column = (f: ExportField) => header.names[f] ?? mapping.columns[f]?.aliases[0] ?? f;
  const need = (f: ExportField): string | undefined => {
    const value = text(f);
    if (value === undefined) problems.push({ column: column(f), message: 'kosong' });
    return value;
  };

  const rawId = cell('trackingId');
  const trackingId = textOf(rawId, mapping) === undefined ? undefined : normaliseTrackingId(rawId);
  if (!trackingId) problems.push({ column: column('trackingId'), message: 'kosong' });
  else if (!/^\d{1,20}$/.test(trackingId))
    problems.push({
      column: column('trackingId'),
      value: trackingId,
      message: 'bukan nomor Tracking ID (hanya angka)',
    });

  /** A label looked up in one of the mapping's tables (case and spacing ignored); never guessed. */
  const lookup = <T>(field: 'status' | 'classification', table: Record<string, T>, word: string) => {
    const label = need(field);
    const entry = label ? Object.entries(table).find(([l]) => headerKey(l) === headerKey(label)) : undefined;
    if (label && !entry)
      problems.push({
        column: column(field),
        value: label,
        message: `${word} tidak dikenal (tambahkan ke data/import/lapor-export.json)`,
        unmapped: field,
      });
    return entry?.[1];
  };
  const statusEntry = lookup('status', mapping.statuses, 'status');
  const classEntry = lookup('classification', mapping.classifications, 'klasifikasi');

  const provinceName = text('province');
  if (provinceName && !regions.isProvince(provinceName))
    problems.push({
      column: column('province'),
      value: provinceName,
      message: `bukan Provinsi ${regions.province.name}`,
    });
  // A row that names no place is the regency's whose government it was sent to, when the parent
  // institution is one ("Pemerintah Kabupaten Tanah Laut"); a provincial agency's stays refused.
  const parentName = text('parentUnit');
  const byParent = text('regency') === undefined && parentName ? regions.byName(parentName) : undefined;
  const regencyName = byParent ? undefined : need('regency');
  const regency = byParent ?? (regencyName ? regions.byName(regencyName) : undefined);
  if (regencyName && !regency)
    problems.push({
      column: column('regency'),
      value: regencyName,
      message: `bukan kabupaten/kota di Provinsi ${regions.province.name} yang dikenal (tambahkan alias ke data/regions/${regions.province.code}.json)`,
      unmapped: 'regency',
    });

  const category = need('category');
  const unit = text('unit') ?? text('parentUnit') ?? 'Belum didisposisikan';

  const date = parseExportDate(cell('submittedDate'), mapping, regions.zone);
  if (!date && text('submittedDate') === undefined && !(cell('submittedDate') instanceof Date))
    problems.push({ column: column('submittedDate'), message: 'kosong' });
  else if (!date)
    problems.push({
      column: column('submittedDate'),
      value: String(cell('submittedDate')),
      message: 'tanggal tidak terbaca (contoh: 3 Jan 2026 atau 06 Agu 2026)',
    });
  const timeCell = cell('submittedTime');
  const time = timeCell === undefined ? undefined : parseExportTime(timeCell, mapping, regions.zone);
  if (textOf(timeCell, mapping) !== undefined && !time)
    problems.push({
      column: column('submittedTime'),
      value: String(timeCell),
      message: 'jam tidak terbaca (contoh: 10:15)',
    });

  if (problems.length > 0 || !trackingId || !statusEntry || !classEntry || !regency || !category || !date) {
    return { ok: false, ...(trackingId ? { trackingId } : {}), problems };
  }
  const { zone, ...clock } = time ?? {};
  const submitted = !time
    ? date
    : zone
      ? DateTime.fromObject(
          { year: date.year, month: date.month, day: date.day, ...clock },
          { zone },
        ).setZone(luxonZone(regions.zone))
      : date.set({ ...clock, millisecond: 0 });
  const reason = text('holdReason')?.toLowerCase() ?? '';
  const unknownValues: UnknownValue[] = [];
  const facts = citizens
    ? {
        channel: channelOf(text('channelSource'), text('setwapres'), citizens.mapping, unknownValues),
        district: districtOf(regency.code, text('district'), citizens.districts, unknownValues),
        village: text('village')?.replace(/\s+/g, ' ').slice(0, 80),
        rating: ratingOf(text('rating'), citizens.mapping, unknownValues),
        reporterReplied: isReporterReply(text('status'), citizens.mapping) || undefined,
      }
    : {};
  const present = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));
  // Confidential unless the cell is empty or a value the data file lists as public (fail safe).
  const reportType = text('reportType');
  const confidential =
    reportType !== undefined &&
    !(mapping.confidentialReportTypes?.publicValues ?? []).some(
      (v) => headerKey(v) === headerKey(reportType),
    );
  return {
    ok: true,
    row: {
      line,
      trackingId,
      regencyCode: regency.code,
      // Scrubbed here as the update will be, so that comparing with the stored state holds.
      unit: scrubText(unit),
      category: scrubText(category),
      classification: classEntry.classification,
      status: statusEntry.status,
      statusLabel: text('status') as string,
      submittedAt: submitted.toISO({ suppressMilliseconds: true }) as string,
      bukanWewenang:
        statusEntry.status === 'arsip' && mapping.bukanWewenangReasons.some((r) => reason.includes(r)),
      ...present,
      ...(confidential ? { confidential: true as const } : {}),
      ...(unknownValues.length ? { unknownValues } : {}),
    },
  };
}

/**
 * How each of a row's facts enters its state key, and so the update id derived from it: a fact
 * added to the list must say how here, or this does not compile.
 */
const stateKeyPart: Record<RowFact, (value: string) => string> = {
  channel: (v) => `ch=${v}`,
  district: (v) => `kec=${v}`,
  village: (v) => `kel=${v}`,
  rating: (v) => `r=${v}`,
  reporterReplied: () => 'rep',
  confidential: () => 'conf',
};

/** The parts of a complaint's state an export shows; a change in any of them is an event. */
export function exportStateKey(
  s: {
    status: string;
    classification: string;
    regencyCode: string;
    unit: string;
    category: string;
    bukanWewenang?: boolean;
  } & Partial<Pick<ComplaintUpdate, RowFact>>,
): string {
  const base = [s.status, s.classification, s.regencyCode, s.unit, s.category, s.bukanWewenang ? 'bw' : ''];
  // The citizens' side only when present: an export without those columns keeps the keys (and the
  // event ids derived from them) it always had, so re-importing it changes nothing.
  const citizens = rowFacts.flatMap((k) => {
    const value = s[k];
    return value ? [stateKeyPart[k](String(value))] : [];
  });
  return [...base, ...citizens].join('|');
}

/**
 * The state the table knows, in the terms of this row: the citizens' fields only where the row has
 * them (an export without those columns, or a later one without a rating, is not a change), and the
 * reporter's answer only while the row still shows it (the snapshot keeps it once seen).
 */
export function knownExportState(
  snapshot: Parameters<typeof exportStateKey>[0],
  row: ExportRow,
): Parameters<typeof exportStateKey>[0] {
  // A mark (reporterReplied, confidential) is shown while it is true; a value while the row has one.
  const shown = (k: RowFact) => (typeof row[k] === 'boolean' ? row[k] === true : row[k] !== undefined);
  const known = { ...snapshot };
  for (const k of rowFacts) if (!shown(k)) delete known[k];
  return known;
}

/**
 * The update an export row contributes: the row's state, dated at the export's generation time
 * (`asOf`). Precision: a transition is known only to have happened between the previous export
 * and this one; dating it at the first export that shows it is the conservative choice (never
 * earlier than it happened), applied the same way to every status, every stage and every figure.
 * The update id is derived from the instant and the state, so importing the same export again, or
 * retrying a half-imported one, writes nothing twice.
 */
export function updateFromExportRow(row: ExportRow, asOf: DateTime, place: PlaceZone): ComplaintUpdate {
  const occurredAt = asOf.setZone(luxonZone(place)).set({ millisecond: 0 });
  const state = exportStateKey(row);
  const digest = createHash('sha256').update(`${row.trackingId}|${state}`).digest('hex').slice(0, 16);
  return {
    trackingId: row.trackingId,
    regencyCode: row.regencyCode,
    unit: row.unit,
    category: row.category,
    classification: row.classification,
    status: row.status,
    occurredAt: occurredAt.toISO({ suppressMilliseconds: true }) as string,
    // Never after the export: a complaint submitted after the export was generated cannot be in it.
    submittedAt: row.submittedAt,
    sourceUpdateId: `${exportUpdatePrefix}${occurredAt.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")}:${digest}`,
    ...(row.bukanWewenang ? { bukanWewenang: true } : {}),
    ...(Object.fromEntries(rowFacts.filter((k) => row[k]).map((k) => [k, row[k]])) as Partial<
      Pick<ComplaintUpdate, RowFact>
    >),
  };
}
