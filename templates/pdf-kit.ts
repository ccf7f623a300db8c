import type {
  Content,
  CustomTableLayout,
  StyleDictionary,
  TableCell,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';
import { minimumCases } from '../functions/domain/semester-evaluation';
import type { Flag, ProvinceComparison, ProvinceSemester, Share } from '../functions/domain/semester-metrics';
import { numberId, shareParts, sharePercent, type ZoneFormat, zoneFormat } from './format';

/**
 * What both PDFs (the head's regency report and the province summary) are made of: the small
 * formatters, the look (colours, flag styles, text styles, table layouts) and the document frame,
 * so both reports read alike.
 */

// --- formatting ---------------------------------------------------------------------------------

/** Printed where a figure does not exist (no case, no population, no previous semester). */
export const noValue = '–';

/** A number in Indonesian format, or an en dash when it is missing or not finite. */
export function fmtNumber(value: number | undefined, decimals = 0): string {
  return value === undefined || !Number.isFinite(value) ? noValue : numberId(value, decimals);
}

/** A right-aligned table cell: the share in bold, its parts (or why there is no percentage) below. */
export function shareCell(s: Share): TableCell {
  const below =
    s.denominator > 0 && s.value === undefined ? `kurang dari ${minimumCases}: tanpa persen` : shareParts(s);
  return {
    stack: [
      { text: sharePercent(s), bold: true },
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
export function bareName(regencyName: string): string {
  return regencyName.replace(/^(Kabupaten|Kota)\s+/i, '');
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "2 Mar 2026" in the province's zone, or the input when it is not a date. */
export function shortDateSafe(instant: string, format: ZoneFormat): string {
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
export const compactTableLayout: CustomTableLayout = {
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

export const right = (text: string, extra: Record<string, unknown> = {}): TableCell => ({
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

/** Height of a ranked bar chart for n items: about 19 pt a row plus axes. */
export const rankedChartHeight = (n: number) => Math.max(80, 19 * n + 34);
