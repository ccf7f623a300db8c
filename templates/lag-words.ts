import { fractionId } from '../functions/domain/method-text';
import type { PublicLagReason, ShownShare } from '../functions/domain/scoreboard';
import type { LagReason, Share } from '../functions/domain/semester-metrics';
import { type PlaceTime, sharePercent, zoneFormat } from './format';
import { fmtDays, fmtNumber as num, shortDateSafe, yearsList } from './pdf-kit';

/**
 * The words for why a regency lags (functions/domain/lag-reasons.ts decides which), shared by the
 * head's PDF, the province summary and the scoreboard. The reader's medium chooses how a share and
 * a date are written (the public page never prints a share on too few cases, nor a complaint's date).
 */
export interface LagWording {
  share: (s: Share | ShownShare) => string;
  /** A complaint's submission day, or undefined where a page must not print it. */
  date: (instant: string) => string | undefined;
}

/** "penyelesaian tepat waktu hanya 41,2% (provinsi 85,6%)", one reason each. */
export function lagReasonText(reason: LagReason | PublicLagReason, words: LagWording): string {
  const ref = (p: number | undefined) => (p === undefined ? '' : ` (provinsi ${num(p, 1)})`);
  switch (reason.kind) {
    case 'no-complaints':
      return 'tidak ada laporan yang diterima selama semester: tidak dapat dinilai, status merah (volume)';
    case 'too-few':
      return `hanya ${num(reason.received)} laporan diterima, kurang dari ${reason.minimum}: tidak dapat dinilai, status merah (volume)`;
    case 'very-low-volume':
      return `volume laporan sangat rendah: ${num(reason.perHundredThousand, 1)} per 100.000 penduduk, kurang dari ${fractionId(reason.ratio)} angka provinsi (${num(reason.province, 1)}): status merah (volume)`;
    case 'lowest-volume':
      return `volume laporan terendah per 100.000 penduduk: ${num(reason.perHundredThousand, 1)}${ref(reason.province)}`;
    case 'low-volume':
      return `volume laporan rendah: ${num(reason.perHundredThousand, 1)} per 100.000 penduduk${ref(reason.province)}`;
    case 'follow-up-provincial':
      return `tindak lanjut pertama dalam target provinsi hanya ${words.share(reason.own)} (provinsi ${words.share(reason.province)})`;
    case 'follow-up-national':
      return `tindak lanjut pertama dalam batas nasional hanya ${words.share(reason.own)} (provinsi ${words.share(reason.province)})`;
    case 'completion':
      return `penyelesaian tepat waktu hanya ${words.share(reason.own)} (provinsi ${words.share(reason.province)})`;
    case 'days-without-admin':
      return `${num(reason.days)} hari tanpa admin penghubung aktif`;
    case 'overdue':
      return `${num(reason.overdue)}${reason.backlog === undefined ? '' : ` dari ${num(reason.backlog)}`} laporan terbuka melewati batas waktu pada akhir semester`;
    case 'field-inspections-open':
      return `${num(reason.count)} pengaduan berkadar pengawasan masih terbuka lebih dari ${reason.limit} HK`;
    case 'oldest-open': {
      const since = 'since' in reason ? words.date(reason.since) : undefined;
      return `laporan terbuka tertua sudah ${fmtDays(reason.workingDays)}${since ? ` (sejak ${since})` : ''}`;
    }
    case 'score-drop':
      return `skor turun ${num(reason.before - reason.now, 1)} poin dari semester lalu (dari ${num(reason.before, 1)} menjadi ${num(reason.now, 1)})`;
    case 'calendar-gaps':
      return `kalender hari kerja ${yearsList(reason.years)} belum tersedia: sebagian angka belum pasti`;
  }
}

/** How the PDFs write a reason's share and date: "84,0%" or "1 dari 1"; "2 Mar 2026" in the province's zone. */
export function pdfLagWording(province: { province: PlaceTime }): LagWording {
  const format = zoneFormat(province.province);
  return { share: (s) => sharePercent(s as Share), date: (instant) => shortDateSafe(instant, format) };
}
