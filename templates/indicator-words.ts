import type { IndicatorKey } from '../functions/domain/indicators';

/**
 * The indicators' names, once for every view (functions/domain/indicators.ts defines what each
 * measures and which way is better): `label` with its `hint` in the head's PDF and on the
 * scoreboard, `short` as a column heading in the province summary's wide table.
 */
export const indicatorWords: Readonly<Record<IndicatorKey, { label: string; hint?: string; short: string }>> =
  {
    received: { label: 'Laporan diterima', short: 'Laporan' },
    perHundredThousand: { label: 'Laporan per 100.000 penduduk', short: 'Per 100 rb' },
    verifiedWithinLimit: { label: 'Verifikasi tepat waktu', short: 'Verifikasi tepat' },
    followUpNational: {
      label: 'Tindak lanjut pertama tepat waktu',
      hint: 'batas nasional',
      short: 'TL nas.',
    },
    followUpProvincial: {
      label: 'Tindak lanjut pertama tepat waktu',
      hint: 'target provinsi',
      short: 'TL prov.',
    },
    completedWithinLimit: {
      label: 'Penyelesaian tepat waktu',
      hint: 'menurut batas klasifikasi',
      short: 'Selesai tepat',
    },
    medianFollowUpDays: { label: 'Median waktu sampai tindak lanjut pertama', short: 'Median TL' },
    backlogAtEnd: {
      label: 'Tunggakan pada akhir semester',
      hint: 'laporan masih terbuka',
      short: 'Tunggakan',
    },
    overdueAtEnd: { label: 'Melewati batas waktu pada akhir semester', short: 'Lewat batas' },
    daysWithoutAdmin: { label: 'Hari tanpa admin penghubung aktif', short: 'Hari tanpa admin' },
  };

/** "Tindak lanjut pertama tepat waktu (batas nasional)": the name on one line. */
export function indicatorLabel(key: IndicatorKey): string {
  const w = indicatorWords[key];
  return w.hint ? `${w.label} (${w.hint})` : w.label;
}
