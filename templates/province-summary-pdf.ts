import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { tallyCommitments } from '../functions/domain/commitments';
import { type IndicatorKey, indicators } from '../functions/domain/indicators';
import type { Flag, ProvinceSemester } from '../functions/domain/semester-metrics';
import { barChart, horizontalBarChart } from './charts';
import { commitmentSource } from './commitments-pdf';
import { sharePercent } from './format';
import { indicatorWords } from './indicator-words';
import { lagReasonText, pdfLagWording } from './lag-words';
import {
  calendarGapWarning,
  colors,
  contentWidth,
  displayName,
  documentFrame,
  flagStyles,
  fmtNumber,
  monthLabel,
  noValue,
  pageHeading,
  provinceFigures,
  rankedChartHeight,
  shareCell,
  tableLayout,
  th,
  warningBox,
} from './pdf-kit';
import { coverFooter, methodSection, scoreRankingChart } from './pdf-method';

/**
 * The province summary of a semester evaluation, for the province team (Diskominfo), in
 * Indonesian: totals against the previous semester, every regency ranked, the lagging ones and
 * why, charts, and the same method page as the regency reports. Pure, like semester-report-pdf.
 */

const flagOrder: Flag[] = ['hijau', 'kuning', 'merah'];

const right = (text: string, extra: Record<string, unknown> = {}): TableCell => ({
  text,
  alignment: 'right',
  ...extra,
});

/** "+6,8%", "−3 laporan"... coloured by whether the change is good. */
function changeCell(
  now: number | undefined,
  before: number | undefined,
  better: 'higher' | 'lower',
  unit: 'poin' | 'count' | 'decimal',
): TableCell {
  if (now === undefined || before === undefined || !Number.isFinite(now) || !Number.isFinite(before)) {
    return right(noValue, { color: colors.muted });
  }
  const delta = unit === 'poin' ? (now - before) * 100 : now - before;
  const decimals = unit === 'count' ? 0 : 1;
  if (Math.abs(delta) < 0.5 * 10 ** -decimals) return right('tetap', { color: colors.muted });
  const good = better === 'higher' ? delta > 0 : delta < 0;
  const relative =
    unit === 'count' && before > 0
      ? ` (${delta > 0 ? '+' : '−'}${fmtNumber(Math.abs(delta / before) * 100, 1)}%)`
      : '';
  return right(
    `${delta > 0 ? '+' : '−'}${fmtNumber(Math.abs(delta), decimals)}${unit === 'poin' ? ' poin' : ''}${relative}`,
    { color: good ? colors.better : colors.worse, bold: true },
  );
}

function coverPage(province: ProvinceSemester): Content[] {
  return [
    { text: province.province.brand, style: 'coverBrand' },
    { text: `SP4N-LAPOR! Provinsi ${province.province.name}`, color: colors.muted, margin: [0, 0, 0, 150] },
    { text: 'Ringkasan Evaluasi Pengelolaan Pengaduan SP4N-LAPOR!', style: 'coverTitle' },
    { text: province.semesterLabel, style: 'coverSubtitle', margin: [0, 8, 0, 24] },
    { text: `Provinsi ${province.province.name}`, style: 'coverName' },
    { text: `${fmtNumber(province.regencies.length)} kabupaten/kota`, fontSize: 12, margin: [0, 2, 0, 0] },
    {
      canvas: [{ type: 'line', x1: 0, y1: 8, x2: 160, y2: 8, lineWidth: 3, lineColor: colors.accent }],
      margin: [0, 0, 0, 20],
    },
    {
      text: `Untuk: Tim Pengelola SP4N-LAPOR! Provinsi ${province.province.name} (Dinas Komunikasi dan Informatika)`,
      fontSize: 12,
    },
    coverFooter(province),
  ];
}

/** Three coloured boxes: how many regencies per flag, and which. */
function flagBoxes(province: ProvinceSemester): Content {
  return {
    columns: flagOrder.map((flag) => {
      const style = flagStyles[flag];
      const members = province.regencies.filter((r) => r.flag === flag).sort((a, b) => a.rank - b.rank);
      return {
        width: '*',
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  { text: style.word, fontSize: 9, bold: true },
                  { text: `${fmtNumber(members.length)} daerah`, fontSize: 18, bold: true },
                  {
                    text:
                      members.length > 0
                        ? members.map((r) => displayName(r.regencyName)).join(', ')
                        : 'tidak ada',
                    fontSize: 8,
                  },
                ],
                color: style.text,
                fillColor: style.fill,
                margin: [6, 5, 6, 6],
              },
            ],
          ],
        },
        layout: 'noBorders',
      };
    }),
    columnGap: 8,
    margin: [0, 0, 0, 10],
  };
}

function totalsTable(province: ProvinceSemester): Content {
  const t = province.totals;
  const pt = province.previousTotals;
  const p = provinceFigures(province);
  const rows: TableCell[][] = [
    [
      'Laporan diterima',
      right(fmtNumber(t.received), { bold: true }),
      right(fmtNumber(pt?.received)),
      changeCell(t.received, pt?.received, 'higher', 'count'),
    ],
    [
      'Laporan per 100.000 penduduk',
      right(fmtNumber(t.perHundredThousand, 1), { bold: true }),
      right(fmtNumber(pt?.perHundredThousand, 1)),
      changeCell(t.perHundredThousand, pt?.perHundredThousand, 'higher', 'decimal'),
    ],
    [
      {
        stack: [
          'Tindak lanjut pertama tepat waktu',
          { text: 'batas nasional', fontSize: 7.5, color: colors.muted },
        ],
      },
      shareCell(t.followUpWithinLimit),
      right(sharePercent(pt?.followUpWithinLimit)),
      changeCell(t.followUpWithinLimit.value, pt?.followUpWithinLimit.value, 'higher', 'poin'),
    ],
    [
      {
        stack: [
          'Tindak lanjut pertama tepat waktu',
          { text: 'target provinsi', fontSize: 7.5, color: colors.muted },
        ],
      },
      shareCell(p.followUpProvincial),
      right(sharePercent(pt?.followUpProvincial)),
      changeCell(p.followUpProvincial.value, pt?.followUpProvincial.value, 'higher', 'poin'),
    ],
    [
      'Penyelesaian tepat waktu',
      shareCell(t.completedWithinLimit),
      right(sharePercent(pt?.completedWithinLimit)),
      changeCell(t.completedWithinLimit.value, pt?.completedWithinLimit.value, 'higher', 'poin'),
    ],
    [
      'Tunggakan pada akhir semester',
      right(fmtNumber(t.backlogAtEnd), { bold: true }),
      right(fmtNumber(pt?.backlogAtEnd)),
      changeCell(t.backlogAtEnd, pt?.backlogAtEnd, 'lower', 'count'),
    ],
    [
      'Melewati batas waktu pada akhir semester',
      right(fmtNumber(t.overdueAtEnd), { bold: true }),
      right(fmtNumber(pt?.overdueAtEnd)),
      changeCell(t.overdueAtEnd, pt?.overdueAtEnd, 'lower', 'count'),
    ],
    [
      'Daerah dengan hari tanpa admin penghubung aktif',
      right(fmtNumber(p.regenciesWithoutAdmin), { bold: true }),
      right(fmtNumber(pt?.regenciesWithoutAdmin)),
      changeCell(p.regenciesWithoutAdmin, pt?.regenciesWithoutAdmin, 'lower', 'count'),
    ],
  ];
  return {
    table: {
      headerRows: 1,
      widths: ['*', 90, 90, 90],
      body: [
        [
          th('Indikator'),
          th('Semester ini', 'right'),
          th('Semester lalu', 'right'),
          th('Perubahan', 'right'),
        ],
        ...rows,
      ],
    },
    layout: tableLayout,
    style: 'table',
  };
}

function summaryPage(province: ProvinceSemester): Content[] {
  const t = province.totals;
  const n = province.regencies.length;
  const missingPrevious = province.regencies.filter((r) => !r.previous);
  const gaps = province.regencies.filter((r) => r.calendarGaps.length > 0);
  const gapYears = gaps.flatMap((r) => r.calendarGaps);
  const withoutAdmin = province.regencies
    .filter((r) => r.daysWithoutAdmin > 0)
    .sort((a, b) => b.daysWithoutAdmin - a.daysWithoutAdmin);
  const ranked = [...province.regencies].sort((a, b) => a.rank - b.rank);
  const best = ranked.slice(0, 3);
  const worst = ranked.slice(-3).reverse();
  const previousNote = !province.previousTotals
    ? 'Belum ada data semester lalu.'
    : missingPrevious.length > 0
      ? `Semester lalu (${province.previousSemesterLabel}) mencakup ${fmtNumber(n - missingPrevious.length)} dari ${fmtNumber(n)} daerah; tanpa data: ${missingPrevious.map((r) => displayName(r.regencyName)).join(', ')}.`
      : `Semester lalu: ${province.previousSemesterLabel}.`;
  return [
    pageHeading('Ringkasan Provinsi'),
    {
      text: [
        `Selama ${province.semesterLabel}, ${fmtNumber(n)} kabupaten/kota di Provinsi ${province.province.name} menerima `,
        { text: `${fmtNumber(t.received)} laporan`, bold: true },
        t.perHundredThousand === undefined
          ? ''
          : ` (${fmtNumber(t.perHundredThousand, 1)} per 100.000 penduduk)`,
        '. Tindak lanjut pertama tepat waktu (batas nasional): ',
        { text: sharePercent(t.followUpWithinLimit), bold: true },
        '; penyelesaian tepat waktu: ',
        { text: sharePercent(t.completedWithinLimit), bold: true },
        '.',
      ],
      style: 'lead',
    },
    ...(gaps.length > 0
      ? [warningBox(calendarGapWarning(gapYears, gaps.map((r) => displayName(r.regencyName)).join(', ')))]
      : []),
    flagBoxes(province),
    { text: 'Angka provinsi', style: 'h2', margin: [0, 0, 0, 4] },
    totalsTable(province),
    { text: previousNote, style: 'note' },
    { text: 'Sekilas', style: 'h2' },
    {
      ul: [
        `Tiga teratas: ${best.map((r) => `${displayName(r.regencyName)} (${fmtNumber(r.score, 1)})`).join(', ')}.`,
        `Tiga terbawah: ${worst.map((r) => `${displayName(r.regencyName)} (${fmtNumber(r.score, 1)})`).join(', ')}.`,
        withoutAdmin.length > 0
          ? `Tanpa admin penghubung aktif: ${withoutAdmin.map((r) => `${displayName(r.regencyName)} ${fmtNumber(r.daysWithoutAdmin)} hari`).join(', ')}.`
          : 'Semua daerah memiliki admin penghubung aktif sepanjang semester.',
        `Tidak menerima laporan sama sekali: ${
          province.regencies
            .filter((r) => r.received.total === 0)
            .map((r) => displayName(r.regencyName))
            .join(', ') || 'tidak ada'
        }.`,
      ],
    },
  ];
}

/** Header cell of the dense ranking table. */
const thSmall = (text: string, alignment: 'left' | 'right' | 'center' = 'left'): TableCell => ({
  text,
  style: 'th',
  fontSize: 7.5,
  alignment,
});

function flagCell(flag: Flag): TableCell {
  const style = flagStyles[flag] ?? flagStyles.kuning;
  return {
    text: style.word,
    fillColor: style.fill,
    color: style.text,
    bold: true,
    alignment: 'center',
    fontSize: 7,
  };
}

/** The indicator columns of the ranking table (functions/domain/indicators.ts). */
const rankingColumns: readonly IndicatorKey[] = [
  'received',
  'perHundredThousand',
  'followUpNational',
  'followUpProvincial',
  'completedWithinLimit',
  'backlogAtEnd',
  'overdueAtEnd',
  'daysWithoutAdmin',
];

function rankingPage(province: ProvinceSemester): Content[] {
  const ranked = [...province.regencies].sort((a, b) => a.rank - b.rank);
  const p = provinceFigures(province);
  const t = province.totals;
  const num = (v: number | undefined, d = 0) => right(fmtNumber(v, d));
  const byVolume = [...province.regencies].sort(
    (a, b) => (b.perHundredThousand ?? -1) - (a.perHundredThousand ?? -1),
  );
  return [
    pageHeading('Peringkat Kabupaten/Kota'),
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [12, '*', 22, 34, 30, 28, 28, 28, 30, 38, 26, 26],
        body: [
          [
            thSmall('No'),
            thSmall('Kabupaten/Kota'),
            thSmall('Skor', 'right'),
            thSmall('Status', 'center'),
            ...rankingColumns.map((key) => thSmall(indicatorWords[key].short, 'right')),
          ],
          ...ranked.map((r): TableCell[] => [
            String(r.rank),
            { text: displayName(r.regencyName), bold: true },
            num(r.score, 1),
            flagCell(r.flag),
            ...rankingColumns.map((key) => {
              const { kind, value } = indicators[key];
              const v = value(r);
              if (typeof v === 'object') return right(sharePercent(v));
              // Any day without an admin is a gap the province acts on: shown in red.
              const alarm = key === 'daysWithoutAdmin' && (v ?? 0) > 0;
              return right(
                fmtNumber(v, kind === 'rate' ? 1 : 0),
                alarm ? { color: colors.worse, bold: true } : {},
              );
            }),
          ]),
          [
            '',
            { text: 'Provinsi', bold: true },
            num(p.averageScore, 1),
            '',
            num(t.received),
            num(t.perHundredThousand, 1),
            right(sharePercent(p.followUpNational)),
            right(sharePercent(p.followUpProvincial)),
            right(sharePercent(p.completed)),
            num(t.backlogAtEnd),
            num(t.overdueAtEnd),
            num(p.averageDaysWithoutAdmin, 1),
          ],
        ],
      },
      layout: { ...tableLayout, paddingLeft: () => 3, paddingRight: () => 3 },
      style: 'tableSmall',
    },
    {
      text: 'Skor: skor gabungan 0–100 (baris Provinsi: rata-rata). Per 100 rb: laporan per 100.000 penduduk. TL nas. / TL prov.: tindak lanjut pertama dalam batas nasional / target provinsi. Selesai tepat: penyelesaian dalam batas waktu klasifikasinya. Tunggakan dan Lewat batas: laporan terbuka dan yang melewati batas waktu pada akhir semester. Hari tanpa admin: hari tanpa admin penghubung aktif (baris Provinsi: rata-rata). Tanda – berarti tidak ada data.',
      style: 'note',
      margin: [0, 4, 0, 0],
    },
    { text: 'Laporan per 100.000 penduduk', style: 'h2', margin: [0, 14, 0, 4] },
    {
      svg: horizontalBarChart({
        items: byVolume.map((r) => ({
          label: displayName(r.regencyName),
          value: r.perHundredThousand ?? Number.NaN,
          highlight: r.flag === 'merah',
        })),
        ...(p.perHundredThousand === undefined
          ? {}
          : { target: p.perHundredThousand, targetLabel: 'Provinsi' }),
        width: contentWidth,
        height: rankedChartHeight(byVolume.length),
      }),
    },
    { text: 'Daerah tanpa data penduduk tidak memiliki batang (–).', style: 'caption' },
  ];
}

function attentionPage(province: ProvinceSemester): Content[] {
  const lagging = province.regencies
    .filter((r) => r.flag === 'merah' || r.flag === 'kuning')
    .sort((a, b) => (a.flag === b.flag ? a.rank - b.rank : a.flag === 'merah' ? -1 : 1));
  return [
    pageHeading('Daerah yang Perlu Perhatian'),
    {
      text: 'Daerah berstatus merah lalu kuning, menurut peringkat. Alasan diturunkan dari angka daerah dibandingkan dengan angka provinsi.',
      style: 'lead',
    },
    ...(lagging.length === 0
      ? [{ text: 'Semua daerah berstatus hijau pada semester ini.', italics: true } satisfies Content]
      : lagging.map((r): Content => {
          const style = flagStyles[r.flag];
          const reasons = (r.lagReasons ?? []).map((x) => lagReasonText(x, pdfLagWording(province)));
          return {
            stack: [
              {
                columns: [
                  {
                    width: 52,
                    table: { widths: ['*'], body: [[flagCell(r.flag)]] },
                    layout: 'noBorders',
                  },
                  {
                    width: '*',
                    text: [
                      { text: r.regencyName, bold: true },
                      {
                        text: `  peringkat ${fmtNumber(r.rank)} dari ${fmtNumber(r.of)}, skor ${fmtNumber(r.score, 1)}`,
                        color: colors.muted,
                      },
                    ],
                    margin: [6, 0, 0, 0],
                  },
                ],
              },
              reasons.length > 0
                ? { ul: reasons, margin: [58, 3, 0, 0], fontSize: 9.5 }
                : {
                    text: `Status ${style.word.toLowerCase()} karena skor atau hari tanpa admin melewati batas penanda (lihat Metode), tanpa indikator yang jauh di bawah nilai provinsi.`,
                    margin: [58, 3, 0, 0],
                    fontSize: 9.5,
                  },
            ],
            margin: [0, 0, 0, 10],
            unbreakable: true,
          };
        })),
  ];
}

const commitmentStatus = {
  kept: { word: 'DITEPATI', color: colors.better },
  notKept: { word: 'TIDAK DITEPATI', color: colors.worse },
  unjudged: { word: 'BELUM DAPAT DINILAI', color: colors.muted },
  expired: { word: 'KEDALUWARSA', color: colors.worse },
  none: { word: 'TANPA KOMITMEN', color: colors.worse },
} as const;

/** Which regencies kept their heads' commitments, which did not, and which have none in force. */
function commitmentsPage(province: ProvinceSemester): Content[] {
  if (!province.regencies.some((r) => r.commitment)) return [];
  const tally = tallyCommitments([...province.regencies].sort((a, b) => a.rank - b.rank));
  const byCode = new Map(province.regencies.map((r) => [r.regencyCode, r]));
  const names = (codes: string[]) =>
    codes.map((c) => displayName(byCode.get(c)?.regencyName ?? c)).join(', ') || 'tidak ada';
  const groups = (Object.keys(commitmentStatus) as (keyof typeof commitmentStatus)[]).flatMap((key) =>
    tally[key].map((code) => ({ key, r: byCode.get(code) as (typeof province.regencies)[number] })),
  );
  const withCommitment = tally.kept.length + tally.notKept.length + tally.unjudged.length;
  return [
    pageHeading('Komitmen Kepala Daerah'),
    {
      text: [
        { text: `${fmtNumber(tally.kept.length)} dari ${fmtNumber(withCommitment)} daerah`, bold: true },
        ` dengan komitmen yang berlaku menepati semua targetnya pada ${province.semesterLabel}. `,
        `${fmtNumber(tally.none.length + tally.expired.length)} daerah tanpa komitmen yang berlaku.`,
      ],
      style: 'lead',
    },
    {
      ul: [
        `Ditepati: ${names(tally.kept)}.`,
        `Tidak ditepati: ${names(tally.notKept)}.`,
        ...(tally.unjudged.length > 0 ? [`Belum dapat dinilai: ${names(tally.unjudged)}.`] : []),
        `Komitmen kedaluwarsa: ${names(tally.expired)}.`,
        `Belum ada komitmen: ${names(tally.none)}.`,
      ],
      margin: [0, 0, 0, 8],
    },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [14, 92, '*', 70, 76],
        body: [
          [th('No'), th('Kabupaten/Kota'), th('Komitmen'), th('Target', 'right'), th('Status')],
          ...groups.map(({ key, r }, i): TableCell[] => {
            const c = r.commitment;
            const style = commitmentStatus[key];
            return [
              String(i + 1),
              { text: displayName(r.regencyName), bold: true },
              c?.commitment
                ? { text: commitmentSource(c.commitment), fontSize: 7.5 }
                : { text: c?.summary ?? 'Belum ada komitmen tertulis', fontSize: 7.5, italics: true },
              right(
                c && c.status === 'in-force' ? `${fmtNumber(c.met)} dari ${fmtNumber(c.judged)}` : noValue,
              ),
              { text: style.word, bold: true, color: style.color, fontSize: 8 },
            ];
          }),
        ],
      },
      layout: tableLayout,
      style: 'table',
    },
    {
      text: 'Target: target yang terpenuhi dari yang dapat dinilai. Komitmen dinilai pada komitmen yang berlaku di akhir semester; rincian per target ada di laporan tiap daerah.',
      style: 'note',
    },
  ];
}

function chartsPages(province: ProvinceSemester): Content[] {
  return [
    pageHeading('Grafik'),
    { text: 'Skor gabungan (0–100)', style: 'h2', margin: [0, 0, 0, 4] },
    scoreRankingChart(province, (r) => r.flag === 'merah'),
    { text: 'Daerah berstatus merah ditandai oranye dan tebal.', style: 'caption' },
    { text: 'Laporan diterima per bulan, seluruh provinsi', style: 'h2' },
    {
      svg: barChart({
        labels: province.totals.byMonth.map((m) => monthLabel(m.month)),
        series: [
          { name: `Provinsi ${province.province.name}`, values: province.totals.byMonth.map((m) => m.count) },
        ],
        width: contentWidth,
        height: 210,
        yLabel: 'Laporan',
      }),
    },
  ];
}

/**
 * The province summary PDF of a semester.
 * @param province the province's semester, regencies ranked best first
 */
export function provinceSummaryPdf(
  province: ProvinceSemester,
  /** Pages laid out elsewhere (templates/citizens-pdf.ts), placed before the charts. */
  extraPages: Content[] = [],
): TDocumentDefinitions {
  return documentFrame({
    province,
    title: `Ringkasan Evaluasi Pengelolaan Pengaduan SP4N-LAPOR! Provinsi ${province.province.name}, ${province.semesterLabel}`,
    subject: `Ringkasan evaluasi semester pengelolaan pengaduan SP4N-LAPOR! seluruh kabupaten/kota di Provinsi ${province.province.name}`,
    keywords: [
      'SP4N-LAPOR!',
      province.province.brand,
      'evaluasi semester',
      'ringkasan provinsi',
      province.semester,
      province.province.name,
    ],
    runningHeader: `Ringkasan Provinsi ${province.province.name} · ${province.semesterLabel}`,
    content: [
      ...coverPage(province),
      ...summaryPage(province),
      ...rankingPage(province),
      ...attentionPage(province),
      ...commitmentsPage(province),
      ...extraPages,
      ...chartsPages(province),
      ...methodSection(province),
    ],
  });
}
