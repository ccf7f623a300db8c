import type {
  Content,
  CustomTableLayout,
  StyleDictionary,
  TableCell,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';
import {
  type Commitment,
  type CommitmentResult,
  dateId as isoDateId,
  type TargetResult,
} from '../functions/domain/commitments';
import { minimumCases } from '../functions/domain/semester-evaluation';
import type {
  Flag,
  ProvinceComparison,
  ProvinceSemester,
  RankedMetrics,
  Share,
} from '../functions/domain/semester-metrics';
import { barChart, histogram, horizontalBarChart } from './charts';
import { classificationLabel, numberId, percentId, stageLabels, type ZoneFormat, zoneFormat } from './format';

/**
 * The semester evaluation of one regency, as a pdfmake document definition, in Indonesian: a cover,
 * a one-page summary for the regency head, charts, detail tables and the method. Pure: the same
 * input gives the same definition (dates come from `province.method.generatedAt`, never the clock).
 *
 * Also exported for the province summary (templates/province-summary-pdf.ts): the document frame,
 * the method section, the lag reasons and the small formatters, so both reports read alike.
 */

// --- formatting ---------------------------------------------------------------------------------

/** Printed where a figure does not exist (no case, no population, no previous semester). */
export const noValue = '–';

/** A number in Indonesian format, or an en dash when it is missing or not finite. */
export function fmtNumber(value: number | undefined, decimals = 0): string {
  return value === undefined || !Number.isFinite(value) ? noValue : numberId(value, decimals);
}

/**
 * "84,0%"; "1 dari 1" when there are too few cases for a share (the domain leaves out `value`); an
 * en dash when there is no case.
 */
export function fmtShare(share: Share | undefined): string {
  const value = share?.value;
  if (share && share.denominator > 0 && value === undefined) return shareParts(share);
  return value === undefined || !Number.isFinite(value) ? noValue : percentId(value);
}

/** "105 dari 125", or "tidak ada data" when there was no case. */
export function shareParts(share: Share): string {
  return share.denominator > 0
    ? `${fmtNumber(share.numerator)} dari ${fmtNumber(share.denominator)}`
    : 'tidak ada data';
}

/** A right-aligned table cell: the share in bold, its parts (or why there is no percentage) below. */
export function shareCell(s: Share): TableCell {
  const below =
    s.denominator > 0 && s.value === undefined ? `kurang dari ${minimumCases}: tanpa persen` : shareParts(s);
  return {
    stack: [
      { text: fmtShare(s), bold: true },
      { text: below, fontSize: 7.5, color: colors.muted },
    ],
    alignment: 'right',
  };
}

/** Working days: "3 HK", "2,5 HK", or an en dash. */
export function fmtDays(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return noValue;
  return `${fmtNumber(value, Number.isInteger(value) ? 0 : 1)} HK`;
}

const monthShort = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** "2026-03" → "Mar"; anything else is printed as given. */
export function monthLabel(month: string): string {
  const index = /^\d{4}-(\d{2})$/.exec(month)?.[1];
  return (index && monthShort[Number(index) - 1]) || month;
}

/** "Kabupaten Tanah Laut" → "Tanah Laut"; cities keep "Kota" so they stay distinct. */
export function displayName(regencyName: string): string {
  return regencyName.replace(/^Kabupaten\s+/i, '');
}

/** "Kota Banjarmasin" → "Banjarmasin", for "Wali Kota Banjarmasin". */
function bareName(regencyName: string): string {
  return regencyName.replace(/^(Kabupaten|Kota)\s+/i, '');
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "2 Mar 2026" in the province's zone, or the input when it is not a date. */
function shortDateSafe(instant: string, format: ZoneFormat): string {
  return format.readable(instant) ? format.shortDate(instant) : instant;
}

// --- look and feel ------------------------------------------------------------------------------

/**
 * The family renderPdf registers (functions/adapters/pdf-renderer.ts `pdfFontFamily`). Written
 * out rather than imported so a template never loads pdfmake; a test keeps the two equal.
 */
export const fontFamily = 'Roboto';

export const colors = {
  text: '#222222',
  muted: '#555555',
  accent: '#0B3D66',
  rule: '#9DB3C8',
  headerFill: '#E8EEF4',
  better: '#1B7F4B',
  worse: '#B3261E',
  warningFill: '#FFF4CE',
  warningBorder: '#C98A00',
} as const;

/** Flag colours and words; the word is always printed, so colour is never the only signal. */
export const flagStyles: Record<Flag, { word: string; fill: string; text: string; meaning: string }> = {
  hijau: {
    word: 'HIJAU',
    fill: '#1B7F4B',
    text: '#FFFFFF',
    meaning: 'Baik: pengelolaan pengaduan memenuhi target. Pertahankan.',
  },
  kuning: {
    word: 'KUNING',
    fill: '#F2C12E',
    text: '#222222',
    meaning: 'Perlu perhatian: sebagian indikator di bawah target atau rata-rata provinsi.',
  },
  merah: {
    word: 'MERAH',
    fill: '#B3261E',
    text: '#FFFFFF',
    meaning: 'Perlu tindakan segera: pengelolaan pengaduan jauh di bawah target.',
  },
};

const pageMargins: [number, number, number, number] = [50, 62, 50, 48];
/** A4 width (595.28 pt) minus the side margins: the width charts are drawn at. */
export const contentWidth = 495;

export const styles: StyleDictionary = {
  coverBrand: { fontSize: 12, bold: true, color: colors.accent },
  coverTitle: { fontSize: 24, bold: true, color: colors.accent, lineHeight: 1.1 },
  coverSubtitle: { fontSize: 15, color: colors.text },
  coverName: { fontSize: 20, bold: true },
  h1: { fontSize: 16, bold: true, color: colors.accent, margin: [0, 0, 0, 8] },
  h2: { fontSize: 11.5, bold: true, color: colors.accent, margin: [0, 10, 0, 4] },
  lead: { fontSize: 10.5, margin: [0, 0, 0, 8] },
  table: { fontSize: 9 },
  tableSmall: { fontSize: 7.5 },
  th: { bold: true, fontSize: 8.5 },
  note: { fontSize: 8, color: colors.muted, margin: [0, 3, 0, 0] },
  caption: { fontSize: 8.5, color: colors.muted, margin: [0, 2, 0, 6] },
  methodHeading: { fontSize: 10.5, bold: true, color: colors.accent, margin: [0, 8, 0, 3] },
};

/** Light horizontal rules, a tinted header row, no vertical lines. */
export const tableLayout: CustomTableLayout = {
  hLineWidth: (i, node) =>
    i === 0 || i === (node.table.headerRows ?? 0) || i === node.table.body.length ? 0.8 : 0.3,
  vLineWidth: () => 0,
  hLineColor: (i, node) => (i === 0 || i === node.table.body.length ? colors.rule : '#CCCCCC'),
  fillColor: (row, node) => (row < (node.table.headerRows ?? 0) ? colors.headerFill : null),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** The same, tighter: for the method page, which should fit on one page. */
const compactTableLayout: CustomTableLayout = {
  ...tableLayout,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
};

/** A header cell. */
export const th = (text: string, alignment: 'left' | 'right' | 'center' = 'left'): TableCell => ({
  text,
  style: 'th',
  alignment,
});

const right = (text: string, extra: Record<string, unknown> = {}): TableCell => ({
  text,
  alignment: 'right',
  ...extra,
});

/** A page heading that starts a new page. */
export const pageHeading = (text: string): Content => ({ text, style: 'h1', pageBreak: 'before' });

/** A yellow box with a warning, e.g. about missing calendar years. */
export function warningBox(text: string): Content {
  return {
    table: {
      widths: ['*'],
      body: [[{ text, fontSize: 9, margin: [4, 3, 4, 3] }]],
    },
    layout: {
      fillColor: () => colors.warningFill,
      hLineColor: () => colors.warningBorder,
      vLineColor: () => colors.warningBorder,
      hLineWidth: () => 1,
      vLineWidth: () => 1,
    },
    margin: [0, 0, 0, 8],
  };
}

/**
 * The frame both reports share: A4 portrait, Roboto, Indonesian, page numbers in the footer
 * ("Halaman 2 dari 6"), a running header from page 2 on, and the PDF metadata.
 */
export function documentFrame(input: {
  province: ProvinceSemester;
  title: string;
  subject: string;
  keywords: string[];
  /** Left part of the running header, e.g. "Kabupaten Kotabaru · Semester I 2026 (Januari–Juni)". */
  runningHeader: string;
  content: Content[];
}): TDocumentDefinitions {
  const { province } = input;
  const created = new Date(province.method.generatedAt);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins,
    language: 'id-ID',
    info: {
      title: input.title,
      author: province.province.brand,
      subject: input.subject,
      keywords: input.keywords.filter(Boolean).join(', '),
      creator: 'LAPOR Paman pipeline',
      producer: 'LAPOR Paman pipeline (pdfmake)',
      // An invalid date would reach the PDF as garbage: leave it to pdfmake instead.
      ...(Number.isNaN(created.getTime()) ? {} : { creationDate: created }),
    },
    defaultStyle: { font: fontFamily, fontSize: 10, lineHeight: 1.15, color: colors.text },
    styles,
    header: (currentPage) =>
      currentPage === 1
        ? null
        : {
            margin: [pageMargins[0], 26, pageMargins[2], 0],
            stack: [
              {
                columns: [
                  { text: input.runningHeader, width: '*' },
                  {
                    text: `${province.province.brand} · SP4N-LAPOR! Provinsi ${province.province.name}`,
                    width: 'auto',
                    alignment: 'right',
                  },
                ],
                fontSize: 8,
                color: colors.muted,
              },
              {
                canvas: [
                  {
                    type: 'line',
                    x1: 0,
                    y1: 4,
                    x2: contentWidth,
                    y2: 4,
                    lineWidth: 0.5,
                    lineColor: colors.rule,
                  },
                ],
              },
            ],
          },
    footer: (currentPage, pageCount) => ({
      margin: [pageMargins[0], 16, pageMargins[2], 0],
      columns: [
        {
          text: `Dibuat ${zoneFormat(province.province).date(province.method.generatedAt)}`,
          fontSize: 8,
          color: colors.muted,
        },
        {
          text: `Halaman ${currentPage} dari ${pageCount}`,
          fontSize: 8,
          color: colors.muted,
          alignment: 'right',
        },
      ],
    }),
    content: input.content,
  };
}

// --- province-level figures the reports compare against ------------------------------------------

/** Province figures derived from the regencies (computed once, in the domain). */
export function provinceFigures(province: ProvinceSemester): ProvinceComparison {
  return province.comparison;
}

/** The longest completion limit (pengaduan berkadar pengawasan, in the national policy's versions). */
const fieldInspectionLimit = 60;
/** How far (in share points) below the province a figure must be to be called out. */
const lagMargin = 0.05;

/**
 * Why a regency lags, in plain Indonesian fragments ("penyelesaian tepat waktu hanya 41,2%
 * (provinsi 85,6%)"), strongest signals first. Empty when nothing stands out.
 */
export function lagReasons(regency: RankedMetrics, province: ProvinceSemester): string[] {
  const p = provinceFigures(province);
  const reasons: string[] = [];
  const below = (own: Share, ref: Share) =>
    own.value !== undefined && ref.value !== undefined && own.value < ref.value - lagMargin;

  if (regency.received.total === 0) {
    reasons.push(
      'tidak ada laporan yang diterima selama semester: tidak dapat dinilai, status merah (volume)',
    );
  } else if (regency.flagReasons.includes('too-few')) {
    reasons.push(
      `hanya ${fmtNumber(regency.received.total)} laporan diterima, kurang dari ${minimumCases}: tidak dapat dinilai, status merah (volume)`,
    );
  } else if (regency.flagReasons.includes('low-volume') && regency.perHundredThousand !== undefined) {
    reasons.push(
      `volume laporan sangat rendah: ${fmtNumber(regency.perHundredThousand, 1)} per 100.000 penduduk, kurang dari seperempat angka provinsi (${fmtNumber(p.perHundredThousand, 1)}): status merah (volume)`,
    );
  } else if (regency.perHundredThousand !== undefined) {
    const own = fmtNumber(regency.perHundredThousand, 1);
    const ref = p.perHundredThousand === undefined ? '' : ` (provinsi ${fmtNumber(p.perHundredThousand, 1)})`;
    const positive = province.regencies.flatMap((r) =>
      r.received.total > 0 && r.perHundredThousand !== undefined ? [r.perHundredThousand] : [],
    );
    if (positive.length > 1 && regency.perHundredThousand <= Math.min(...positive)) {
      reasons.push(`volume laporan terendah per 100.000 penduduk: ${own}${ref}`);
    } else if (
      p.perHundredThousand !== undefined &&
      regency.perHundredThousand < 0.6 * p.perHundredThousand
    ) {
      reasons.push(`volume laporan rendah: ${own} per 100.000 penduduk${ref}`);
    }
  }
  if (below(regency.followUpWithinLimit.provincial, p.followUpProvincial)) {
    reasons.push(
      `tindak lanjut pertama dalam target provinsi hanya ${fmtShare(regency.followUpWithinLimit.provincial)} (provinsi ${fmtShare(p.followUpProvincial)})`,
    );
  } else if (below(regency.followUpWithinLimit.national, p.followUpNational)) {
    reasons.push(
      `tindak lanjut pertama dalam batas nasional hanya ${fmtShare(regency.followUpWithinLimit.national)} (provinsi ${fmtShare(p.followUpNational)})`,
    );
  }
  if (below(regency.completedWithinLimit, p.completed)) {
    reasons.push(
      `penyelesaian tepat waktu hanya ${fmtShare(regency.completedWithinLimit)} (provinsi ${fmtShare(p.completed)})`,
    );
  }
  if (regency.daysWithoutAdmin > 0) {
    reasons.push(`${fmtNumber(regency.daysWithoutAdmin)} hari tanpa admin penghubung aktif`);
  }
  if (
    regency.overdueAtEnd > 0 &&
    (regency.overdueAtEnd >= 10 || regency.overdueAtEnd >= 0.4 * Math.max(1, regency.backlogAtEnd))
  ) {
    reasons.push(
      `${fmtNumber(regency.overdueAtEnd)} dari ${fmtNumber(regency.backlogAtEnd)} laporan terbuka melewati batas waktu pada akhir semester`,
    );
  }
  const lateField = regency.fieldInspection.cases.filter(
    (c) => c.open && c.workingDays > fieldInspectionLimit,
  );
  if (lateField.length > 0) {
    reasons.push(
      `${fmtNumber(lateField.length)} pengaduan berkadar pengawasan masih terbuka lebih dari ${fieldInspectionLimit} HK`,
    );
  }
  const oldest = regency.oldestOpen;
  if (oldest && oldest.workingDaysOpen > fieldInspectionLimit) {
    reasons.push(
      `laporan terbuka tertua sudah ${fmtDays(oldest.workingDaysOpen)} (sejak ${shortDateSafe(oldest.submittedAt, zoneFormat(province.province))})`,
    );
  }
  const before = regency.previous?.score;
  if (before !== undefined && Number.isFinite(regency.score) && regency.score <= before - 5) {
    reasons.push(
      `skor turun ${fmtNumber(before - regency.score, 1)} poin dari semester lalu (dari ${fmtNumber(before, 1)} menjadi ${fmtNumber(regency.score, 1)})`,
    );
  }
  if (regency.calendarGaps.length > 0) {
    reasons.push(
      `kalender hari kerja ${yearsList(regency.calendarGaps)} belum tersedia: sebagian angka belum pasti`,
    );
  }
  return reasons;
}

/** "2023", "2023 dan 2027", "2022, 2023 dan 2027" */
export function yearsList(years: number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b).map(String);
  if (sorted.length <= 1) return sorted.join('');
  return `${sorted.slice(0, -1).join(', ')} dan ${sorted.at(-1)}`;
}

/** The warning printed when calendar years are missing. */
export function calendarGapWarning(years: number[], who?: string): string {
  return `Perhatian: kalender hari kerja tahun ${yearsList(years)} belum tersedia${who ? ` (${who})` : ''}. Angka yang menyentuh tahun tersebut (lama penanganan, tunggakan, keterlambatan) dihitung tanpa hari libur tahun itu dan belum pasti.`;
}

// --- the method section (shared with the province summary) --------------------------------------

const calendarStatus: Record<string, string> = {
  final: 'final',
  provisional: 'sementara',
  draft: 'rancangan',
  missing: 'tidak tersedia',
};

/** All regencies by composite score, best first, the chosen ones highlighted, the province average dashed. */
export function scoreRankingChart(
  province: ProvinceSemester,
  highlight: (r: RankedMetrics) => boolean,
): Content {
  const ranked = [...province.regencies].sort((a, b) => a.rank - b.rank);
  const average = provinceFigures(province).averageScore;
  return {
    svg: horizontalBarChart({
      items: ranked.map((r) => ({
        label: displayName(r.regencyName),
        value: r.score,
        highlight: highlight(r),
      })),
      ...(average === undefined ? {} : { target: average, targetLabel: 'Rata-rata provinsi' }),
      width: contentWidth,
      height: rankedChartHeight(ranked.length),
    }),
  };
}

/** The foot of a cover page: who made the report, when, and up to when the data runs. */
export function coverFooter(province: ProvinceSemester): Content {
  return {
    stack: [
      `Disusun oleh ${province.province.brand}, SP4N-LAPOR! Provinsi ${province.province.name}`,
      `Tanggal pembuatan: ${zoneFormat(province.province).date(province.method.generatedAt)}`,
      `Data sampai: ${zoneFormat(province.province).dateTime(province.method.cutoff)}`,
    ],
    fontSize: 9,
    color: colors.muted,
    margin: [0, 250, 0, 0],
  };
}

/** "Metode dan Definisi": policies, calendar years and decrees, cut-off, definitions, score, flags. */
export function methodSection(province: ProvinceSemester): Content[] {
  const m = province.method;
  const years = [...m.calendarYears].sort((a, b) => a.year - b.year);
  // Set smaller than the rest so that the whole method fits on one A4 page.
  const h2 = (text: string): Content => ({ text, style: 'methodHeading' });
  return [
    pageHeading('Metode dan Definisi'),
    {
      stack: [
        {
          text: [
            'Laporan ini dihitung otomatis oleh ',
            { text: `${province.province.brand} pipeline`, bold: true },
            ` dari riwayat status setiap laporan SP4N-LAPOR! di Provinsi ${province.province.name}. Semua lama waktu dihitung dalam hari kerja (HK) zona waktu ${zoneFormat(province.province).abbreviation}.`,
          ],
        },
        h2('Kebijakan batas waktu'),
        {
          table: {
            widths: [56, '*'],
            body: [
              [{ text: 'Nasional', bold: true }, m.nationalPolicy || noValue],
              [{ text: 'Provinsi', bold: true }, m.provincialPolicy || noValue],
            ],
          },
          layout: compactTableLayout,
        },
        h2('Kalender hari kerja'),
        {
          text: 'Hari kerja adalah Senin–Jumat, dikurangi hari libur nasional dan cuti bersama yang ditetapkan setiap tahun dengan Surat Keputusan Bersama (SKB) Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB.',
          margin: [0, 0, 0, 3],
        },
        years.length > 0
          ? {
              table: {
                headerRows: 1,
                widths: [30, 56, '*'],
                body: [
                  [th('Tahun'), th('Status'), th('Dasar penetapan')],
                  ...years.map((y): TableCell[] => [
                    String(y.year),
                    calendarStatus[y.status] ?? y.status,
                    y.sources.length > 0
                      ? { ul: y.sources }
                      : { text: 'tidak tersedia: angka yang menyentuh tahun ini belum pasti', italics: true },
                  ]),
                ],
              },
              layout: compactTableLayout,
            }
          : { text: 'Daftar tahun kalender tidak tersedia.', italics: true },
        {
          text: [
            { text: 'Batas data: ', bold: true },
            `${zoneFormat(province.province).dateTime(m.cutoff)}. `,
            { text: 'Laporan dibuat: ', bold: true },
            `${zoneFormat(province.province).dateTime(m.generatedAt)}.`,
          ],
          margin: [0, 5, 0, 0],
        },
        h2('Definisi'),
        m.definitions.length > 0
          ? {
              table: {
                headerRows: 1,
                widths: [120, '*'],
                body: [
                  [th('Istilah'), th('Arti')],
                  ...m.definitions.map((d): TableCell[] => [{ text: d.term, bold: true }, d.meaning]),
                ],
              },
              layout: compactTableLayout,
            }
          : { text: 'Tidak ada definisi.', italics: true },
        {
          text: [
            { text: 'Data penduduk: ', bold: true },
            m.populationSource ??
              'sumber data penduduk tidak tersedia: angka laporan per 100.000 penduduk tidak dihitung.',
          ],
          margin: [0, 5, 0, 0],
        },
        ...(m.outreachRule
          ? [
              {
                text: [{ text: 'Penjangkauan: ', bold: true }, m.outreachRule],
                margin: [0, 3, 0, 0],
              } as Content,
            ]
          : []),
      ],
      fontSize: 8.5,
      lineHeight: 1.1,
    },
    ...scoreSection(province),
  ];
}

/** "Skor dan Status": the formula, a worked example row by row, the edge cases and the flag rule. */
function scoreSection(province: ProvinceSemester): Content[] {
  const m = province.method;
  const example = m.scoreExample;
  const n3 = (v: number) => fmtNumber(v, 3);
  return [
    pageHeading('Skor dan Status'),
    m.scoreFormula.length > 0
      ? { ul: m.scoreFormula, margin: [0, 0, 0, 6] }
      : { text: noValue, margin: [0, 0, 0, 6] },
    ...(example
      ? [
          { text: 'Contoh perhitungan', style: 'h2' } satisfies Content,
          {
            table: {
              headerRows: 1,
              widths: [14, '*', 150, 40, 36, 52],
              body: [
                [
                  th(''),
                  th('Komponen'),
                  th('Dasar'),
                  th('Nilai', 'right'),
                  th('Bobot', 'right'),
                  th('Bobot × nilai', 'right'),
                ],
                ...example.rows.map((r): TableCell[] => [
                  { text: r.key, bold: true },
                  r.label,
                  r.basis,
                  right(n3(r.value)),
                  right(fmtNumber(r.weight, 2)),
                  right(fmtNumber(r.weight * r.value, 4)),
                ]),
                [
                  '',
                  { text: 'Skor = 100 × jumlah', bold: true, colSpan: 4 },
                  '',
                  '',
                  '',
                  right(fmtNumber(example.score, 1), { bold: true }),
                ],
              ],
            },
            layout: tableLayout,
            style: 'table',
          } satisfies Content,
          {
            text: `Skor ${fmtNumber(example.score, 1)}: status ${flagStyles[example.flag].word}.`,
            style: 'caption',
          } satisfies Content,
          { ul: example.notes, fontSize: 9 } satisfies Content,
        ]
      : []),
    { text: 'Status (penanda)', style: 'h2' },
    { text: m.flagRule || noValue, fontSize: 9.5 },
    ...lawAndSettingsSection(m.lawAndSettings),
  ];
}

/** "Peraturan dan pengaturan": which numbers are law and which are the province's or the product's. */
function lawAndSettingsSection(law: ProvinceSemester['method']['lawAndSettings']): Content[] {
  if (!law) return [];
  return [
    { text: 'Peraturan dan pengaturan', style: 'h2' },
    {
      text: [law.judgedBy, ...(law.unverified ? [' ', { text: law.unverified, italics: true }] : [])],
      fontSize: 8.5,
      margin: [0, 0, 0, 3],
    },
    {
      table: {
        headerRows: 1,
        widths: [80, 110, 52, '*'],
        body: [
          [th('Hal'), th('Nilai'), th('Jenis'), th('Dasar')],
          ...law.notes.map((n): TableCell[] => [{ text: n.subject, bold: true }, n.value, n.kind, n.basis]),
        ],
      },
      layout: compactTableLayout,
      fontSize: 7.5,
    },
  ];
}

// --- the regency report ---------------------------------------------------------------------------

type Better = 'higher' | 'lower';

interface Change {
  text: string;
  color: string;
}

/** "+6,8 poin" / "−3" / "tetap", coloured by whether the change is good. */
function change(
  now: number | undefined,
  before: number | undefined,
  better: Better,
  unit: 'poin' | 'count' | 'decimal' | 'days',
): Change {
  if (now === undefined || before === undefined || !Number.isFinite(now) || !Number.isFinite(before)) {
    return { text: noValue, color: colors.muted };
  }
  const delta = unit === 'poin' ? (now - before) * 100 : now - before;
  const decimals = unit === 'count' || (unit === 'days' && Number.isInteger(delta)) ? 0 : 1;
  if (Math.abs(delta) < 0.5 * 10 ** -decimals) return { text: 'tetap', color: colors.muted };
  const good = better === 'higher' ? delta > 0 : delta < 0;
  const suffix = unit === 'poin' ? ' poin' : unit === 'days' ? ' HK' : '';
  const text = `${delta > 0 ? '+' : '−'}${fmtNumber(Math.abs(delta), decimals)}${suffix}`;
  return { text, color: good ? colors.better : colors.worse };
}

function coverPage(report: RankedMetrics, province: ProvinceSemester): Content[] {
  return [
    { text: province.province.brand, style: 'coverBrand' },
    { text: `SP4N-LAPOR! Provinsi ${province.province.name}`, color: colors.muted, margin: [0, 0, 0, 150] },
    { text: 'Laporan Evaluasi Pengelolaan Pengaduan SP4N-LAPOR!', style: 'coverTitle' },
    { text: province.semesterLabel, style: 'coverSubtitle', margin: [0, 8, 0, 24] },
    { text: report.regencyName, style: 'coverName' },
    {
      canvas: [{ type: 'line', x1: 0, y1: 8, x2: 160, y2: 8, lineWidth: 3, lineColor: colors.accent }],
      margin: [0, 0, 0, 20],
    },
    { text: `Disampaikan kepada Yth. ${report.headTitle} ${bareName(report.regencyName)}`, fontSize: 12 },
    coverFooter(province),
  ];
}

function flagAndRank(report: RankedMetrics, province: ProvinceSemester): Content {
  const flag = flagStyles[report.flag] ?? flagStyles.kuning;
  const previous = report.previous;
  const before =
    previous?.rank !== undefined || previous?.score !== undefined
      ? `Semester lalu: peringkat ${fmtNumber(previous?.rank)}, skor ${fmtNumber(previous?.score, 1)}`
      : 'Semester lalu: belum ada data pembanding';
  return {
    columns: [
      {
        width: 210,
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  { text: 'STATUS', fontSize: 8, bold: true },
                  { text: flag.word, fontSize: 22, bold: true },
                  { text: flag.meaning, fontSize: 9 },
                ],
                color: flag.text,
                fillColor: flag.fill,
                margin: [8, 6, 8, 8],
              },
            ],
          ],
        },
        layout: 'noBorders',
      },
      {
        width: '*',
        margin: [16, 4, 0, 0],
        stack: [
          {
            text: `Peringkat ${fmtNumber(report.rank)} dari ${fmtNumber(report.of)}`,
            fontSize: 20,
            bold: true,
          },
          {
            text: [
              'Skor gabungan ',
              { text: fmtNumber(report.score, 1), bold: true },
              ' dari 100 (rata-rata provinsi ',
              fmtNumber(provinceFigures(province).averageScore, 1),
              ')',
            ],
            fontSize: 11,
            margin: [0, 2, 0, 2],
          },
          { text: before, fontSize: 9, color: colors.muted },
        ],
      },
    ],
    margin: [0, 0, 0, 10],
  };
}

function figuresTable(report: RankedMetrics, province: ProvinceSemester): Content {
  const p = provinceFigures(province);
  const prev = report.previous;
  const average = (v: number | undefined) => (v === undefined ? noValue : `rata-rata ${fmtNumber(v, 1)}`);
  const rows: {
    label: string;
    hint?: string;
    now: TableCell;
    before: string;
    change: Change;
    province: string;
  }[] = [
    {
      label: 'Laporan diterima',
      now: right(fmtNumber(report.received.total), { bold: true }),
      before: fmtNumber(prev?.received.total),
      change: change(report.received.total, prev?.received.total, 'higher', 'count'),
      province: average(p.averageReceived),
    },
    {
      label: 'Laporan per 100.000 penduduk',
      ...(report.population
        ? { hint: `penduduk ${fmtNumber(report.population.value)} (${report.population.year})` }
        : {}),
      now: right(
        report.perHundredThousand === undefined ? 'tidak ada data' : fmtNumber(report.perHundredThousand, 1),
        { bold: true },
      ),
      before: fmtNumber(prev?.perHundredThousand, 1),
      change: change(report.perHundredThousand, prev?.perHundredThousand, 'higher', 'decimal'),
      province: fmtNumber(p.perHundredThousand, 1),
    },
    {
      label: 'Tindak lanjut pertama tepat waktu',
      hint: 'batas nasional',
      now: shareCell(report.followUpWithinLimit.national),
      before: fmtShare(prev?.followUpWithinLimit.national),
      change: change(
        report.followUpWithinLimit.national.value,
        prev?.followUpWithinLimit.national.value,
        'higher',
        'poin',
      ),
      province: fmtShare(p.followUpNational),
    },
    {
      label: 'Tindak lanjut pertama tepat waktu',
      hint: 'target provinsi',
      now: shareCell(report.followUpWithinLimit.provincial),
      before: fmtShare(prev?.followUpWithinLimit.provincial),
      change: change(
        report.followUpWithinLimit.provincial.value,
        prev?.followUpWithinLimit.provincial.value,
        'higher',
        'poin',
      ),
      province: fmtShare(p.followUpProvincial),
    },
    {
      label: 'Penyelesaian tepat waktu',
      hint: 'menurut batas klasifikasi',
      now: shareCell(report.completedWithinLimit),
      before: fmtShare(prev?.completedWithinLimit),
      change: change(report.completedWithinLimit.value, prev?.completedWithinLimit.value, 'higher', 'poin'),
      province: fmtShare(p.completed),
    },
    {
      label: 'Median waktu sampai tindak lanjut pertama',
      now: right(fmtDays(report.workingDaysToFollowUp.median), { bold: true }),
      before: fmtDays(prev?.workingDaysToFollowUp.median),
      change: change(
        report.workingDaysToFollowUp.median,
        prev?.workingDaysToFollowUp.median,
        'lower',
        'days',
      ),
      province:
        p.medianFollowUpDays === undefined ? noValue : `median daerah ${fmtDays(p.medianFollowUpDays)}`,
    },
    {
      label: 'Tunggakan pada akhir semester',
      hint: 'laporan masih terbuka',
      now: right(fmtNumber(report.backlogAtEnd), { bold: true }),
      before: fmtNumber(prev?.backlogAtEnd),
      change: change(report.backlogAtEnd, prev?.backlogAtEnd, 'lower', 'count'),
      province: average(p.averageBacklog),
    },
    {
      label: 'Melewati batas waktu pada akhir semester',
      now: right(fmtNumber(report.overdueAtEnd), { bold: true }),
      before: fmtNumber(prev?.overdueAtEnd),
      change: change(report.overdueAtEnd, prev?.overdueAtEnd, 'lower', 'count'),
      province: average(p.averageOverdue),
    },
    {
      label: 'Hari tanpa admin penghubung aktif',
      now: right(fmtNumber(report.daysWithoutAdmin), { bold: true }),
      before: fmtNumber(prev?.daysWithoutAdmin),
      change: change(report.daysWithoutAdmin, prev?.daysWithoutAdmin, 'lower', 'count'),
      province: average(p.averageDaysWithoutAdmin),
    },
  ];
  return {
    table: {
      headerRows: 1,
      widths: ['*', 78, 58, 58, 92],
      body: [
        [
          th('Indikator'),
          th('Semester ini', 'right'),
          th('Semester lalu', 'right'),
          th('Perubahan', 'right'),
          th('Provinsi', 'right'),
        ],
        ...rows.map((row): TableCell[] => [
          {
            stack: [row.label, ...(row.hint ? [{ text: row.hint, fontSize: 7.5, color: colors.muted }] : [])],
          },
          row.now,
          right(row.before),
          right(row.change.text, { color: row.change.color, bold: row.change.text !== noValue }),
          right(row.province, { color: colors.muted }),
        ]),
      ],
    },
    layout: tableLayout,
    style: 'table',
  };
}

function summaryPage(report: RankedMetrics, province: ProvinceSemester): Content[] {
  const name = displayName(report.regencyName);
  const reasons = lagReasons(report, province);
  const flag = flagStyles[report.flag] ?? flagStyles.kuning;
  const previousNote = report.previous
    ? `Semester lalu: ${province.previousSemesterLabel}.`
    : 'Belum ada data semester lalu untuk daerah ini.';
  return [
    pageHeading('Ringkasan untuk Pimpinan Daerah'),
    {
      text: [
        `${report.regencyName} berada di `,
        { text: `peringkat ${fmtNumber(report.rank)} dari ${fmtNumber(report.of)}`, bold: true },
        ` kabupaten/kota di Provinsi ${province.province.name} pada ${province.semesterLabel}, dengan status `,
        { text: flag.word, bold: true },
        '.',
      ],
      style: 'lead',
    },
    ...(report.calendarGaps.length > 0 ? [warningBox(calendarGapWarning(report.calendarGaps))] : []),
    flagAndRank(report, province),
    { text: 'Angka utama', style: 'h2', margin: [0, 0, 0, 4] },
    figuresTable(report, province),
    {
      text: `${previousNote} Kolom Provinsi: nilai seluruh provinsi; untuk jumlah, rata-rata per daerah; untuk median, nilai tengah median ${fmtNumber(province.regencies.length)} daerah. Perubahan hijau berarti membaik, merah berarti memburuk.`,
      style: 'note',
    },
    { text: 'Apa yang berubah', style: 'h2' },
    {
      text:
        report.changeSentences.length > 0
          ? report.changeSentences.join(' ')
          : 'Tidak ada perubahan yang dapat dibandingkan.',
    },
    { text: `Hal yang perlu perhatian di ${name}`, style: 'h2' },
    reasons.length > 0
      ? { ul: reasons.slice(0, 6).map(capitalise) }
      : { text: 'Tidak ada indikator yang jauh di bawah nilai provinsi.' },
  ];
}

// --- the head's commitment (shared with the province summary) -------------------------------------

/** Words and colours of a target's verdict; the word is always printed, so colour is never the only signal. */
const verdictStyle = {
  met: { word: 'TERPENUHI', color: colors.better },
  missed: { word: 'TIDAK TERPENUHI', color: colors.worse },
  open: { word: 'BELUM DAPAT DINILAI', color: colors.muted },
} as const;

/** A target's promised figure, in its unit. */
function committedText(t: TargetResult): string {
  switch (t.kind) {
    case 'follow-up':
      return `${fmtNumber(t.committed)}% laporan`;
    case 'backlog':
      return `paling banyak ${fmtNumber(t.committed)} laporan`;
    case 'liaison':
      return 'setiap hari';
    case 'volume':
      return `sedikitnya ${fmtNumber(t.committed, 1)}`;
  }
}

/** What was achieved, in the same unit; the parts of a share below it. */
function achievedText(t: TargetResult): string {
  if (t.achieved === undefined) {
    return t.parts ? `${fmtNumber(t.parts.numerator)} dari ${fmtNumber(t.parts.denominator)}` : noValue;
  }
  switch (t.kind) {
    case 'follow-up':
      return `${fmtNumber(t.achieved, 1)}%${t.parts ? ` (${fmtNumber(t.parts.numerator)} dari ${fmtNumber(t.parts.denominator)})` : ''}`;
    case 'backlog':
      return `${fmtNumber(t.achieved)} laporan`;
    case 'liaison':
      return t.achieved === 0 ? 'setiap hari' : `${fmtNumber(t.achieved)} hari tanpa admin atau cadangan`;
    case 'volume':
      return `${fmtNumber(t.achieved, 1)} per 100.000`;
  }
}

/** "Bupati Tanah Laut, ditandatangani 18 Desember 2025, nomor ..., berlaku sejak 1 Januari 2026." */
export function commitmentSource(c: Commitment): string {
  const document = /^https?:\/\//.test(c.document) ? `dokumen ${c.document}` : `nomor ${c.document}`;
  return `${c.signatory}, ditandatangani ${isoDateId(c.signed)}, ${document}, berlaku sejak ${isoDateId(c.from)}${c.to ? ` sampai ${isoDateId(c.to)}` : ''}.`;
}

/** The per-target table of a commitment: promised, achieved, met or not and by how much. */
export function commitmentTable(result: CommitmentResult): Content {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', 78, 100, 120],
      body: [
        [th('Target'), th('Komitmen', 'right'), th('Capaian', 'right'), th('Hasil')],
        ...result.targets.map((t): TableCell[] => {
          const style =
            t.met === undefined ? verdictStyle.open : t.met ? verdictStyle.met : verdictStyle.missed;
          return [
            t.label,
            right(committedText(t)),
            right(achievedText(t), { bold: true }),
            {
              stack: [
                { text: style.word, bold: true, color: style.color, fontSize: 8.5 },
                { text: t.byHowMuch ?? t.verdict, fontSize: 8 },
              ],
            },
          ];
        }),
      ],
    },
    layout: tableLayout,
    style: 'table',
  };
}

function commitmentPage(report: RankedMetrics): Content[] {
  const result = report.commitment;
  if (!result) return [];
  const place = `${report.headTitle} ${bareName(report.regencyName)}`;
  const heading = pageHeading(`Komitmen ${report.headTitle}`);
  if (result.status !== 'in-force' || !result.commitment) {
    return [
      heading,
      warningBox(
        result.status === 'expired' && result.commitment
          ? `Komitmen ${place} tentang pengelolaan pengaduan SP4N-LAPOR! berakhir ${isoDateId(result.commitment.to as string)} dan belum diperbarui (${commitmentSource(result.commitment)}) Karena itu semester ini tidak dinilai terhadap komitmen. Provinsi meminta komitmen tertulis yang baru.`
          : `Belum ada komitmen tertulis ${place} tentang pengelolaan pengaduan SP4N-LAPOR!. Provinsi meminta setiap kepala daerah menandatangani komitmen dengan target yang terukur (tindak lanjut, tunggakan, admin penghubung, volume laporan).`,
      ),
    ];
  }
  return [
    heading,
    {
      text: ['Komitmen tertulis: ', { text: commitmentSource(result.commitment), bold: true }],
      style: 'lead',
    },
    {
      text: [
        'Hasil semester ini: ',
        { text: result.summary, bold: true },
        result.kept === true
          ? '. Komitmen ditepati.'
          : result.kept === false
            ? '. Komitmen belum ditepati.'
            : '.',
      ],
      margin: [0, 0, 0, 8],
    },
    commitmentTable(result),
    {
      text: 'Capaian dihitung dari angka laporan ini pada batas data. Tindak lanjut: laporan yang sudah mendapat tindak lanjut pertama, atau yang belum setelah lebih dari N HK; bagian dari kurang dari 5 laporan tidak dinilai. Admin penghubung dan cadangan menurut SK yang tercatat (daftar petugas).',
      style: 'note',
    },
  ];
}

function chartsPage(report: RankedMetrics, province: ProvinceSemester): Content[] {
  const name = displayName(report.regencyName);
  const average = new Map(province.totals.averageByMonthPerRegency.map((m) => [m.month, m.count]));
  const months = report.received.byMonth;
  const followUp = report.workingDaysToFollowUp;
  const completion = report.workingDaysToCompletion;
  const distributionCaption = (d: RankedMetrics['workingDaysToFollowUp'], what: string) =>
    d.count > 0
      ? `${fmtNumber(d.count)} laporan ${what}; median ${fmtDays(d.median)}, 90% dalam ${fmtDays(d.p90)} (persentil ke-90).`
      : `Tidak ada laporan ${what} pada semester ini.`;
  return [
    pageHeading('Volume dan Waktu Penanganan'),
    {
      svg: barChart({
        title: 'Laporan diterima per bulan',
        labels: months.map((m) => monthLabel(m.month)),
        series: [
          { name, values: months.map((m) => m.count) },
          {
            name: 'Rata-rata per daerah di provinsi',
            values: months.map((m) => average.get(m.month) ?? Number.NaN),
          },
        ],
        width: contentWidth,
        height: 200,
        yLabel: 'Laporan',
      }),
    },
    { text: 'Waktu sampai tindak lanjut pertama', style: 'h2' },
    {
      svg: histogram({
        bins: followUp.count > 0 ? followUp.histogram : [],
        width: contentWidth,
        height: 165,
        xLabel: 'Hari kerja sejak disposisi',
        yLabel: 'Laporan',
        emptyText: 'Tidak ada data',
      }),
    },
    { text: distributionCaption(followUp, 'mendapat tindak lanjut pertama'), style: 'caption' },
    { text: 'Waktu penyelesaian', style: 'h2' },
    {
      svg: histogram({
        bins: completion.count > 0 ? completion.histogram : [],
        width: contentWidth,
        height: 165,
        xLabel: 'Hari kerja sejak disposisi',
        yLabel: 'Laporan',
        emptyText: 'Tidak ada data',
      }),
    },
    { text: distributionCaption(completion, 'selesai'), style: 'caption' },
  ];
}

/** Height of a ranked bar chart for n items: about 19 pt a row plus axes. */
export const rankedChartHeight = (n: number) => Math.max(80, 19 * n + 34);

function comparisonPage(report: RankedMetrics, province: ProvinceSemester): Content[] {
  const p = provinceFigures(province);
  const byFollowUp = [...province.regencies].sort(
    (a, b) => (b.followUpWithinLimit.provincial.value ?? -1) - (a.followUpWithinLimit.provincial.value ?? -1),
  );
  const isThis = (r: RankedMetrics) => r.regencyCode === report.regencyCode;
  const percent = (s: Share) => (s.value === undefined ? Number.NaN : s.value * 100);
  return [
    pageHeading('Posisi terhadap Kabupaten/Kota Lain'),
    { text: 'Skor gabungan (0–100), semua kabupaten/kota', style: 'h2', margin: [0, 0, 0, 4] },
    scoreRankingChart(province, isThis),
    {
      text: `${displayName(report.regencyName)} ditandai oranye dan tebal. Garis putus-putus: rata-rata provinsi.`,
      style: 'caption',
    },
    { text: 'Tindak lanjut pertama dalam target provinsi (%)', style: 'h2' },
    {
      svg: horizontalBarChart({
        items: byFollowUp.map((r) => ({
          label: displayName(r.regencyName),
          value: percent(r.followUpWithinLimit.provincial),
          highlight: isThis(r),
        })),
        ...(p.followUpProvincial.value === undefined
          ? {}
          : { target: p.followUpProvincial.value * 100, targetLabel: 'Provinsi' }),
        width: contentWidth,
        height: rankedChartHeight(byFollowUp.length),
      }),
    },
    {
      text: 'Daerah tanpa laporan yang ditindaklanjuti tidak memiliki batang (–).',
      style: 'caption',
    },
  ];
}

function detailPage(report: RankedMetrics, format: ZoneFormat): Content[] {
  const total = report.received.total;
  const shareOfTotal = (n: number) => (total > 0 ? percentId(n / total) : noValue);
  const classes = Object.entries(report.received.byClassification) as [
    Parameters<typeof classificationLabel>[0],
    number,
  ][];
  const field = report.fieldInspection;
  const oldest = report.oldestOpen;
  return [
    pageHeading('Rincian Laporan'),
    {
      columns: [
        {
          width: '*',
          stack: [
            { text: 'Menurut klasifikasi', style: 'h2', margin: [0, 0, 0, 4] },
            {
              table: {
                headerRows: 1,
                widths: ['*', 40, 44],
                body: [
                  [th('Klasifikasi'), th('Jumlah', 'right'), th('Bagian', 'right')],
                  ...classes.map(([c, n]): TableCell[] => [
                    classificationLabel(c),
                    right(fmtNumber(n)),
                    right(shareOfTotal(n)),
                  ]),
                  [
                    { text: 'Jumlah', bold: true },
                    right(fmtNumber(total), { bold: true }),
                    right(total > 0 ? '100%' : noValue),
                  ],
                ],
              },
              layout: tableLayout,
              style: 'table',
            },
          ],
        },
        {
          width: '*',
          stack: [
            { text: 'Menurut kategori (10 terbanyak)', style: 'h2', margin: [0, 0, 0, 4] },
            report.received.byCategory.length > 0
              ? {
                  table: {
                    headerRows: 1,
                    widths: ['*', 40, 44],
                    body: [
                      [th('Kategori'), th('Jumlah', 'right'), th('Bagian', 'right')],
                      ...report.received.byCategory
                        .slice(0, 10)
                        .map((c): TableCell[] => [
                          c.category,
                          right(fmtNumber(c.count)),
                          right(shareOfTotal(c.count)),
                        ]),
                    ],
                  },
                  layout: tableLayout,
                  style: 'table',
                }
              : { text: 'Tidak ada laporan pada semester ini.', italics: true },
          ],
        },
      ],
      columnGap: 16,
    },
    {
      text: 'Pengaduan berkadar pengawasan (perlu pemeriksaan lapangan)',
      style: 'h2',
      margin: [0, 14, 0, 4],
    },
    field.count > 0
      ? {
          text: `${fmtNumber(field.count)} kasus, ${fmtNumber(field.completed)} selesai; median lama penyelesaian ${fmtDays(field.medianWorkingDays)} (batas ${fieldInspectionLimit} HK). Lama dihitung sejak disposisi sampai selesai, atau sampai batas data bila masih terbuka.`,
          margin: [0, 0, 0, 4],
        }
      : { text: 'Tidak ada pengaduan berkadar pengawasan pada semester ini.', italics: true },
    ...(field.cases.length > 0
      ? [
          {
            table: {
              headerRows: 1,
              dontBreakRows: true,
              widths: [18, 80, 80, 60, '*'],
              body: [
                [th('No'), th('ID tracking'), th('Disampaikan'), th('Lama', 'right'), th('Keadaan')],
                ...[...field.cases]
                  .sort((a, b) => b.workingDays - a.workingDays)
                  .map((c, i): TableCell[] => {
                    const late = c.workingDays > fieldInspectionLimit;
                    return [
                      String(i + 1),
                      c.trackingId,
                      shortDateSafe(c.submittedAt, format),
                      right(fmtDays(c.workingDays), late ? { bold: true, color: colors.worse } : {}),
                      `${c.open ? 'masih terbuka' : 'selesai'}${late ? `, melewati ${fieldInspectionLimit} HK` : ''}`,
                    ];
                  }),
              ],
            },
            layout: tableLayout,
            style: 'table',
          } satisfies Content,
        ]
      : []),
    { text: 'Laporan terbuka tertua', style: 'h2', margin: [0, 14, 0, 4] },
    oldest
      ? {
          table: {
            widths: [110, '*'],
            body: [
              ['ID tracking', { text: oldest.trackingId, bold: true }],
              ['Disampaikan', shortDateSafe(oldest.submittedAt, format)],
              ['Lama terbuka', `${fmtDays(oldest.workingDaysOpen)} sampai batas data`],
              ['Tahap saat ini', oldest.stage ? stageLabels[oldest.stage] : noValue],
            ],
          },
          layout: tableLayout,
          style: 'table',
        }
      : { text: 'Tidak ada laporan yang masih terbuka pada akhir semester.', italics: true },
    {
      text: `Tunggakan pada akhir semester: ${fmtNumber(report.backlogAtEnd)} laporan, ${fmtNumber(report.overdueAtEnd)} di antaranya melewati batas waktu.`,
      margin: [0, 6, 0, 0],
    },
  ];
}

/**
 * The semester evaluation PDF of one regency, for its head (Bupati / Wali Kota).
 * @param input.report the regency's ranked metrics
 * @param input.province the province's semester (for comparisons, the method and generatedAt)
 */
export function semesterReportPdf(
  input: {
    report: RankedMetrics;
    province: ProvinceSemester;
  },
  /** Pages laid out elsewhere (templates/citizens-pdf.ts), placed before the method. */
  extraPages: Content[] = [],
): TDocumentDefinitions {
  const { report, province } = input;
  return documentFrame({
    province,
    title: `Evaluasi Pengelolaan Pengaduan SP4N-LAPOR! ${report.regencyName}, ${province.semesterLabel}`,
    subject: `Laporan evaluasi semester pengelolaan pengaduan SP4N-LAPOR! untuk ${report.headTitle} ${bareName(report.regencyName)}`,
    keywords: [
      'SP4N-LAPOR!',
      province.province.brand,
      'evaluasi semester',
      province.semester,
      report.regencyName,
      report.regencyCode,
    ],
    runningHeader: `${report.regencyName} · ${province.semesterLabel}`,
    content: [
      ...coverPage(report, province),
      ...summaryPage(report, province),
      ...commitmentPage(report),
      ...chartsPage(report, province),
      ...comparisonPage(report, province),
      ...detailPage(report, zoneFormat(province.province)),
      ...extraPages,
      ...methodSection(province),
    ],
  });
}
