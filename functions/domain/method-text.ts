import { type EvaluationMethod, evaluationMethod } from './semester-method';
import type { RegencyMetrics } from './semester-metrics';
import type { SlaPolicy } from './sla-policy';
import type { Zone } from './zone';

/**
 * The words the evaluation publishes with its figures, generated from the values it computes with:
 * the score formula and flag rule (from semester-method.ts), the definitions
 * (with the limits of the policy in force) and the sentences on what changed. Kept apart from the
 * arithmetic (semester-evaluation.ts) so the printed method is found in one place; a test changes a
 * weight or a limit and reads the text change (test/unit/method-text.test.ts).
 */

const decimalId = (v: number) => v.toLocaleString('id-ID', { maximumFractionDigits: 4 });

/** A fraction in words where it has a plain one ("seperempat"), else as a decimal. */
const fractionWords: Record<number, string> = { 0.5: 'setengah', 0.25: 'seperempat', 0.2: 'seperlima' };
export const fractionId = (v: number) => fractionWords[v] ?? `${decimalId(v)} kali`;

/**
 * The composite score as printed on every report's method page and on the site, written from the
 * very weights and threshold the score is computed with (a test changes a weight and reads it here).
 */
export function scoreFormulaOf(method: EvaluationMethod = evaluationMethod): string[] {
  const w = method.weights;
  const min = method.minimumCases;
  return [
    `Skor = 100 × (${decimalId(w.T)} × T + ${decimalId(w.S)} × S + ${decimalId(w.K)} × K + ${decimalId(w.V)} × V). T: bagian tindak lanjut pertama tepat waktu (batas nasional); S: bagian penyelesaian dalam batas waktu klasifikasinya; K: bagian tunggakan akhir semester yang belum melewati batas (1 bila tidak ada tunggakan); V: laporan per 100.000 penduduk dibagi angka provinsi, paling tinggi 1.`,
    `Bukti minimum: bagian dari kurang dari ${min} laporan tidak ditulis sebagai persen (laporan pejabat menulis jumlahnya, halaman publik hanya "kurang dari ${min} kasus") dan bernilai 0; daerah yang menerima kurang dari ${min} laporan mendapat K = 0. Komponen tanpa laporan tidak pernah menambah skor.`,
  ];
}

/** The flag rule as printed, from the bands, the volume rule and the admin cap the flag is decided by. */
export function flagRuleOf(method: EvaluationMethod = evaluationMethod): string {
  const { bands, minimumCases: min } = method;
  return `Merah (volume): kurang dari ${min} laporan diterima, atau laporan per 100.000 penduduk kurang dari ${fractionId(method.lowVolumeRatio)} angka provinsi; daerah ini diperingkat setelah semua daerah lain (yang kurang dari ${min} laporan paling akhir). Selebihnya menurut skor: hijau ${bands.hijau} atau lebih, kuning ${bands.kuning} sampai di bawah ${bands.hijau}, merah di bawah ${bands.kuning}. Daerah dengan ${method.noAdminCapDays} hari atau lebih tanpa admin penghubung aktif paling tinggi berstatus kuning.`;
}

/** The composite score, as printed on every report's method page. */
// Pure: a bundle that never prints the method (the ingest API) leaves them out.
export const scoreFormula = /* @__PURE__ */ scoreFormulaOf();

export const flagRule = /* @__PURE__ */ flagRuleOf();

const pct = (v: number) =>
  `${(v * 100).toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;

/** Two or three plain sentences on what changed since the previous semester, biggest first. */
export function changeSentences(
  current: RegencyMetrics,
  previous: RegencyMetrics | undefined,
  previousLabel: string,
): string[] {
  if (!previous || previous.received.total === 0) {
    return [`Belum ada data ${previousLabel} untuk perbandingan.`];
  }
  const candidates: { weight: number; text: string }[] = [];
  const a = previous.received.total;
  const b = current.received.total;
  if (a !== b) {
    const change = Math.round((Math.abs(b - a) / a) * 100);
    candidates.push({
      weight: Math.abs(b - a) / a,
      text: `Jumlah laporan ${b > a ? 'naik' : 'turun'} ${change}% dibanding ${previousLabel} (dari ${a} menjadi ${b}).`,
    });
  }
  const compare = (label: string, before?: number, after?: number) => {
    if (before === undefined || after === undefined || Math.abs(after - before) < 0.005) return;
    candidates.push({
      weight: Math.abs(after - before) * 2,
      text: `${label} ${after > before ? 'naik' : 'turun'} dari ${pct(before)} menjadi ${pct(after)}.`,
    });
  };
  compare(
    'Tindak lanjut pertama tepat waktu',
    previous.followUpWithinLimit.national.value,
    current.followUpWithinLimit.national.value,
  );
  compare(
    'Penyelesaian tepat waktu',
    previous.completedWithinLimit.value,
    current.completedWithinLimit.value,
  );
  if (previous.backlogAtEnd !== current.backlogAtEnd) {
    candidates.push({
      weight: Math.abs(current.backlogAtEnd - previous.backlogAtEnd) / Math.max(1, previous.backlogAtEnd),
      text: `Tunggakan pada akhir semester ${current.backlogAtEnd < previous.backlogAtEnd ? 'berkurang' : 'bertambah'} dari ${previous.backlogAtEnd} menjadi ${current.backlogAtEnd} laporan.`,
    });
  }
  const picked = candidates
    .sort((x, y) => y.weight - x.weight)
    .slice(0, 3)
    .map((c) => c.text);
  return picked.length > 0 ? picked : [`Kinerja relatif sama dengan ${previousLabel}.`];
}

/** The definitions printed on the method page; days and times are the province's zone's. */
export function definitions(
  zone: Pick<Zone, 'id' | 'abbreviation'>,
  policy: Pick<SlaPolicy, 'limits'>,
): { term: string; meaning: string }[] {
  const fieldLimit = policy.limits.completion['pengaduan-berkadar-pengawasan'];
  return [
    {
      term: 'Hari kerja (HK)',
      meaning: `Senin–Jumat zona ${zone.abbreviation} (${zone.id}), tidak termasuk libur nasional dan cuti bersama menurut SKB 3 Menteri.`,
    },
    {
      term: 'Awal hitungan',
      meaning: `Hari kejadian dihitung hari ke-0 berapa pun jamnya; hari ke-1 adalah hari kerja berikutnya. Batas N HK berakhir pukul 23.59.59 ${zone.abbreviation} pada hari kerja ke-N.`,
    },
    { term: 'Laporan diterima', meaning: 'Laporan yang masuk (tanggal laporan) dalam semester ini.' },
    {
      term: 'Tepat waktu',
      meaning:
        'Tahap selesai paling lambat pada batas waktunya. Tahap yang belum selesai dan belum melewati batas pada akhir semester tidak dihitung.',
    },
    {
      term: 'Tertunda',
      meaning:
        'Selama menunggu tanggapan pelapor, hari kerja tidak dihitung untuk verifikasi, tindak lanjut, dan penyelesaian. Batas waktu yang sudah terlewati sebelum Tertunda tetap dihitung terlambat.',
    },
    {
      term: 'Penutupan',
      meaning: `Giliran pelapor, bukan batas waktu unit: LAPOR! menganggap laporan selesai ${policy.limits.closure} HK setelah tindak lanjut bila tidak ada balasan. Waktu ini tidak pernah dihitung sebagai keterlambatan unit; bila habis saat Tertunda, admin diingatkan untuk menutup atau mengarsipkan laporan.`,
    },
    {
      term: 'Tunggakan',
      meaning:
        'Laporan yang belum selesai, diarsipkan, atau dinyatakan bukan wewenang pada akhir semester, dari semester mana pun.',
    },
    {
      term: 'Berkadar pengawasan',
      meaning: `Pengaduan yang memerlukan pemeriksaan lapangan; batas penyelesaiannya ${fieldLimit} HK sejak disposisi, juga bila diklasifikasi ulang.`,
    },
    { term: 'Hari tanpa admin', meaning: 'Hari dalam semester tanpa admin penghubung yang SK-nya berlaku.' },
    {
      term: 'Data dari ekspor LAPOR!',
      meaning: `Ekspor hanya memuat status terakhir: perubahan status dicatat pada waktu ekspor pertama yang menunjukkannya, tidak pernah lebih awal. Dengan ekspor harian sebelum tengah malam ${zone.abbreviation}, tanggalnya tepat karena hari dihitung utuh; ekspor mingguan dapat menggesernya hingga satu minggu. Laporan yang pada ekspor pertamanya sudah terdisposisi atau selesai dihitung sebagai laporan diterima dan tunggakan, tetapi tahapnya tidak dinilai tepat waktu atau terlambat.`,
    },
  ];
}
