import type { ProvinceSemester, RankedMetrics } from '../functions/domain/semester-metrics';
import type { EmailContent } from '../functions/ports/mailer';
import { bullets, inline, letter, paragraph } from './email-layout';
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
    `Laporan diterima: ${numberId(r.received.total)}${r.perHundredThousand !== undefined ? ` (${numberId(r.perHundredThousand, 1)} per 100.000 penduduk)` : ''}`,
    `Tindak lanjut pertama tepat waktu: ${percentId(r.followUpWithinLimit.national.value)}`,
    `Tunggakan pada akhir semester: ${numberId(r.backlogAtEnd)} laporan, ${numberId(r.overdueAtEnd)} di antaranya melewati batas waktu`,
  ];
  const status = `Status: ${flagWords[r.flag]}, peringkat ${r.rank} dari ${r.of} kabupaten/kota di Provinsi ${p.province.name}.`;
  // Where the head's own commitment stands, in the PDF's words (domain/commitments.ts).
  const commitment = r.commitment
    ? `Komitmen ${r.headTitle}: ${r.commitment.summary}.${r.commitment.targets.length > 0 ? ' Rincian per target ada dalam laporan terlampir.' : ''}`
    : undefined;
  const attached = 'Laporan lengkap terlampir dalam berkas PDF (ringkasan di halaman 2).';
  const regards = ['Hormat kami,', `Tim Pengelola ${p.province.brand}`] as const;
  return {
    subject,
    ...letter({
      title: subject,
      preview: status,
      greeting: `Yth. ${r.headTitle} ${place},`,
      lead: `Bersama ini kami sampaikan laporan evaluasi pengelolaan pengaduan SP4N-LAPOR! ${r.regencyName} untuk ${p.semesterLabel}.`,
      text: [
        '',
        status,
        '',
        'Tiga angka utama:',
        ...headline.map((h) => `- ${h}`),
        '',
        ...(commitment ? [commitment, ''] : []),
        attached,
        '',
        ...regards,
      ],
      html: [
        paragraph(status),
        paragraph('Tiga angka utama:'),
        bullets(headline),
        ...(commitment ? [paragraph(commitment)] : []),
        paragraph(attached),
        paragraph(inline(regards[0], { html: '<br>' }, regards[1])),
      ],
      closing: [footerText(p.province)],
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
    ...letter({
      title: subject,
      greeting,
      lead,
      text: [...facts.map((f) => `- ${f}`), '', sent],
      html: [bullets(facts), paragraph(sent)],
      closing: [footerText(p.province)],
    }),
  };
}
