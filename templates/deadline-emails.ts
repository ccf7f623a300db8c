import type { DigestItem, RegencyStanding } from '../functions/domain/deadlines';
import type { Regency, RegionData } from '../functions/domain/regions';
import { regencyDisplayName } from '../functions/domain/regions';
import {
  classificationLabel,
  escapeHtml,
  footerText,
  htmlFooter,
  htmlPage,
  htmlParagraphs,
  htmlTable,
  longDate,
  numberId,
  percentId,
  shortDateTime,
  stageLabels,
  textTable,
} from './format';

/** An e-mail's words: subject, plain text and HTML, all in Indonesian. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

type Province = RegionData['province'];

const link = (base: string, trackingId: string) =>
  `${base.replace(/\/$/, '')}/${encodeURIComponent(trackingId)}`;

function itemRows(items: readonly DigestItem[], laporBaseUrl: string, html: boolean): string[][] {
  return items.map((i) => {
    const id = html
      ? `<a href="${escapeHtml(link(laporBaseUrl, i.trackingId))}">${escapeHtml(i.trackingId)}</a>${i.newlyBreached ? ' <strong style="color:#b00020">BARU</strong>' : ''}`
      : `${i.trackingId}${i.newlyBreached ? ' [BARU]' : ''}`;
    const cell = (v: string) => (html ? escapeHtml(v) : v);
    return [
      id,
      cell(stageLabels[i.stage]),
      cell(classificationLabel(i.classification)),
      cell(i.unit),
      cell(shortDateTime(i.due)),
      i.breached ? numberId(i.workingDaysLate) : cell('belum (jatuh tempo)'),
    ];
  });
}

const itemHeader = ['ID Tracking', 'Tahap', 'Klasifikasi', 'Instansi', 'Batas waktu', 'Terlambat (HK)'];

/**
 * The daily digest for a regency's liaison admins: every overdue and due-soon complaint, most
 * late first, newly breached ones marked, each linked to LAPOR!.
 */
export function regencyDigestEmail(input: {
  province: Province;
  regency: Regency;
  date: string;
  items: readonly DigestItem[];
  laporBaseUrl: string;
  policyName: string;
  vacant: boolean;
}): EmailContent {
  const name = regencyDisplayName(input.regency);
  const overdue = input.items.filter((i) => i.breached).length;
  const dueSoon = input.items.length - overdue;
  const fresh = input.items.filter((i) => i.newlyBreached).length;
  const counts = [
    overdue > 0 ? `${overdue} laporan melewati batas waktu` : '',
    dueSoon > 0 ? `${dueSoon} mendekati batas waktu` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const subject = `[${input.province.brand}] ${counts} — ${name}, ${longDate(input.date)}`;
  const intro = [
    `Yth. Admin Penghubung LAPOR! ${name},`,
    '',
    `Per ${longDate(input.date)} terdapat ${counts}${fresh > 0 ? ` (${fresh} baru melewati batas sejak pemeriksaan sebelumnya, ditandai BARU)` : ''}.`,
    'Mohon segera ditindaklanjuti di LAPOR!. Daftar diurutkan dari yang paling lama terlambat.',
    ...(input.vacant
      ? [
          '',
          'Catatan: saat ini tidak ada admin penghubung aktif untuk daerah ini; pesan ini dikirim kepada admin cadangan dan telah dilaporkan ke provinsi.',
        ]
      : []),
  ];
  const note = `Batas waktu dihitung dalam hari kerja (HK) zona WITA, tidak termasuk libur nasional dan cuti bersama, menurut: ${input.policyName}.`;
  const text = [
    ...intro,
    '',
    textTable(itemHeader, itemRows(input.items, input.laporBaseUrl, false)),
    '',
    ...input.items.slice(0, 50).map((i) => `${i.trackingId}: ${link(input.laporBaseUrl, i.trackingId)}`),
    '',
    note,
    '',
    footerText(input.province),
  ].join('\n');
  const html = htmlPage(
    subject,
    [
      htmlParagraphs(intro),
      htmlTable(itemHeader, itemRows(input.items, input.laporBaseUrl, true), {
        highlightRows: new Set(input.items.flatMap((i, n) => (i.newlyBreached ? [n] : []))),
      }),
      `<p style="color:#555;font-size:12px">${escapeHtml(note)}</p>`,
      htmlFooter(input.province),
    ].join(''),
  );
  return { subject, text, html };
}

/** The regency head's notice of complaints that crossed an escalation threshold. */
export function escalationNoticeEmail(input: {
  province: Province;
  regency: Regency;
  date: string;
  items: readonly DigestItem[];
  minWorkingDaysLate: number;
  laporBaseUrl: string;
}): EmailContent {
  const name = regencyDisplayName(input.regency);
  const subject = `[${input.province.brand}] Eskalasi: ${input.items.length} laporan terlambat ${input.minWorkingDaysLate} hari kerja atau lebih — ${name}`;
  const intro = [
    `Yth. ${input.regency.headTitle} ${input.regency.name},`,
    '',
    `Sebanyak ${input.items.length} laporan masyarakat di ${name} telah melewati batas waktu penanganan ${input.minWorkingDaysLate} hari kerja atau lebih per ${longDate(input.date)}.`,
    'Admin penghubung telah menerima pengingat harian. Mohon arahan kepada perangkat daerah terkait agar laporan berikut segera ditindaklanjuti.',
  ];
  const text = [
    ...intro,
    '',
    textTable(itemHeader, itemRows(input.items, input.laporBaseUrl, false)),
    '',
    footerText(input.province),
  ].join('\n');
  const html = htmlPage(
    subject,
    [
      htmlParagraphs(intro),
      htmlTable(itemHeader, itemRows(input.items, input.laporBaseUrl, true)),
      htmlFooter(input.province),
    ].join(''),
  );
  return { subject, text, html };
}

/** Rows of complaint lists in the province digest. */
export const provinceListLimit = 30;

/** The province team's daily digest: lagging regencies ranked, vacancies, escalations, gaps. */
export function provinceDigestEmail(input: {
  province: Province;
  date: string;
  lagging: readonly RegencyStanding[];
  escalations: readonly DigestItem[];
  untouched: readonly DigestItem[];
  missingCalendarYears: readonly number[];
  regencyName: (code: string) => string;
  laporBaseUrl: string;
  onTimeWindowDays: number;
  failures: readonly { code: string; message: string }[];
}): EmailContent {
  const vacant = input.lagging.filter((s) => s.vacant);
  const subject = `[${input.province.brand}] Ringkasan harian provinsi: ${input.lagging.length} kabupaten/kota perlu perhatian — ${longDate(input.date)}`;
  const rankingHeader = [
    'No',
    'Kabupaten/Kota',
    'Terlambat',
    'Terlama (HK)',
    `Selesai tepat waktu (${input.onTimeWindowDays} hari)`,
    'Admin aktif',
  ];
  const rankingRows = input.lagging.map((s, i) => [
    String(i + 1),
    s.name,
    numberId(s.overdue),
    numberId(s.oldestBreachWorkingDays),
    s.closedInWindow > 0 ? `${percentId(s.onTimeShare)} dari ${numberId(s.closedInWindow)}` : '–',
    s.vacant ? 'KOSONG' : 'ada',
  ]);
  const sections: { title: string; lines: string[]; table?: { header: string[]; rows: string[][] } }[] = [];
  if (input.missingCalendarYears.length > 0) {
    sections.push({
      title: 'Kalender hari kerja belum tersedia',
      lines: [
        `Belum ada data hari libur nasional dan cuti bersama untuk tahun ${input.missingCalendarYears.join(', ')}. Perhitungan batas waktu sementara hanya mengecualikan Sabtu dan Minggu. Mohon tim TI menambahkan berkas kalender dari SKB 3 Menteri.`,
      ],
    });
  }
  if (vacant.length > 0) {
    sections.push({
      title: 'Daerah tanpa admin penghubung aktif',
      lines: vacant.map(
        (s) =>
          `- ${s.name}: pengingat tidak dapat dikirim kepada admin penghubung. Mohon SK admin penghubung segera diperbarui.`,
      ),
    });
  }
  sections.push({
    title: 'Peringkat daerah yang perlu perhatian',
    lines: input.lagging.length === 0 ? ['Tidak ada daerah dengan laporan terlambat. Terima kasih.'] : [],
    ...(input.lagging.length > 0 ? { table: { header: rankingHeader, rows: rankingRows } } : {}),
  });
  // The province reads the worst cases; each regency's own digest lists them all.
  const listed = (items: readonly DigestItem[]) =>
    [...items].sort((a, b) => b.workingDaysLate - a.workingDaysLate).slice(0, provinceListLimit);
  const more = (items: readonly DigestItem[]) =>
    items.length > provinceListLimit
      ? [
          `Ditampilkan ${provinceListLimit} yang paling lama terlambat dari ${numberId(items.length)} laporan; selebihnya ada di digest harian tiap kabupaten/kota.`,
        ]
      : [];
  const complaintRows = (items: readonly DigestItem[]) =>
    listed(items).map((i) => [
      i.trackingId,
      input.regencyName(i.regencyCode),
      stageLabels[i.stage],
      shortDateTime(i.due),
      numberId(i.workingDaysLate),
    ]);
  const complaintHeader = ['ID Tracking', 'Kabupaten/Kota', 'Tahap', 'Batas waktu', 'Terlambat (HK)'];
  if (input.escalations.length > 0) {
    sections.push({
      title: 'Eskalasi ke provinsi (baru hari ini)',
      lines: more(input.escalations),
      table: { header: complaintHeader, rows: complaintRows(input.escalations) },
    });
  }
  if (input.untouched.length > 0) {
    sections.push({
      title: 'Laporan terlambat tanpa tindakan apa pun',
      lines: more(input.untouched),
      table: { header: complaintHeader, rows: complaintRows(input.untouched) },
    });
  }
  if (input.failures.length > 0) {
    sections.push({
      title: 'Gangguan pemeriksaan',
      lines: input.failures.map(
        (f) => `- ${input.regencyName(f.code)}: pemeriksaan gagal dan akan diulang otomatis (${f.message}).`,
      ),
    });
  }
  const opening = [
    'Yth. Tim Pengelola Pengaduan Provinsi,',
    '',
    `Ringkasan pemeriksaan batas waktu LAPOR! per ${longDate(input.date)}.`,
  ];
  const text = [
    ...opening,
    ...sections.flatMap((s) => [
      '',
      s.title.toUpperCase(),
      ...s.lines,
      ...(s.table ? [textTable(s.table.header, s.table.rows)] : []),
    ]),
    '',
    footerText(input.province),
  ].join('\n');
  const html = htmlPage(
    subject,
    [
      htmlParagraphs(opening),
      ...sections.map(
        (s) =>
          `<h3 style="margin:16px 0 6px">${escapeHtml(s.title)}</h3>${s.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}${
            s.table
              ? htmlTable(
                  s.table.header,
                  s.table.rows.map((r) => r.map(escapeHtml)),
                )
              : ''
          }`,
      ),
      htmlFooter(input.province),
    ].join(''),
  );
  return { subject, text, html };
}
