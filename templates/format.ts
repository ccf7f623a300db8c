import { DateTime } from 'luxon';
import { type Classification, classificationLabels } from '../functions/domain/complaint';
import type { Stage } from '../functions/domain/sla';

/** Indonesian wording and formats shared by every e-mail and report. */
export const stageLabels: Record<Stage, string> = {
  verification: 'Verifikasi dan penerusan',
  'follow-up': 'Tindak lanjut pertama',
  completion: 'Penyelesaian',
  closure: 'Penutupan (menunggu tanggapan pelapor)',
};

export const classificationLabel = (c: Classification) => classificationLabels[c];

const wita = (instant: string) =>
  DateTime.fromISO(instant, { setZone: true }).setZone('Asia/Makassar').setLocale('id');

/** "Senin, 2 Maret 2026" */
export function longDate(instantOrDate: string): string {
  return wita(instantOrDate.length === 10 ? `${instantOrDate}T12:00:00+08:00` : instantOrDate).toFormat(
    'cccc, d LLLL yyyy',
  );
}

/** "2 Mar 2026 23.59 WITA" */
export function shortDateTime(instant: string): string {
  return `${wita(instant).toFormat('d LLL yyyy HH.mm')} WITA`;
}

/** "2 Mar 2026" */
export function shortDate(instant: string): string {
  return wita(instant).toFormat('d LLL yyyy');
}

/** Numbers with Indonesian separators: 1.234,5 */
const numberFormats = new Map<number, Intl.NumberFormat>();

export function numberId(value: number, decimals = 0): string {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('id-ID', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    numberFormats.set(decimals, format);
  }
  return format.format(value);
}

/** "87,5%" */
export function percentId(share: number | undefined, decimals = 1): string {
  return share === undefined ? '–' : `${numberId(share * 100, decimals)}%`;
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** The closing line of every e-mail, naming the province's LAPOR! brand. */
export function footerText(province: { name: string; brand: string }): string {
  return `Pesan ini dikirim otomatis oleh ${province.brand} (SP4N-LAPOR! Provinsi ${province.name}). Jangan membalas pesan ini; hubungi tim pengelola pengaduan provinsi bila ada pertanyaan.`;
}
