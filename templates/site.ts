import type { PublicCitizenFigures, PublicRow } from '../functions/domain/citizen-figures';
import { csvLine } from '../functions/domain/csv-cell';
import type { Scoreboard, ScoreboardRegency, ShownShare } from '../functions/domain/scoreboard';
import type { Flag, FlagReason } from '../functions/domain/semester-metrics';
import type { SiteFile } from '../functions/ports/site-target';
import type { SiteView } from '../functions/ports/site-view';
import { barChart, horizontalBarChart } from './charts';
import {
  classificationLabel,
  dayText,
  escapeHtml as esc,
  fractionWords,
  monthText,
  percentId,
  shareParts,
  shareText,
  zoneFormat,
} from './format';
import { type LagWording, lagReasonText } from './lag-words';
import { displayName, flagStyles, fmtDays, fmtNumber, monthLabel, rankedChartHeight } from './pdf-kit';

/**
 * The public scoreboard as static files, in Indonesian: the province page, one page per regency,
 * the method page, the open-data page with its CSV and JSON, and one style sheet. Pure: lays out
 * the figures of functions/domain/scoreboard.ts and formats them; computes none.
 *
 * Pages work from a folder, a private prefix or a CloudFront distribution alike: every link is
 * relative, nothing is fetched from elsewhere, no script runs. Charts are the PDFs' own SVG
 * builders (templates/charts.ts), each an image with a title and a description stating the finding,
 * beside a table of the same numbers.
 */

export type { SiteFile };

/** The Content-Security-Policy every page carries (also sent as a header: infra/site-headers.ts). */
export const siteContentSecurityPolicy =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/**
 * Width of the charts' drawing, in their own units; CSS scales it to the column, so on a phone the
 * PDFs' 9 pt labels come out at 11-13 px. Month charts need room for twelve "Agu"-wide labels.
 */
const chartWidth = 250;
const monthChartWidth = 290;

const html = 'text/html; charset=utf-8';

export const sitePaths = {
  province: 'index.html',
  method: 'metode.html',
  data: 'data.html',
  css: 'gaya.css',
  json: 'data/papan-skor.json',
  regencyCsv: 'data/daerah.csv',
  monthlyCsv: 'data/bulanan.csv',
  regency: (r: Pick<ScoreboardRegency, 'code' | 'slug'>) => `daerah/${r.code}-${r.slug}.html`,
} as const;

/** Every file of the site for one scoreboard. */
/** The site as the publishing use case asks for it (the port it is given). */
export const siteView: SiteView = { build: (board) => buildSite(board) };

export function buildSite(board: Scoreboard): SiteFile[] {
  return [
    { path: sitePaths.province, body: provincePage(board), contentType: html },
    ...board.regencies.map((r) => ({
      path: sitePaths.regency(r),
      body: regencyPage(board, r),
      contentType: html,
    })),
    { path: sitePaths.method, body: methodPage(board), contentType: html },
    { path: sitePaths.data, body: dataPage(board), contentType: html },
    { path: sitePaths.css, body: styleSheet(), contentType: 'text/css; charset=utf-8' },
    { path: sitePaths.json, body: `${JSON.stringify(board, null, 1)}\n`, contentType: 'application/json' },
    { path: sitePaths.regencyCsv, body: regencyCsv(board), contentType: 'text/csv; charset=utf-8' },
    { path: sitePaths.monthlyCsv, body: monthlyCsv(board), contentType: 'text/csv; charset=utf-8' },
  ];
}

// --- wording ------------------------------------------------------------------------------------

/** "Rabu, 1 Juli 2026 pukul 08.00 WITA": an instant in the province's zone (its place profile). */
const atText = (board: Scoreboard, instant: string) => zoneFormat(board.province).dateTime(instant);
/** WIB, WITA or WIT: the zone of the board's dates. */
const zoneName = (board: Scoreboard) => board.province.timeZoneAbbreviation;

/** The same in a table cell: the percentage, and its count on a line of its own. */
function shareCell(s: ShownShare): string {
  if (s.denominator === 0 || s.value === undefined || s.small || s.numerator === undefined)
    return shareText(s);
  return `${percentId(s.value)} <span class="parts">(${shareParts(s)})</span>`;
}

/** Why a regency has its flag, in one sentence each (the reasons and settings come from the evaluation). */
function flagReasonText(reason: FlagReason, settings: Scoreboard['method']['flagSettings']): string {
  return {
    'too-few': `Kurang dari ${settings.minimumCases} laporan diterima dalam semester: belum dapat dinilai, status merah karena volume.`,
    'low-volume': `Laporan per 100.000 penduduk kurang dari ${fractionWords(settings.lowVolumeRatio)} angka provinsi: status merah karena volume.`,
    score: 'Status mengikuti skor.',
    'no-admin': `${settings.noAdminCapDays} hari atau lebih tanpa admin penghubung aktif: status paling tinggi kuning.`,
  }[reason];
}

/** The public page's way of writing a lag reason: shares under the small-number rule, no dates. */
const siteLagWording: LagWording = { share: (s) => shareText(s as ShownShare), date: () => undefined };

const flagBadge = (flag: Flag) => `<span class="flag flag-${flag}">${flagStyles[flag].word}</span>`;

const num = (v: number | undefined, decimals = 0) => fmtNumber(v, decimals);

// --- page frame ---------------------------------------------------------------------------------

function page(
  board: Scoreboard,
  input: { title: string; depth: 0 | 1; current: 'province' | 'method' | 'data' | 'regency'; body: string },
): string {
  const up = input.depth ? '../' : '';
  const nav = (
    [
      ['province', sitePaths.province, 'Peringkat provinsi'],
      ['method', sitePaths.method, 'Metode'],
      ['data', sitePaths.data, 'Data terbuka'],
    ] as const
  )
    .map(
      ([key, href, label]) =>
        `<li><a href="${up}${href}"${key === input.current ? ' aria-current="page"' : ''}>${label}</a></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${siteContentSecurityPolicy}">
<meta name="referrer" content="no-referrer">
<title>${esc(input.title)} · ${esc(board.province.brand)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${up}${sitePaths.css}">
</head>
<body>
<a class="skip" href="#isi">Langsung ke isi</a>
<header class="site"><p class="brand">${esc(board.province.brand)} · SP4N-LAPOR! Provinsi ${esc(board.province.name)}</p>
<nav aria-label="Halaman"><ul>${nav}</ul></nav></header>
<main id="isi">
${input.body}
</main>
<footer class="site"><p>Angka hari ini per ${esc(atText(board, board.at))}; halaman dibuat ${esc(atText(board, board.generatedAt))}. Hanya angka agregat: tanpa identitas pelapor, nomor laporan, atau isi laporan.</p>
<p>Lisensi data: <a href="${esc(board.licence.url)}" rel="license">${esc(board.licence.name)}</a>. Cara menghitung: <a href="${up}${sitePaths.method}">Metode</a>.</p></footer>
</body>
</html>
`;
}

/** A chart as an image with its finding in title and description; the table beside carries the numbers. */
function figure(id: string, svg: string, title: string, finding: string): string {
  const labelled = svg.replace(
    /^<svg /,
    `<svg role="img" aria-labelledby="${id}-t ${id}-d" focusable="false" class="chart" `,
  );
  const withTitle = labelled.replace(
    />/,
    `><title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(finding)}</desc>`,
  );
  return `<figure>${withTitle}<figcaption>${esc(finding)}</figcaption></figure>`;
}

function table(input: {
  caption: string;
  head: { text: string; numeric?: boolean }[];
  rows: { cells: string[]; rowHeader?: boolean; code?: string }[];
  className?: string;
}): string {
  const th = input.head
    .map((h) => `<th scope="col"${h.numeric ? ' class="num"' : ''}>${esc(h.text)}</th>`)
    .join('');
  const rows = input.rows
    .map((r) => {
      const cells = r.cells
        .map((c, i) => {
          const numeric = input.head[i]?.numeric ? ' class="num"' : '';
          return i === 0 && r.rowHeader !== false
            ? `<th scope="row"${numeric}>${c}</th>`
            : `<td${numeric}>${c}</td>`;
        })
        .join('');
      return `<tr${r.code ? ` data-code="${r.code}"` : ''}>${cells}</tr>`;
    })
    .join('\n');
  return `<div class="table"><table${input.className ? ` class="${input.className}"` : ''}><caption>${esc(input.caption)}</caption><thead><tr>${th}</tr></thead><tbody>
${rows}
</tbody></table></div>`;
}

const regencyLink = (r: ScoreboardRegency, up = '') =>
  `<a href="${up}${sitePaths.regency(r)}">${esc(displayName(r.name))}</a>`;

// --- province page ------------------------------------------------------------------------------

function provincePage(board: Scoreboard): string {
  const s = board.semester;
  const today = board.today;
  const parts: string[] = [
    `<h1>Penanganan pengaduan LAPOR! di ${board.regencies.length} kabupaten/kota Provinsi ${esc(board.province.name)}</h1>`,
    `<p class="lead">Seberapa cepat pemerintah kabupaten/kota menanggapi laporan warga, diukur dengan hari kerja. ${
      s
        ? `Peringkat dan status berasal dari evaluasi ${esc(s.label)}; angka "hari ini" per ${esc(atText(board, board.at))}.`
        : `Evaluasi semester pertama belum dijalankan; angka "hari ini" per ${esc(atText(board, board.at))}.`
    }</p>`,
    '<div class="cards">',
    `<section class="card" aria-labelledby="h-hari-ini"><h2 id="h-hari-ini">Hari ini</h2>
<p><strong>${num(today.open)}</strong> laporan belum selesai di seluruh provinsi; <strong>${num(today.overdue)}</strong> di antaranya sudah melewati batas waktu tahapnya.</p>
<p>${
      today.regenciesWithoutAdmin === 0
        ? 'Setiap kabupaten/kota memiliki admin penghubung aktif.'
        : `<strong>${num(today.regenciesWithoutAdmin)}</strong> kabupaten/kota tanpa admin penghubung aktif.`
    }</p></section>`,
  ];
  if (s) {
    parts.push(`<section class="card" aria-labelledby="h-semester"><h2 id="h-semester">${esc(s.label)}</h2>
<p><strong>${num(s.totals.received)}</strong> laporan diterima${
      s.totals.perHundredThousand === undefined
        ? ''
        : ` (${num(s.totals.perHundredThousand, 1)} per 100.000 penduduk)`
    }.</p>
<p>Tindak lanjut pertama tepat waktu: ${shareText(s.totals.followUpWithinLimit)}, ${esc(s.period)}.</p>
<p>Diselesaikan tepat waktu: ${shareText(s.totals.completedWithinLimit)}, ${esc(s.period)}.</p>
<p>Status: ${(['hijau', 'kuning', 'merah'] as const).map((f) => `${flagBadge(f)} ${num(s.totals.flags[f])}`).join(' ')}</p></section>`);
  }
  parts.push('</div>');

  if (s) {
    const ranked = board.regencies.filter((r) => r.semester);
    const byScore = [...ranked].sort((a, b) => (b.semester?.score ?? 0) - (a.semester?.score ?? 0));
    const best = byScore[0];
    const worst = byScore.at(-1);
    parts.push(
      `<h2 id="peringkat">Peringkat ${esc(s.label)}</h2>`,
      `<p>Skor 0–100 dari ketepatan waktu, tunggakan yang lewat batas, dan jumlah laporan per penduduk (<a href="${sitePaths.method}#skor">rumus</a>). Status <span class="nowrap">${flagBadge('hijau')} ${flagBadge('kuning')} ${flagBadge('merah')}</span> mengikuti skor dan hari tanpa admin penghubung.</p>`,
      '<div class="pair">',
      table({
        caption: `Peringkat kabupaten/kota, ${s.label}`,
        head: [
          { text: 'No.', numeric: true },
          { text: 'Kabupaten/kota' },
          { text: 'Status' },
          { text: 'Skor', numeric: true },
        ],
        rows: ranked.map((r) => ({
          code: r.code,
          rowHeader: false,
          cells: [
            num(r.semester?.rank),
            regencyLink(r),
            flagBadge(r.semester?.flag ?? 'merah'),
            num(r.semester?.score, 1),
          ],
        })),
        className: 'ranking',
      }),
      figure(
        'skor',
        horizontalBarChart({
          items: ranked.map((r) => ({
            label: displayName(r.name),
            value: r.semester?.score ?? 0,
            highlight: r.semester?.flag === 'merah',
          })),
          target: s.totals.average.score,
          targetLabel: 'Rata-rata',
          width: chartWidth,
          height: rankedChartHeight(ranked.length),
        }),
        `Skor ${s.label}`,
        best && worst
          ? `Skor tertinggi ${displayName(best.name)} (${num(best.semester?.score, 1)}), terendah ${displayName(worst.name)} (${num(worst.semester?.score, 1)}); rata-rata provinsi ${num(s.totals.average.score, 1)}. Daerah berstatus merah ditandai oranye dan tebal.`
          : 'Belum ada skor.',
      ),
      '</div>',
      `<h2 id="tepat-waktu">Ketepatan waktu, ${esc(s.period)}</h2>`,
      `<p>Persentase hanya ditulis bila ada sedikitnya ${board.method.minimumCasesForShare} laporan yang dinilai; di bawah itu hanya ditulis "kurang dari ${board.method.minimumCasesForShare} kasus".</p>`,
      table({
        caption: `Tindak lanjut pertama dan penyelesaian dalam batas waktu, ${s.period}`,
        head: [
          { text: 'Kabupaten/kota' },
          { text: 'Tindak lanjut pertama tepat waktu', numeric: true },
          { text: 'Selesai tepat waktu', numeric: true },
        ],
        rows: ranked.map((r) => ({
          code: r.code,
          cells: [
            regencyLink(r),
            shareCell(r.semester?.followUpNational as ShownShare),
            shareCell(r.semester?.completedWithinLimit as ShownShare),
          ],
        })),
        className: 'timeliness',
      }),
      `<h2 id="volume">Jumlah laporan, ${esc(s.period)}</h2>`,
      '<p>Banyak laporan berarti warga memakai LAPOR!; daerah dengan sedikit laporan per penduduk perlu mendorong warganya melapor.</p>',
      table({
        caption: `Laporan diterima dan per 100.000 penduduk, ${s.period}`,
        head: [
          { text: 'Kabupaten/kota' },
          { text: 'Laporan', numeric: true },
          { text: 'Per 100.000 penduduk', numeric: true },
        ],
        rows: ranked.map((r) => ({
          code: r.code,
          cells: [regencyLink(r), num(r.semester?.received), num(r.semester?.perHundredThousand, 1)],
        })),
        className: 'volume',
      }),
    );
  }

  parts.push(
    `<h2 id="hari-ini">Tunggakan hari ini, ${esc(dayText(board.date))}</h2>`,
    `<p>Laporan yang belum selesai dari semester mana pun, dan yang tahapnya sudah melewati batas waktu, menurut pemeriksaan harian pukul 08.00 ${zoneName(board)}.</p>`,
    table({
      caption: `Tunggakan per kabupaten/kota, ${atText(board, board.at)}`,
      head: [
        { text: 'Kabupaten/kota' },
        { text: 'Belum selesai', numeric: true },
        { text: 'Lewat batas', numeric: true },
        { text: 'Admin penghubung' },
      ],
      rows: [...board.regencies]
        .sort((a, b) => b.today.overdue - a.today.overdue || a.code.localeCompare(b.code))
        .map((r) => ({
          code: r.code,
          cells: [
            regencyLink(r),
            num(r.today.open),
            num(r.today.overdue),
            r.today.adminInOffice ? 'aktif' : '<strong>kosong</strong>',
          ],
        })),
      className: 'today',
    }),
  );

  const peak = [...board.months].sort((a, b) => b.received - a.received)[0];
  parts.push(
    `<h2 id="tren">Laporan per bulan, ${esc(monthText(board.months[0]?.month ?? ''))} – ${esc(monthText(board.months.at(-1)?.month ?? ''))}</h2>`,
    '<div class="pair">',
    figure(
      'tren',
      barChart({
        labels: board.months.map((m) => monthLabel(m.month)),
        series: [{ name: `Provinsi ${board.province.name}`, values: board.months.map((m) => m.received) }],
        width: monthChartWidth,
        height: 190,
        yLabel: 'Laporan',
      }),
      'Laporan diterima per bulan, seluruh provinsi',
      peak && peak.received > 0
        ? `Paling banyak pada ${monthText(peak.month)} (${num(peak.received)} laporan). Bulan ${monthText(board.date.slice(0, 7))} dihitung sampai ${dayText(board.date)}.`
        : 'Belum ada laporan dalam 12 bulan terakhir.',
    ),
    table({
      caption: 'Laporan diterima per bulan, seluruh provinsi',
      head: [{ text: 'Bulan' }, { text: 'Laporan', numeric: true }],
      rows: board.months.map((m) => ({ cells: [esc(monthText(m.month)), num(m.received)] })),
    }),
    '</div>',
  );

  parts.push(`<h2 id="komitmen">Komitmen kepala daerah</h2>`);
  if (board.commitmentsRecorded) {
    parts.push(
      table({
        caption: 'Komitmen Bupati / Wali Kota dan pemenuhannya',
        head: [{ text: 'Kabupaten/kota' }, { text: 'Komitmen' }],
        rows: board.regencies.map((r) => ({
          code: r.code,
          cells: [regencyLink(r), esc(r.commitment?.summary ?? 'belum ada komitmen')],
        })),
      }),
    );
  } else {
    parts.push(
      '<p>Komitmen tertulis Bupati / Wali Kota tentang pengelolaan LAPOR! belum tercatat di sistem; kolom pemenuhannya akan tampil di sini setelah dicatat.</p>',
    );
  }
  return page(board, {
    title: `Peringkat pengelolaan pengaduan Provinsi ${board.province.name}`,
    depth: 0,
    current: 'province',
    body: parts.join('\n'),
  });
}

// --- regency page -------------------------------------------------------------------------------

function regencyPage(board: Scoreboard, r: ScoreboardRegency): string {
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
        rows: [
          ['Laporan diterima*', num(m.received), num(t.average.received, 1)],
          ['Laporan per 100.000 penduduk', num(m.perHundredThousand, 1), num(t.perHundredThousand, 1)],
          ['Verifikasi tepat waktu', shareCell(m.verifiedWithinLimit), shareCell(t.verifiedWithinLimit)],
          [
            'Tindak lanjut pertama tepat waktu (batas nasional)',
            shareCell(m.followUpNational),
            shareCell(t.followUpWithinLimit),
          ],
          [
            'Tindak lanjut pertama tepat waktu (target provinsi)',
            shareCell(m.followUpProvincial),
            shareCell(t.followUpProvincial),
          ],
          ['Diselesaikan tepat waktu', shareCell(m.completedWithinLimit), shareCell(t.completedWithinLimit)],
          ['Tunggakan akhir semester*', num(m.backlogAtEnd), num(t.average.backlogAtEnd, 1)],
          ['…yang melewati batas waktu*', num(m.overdueAtEnd), num(t.average.overdueAtEnd, 1)],
          ['Hari tanpa admin penghubung*', num(m.daysWithoutAdmin), num(t.average.daysWithoutAdmin, 1)],
        ].map((cells) => ({ cells: cells.map((c, i) => (i === 0 ? esc(c) : c)) })),
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
  if (s && m?.citizens) parts.push(citizensSection(m.citizens, s.label, s.period));
  if (r.commitment)
    parts.push(`<h2 id="komitmen">Komitmen ${esc(r.headTitle)}</h2><p>${esc(r.commitment.summary)}</p>`);
  return page(board, { title: r.name, depth: 1, current: 'regency', body: parts.join('\n') });
}

/** Channels and what reporters thought: aggregates, values under the minimum folded and shown as "< 5". */
function citizensSection(c: PublicCitizenFigures, label: string, period: string): string {
  const shown = (x: PublicRow): ShownShare => x.share;
  const rows = (list: readonly PublicRow[]) =>
    list.map((x) => ({
      cells: [esc(x.label), x.small ? '&lt; 5' : num(x.count), x.small ? '–' : shareCell(shown(x))],
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
    '<p class="note">Kanal atau nilai dengan kurang dari 5 laporan digabung; jumlah di bawah 5 tidak ditampilkan. Penilaian dan tanggapan pelapor tidak masuk skor.</p>',
  ].join('\n');
}

// --- method page --------------------------------------------------------------------------------

function methodPage(board: Scoreboard): string {
  const m = board.method;
  const limitRows = (p: Scoreboard['method']['policies'][number]) => [
    ['Verifikasi dan penerusan oleh admin (sejak laporan masuk)', p.limits.verification],
    ['Tindak lanjut pertama oleh unit (sejak disposisi)', p.limits.followUp],
    ...Object.entries(p.limits.completion).map(([c, days]) => [
      `Penyelesaian: ${classificationLabel(c as Parameters<typeof classificationLabel>[0])} (sejak disposisi)`,
      days,
    ]),
    ['Penutupan bila pelapor tidak menanggapi', p.limits.closure],
  ];
  const parts: string[] = [
    '<h1>Metode</h1>',
    `<p class="lead">Semua batas waktu dihitung dalam hari kerja (HK) zona ${zoneName(board)}. Pemeriksaan harian memakai ${esc(m.checkPolicy)}.</p>`,
    '<h2 id="hari-kerja">Hari kerja dan cara menghitung</h2>',
    `<dl>${m.definitions.map((d) => `<dt>${esc(d.term)}</dt><dd>${esc(d.meaning)}</dd>`).join('')}</dl>`,
    '<h2 id="batas">Batas waktu dan sumbernya</h2>',
    ...m.policies.map((p) =>
      table({
        caption: `${p.name} (${p.id} versi ${p.version}, untuk laporan yang diajukan sejak ${dayText(p.effectiveFrom)}${p.effectiveUntil ? ` sampai ${dayText(p.effectiveUntil)}` : ''}). Sumber: ${p.source}`,
        head: [{ text: 'Tahap' }, { text: 'Batas', numeric: true }],
        rows: limitRows(p).map(([stage, days]) => ({
          cells: [esc(String(stage)), `${num(Number(days))} HK`],
        })),
      }),
    ),
    '<h2 id="kalender">Kalender libur nasional dan cuti bersama</h2>',
    `<ul>${m.calendarYears
      .map(
        (y) =>
          `<li>${y.year} (${y.status === 'final' ? 'final' : 'sementara'}): ${y.sources.map(esc).join('; ')}</li>`,
      )
      .join('')}</ul>`,
    '<h2 id="skor">Skor dan status</h2>',
    `<ul class="formula">${m.scoreFormula.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`,
    `<p>${esc(m.flagRule)}</p>`,
    `<p>Persentase ditulis hanya bila ada sedikitnya ${m.minimumCasesForShare} laporan yang dinilai; di bawah itu tidak ditulis angka tepat waktunya, hanya "kurang dari ${m.minimumCasesForShare} kasus": persentase dari beberapa laporan saja menyesatkan, dan angka dari satu laporan menceritakan nasib laporan satu orang. Kategori dengan kurang dari ${m.minimumCasesForShare} laporan digabung menjadi "Lainnya" (yang sendiri tidak pernah kurang dari ${m.minimumCasesForShare}).</p>`,
    m.populationSource ? `<p>Penduduk: ${esc(m.populationSource)}.</p>` : '',
    '<h2 id="penjangkauan">Kanal, kecamatan, dan penjangkauan</h2>',
    '<p>Kanal dan kecamatan dibaca dari ekspor LAPOR! (kolom Sumber Laporan, Kanal Aduan Setwapres, Kecamatan); kecamatan adalah tempat masalah, bukan tempat tinggal pelapor. Nilai yang tidak dikenal dihitung sebagai "lainnya".</p>',
    `<p>${esc(m.outreachRule)}</p>`,
    '<h2 id="aturan">Peraturan dan pengaturan</h2>',
    `<p>${esc(m.lawAndSettings.judgedBy)}${m.lawAndSettings.unverified ? ` ${esc(m.lawAndSettings.unverified)}` : ''}</p>`,
    '<p>Hanya batas waktu yang berasal dari peraturan; angka lain adalah pengaturan provinsi atau produk ini, bukan kewajiban hukum.</p>',
    // A list, not a four-column table: it stays readable at 320 px.
    `<dl>${m.lawAndSettings.notes
      .map(
        (n) =>
          `<dt>${esc(n.subject)}</dt><dd><strong>${esc(n.kind)}</strong>: ${esc(n.value)}. Dasar: ${esc(n.basis)}.</dd>`,
      )
      .join('')}</dl>`,
    '<h2 id="waktu">Kapan angka diperbarui</h2>',
    `<p>Angka "hari ini" diperbarui setiap hari kerja setelah pemeriksaan batas waktu pukul 08.00 ${zoneName(board)}. Peringkat, skor, dan status diperbarui setelah evaluasi semester (1 Januari dan 1 Juli) untuk semester yang baru berakhir, sama dengan laporan PDF yang dikirim kepada kepala daerah.</p>`,
  ];
  return page(board, { title: 'Metode', depth: 0, current: 'method', body: parts.join('\n') });
}

// --- open data ----------------------------------------------------------------------------------

/** The columns of data/daerah.csv, in order, with their meaning (printed on the data page). */
export const regencyCsvColumns: {
  name: string;
  /** `{zona}` stands for the zone's abbreviation (WIB, WITA, WIT). */
  meaning: string;
  value: (b: Scoreboard, r: ScoreboardRegency) => string | number | undefined;
}[] = [
  { name: 'kode', meaning: 'Kode wilayah Kemendagri/BPS', value: (_, r) => r.code },
  { name: 'nama', meaning: 'Nama kabupaten/kota', value: (_, r) => r.name },
  {
    name: 'semester',
    meaning: 'Semester yang dievaluasi (YYYY-H1 atau YYYY-H2)',
    value: (b) => b.semester?.id,
  },
  { name: 'peringkat', meaning: 'Peringkat skor, 1 = terbaik', value: (_, r) => r.semester?.rank },
  { name: 'skor', meaning: 'Skor gabungan 0–100, dua desimal', value: (_, r) => round(r.semester?.score) },
  { name: 'status', meaning: 'hijau, kuning, atau merah', value: (_, r) => r.semester?.flag },
  {
    name: 'laporan_diterima',
    meaning: 'Laporan masuk dalam semester',
    value: (_, r) => r.semester?.received,
  },
  {
    name: 'penduduk',
    meaning: 'Jumlah penduduk (sumber di halaman Metode)',
    value: (_, r) => r.population?.value,
  },
  {
    name: 'laporan_per_100rb',
    meaning: 'Laporan per 100.000 penduduk, dua desimal',
    value: (_, r) => round(r.semester?.perHundredThousand),
  },
  ...shareColumns('verifikasi', 'verifikasi dalam batas waktu', (r) => r.semester?.verifiedWithinLimit),
  ...shareColumns(
    'tindak_lanjut',
    'tindak lanjut pertama dalam batas nasional',
    (r) => r.semester?.followUpNational,
  ),
  ...shareColumns(
    'tindak_lanjut_provinsi',
    'tindak lanjut pertama dalam target provinsi',
    (r) => r.semester?.followUpProvincial,
  ),
  ...shareColumns(
    'selesai',
    'penyelesaian dalam batas waktu klasifikasinya',
    (r) => r.semester?.completedWithinLimit,
  ),
  {
    name: 'tunggakan_akhir_semester',
    meaning: 'Laporan belum selesai pada akhir semester',
    value: (_, r) => r.semester?.backlogAtEnd,
  },
  {
    name: 'lewat_batas_akhir_semester',
    meaning: 'Dari tunggakan itu, yang melewati batas waktu',
    value: (_, r) => r.semester?.overdueAtEnd,
  },
  {
    name: 'hari_tanpa_admin_semester',
    meaning: 'Hari dalam semester tanpa admin penghubung aktif',
    value: (_, r) => r.semester?.daysWithoutAdmin,
  },
  { name: 'tanggal', meaning: 'Tanggal angka hari ini ({zona})', value: (b) => b.date },
  {
    name: 'belum_selesai_hari_ini',
    meaning: 'Laporan belum selesai pada pemeriksaan harian',
    value: (_, r) => r.today.open,
  },
  {
    name: 'lewat_batas_hari_ini',
    meaning: 'Dari itu, yang melewati batas waktu tahapnya',
    value: (_, r) => r.today.overdue,
  },
  {
    name: 'admin_aktif_hari_ini',
    meaning: 'ya atau tidak',
    value: (_, r) => (r.today.adminInOffice ? 'ya' : 'tidak'),
  },
  {
    name: 'hari_tanpa_admin_semester_berjalan',
    meaning: 'Hari tanpa admin penghubung sejak awal semester berjalan',
    value: (_, r) => r.today.daysWithoutAdminThisSemester,
  },
];

function shareColumns(
  prefix: string,
  what: string,
  pick: (r: ScoreboardRegency) => ShownShare | undefined,
): typeof regencyCsvColumns {
  return [
    {
      name: `${prefix}_tepat_waktu`,
      meaning: `Jumlah laporan dengan ${what}`,
      value: (_, r) => pick(r)?.numerator,
    },
    {
      name: `${prefix}_dinilai`,
      meaning: `Jumlah laporan yang dinilai (penyebut) untuk ${what}`,
      value: (_, r) => pick(r)?.denominator,
    },
  ];
}

const round = (v: number | undefined) => (v === undefined ? undefined : Math.round(v * 100) / 100);

function regencyCsv(board: Scoreboard): string {
  const lines = [regencyCsvColumns.map((c) => c.name).join(',')];
  for (const r of board.regencies)
    lines.push(
      csvLine(
        regencyCsvColumns.map((c) => c.value(board, r)),
        'when-needed',
      ),
    );
  return `${lines.join('\n')}\n`;
}

function monthlyCsv(board: Scoreboard): string {
  const lines = ['kode,nama,bulan,laporan_diterima'];
  for (const r of board.regencies)
    for (const m of r.months) lines.push(csvLine([r.code, r.name, m.month, m.received], 'when-needed'));
  return `${lines.join('\n')}\n`;
}

function dataPage(board: Scoreboard): string {
  const parts = [
    '<h1>Data terbuka</h1>',
    `<p class="lead">Angka yang sama dengan halaman ini, untuk diolah sendiri. Skema versi ${board.version}: kolom dan kunci hanya ditambah, tidak diubah atau dihapus, selama versinya sama.</p>`,
    '<ul class="files">',
    `<li><a href="${sitePaths.regencyCsv}" download>daerah.csv</a>: satu baris per kabupaten/kota (semester terakhir dan hari ini).</li>`,
    `<li><a href="${sitePaths.monthlyCsv}" download>bulanan.csv</a>: laporan diterima per kabupaten/kota per bulan, 12 bulan.</li>`,
    `<li><a href="${sitePaths.json}" download>papan-skor.json</a>: semua angka halaman ini dalam satu berkas (<code>schema</code> "${board.schema}", <code>version</code> ${board.version}).</li>`,
    '</ul>',
    `<p>Lisensi: <a href="${esc(board.licence.url)}" rel="license">${esc(board.licence.name)}</a>. Sebutkan sumbernya: "${esc(board.province.brand)}, Pemerintah Provinsi ${esc(board.province.name)}".</p>`,
    '<p>Berkas CSV memakai koma sebagai pemisah kolom, titik sebagai tanda desimal, dan UTF-8. Sel kosong berarti angkanya tidak ada (misalnya belum ada evaluasi semester atau tidak ada laporan yang dinilai). Bagi persentase, hitung <code>…_tepat_waktu / …_dinilai</code>; di bawah ' +
      `${board.method.minimumCasesForShare} laporan yang dinilai, <code>…_tepat_waktu</code> kosong dan halaman ini hanya menulis "kurang dari ${board.method.minimumCasesForShare} kasus".</p>`,
    '<p>Tidak ada data pribadi: tanpa nama atau kontak pelapor, tanpa nomor laporan, tanpa isi laporan, tanpa nama pejabat.</p>',
    table({
      caption: 'Kolom daerah.csv',
      head: [{ text: 'Kolom' }, { text: 'Arti' }],
      rows: regencyCsvColumns.map((c) => ({
        cells: [`<code>${c.name}</code>`, esc(c.meaning.replace('{zona}', zoneName(board)))],
      })),
      className: 'schema',
    }),
    table({
      caption: 'Kolom bulanan.csv',
      head: [{ text: 'Kolom' }, { text: 'Arti' }],
      rows: [
        ['kode', 'Kode wilayah Kemendagri/BPS'],
        ['nama', 'Nama kabupaten/kota'],
        ['bulan', `Bulan laporan masuk (YYYY-MM, ${zoneName(board)})`],
        ['laporan_diterima', 'Laporan yang masuk pada bulan itu (bulan berjalan: sampai tanggal data)'],
      ].map(([k, v]) => ({ cells: [`<code>${k}</code>`, esc(v as string)] })),
      className: 'schema',
    }),
    '<h2 id="json">Kunci utama papan-skor.json</h2>',
    `<dl>${[
      ['schema, version', 'Nama dan versi skema.'],
      [
        'province',
        'Kode, nama, dan merek layanan provinsi, serta zona waktunya: timeZone (IANA) dan timeZoneAbbreviation (WIB, WITA, atau WIT).',
      ],
      [
        'at, date, generatedAt',
        `Waktu angka hari ini (UTC), tanggalnya (${zoneName(board)}), dan waktu pembuatan.`,
      ],
      [
        'semester',
        'Semester terakhir yang dievaluasi: label, batas data, dan total provinsi (pecahan dengan numerator dan denominator).',
      ],
      ['today', 'Total provinsi hari ini: belum selesai, lewat batas, daerah tanpa admin penghubung.'],
      ['months', 'Laporan diterima per bulan, seluruh provinsi.'],
      ['regencies[]', 'Per kabupaten/kota: semester (peringkat, skor, status, pecahan), today, months.'],
      ['method', 'Batas waktu dengan sumbernya, kalender, rumus skor, aturan status.'],
      ['licence', 'Lisensi data.'],
    ]
      .map(([k, v]) => `<dt><code>${k}</code></dt><dd>${esc(v as string)}</dd>`)
      .join('')}</dl>`,
  ];
  return page(board, { title: 'Data terbuka', depth: 0, current: 'data', body: parts.join('\n') });
}

// --- style --------------------------------------------------------------------------------------

/** The one style sheet: phone first, system fonts, flag colours of the PDFs. */
export function styleSheet(): string {
  const flags = (Object.keys(flagStyles) as Flag[])
    .map((f) => `.flag-${f}{background:${flagStyles[f].fill};color:${flagStyles[f].text}}`)
    .join('\n');
  return `*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#222;background:#fff}
a{color:#0B3D66;text-decoration-thickness:1px;text-underline-offset:2px;padding:4px 0}
a:focus-visible{outline:3px solid #E69F00;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:8px}
.skip:focus{left:8px}
header.site,footer.site{background:#0B3D66;color:#fff;padding:12px 16px}
header.site a,footer.site a{color:#fff}
.brand{margin:0 0 4px;font-weight:600}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
nav a{display:inline-block;min-height:32px;line-height:32px}
nav a[aria-current=page]{font-weight:700}
main{max-width:960px;margin:0 auto;padding:8px 16px 24px}
footer.site{font-size:14px}
h1{font-size:1.5rem;line-height:1.25;margin:16px 0 8px;color:#0B3D66}
h2{font-size:1.2rem;line-height:1.3;margin:28px 0 8px;color:#0B3D66}
.lead{font-size:1.05rem}
.cards{display:grid;gap:12px;grid-template-columns:repeat(auto-fit,minmax(260px,1fr))}
.card{border:1px solid #9DB3C8;border-radius:6px;padding:4px 14px;background:#F5F8FB}
.card h2{margin-top:8px}
.table{max-width:100%}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:15px}
caption{text-align:left;font-weight:600;padding:4px 0;font-size:14px;color:#444}
th,td{padding:6px 4px;border-bottom:1px solid #D9D9D9;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #444;font-size:14px}
.num{text-align:right;font-variant-numeric:tabular-nums}
.flag{display:inline-block;padding:1px 6px;border-radius:4px;font-weight:700;font-size:14px;letter-spacing:.02em}
${flags}
.nowrap{white-space:nowrap}
.parts{display:block;font-size:14px;color:#444}
.note-small{font-size:14px;color:#444}
.compare th[scope=row]{font-weight:600;width:42%}
figure{margin:8px 0 4px}
svg.chart{display:block;width:100%;max-width:500px;height:auto}
svg.chart text{font-family:Roboto,Arial,"Liberation Sans","Helvetica Neue",sans-serif}
figcaption{font-size:14px;color:#444;margin-top:4px}
dt{font-weight:600;margin-top:8px}
dd{margin:0 0 4px}
.files li{margin:6px 0}
.note{background:#FFF4CE;border-left:4px solid #C98A00;padding:8px}
code{font-size:14px;overflow-wrap:anywhere}
.crumb{margin:12px 0 0}
@media (min-width:800px){
header.site,footer.site{padding-left:max(24px,calc((100% - 912px)/2));padding-right:max(24px,calc((100% - 912px)/2))}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:32px;align-items:start}
th,td{padding:6px 8px}
main{padding:8px 24px 32px}
h1{font-size:1.9rem}
}
`;
}
