import type { Scoreboard, ShownShare } from '../functions/domain/scoreboard';
import { barChart, horizontalBarChart } from './charts';
import { clockText, dayText, escapeHtml as esc, monthText, shareText } from './format';
import { displayName, monthLabel, rankedChartHeight } from './pdf-kit';
import {
  atText,
  chartWidth,
  figure,
  flagBadge,
  monthChartWidth,
  num,
  page,
  regencyLink,
  shareCell,
  sitePaths,
  table,
  zoneName,
} from './site-frame';

// --- province page ------------------------------------------------------------------------------

export function provincePage(board: Scoreboard): string {
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
    `<p>Laporan yang belum selesai dari semester mana pun, dan yang tahapnya sudah melewati batas waktu, menurut pemeriksaan harian pukul ${clockText(board.province.dailyCheck)} ${zoneName(board)}.</p>`,
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
