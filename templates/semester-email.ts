import type { ProvinceSemester, RankedMetrics } from '../functions/domain/semester-metrics';
import type { EmailContent } from './deadline-emails';
import { footerText, htmlPage, htmlParagraphs, numberId, percentId } from './format';

const flagWords = {
  hijau: 'HIJAU (baik)',
  kuning: 'KUNING (perlu perbaikan)',
  merah: 'MERAH (perlu perhatian segera)',
} as const;

/** The cover letter of a regency's semester report: three headline numbers, the PDF attached. */
export function regencyReportEmail(input: {
  province: ProvinceSemester;
  report: RankedMetrics;
}): EmailContent {
  const { report: r, province: p } = input;
  const place = r.regencyName.replace(/^(Kabupaten|Kota) /, '');
  const subject = `[${p.province.brand}] Laporan Evaluasi LAPOR! ${p.semesterLabel} — ${r.regencyName}`;
  const headline = [
    `- Laporan diterima: ${numberId(r.received.total)}${r.perHundredThousand !== undefined ? ` (${numberId(r.perHundredThousand, 1)} per 100.000 penduduk)` : ''}`,
    `- Tindak lanjut pertama tepat waktu: ${percentId(r.followUpWithinLimit.national.value)}`,
    `- Tunggakan pada akhir semester: ${numberId(r.backlogAtEnd)} laporan, ${numberId(r.overdueAtEnd)} di antaranya melewati batas waktu`,
  ];
  const lines = [
    `Yth. ${r.headTitle} ${place},`,
    '',
    `Bersama ini kami sampaikan laporan evaluasi pengelolaan pengaduan SP4N-LAPOR! ${r.regencyName} untuk ${p.semesterLabel}.`,
    '',
    'Tiga angka utama:',
    ...headline,
    '',
    `Status: ${flagWords[r.flag]}, peringkat ${r.rank} dari ${r.of} kabupaten/kota di Provinsi ${p.province.name}.`,
    '',
    'Laporan lengkap terlampir dalam berkas PDF (ringkasan di halaman 2).',
    '',
    'Hormat kami,',
    `Tim Pengelola ${p.province.brand}`,
    '',
    footerText(p.province),
  ];
  return {
    subject,
    text: lines.join('\n'),
    html: htmlPage(subject, htmlParagraphs(lines)),
  };
}

/** The cover letter of the province summary, for the province team. */
export function provinceSummaryEmail(input: { province: ProvinceSemester }): EmailContent {
  const p = input.province;
  const flags = { hijau: 0, kuning: 0, merah: 0 };
  for (const r of p.regencies) flags[r.flag] += 1;
  const subject = `[${p.province.brand}] Ringkasan Evaluasi LAPOR! Provinsi ${p.province.name} — ${p.semesterLabel}`;
  const lines = [
    'Yth. Tim Pengelola Pengaduan Provinsi,',
    '',
    `Terlampir ringkasan evaluasi ${p.regencies.length} kabupaten/kota untuk ${p.semesterLabel}.`,
    `- Laporan diterima: ${numberId(p.totals.received)}`,
    `- Tindak lanjut pertama tepat waktu: ${percentId(p.totals.followUpWithinLimit.value)}`,
    `- Tunggakan akhir semester: ${numberId(p.totals.backlogAtEnd)} (${numberId(p.totals.overdueAtEnd)} melewati batas waktu)`,
    `- Status: ${flags.hijau} hijau, ${flags.kuning} kuning, ${flags.merah} merah`,
    '',
    `Laporan tiap kabupaten/kota telah dikirim kepada kepala daerah masing-masing (tembusan kepada tim provinsi).`,
    '',
    footerText(p.province),
  ];
  return {
    subject,
    text: lines.join('\n'),
    html: htmlPage(subject, htmlParagraphs(lines)),
  };
}
