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

/** A plain-text table with padded columns, for the text part of e-mails. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A simple, inline-styled HTML table (mail clients ignore style sheets). */
export function htmlTable(
  header: string[],
  rows: string[][],
  options: { highlightRows?: Set<number> } = {},
): string {
  const th = header
    .map(
      (h) => `<th style="text-align:left;padding:4px 8px;border-bottom:2px solid #444">${escapeHtml(h)}</th>`,
    )
    .join('');
  const trs = rows
    .map((r, i) => {
      const bg = options.highlightRows?.has(i) ? 'background:#fff3cd;' : '';
      return `<tr style="${bg}">${r.map((c) => `<td style="padding:4px 8px;border-bottom:1px solid #ddd">${c}</td>`).join('')}</tr>`;
    })
    .join('');
  return `<table style="border-collapse:collapse;font-family:Arial,sans-serif;font-size:13px">${th ? `<thead><tr>${th}</tr></thead>` : ''}<tbody>${trs}</tbody></table>`;
}

export function htmlPage(title: string, body: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:Arial,sans-serif;font-size:14px;color:#222">${body}</body></html>`;
}

/** The closing line of every e-mail, naming the province's LAPOR! brand. */
export function footerText(province: { name: string; brand: string }): string {
  return `Pesan ini dikirim otomatis oleh ${province.brand} (SP4N-LAPOR! Provinsi ${province.name}). Jangan membalas pesan ini; hubungi tim pengelola pengaduan provinsi bila ada pertanyaan.`;
}

/** Lines as HTML paragraphs, escaped; an empty line is a gap. */
export function htmlParagraphs(lines: readonly string[]): string {
  return lines.map((l) => (l ? `<p>${escapeHtml(l)}</p>` : '')).join('');
}

/** The closing line of an e-mail, small and grey. */
export function htmlFooter(province: { name: string; brand: string }): string {
  return `<p style="color:#555;font-size:12px">${escapeHtml(footerText(province))}</p>`;
}
