import type { EscalationPolicy } from './escalation';
import { evaluationMethod } from './semester-method';
import { type SlaRules, versionsOf } from './sla-policy';

/**
 * Which numbers of the method pages are law and which are settings, computed from the values the
 * engines use (so a changed setting changes the page), with what each is based on. Shared by the
 * PDFs' and the site's method pages; the README's "Law and settings" says the same in English.
 */
export interface RuleNote {
  /** What the number decides. */
  subject: string;
  /** The number(s), as used. */
  value: string;
  kind: 'peraturan' | 'pengaturan provinsi' | 'pengaturan produk';
  /** What it is based on, with its source. */
  basis: string;
}

export interface LawAndSettings {
  /** How a complaint's rule is chosen when a rule changes. */
  judgedBy: string;
  /** Said when the rule in force has limits not yet confirmed against its text. */
  unverified?: string;
  notes: RuleNote[];
}

const pct = (v: number) => `${Math.round(v * 100)}%`;
const { weights, bands: flagBands, minimumCases, lowVolumeRatio, noAdminCapDays } = evaluationMethod;

export function lawAndSettings(input: { national: SlaRules; escalation?: EscalationPolicy }): LawAndSettings {
  const current = versionsOf(input.national).at(-1);
  const unverified = current && Object.keys(current.unverifiedLimits).length > 0;
  const levels = input.escalation?.levels ?? [];
  const notes: RuleNote[] = [
    {
      subject: 'Batas waktu verifikasi, tindak lanjut, penyelesaian, dan penutupan',
      value: 'lihat kebijakan batas waktu',
      kind: 'peraturan',
      basis: current
        ? `${current.name}; target provinsi untuk tindak lanjut pertama adalah pengaturan provinsi`
        : 'kebijakan batas waktu',
    },
    ...(levels.length > 0
      ? [
          {
            subject: 'Eskalasi keterlambatan',
            value: levels
              .map(
                (l) =>
                  `${l.minWorkingDaysLate} HK: ${l.notify === 'province' ? 'tim provinsi' : 'kepala daerah'}`,
              )
              .join('; '),
            kind: 'pengaturan provinsi' as const,
            basis:
              'dipilih bersama produk ini: 3 HK mengikuti target Sekda Kalsel (tindak lanjut tidak lebih dari tiga hari), 10 HK sama dengan masa penutupan LAPOR!; tidak ada tahap eskalasi dalam peraturan yang terbaca',
          },
        ]
      : []),
    {
      subject: 'Bobot skor',
      value: `T ${weights.T}, S ${weights.S}, K ${weights.K}, V ${weights.V}`.replaceAll('.', ','),
      kind: 'pengaturan produk',
      basis:
        'ketepatan waktu (tindak lanjut dan penyelesaian) diberi bobot terbesar karena itulah yang diatur SP4N; tunggakan dan volume mengikuti cakupan evaluasi Ombudsman RI dan Kemendagri; bobot tidak disalin dari evaluasi mana pun',
    },
    {
      subject: 'Status hijau, kuning, merah',
      value: `hijau ≥ ${flagBands.hijau}, kuning ≥ ${flagBands.kuning}; merah volume bila < ${minimumCases} laporan atau < ${pct(lowVolumeRatio)} angka provinsi; ${noAdminCapDays} hari tanpa admin paling tinggi kuning`,
      kind: 'pengaturan produk',
      basis:
        'warna mengikuti zona kepatuhan Ombudsman RI (hijau, kuning, merah); batas angkanya pengaturan produk ini',
    },
    {
      subject: 'Bukti minimum',
      value: `${minimumCases} laporan`,
      kind: 'pengaturan produk',
      basis: `bagian dari kurang dari ${minimumCases} laporan ditulis sebagai jumlah dan bernilai 0, seperti Housing Ombudsman Inggris yang menerbitkan laporan penyelenggara hanya bila ada ${minimumCases} kasus atau lebih`,
    },
  ];
  return {
    judgedBy:
      'Setiap laporan dinilai menurut versi kebijakan yang berlaku pada hari laporan itu diajukan, bukan pada hari angka dihitung.',
    ...(unverified
      ? {
          unverified: `${current.name}: teks pasalnya belum dapat dibaca; batas waktunya dibawa dari aturan LAPOR! sebelumnya dan menunggu konfirmasi provinsi.`,
        }
      : {}),
    notes,
  };
}
