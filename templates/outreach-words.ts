import type { OutreachEffect, OutreachVerdict } from '../functions/domain/outreach';
import { numberId } from './format';

/** Outreach results in words, shared by the PDFs and the province digest (Indonesian). */

const noValue = '–';

/** "12 Feb 2026" from YYYY-MM-DD. */
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
export function dayId(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${monthNames[(m as number) - 1]} ${y}`;
}
const monthId = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${monthNames[(m as number) - 1]} ${y}`;
};
export const monthsId = (months: readonly string[]) =>
  months.length ? `${monthId(months[0] as string)}–${monthId(months.at(-1) as string)}` : noValue;

export const verdictWords: Record<OutreachVerdict, string> = {
  rose: 'Naik',
  fell: 'Turun',
  'no-clear-change': 'Tidak jelas berubah',
  'too-few': 'Terlalu sedikit untuk disimpulkan',
  pending: 'Menunggu',
  'no-population': 'Tanpa data penduduk',
};

/** What an outreach event changed, in one sentence, with the counts beside the rates. */
export function outreachSentence(e: OutreachEffect): string {
  const rate = (v: number | undefined) => (v === undefined ? noValue : numberId(v, 1));
  const counts = `${numberId(e.before.count)} laporan sebelum, ${numberId(e.after.count)} sesudah`;
  switch (e.verdict) {
    case 'pending':
      return `Menunggu: periode sesudah kegiatan berakhir ${dayId(e.afterEnds)} (${counts} sejauh ini).`;
    case 'too-few':
      return `Terlalu sedikit untuk disimpulkan (${counts}).`;
    case 'no-population':
      return `Tidak dapat dinilai: data penduduk tidak tersedia (${counts}).`;
    default: {
      const did = e.differenceOfDifferences ?? 0;
      const head = verdictWords[e.verdict];
      return `${head}: ${rate(e.before.rate)} menjadi ${rate(e.after.rate)} laporan per 100.000 penduduk per bulan (${counts}); kabupaten/kota lain ${rate(e.before.rest.rate)} menjadi ${rate(e.after.rest.rate)}. Selisih dari selisih ${did > 0 ? '+' : ''}${rate(did)}.`;
    }
  }
}
