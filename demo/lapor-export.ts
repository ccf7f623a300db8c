import { DateTime } from 'luxon';
import type { CitizenFacts } from '../functions/domain/citizens';
import { type Classification, type Status, statusRank } from '../functions/domain/complaint';
import type { Regions } from '../functions/domain/regions';
import type { ComplaintUpdate } from '../functions/domain/update';
import { seededRandom } from './generate';
import { writeXlsx, type XlsxCell } from './xlsx-writer';

/**
 * Realistic SP4N-LAPOR! exports from the demo's updates: the state of every complaint as of an
 * instant, one row per complaint, written as LAPOR! writes it (data/import/lapor-export.json has the
 * sources): preamble rows with the generation date, the header row starting with `Tracking ID`,
 * every evidenced column (personal-data and text columns filled with fictional values the importer
 * must never read), region names instead of codes, `-` for empty, English or Indonesian month
 * abbreviations, and Excel's quirks (numeric tracking ids, `5049672.0` in CSV, date serials in XLSX).
 */

export const exportColumns = [
  'Tracking ID',
  'Tanggal Laporan Masuk',
  'Waktu Laporan Masuk',
  'Nama Pelapor',
  'Klasifikasi Laporan',
  'ID Kategori',
  'Kategori',
  'Judul Laporan',
  'Isi Laporan Awal',
  'Isi Laporan Akhir',
  'Tipe Laporan (Anonim/Rahasia)',
  'Sumber Laporan',
  'Instansi Induk',
  'ID Instansi Terdisposisi',
  'Instansi Terdisposisi',
  'Status Laporan',
  'Alasan Tunda/Arsip',
  'Provinsi',
  'Kota/Kabupaten',
  'Kecamatan',
  'Kelurahan',
  'Nomor SK',
  'Url SK',
  'Laporan yang Masuk melalui Kanal Aduan Setwapres',
  'Rating',
] as const;

/** Fictional reporter and text: present in the file, never to be found in the table. */
export const fictionalReporter = 'Pelapor Fiktif Contoh';
export const fictionalTitle = 'Judul laporan fiktif';

/** A digits-only tracking id for a demo id (LAPOR!'s are numbers). */
/** The demo's confidential reports: a few, the same complaint every day ('Rahasia', 'Anonim' or '-'). */
function confidentialOf(tracking: string): string {
  const k = Number(tracking.slice(-4)) % 20;
  return k === 0 ? 'Rahasia' : k === 7 ? 'Anonim' : '-';
}

export function numericTrackingId(id: string): string {
  const digits = id.replace(/\D/g, '').replace(/^0+/, '');
  return digits.length >= 3 ? digits : `100${digits}`;
}

const statusLabel = (status: Status, n: number, reporterReplied: boolean): string =>
  ({
    'belum-terverifikasi': 'Belum Terverifikasi',
    'terdisposisi-belum-ditindaklanjuti': 'Terverifikasi',
    'terdisposisi-sedang-diproses': reporterReplied ? 'Ditanggapi oleh Pelapor' : 'Ditindaklanjuti',
    'terdisposisi-selesai': ['Ditutup oleh Admin', 'Ditutup oleh Sistem', 'Selesai'][n % 3] as string,
    tertunda: 'Tertunda',
    arsip: n % 2 === 0 ? 'Diarsipkan oleh Admin' : 'Diarsipkan oleh Sistem',
  })[status];

/** The export has one "Pengaduan": whether a field inspection is needed is not in it. */
const classificationLabel = (c: Classification): string =>
  c === 'aspirasi' ? 'Aspirasi' : c === 'permintaan-informasi' ? 'Permintaan Informasi' : 'Pengaduan';

const indonesianMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nop', 'Des'];

/** `3 Jan 2026` or `06 Agu 2026`, as the two forms seen in exports. */
export function exportDate(at: DateTime, indonesian: boolean): string {
  return indonesian
    ? `${at.toFormat('dd')} ${indonesianMonths[at.month - 1]} ${at.year}`
    : at.setLocale('en').toFormat('d LLL yyyy');
}

/** The region name in one of the spellings exports use. */
function regionName(regions: Regions, code: string, n: number): string {
  const r = regions.get(code);
  if (!r) return code;
  const kind = r.kind === 'kota' ? 'Kota' : n % 2 === 0 ? 'Kab.' : 'Kabupaten';
  const name = `${kind} ${r.name}`;
  return n % 3 === 0 ? name.toUpperCase() : name;
}

/** The unit a complaint not yet disposed shows: only the parent institution. */
export function parentUnitOf(regions: Regions, code: string): string {
  const r = regions.get(code);
  return r ? `Pemerintah ${r.kind === 'kota' ? 'Kota' : 'Kabupaten'} ${r.name}` : code;
}

/** How the export spells each demo channel in `Sumber Laporan` ("lainnya": a value no data file knows). */
const channelSpelling: Record<string, string> = {
  website: 'Website',
  aplikasi: 'Aplikasi Mobile',
  sms: 'SMS',
  twitter: 'Twitter',
  setwapres: 'Website',
  lainnya: 'Datang Langsung',
};

/**
 * Each complaint's state as of `asOf`: its latest update by time (ties: the further along), and the
 * citizens' side as the snapshot keeps it (each field from the latest update that said it).
 */
export function statesAsOf(updates: readonly ComplaintUpdate[], asOf: DateTime) {
  const cut = asOf.toMillis();
  const states = new Map<string, { latest: ComplaintUpdate; submittedAt: string; facts: CitizenFacts }>();
  for (const u of updates) {
    if (Date.parse(u.occurredAt) > cut) continue;
    const seen = states.get(u.trackingId);
    const submittedAt = [seen?.submittedAt, u.submittedAt, u.occurredAt]
      .filter((v): v is string => !!v)
      .sort((a, b) => Date.parse(a) - Date.parse(b))[0] as string;
    const later =
      !seen ||
      Date.parse(u.occurredAt) > Date.parse(seen.latest.occurredAt) ||
      (Date.parse(u.occurredAt) === Date.parse(seen.latest.occurredAt) &&
        statusRank[u.status] >= statusRank[seen.latest.status]);
    const facts: CitizenFacts = { ...seen?.facts };
    for (const key of ['channel', 'district', 'village', 'rating'] as const)
      if (u[key] !== undefined && (later || facts[key] === undefined)) facts[key] = u[key];
    if (u.reporterReplied) facts.reporterReplied = true;
    states.set(u.trackingId, {
      latest: later ? u : (seen as { latest: ComplaintUpdate }).latest,
      submittedAt,
      facts,
    });
  }
  return states;
}

export interface ExportFixtureOptions {
  regions: Regions;
  /** The export's generation time. */
  asOf: DateTime;
  seed?: number;
  /** Write the generation date in the preamble. @default true */
  withGeneratedAt?: boolean;
}

/** The export as a table of cells; `xlsx` gives numbers and date serials where Excel has them. */
export function laporExportTable(
  updates: readonly ComplaintUpdate[],
  options: ExportFixtureOptions,
  kind: 'csv' | 'xlsx',
): XlsxCell[][] {
  const random = seededRandom(options.seed ?? 1);
  const zone = options.regions.zone.id;
  const asOf = options.asOf.setZone(zone);
  const generated = `${exportDate(asOf, random() < 0.5)} ${asOf.toFormat('HH:mm')}`;
  const rows: XlsxCell[][] = [
    ['Laporan Pengaduan SP4N-LAPOR!'],
    ['Nama Instansi', `Pemerintah Provinsi ${options.regions.province.name}`],
    ...(options.withGeneratedAt === false ? [] : [['Tanggal Generate', generated]]),
    [],
    [...exportColumns],
  ];
  let n = 0;
  for (const [id, { latest, submittedAt, facts }] of statesAsOf(updates, asOf)) {
    n += 1;
    const submitted = DateTime.fromISO(submittedAt, { setZone: true }).setZone(zone);
    const tracking = numericTrackingId(id);
    const disposed = latest.status !== 'belum-terverifikasi';
    const trackingCell: XlsxCell =
      kind === 'xlsx' ? Number(tracking) : n % 4 === 0 ? `${tracking}.0` : tracking;
    rows.push([
      trackingCell,
      kind === 'xlsx' && n % 2 === 0 ? wallSerialDate(submitted) : exportDate(submitted, random() < 0.5),
      submitted.toFormat('HH:mm:ss'),
      fictionalReporter,
      classificationLabel(latest.classification),
      kind === 'xlsx' ? 100 + (n % 7) : String(100 + (n % 7)),
      latest.category,
      fictionalTitle,
      `Isi laporan fiktif ${n}: mohon ditindaklanjuti. Hubungi 0812-0000-${String(1000 + (n % 9000))}.`,
      latest.status === 'terdisposisi-selesai' ? 'Sudah ditangani.' : '-',
      // Most reports are public (the cell empty); a few confidential, told apart on the scoreboard.
      // Decided by the complaint, not its row: a row's place moves from one day's export to the next.
      confidentialOf(tracking),
      facts.channel ? (channelSpelling[facts.channel] ?? facts.channel) : '-',
      parentUnitOf(options.regions, latest.regencyCode),
      disposed ? String(9000 + (n % 50)) : '-',
      disposed ? latest.unit : '-',
      // LAPOR! closes a complaint outside the government's authority by archiving it with that reason.
      latest.bukanWewenang
        ? 'Diarsipkan oleh Admin'
        : statusLabel(latest.status, n, facts.reporterReplied === true),
      latest.bukanWewenang
        ? 'Bukan wewenang pemerintah daerah'
        : latest.status === 'tertunda'
          ? 'Menunggu data pelapor'
          : '-',
      n % 3 === 0 ? options.regions.province.name.toUpperCase() : options.regions.province.name,
      regionName(options.regions, latest.regencyCode, n),
      // Kecamatan in the spellings exports use: as listed, with "Kec.", in capitals.
      facts.district
        ? n % 4 === 0
          ? `Kec. ${facts.district}`
          : n % 5 === 0
            ? facts.district.toUpperCase()
            : facts.district
        : '-',
      facts.village ?? '-',
      '-',
      '-',
      facts.channel === 'setwapres' ? 'Ya' : facts.channel ? 'Tidak' : '-',
      facts.rating ?? '-',
    ]);
  }
  return rows;
}

/** A local wall-clock date as Excel stores it: a day serial with the time of day as a fraction. */
function wallSerialDate(at: DateTime): XlsxCell {
  const wall = Date.UTC(at.year, at.month - 1, at.day);
  return { serial: wall / 86_400_000 + 25569, format: 'date' };
}

const csvQuote = (v: XlsxCell) => {
  const text = v === null || v === undefined ? '' : typeof v === 'object' ? String(v.serial) : String(v);
  return /[";\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The export as a semicolon CSV with a byte-order mark, as Excel in Indonesia saves it. */
export function laporExportCsv(updates: readonly ComplaintUpdate[], options: ExportFixtureOptions): Buffer {
  const table = laporExportTable(updates, options, 'csv');
  return Buffer.from(`\uFEFF${table.map((row) => row.map(csvQuote).join(';')).join('\r\n')}\r\n`);
}

/** The export as an XLSX workbook. */
export function laporExportXlsx(updates: readonly ComplaintUpdate[], options: ExportFixtureOptions): Buffer {
  return Buffer.from(writeXlsx(laporExportTable(updates, options, 'xlsx')));
}
