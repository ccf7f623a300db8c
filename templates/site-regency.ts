import type { PublicCitizenFigures, PublicRow } from '../functions/domain/citizen-figures';
import { type IndicatorKey, indicators } from '../functions/domain/indicators';
import type { Scoreboard, ScoreboardRegency, ShownShare } from '../functions/domain/scoreboard';
import { publicIndicators } from '../functions/domain/scoreboard';
import { barChart } from './charts';
import { classificationLabel, dayText, escapeHtml as esc, monthText, shareText } from './format';
import { indicatorLabel } from './indicator-words';
import { lagReasonText } from './lag-words';
import { displayName, fmtDays, monthLabel } from './pdf-kit';
import {
  figure,
  flagBadge,
  flagReasonText,
  monthChartWidth,
  num,
  page,
  shareCell,
  siteLagWording,
  sitePaths,
  table,
} from './site-frame';

// --- regency page -------------------------------------------------------------------------------

/** The rows of "Dibanding provinsi" (functions/domain/indicators.ts). */
const compareRows: readonly IndicatorKey[] = [
  'received',
  'perHundredThousand',
  'verifiedWithinLimit',
  'followUpNational',
  'followUpProvincial',
  'completedWithinLimit',
  'backlogAtEnd',
  'overdueAtEnd',
  'daysWithoutAdmin',
];

export function regencyPage(board: Scoreboard, r: ScoreboardRegency): string {
  const s = board.semester;
  const m = r.semester;
  const up = '../';
  const parts: string[] = [
    `<p class="crumb"><a href="${up}${sitePaths.province}">Semua kabupaten/kota</a></p>`,
    `<h1>${esc(r.name)}</h1>`,
  ];
  if (s && m) {
    parts.push(
      `<p class="lead">${flagBadge(m.flag)} Peringkat <strong>${num(m.rank)} dari ${num(m.of)}</strong> kabupaten/kota, skor <strong>${num(m.score, 1)}</strong> (rata-rata provinsi ${num(s.totals.average.score, 1)}), ${esc(s.label)}.</p>`,
      // The strongest reason decided the flag; the others did not change it.
      m.flagReasons[0] ? `<p>${esc(flagReasonText(m.flagReasons[0], board.method.flagSettings))}</p>` : '',
      m.lagReasons.length > 0
        ? `<p>Yang perlu perhatian:</p><ul class="reasons">${m.lagReasons.map((x) => `<li>${esc(lagReasonText(x, siteLagWording))}</li>`).join('')}</ul>`
        : '',
    );
  } else {
    parts.push('<p class="lead">Evaluasi semester untuk daerah ini belum tersedia.</p>');
  }
  parts.push(`<section class="card" aria-labelledby="h-hari-ini"><h2 id="h-hari-ini">Hari ini, ${esc(dayText(board.date))}</h2>
<p><strong>${num(r.today.open)}</strong> laporan belum selesai; <strong>${num(r.today.overdue)}</strong> di antaranya melewati batas waktu.</p>
<p>${r.today.adminInOffice ? 'Admin penghubung aktif.' : '<strong>Tidak ada admin penghubung aktif.</strong>'} Hari tanpa admin penghubung sejak ${esc(dayText(board.runningSemester.firstDate))}: <strong>${num(r.today.daysWithoutAdminThisSemester)}</strong>.</p></section>`);

  if (s && m) {
    const t = s.totals;
    parts.push(
      `<h2 id="banding">Dibanding provinsi, ${esc(s.period)}</h2>`,
      table({
        caption: `${r.name} dan Provinsi ${board.province.name}, ${s.label}`,
        head: [
          { text: 'Indikator' },
          { text: displayName(r.name), numeric: true },
          { text: 'Provinsi', numeric: true },
        ],
        rows: compareRows.map((key) => {
          const { kind, reference } = indicators[key];
          const at = publicIndicators[key];
          const cell = (v: number | ShownShare | undefined, decimals: number) =>
            typeof v === 'object' ? shareCell(v) : num(v, decimals);
          // An asterisk marks a province column that is the average per regency (note below).
          return {
            cells: [
              esc(`${indicatorLabel(key)}${reference === 'average' ? '*' : ''}`),
              cell(at?.value(m), kind === 'rate' ? 1 : 0),
              cell(at?.province(t), kind === 'rate' || reference === 'average' ? 1 : 0),
            ],
          };
        }),
        className: 'compare',
      }),
      `<p class="note-small">* Kolom provinsi: rata-rata per kabupaten/kota. Median hari kerja sampai tindak lanjut pertama di ${esc(displayName(r.name))}: ${fmtDays(m.medianWorkingDaysToFollowUp)}.</p>`,
    );
  }

  const average = board.months.map((x) => x.received / Math.max(1, board.regencies.length));
  const peak = [...r.months].sort((a, b) => b.received - a.received)[0];
  const total = r.months.reduce((n, x) => n + x.received, 0);
  parts.push(
    `<h2 id="tren">Laporan per bulan, 12 bulan terakhir</h2>`,
    '<div class="pair">',
    figure(
      'tren',
      barChart({
        labels: r.months.map((x) => monthLabel(x.month)),
        series: [
          { name: displayName(r.name), values: r.months.map((x) => x.received) },
          { name: 'Rata-rata per daerah', values: average },
        ],
        width: monthChartWidth,
        height: 210,
        yLabel: 'Laporan',
      }),
      `Laporan diterima per bulan, ${r.name}`,
      total > 0 && peak
        ? `${num(total)} laporan dalam 12 bulan (${monthText(r.months[0]?.month ?? '')} – ${monthText(board.date.slice(0, 7))}, bulan ini sampai ${dayText(board.date)}); paling banyak ${monthText(peak.month)} (${num(peak.received)}).`
        : `Tidak ada laporan dalam 12 bulan terakhir (sampai ${dayText(board.date)}).`,
    ),
    table({
      caption: `Laporan diterima per bulan, ${r.name} dan rata-rata per kabupaten/kota`,
      head: [
        { text: 'Bulan' },
        { text: displayName(r.name), numeric: true },
        { text: 'Rata-rata per daerah', numeric: true },
      ],
      rows: r.months.map((x, i) => ({
        cells: [esc(monthText(x.month)), num(x.received), num(average[i], 1)],
      })),
    }),
    '</div>',
  );

  if (s && m) {
    parts.push(
      `<h2 id="jenis">Jenis dan kategori laporan, ${esc(s.period)}</h2>`,
      table({
        caption: `Laporan menurut klasifikasi, ${s.label}`,
        head: [{ text: 'Klasifikasi' }, { text: 'Laporan', numeric: true }],
        rows: m.byClassification.map((c) => ({
          cells: [esc(classificationLabel(c.classification)), num(c.count)],
        })),
      }),
      m.byCategory.length
        ? table({
            caption: `Kategori terbanyak, ${s.label}`,
            head: [{ text: 'Kategori' }, { text: 'Laporan', numeric: true }],
            rows: m.byCategory.map((c) => ({ cells: [esc(c.category), num(c.count)] })),
          })
        : '<p>Tidak ada laporan pada semester ini.</p>',
    );
    if (m.calendarGaps.length)
      parts.push(
        `<p class="note">Sebagian angka menyentuh tahun tanpa kalender hari kerja (${m.calendarGaps.join(', ')}); hari kerja pada tahun itu dihitung Senin–Jumat saja.</p>`,
      );
  }
  if (s && m?.citizens)
    parts.push(citizensSection(m.citizens, s.label, s.period, board.method.minimumCasesForShare));
  if (r.commitment)
    parts.push(`<h2 id="komitmen">Komitmen ${esc(r.headTitle)}</h2><p>${esc(r.commitment.summary)}</p>`);
  return page(board, { title: r.name, depth: 1, current: 'regency', body: parts.join('\n') });
}

/** Channels and what reporters thought: aggregates, values under the minimum folded and shown as "< 5" (the minimum of the small-number rule). */
function citizensSection(c: PublicCitizenFigures, label: string, period: string, minimum: number): string {
  const shown = (x: PublicRow): ShownShare => x.share;
  const rows = (list: readonly PublicRow[]) =>
    list.map((x) => ({
      cells: [
        esc(x.label),
        x.small ? `&lt; ${num(minimum)}` : num(x.count),
        x.small ? '–' : shareCell(shown(x)),
      ],
    }));
  const small = (s: PublicCitizenFigures['rated']): ShownShare => s;
  return [
    `<h2 id="warga">Kanal dan penilaian pelapor, ${esc(period)}</h2>`,
    c.channelsKnown > 0
      ? table({
          caption: `Laporan menurut kanal, ${label} (${num(c.channelsKnown)} laporan yang menyebut kanalnya)`,
          head: [{ text: 'Kanal' }, { text: 'Laporan', numeric: true }, { text: 'Bagian', numeric: true }],
          rows: rows(c.channels),
        })
      : '<p>Kanal laporan tidak tercatat pada semester ini.</p>',
    `<p>Laporan selesai yang dinilai pelapor: ${shareText(small(c.rated))}. Pelapor menanggapi tindak lanjut: ${shareText(small(c.reporterAnswered))}.</p>`,
    c.ratings.length
      ? table({
          caption: `Penilaian pelapor seperti tertulis di LAPOR!, ${label}`,
          head: [
            { text: 'Penilaian' },
            { text: 'Laporan', numeric: true },
            { text: 'Bagian', numeric: true },
          ],
          rows: rows(c.ratings),
        })
      : '',
    `<p class="note">Kanal atau nilai dengan kurang dari ${num(minimum)} laporan digabung; jumlah di bawah ${num(minimum)} tidak ditampilkan. Penilaian dan tanggapan pelapor tidak masuk skor.</p>`,
  ].join('\n');
}
