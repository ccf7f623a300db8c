import { csvLine } from '../functions/domain/csv-cell';
import type { Scoreboard, ScoreboardRegency, ShownShare } from '../functions/domain/scoreboard';
import { classificationLabel, clockText, dayText, escapeHtml as esc } from './format';
import { num, page, sitePaths, table, zoneName } from './site-frame';

// --- method page --------------------------------------------------------------------------------

export function methodPage(board: Scoreboard): string {
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
    `<p>Angka "hari ini" diperbarui setiap hari kerja setelah pemeriksaan batas waktu pukul ${clockText(board.province.dailyCheck)} ${zoneName(board)}. Peringkat, skor, dan status diperbarui setelah evaluasi semester (1 Januari dan 1 Juli) untuk semester yang baru berakhir, sama dengan laporan PDF yang dikirim kepada kepala daerah.</p>`,
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

export function regencyCsv(board: Scoreboard): string {
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

export function monthlyCsv(board: Scoreboard): string {
  const lines = ['kode,nama,bulan,laporan_diterima'];
  for (const r of board.regencies)
    for (const m of r.months) lines.push(csvLine([r.code, r.name, m.month, m.received], 'when-needed'));
  return `${lines.join('\n')}\n`;
}

export function dataPage(board: Scoreboard): string {
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
        'Kode, nama, dan merek layanan provinsi, serta zona waktunya: timeZone (IANA) dan timeZoneAbbreviation (WIB, WITA, atau WIT); dailyCheck, jam pemeriksaan harian (HH:mm, waktu setempat); office, kantor pengelola (nama, alamat, kota, kode pos, surel, telepon, sumber).',
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
      [
        'regencies[]',
        'Per kabupaten/kota: semester (peringkat, skor, status, pecahan; flagReasons, yang menentukan status; lagReasons, alasan perlu perhatian yang sama dengan laporan PDF, masing-masing dengan kind dan angkanya), today, months.',
      ],
      [
        'method',
        'Batas waktu dengan sumbernya, kalender, rumus skor, aturan status; flagSettings, pengaturan aturan status (minimumCases, lowVolumeRatio, noAdminCapDays).',
      ],
      ['licence', 'Lisensi data.'],
    ]
      .map(([k, v]) => `<dt><code>${k}</code></dt><dd>${esc(v as string)}</dd>`)
      .join('')}</dl>`,
  ];
  return page(board, { title: 'Data terbuka', depth: 0, current: 'data', body: parts.join('\n') });
}
