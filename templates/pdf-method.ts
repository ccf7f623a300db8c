import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ProvinceSemester, RankedMetrics } from '../functions/domain/semester-metrics';
import { horizontalBarChart } from './charts';
import { officeContactText, officeText, zoneFormat } from './format';
import {
  colors,
  compactTableLayout,
  contentWidth,
  displayName,
  flagStyles,
  fmtNumber,
  noValue,
  pageHeading,
  provinceFigures,
  rankedChartHeight,
  right,
  tableLayout,
  th,
} from './pdf-kit';

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
      // Where a reader of the report asks (the place profile's office), when the profile names it.
      ...(province.province.office
        ? [
            `Pengelola: ${officeText(province.province.office)}`,
            ...(officeContactText(province.province.office)
              ? [`Pertanyaan: ${officeContactText(province.province.office)}`]
              : []),
          ]
        : []),
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
