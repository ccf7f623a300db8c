import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  type Indicator,
  type IndicatorKey,
  indicatorNumber,
  indicators,
} from '../functions/domain/indicators';
import type { ProvinceSemester, RankedMetrics, Share } from '../functions/domain/semester-metrics';
import { barChart, histogram, horizontalBarChart } from './charts';
import { commitmentPage } from './commitments-pdf';
import {
  classificationLabel,
  percentId,
  sharePercent,
  stageLabels,
  type ZoneFormat,
  zoneFormat,
} from './format';
import { indicatorWords } from './indicator-words';
import { lagReasonText, pdfLagWording } from './lag-words';
import {
  bareName,
  calendarGapWarning,
  capitalise,
  colors,
  contentWidth,
  displayName,
  documentFrame,
  flagStyles,
  fmtDays,
  fmtNumber,
  monthLabel,
  noValue,
  pageHeading,
  provinceFigures,
  rankedChartHeight,
  right,
  shareCell,
  shortDateSafe,
  tableLayout,
  th,
  warningBox,
} from './pdf-kit';
import { coverFooter, methodSection, scoreRankingChart } from './pdf-method';

/**
 * The semester evaluation of one regency, as a pdfmake document definition, in Indonesian: a cover,
 * a one-page summary for the regency head, charts, detail tables and the method. Pure: the same
 * input gives the same definition (dates come from `province.method.generatedAt`, never the clock).
 *
 * Also exported for the province summary (templates/province-summary-pdf.ts): the document frame,
 * the method section, the lag reasons and the small formatters, so both reports read alike.
 */

// --- the regency report ---------------------------------------------------------------------------

type Better = Indicator['better'];

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

/** The regency's rows of the indicator table, in this order (functions/domain/indicators.ts). */
const figureRows: readonly IndicatorKey[] = [
  'received',
  'perHundredThousand',
  'followUpNational',
  'followUpProvincial',
  'completedWithinLimit',
  'medianFollowUpDays',
  'backlogAtEnd',
  'overdueAtEnd',
  'daysWithoutAdmin',
];

const changeUnit = { count: 'count', rate: 'decimal', share: 'poin', days: 'days' } as const;

function figuresTable(report: RankedMetrics, province: ProvinceSemester): Content {
  const p = provinceFigures(province);
  const prev = report.previous;
  const rows = figureRows.map((key) => {
    const indicator = indicators[key];
    const now = indicator.value(report);
    const before = prev ? indicator.value(prev) : undefined;
    const ref = indicator.province(p);
    const words = indicatorWords[key];
    const hint =
      key === 'perHundredThousand'
        ? report.population && `penduduk ${fmtNumber(report.population.value)} (${report.population.year})`
        : words.hint;
    const number = (v: number | Share | undefined) => (typeof v === 'object' ? undefined : v);
    const shown = (v: number | Share | undefined): string =>
      indicator.kind === 'share'
        ? sharePercent(v as Share | undefined)
        : indicator.kind === 'days'
          ? fmtDays(number(v))
          : fmtNumber(number(v), indicator.kind === 'rate' ? 1 : 0);
    const nowCell: TableCell =
      indicator.kind === 'share'
        ? shareCell(now as Share)
        : right(indicator.kind === 'rate' && now === undefined ? 'tidak ada data' : shown(now), {
            bold: true,
          });
    const provinceText =
      indicator.reference === 'average'
        ? ref === undefined
          ? noValue
          : `rata-rata ${fmtNumber(number(ref), 1)}`
        : indicator.reference === 'median'
          ? ref === undefined
            ? noValue
            : `median daerah ${fmtDays(number(ref))}`
          : shown(ref);
    return {
      label: words.label,
      ...(hint ? { hint } : {}),
      now: nowCell,
      before: shown(before),
      change: change(
        indicatorNumber(now),
        indicatorNumber(before),
        indicator.better,
        changeUnit[indicator.kind],
      ),
      province: provinceText,
    };
  });
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
  const reasons = (report.lagReasons ?? []).map((r) => lagReasonText(r, pdfLagWording(province)));
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
          text: `${fmtNumber(field.count)} kasus, ${fmtNumber(field.completed)} selesai; median lama penyelesaian ${fmtDays(field.medianWorkingDays)}${field.limit === undefined ? '' : ` (batas ${field.limit} HK)`}. Lama dihitung sejak disposisi sampai selesai, atau sampai batas data bila masih terbuka.`,
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
                    const late = c.late === true;
                    return [
                      String(i + 1),
                      c.trackingId,
                      shortDateSafe(c.submittedAt, format),
                      right(fmtDays(c.workingDays), late ? { bold: true, color: colors.worse } : {}),
                      `${c.open ? 'masih terbuka' : 'selesai'}${late ? `, melewati ${c.limit} HK` : ''}`,
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
