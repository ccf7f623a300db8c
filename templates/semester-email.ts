import type { ProvinceSemester, RankedMetrics } from '../functions/domain/semester-metrics';
import type { EmailContent } from './deadline-emails';
import { bullets, divider, emailPage, inline, paragraph, wrapText } from './email-layout';
import { footerText, numberId, percentId } from './format';

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
  const greeting = `Yth. ${r.headTitle} ${place},`;
  const lead = `Bersama ini kami sampaikan laporan evaluasi pengelolaan pengaduan SP4N-LAPOR! ${r.regencyName} untuk ${p.semesterLabel}.`;
  const status = `Status: ${flagWords[r.flag]}, peringkat ${r.rank} dari ${r.of} kabupaten/kota di Provinsi ${p.province.name}.`;
  const closing = [
    'Laporan lengkap terlampir dalam berkas PDF (ringkasan di halaman 2).',
    '',
    'Hormat kami,',
    `Tim Pengelola ${p.province.brand}`,
  ];
  const lines = [
    greeting,
    '',
    lead,
    '',
    'Tiga angka utama:',
    ...headline,
    '',
    status,
    '',
    ...closing,
    '',
    footerText(p.province),
  ];
  return {
    subject,
    text: wrapText(lines),
    html: emailPage({
      title: subject,
      preview: status,
      body: [
        paragraph(greeting),
        paragraph(lead),
        paragraph(status),
        paragraph('Tiga angka utama:'),
        bullets(headline.map((h) => h.replace(/^- /, ''))),
        paragraph(closing[0] as string),
        paragraph(inline(closing[2] as string, { html: '<br>' }, closing[3] as string)),
        divider,
        paragraph(footerText(p.province), { small: true }),
      ],
    }),
  };
}

/** The cover letter of the province summary, for the province team. */
export function provinceSummaryEmail(input: { province: ProvinceSemester }): EmailContent {
  const p = input.province;
  const flags = { hijau: 0, kuning: 0, merah: 0 };
  for (const r of p.regencies) flags[r.flag] += 1;
  const subject = `[${p.province.brand}] Ringkasan Evaluasi LAPOR! Provinsi ${p.province.name} — ${p.semesterLabel}`;
  const greeting = 'Yth. Tim Pengelola Pengaduan Provinsi,';
  const lead = `Terlampir ringkasan evaluasi ${p.regencies.length} kabupaten/kota untuk ${p.semesterLabel}.`;
  const facts = [
    `Laporan diterima: ${numberId(p.totals.received)}`,
    `Tindak lanjut pertama tepat waktu: ${percentId(p.totals.followUpWithinLimit.value)}`,
    `Tunggakan akhir semester: ${numberId(p.totals.backlogAtEnd)} (${numberId(p.totals.overdueAtEnd)} melewati batas waktu)`,
    `Status: ${flags.hijau} hijau, ${flags.kuning} kuning, ${flags.merah} merah`,
  ];
  const sent =
    'Laporan tiap kabupaten/kota telah dikirim kepada kepala daerah masing-masing (tembusan kepada tim provinsi).';
  return {
    subject,
    text: wrapText([greeting, '', lead, ...facts.map((f) => `- ${f}`), '', sent, '', footerText(p.province)]),
    html: emailPage({
      title: subject,
      preview: lead,
      body: [
        paragraph(greeting),
        paragraph(lead),
        bullets(facts),
        paragraph(sent),
        divider,
        paragraph(footerText(p.province), { small: true }),
      ],
    }),
  };
}
