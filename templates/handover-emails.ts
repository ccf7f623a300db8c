import { statusLabels } from '../functions/domain/complaint';
import type { HandoverItem, HandoverView } from '../functions/domain/handover-view';
import { regencyDisplayName } from '../functions/domain/regions';
import type { HandoverDigestInput, HandoverNoticeInput } from '../functions/ports/deadline-views';
import type { EmailContent } from '../functions/ports/mailer';
import {
  complaintUrl,
  figures,
  type Html,
  heading,
  inline,
  itemRow,
  letter,
  notice,
  paragraph,
  spreadsheetCsv,
  subheading,
  trackingLink,
} from './email-layout';
import { footerText, longDate, numberId, stageLabels, type ZoneFormat, zoneFormat } from './format';

/**
 * Serah terima: the arriving admin's first digest lists every open complaint of the regency by unit,
 * what arrived while the seat was vacant, and attaches the whole list; the outgoing admin and the
 * head get one line. The judgement (stage, age, deadline, lateness) is the domain's (handover-view.ts).
 */

/** "Tindak lanjut pertama, terlambat 4 HK, batas 2 Mar 2026" */
function itemDetails(item: HandoverItem, format: ZoneFormat): string {
  const stage = item.stage ? stageLabels[item.stage] : 'Tidak ada tahap berjalan';
  const when = item.breached
    ? `terlambat ${numberId(item.workingDaysLate)} HK`
    : item.due
      ? `batas ${format.shortDate(item.due)}`
      : 'tertunda (menunggu pelapor)';
  const due = item.breached && item.due ? `, batas ${format.shortDate(item.due)}` : '';
  return `${stage}, ${when}${due}; umur ${numberId(item.ageWorkingDays)} HK; terakhir: ${statusLabels[item.lastAction.status]}, ${format.shortDate(item.lastAction.at)}`;
}

function handoverCsv(view: HandoverView, laporBaseUrl: string, format: ZoneFormat): Buffer {
  const header = [
    'ID Tracking',
    'Instansi',
    'Tahap',
    'Batas waktu',
    'Terlambat (HK)',
    'Umur (HK)',
    'Status terakhir',
    'Waktu tindakan terakhir',
    'Masuk saat kursi kosong',
    'Tautan',
  ];
  const rows = view.all.map((i) => [
    i.trackingId,
    i.unit,
    i.stage ? stageLabels[i.stage] : '',
    i.due ? format.shortDateTime(i.due) : '',
    i.breached ? String(i.workingDaysLate) : '0',
    String(i.ageWorkingDays),
    statusLabels[i.lastAction.status],
    format.shortDateTime(i.lastAction.at),
    i.duringVacancy ? 'ya' : '',
    complaintUrl(laporBaseUrl, i.trackingId),
  ]);
  return spreadsheetCsv(header, rows);
}

function vacancyWords(view: HandoverView): string {
  const v = view.arrival.vacancy;
  if (!v) return '';
  return v.ongoing
    ? `Kursi admin penghubung kosong sejak ${longDate(v.from)}.`
    : `Kursi admin penghubung kosong dari ${longDate(v.from)} sampai ${longDate(v.to)}.`;
}

/** The arriving admin's handover digest. */
export function handoverDigestEmail(input: HandoverDigestInput): EmailContent {
  const format = zoneFormat(input.province);
  const { view } = input;
  const name = regencyDisplayName(input.regency);
  const role = view.arrival.kind === 'backup' ? 'admin cadangan yang mengambil alih' : 'admin penghubung';
  const subject = `[${input.province.brand}] Serah terima: ${numberId(view.total)} laporan terbuka — ${name}, ${longDate(view.date)}`;
  const lead = `Selamat bertugas sebagai ${role} LAPOR! ${name} sejak ${longDate(view.arrival.since)}. Ada ${numberId(view.total)} laporan terbuka yang kini menjadi tanggung jawab Anda; ${numberId(view.late)} di antaranya melewati batas waktu${view.fromVacancy.length > 0 ? `, dan ${numberId(view.fromVacancy.length)} masuk saat kursi admin kosong` : ''}.`;
  const fileName = `serah-terima-${input.regency.code}-${view.date}.csv`;
  const html: Html[] = [];
  const text: string[] = [];
  // Which complaints are written out is decided in the domain (handoverListing).
  const { listed } = view;
  if (view.fromVacancy.length > 0) {
    const shown = listed.fromVacancy;
    html.push(heading('Masuk saat kursi kosong', `(${numberId(view.fromVacancy.length)})`));
    text.push('', `MASUK SAAT KURSI KOSONG (${numberId(view.fromVacancy.length)})`);
    for (const item of shown) {
      html.push(
        itemRow(
          inline(
            trackingLink(item.trackingId, complaintUrl(input.laporBaseUrl, item.trackingId)),
            ` — ${item.unit}`,
          ),
          itemDetails(item, format),
        ),
      );
      text.push(
        '',
        `${item.trackingId} - ${item.unit}`,
        itemDetails(item, format),
        complaintUrl(input.laporBaseUrl, item.trackingId),
      );
    }
  }
  html.push(heading('Semua laporan terbuka per perangkat daerah', `(${numberId(view.total)})`));
  text.push('', '', `SEMUA LAPORAN TERBUKA PER PERANGKAT DAERAH (${numberId(view.total)})`);
  const { omitted } = listed;
  for (const group of listed.groups) {
    const shown = group.items;
    const aside = `${numberId(group.total)} laporan${group.late > 0 ? `, ${numberId(group.late)} terlambat` : ''}`;
    html.push(subheading(group.unit, aside));
    text.push('', `== ${group.unit} (${aside}) ==`);
    for (const item of shown) {
      html.push(
        itemRow(
          trackingLink(item.trackingId, complaintUrl(input.laporBaseUrl, item.trackingId)),
          itemDetails(item, format),
        ),
      );
      text.push(
        '',
        item.trackingId,
        itemDetails(item, format),
        complaintUrl(input.laporBaseUrl, item.trackingId),
      );
    }
  }
  const cut =
    omitted > 0
      ? `${numberId(omitted)} laporan tidak ditulis di pesan ini agar tetap terbaca di ponsel; daftar lengkap terlampir.`
      : '';
  const { text: body, html: page } = letter({
    title: subject,
    preview: `${numberId(view.total)} laporan terbuka, ${numberId(view.late)} terlambat.`,
    greeting: `Yth. ${view.arrival.person.name},`,
    lead,
    text: [
      '',
      `- Laporan terbuka: ${numberId(view.total)}`,
      `- Terlambat: ${numberId(view.late)}`,
      ...(view.arrival.vacancy ? [`- Masuk saat kursi kosong: ${numberId(view.fromVacancy.length)}`] : []),
      ...(view.arrival.vacancy ? ['', vacancyWords(view)] : []),
      ...text,
      ...(cut ? ['', cut] : []),
      '',
      `Daftar lengkap terlampir (${fileName}). Mulai hari kerja berikutnya Anda menerima ringkasan harian seperti biasa.`,
    ],
    html: [
      figures([
        { value: numberId(view.total), label: 'laporan terbuka', tone: 'plain' },
        { value: numberId(view.late), label: 'terlambat', tone: 'late' },
        ...(view.arrival.vacancy
          ? [
              {
                value: numberId(view.fromVacancy.length),
                label: 'masuk saat kursi kosong',
                tone: 'due' as const,
              },
            ]
          : []),
      ]),
      view.arrival.vacancy ? notice([paragraph(vacancyWords(view))]) : '',
      ...html,
      cut ? notice([paragraph(cut)]) : '',
      paragraph(
        `Daftar lengkap terlampir (${fileName}). Mulai hari kerja berikutnya Anda menerima ringkasan harian seperti biasa.`,
      ),
    ],
    closing: [
      `Batas waktu dihitung dalam hari kerja (HK), tidak termasuk libur nasional dan cuti bersama, menurut: ${input.policyName}.`,
      footerText(input.province),
    ],
  });
  return {
    subject,
    text: body,
    html: page,
    attachments: [
      {
        filename: fileName,
        content: handoverCsv(view, input.laporBaseUrl, format),
        contentType: 'text/csv; charset=utf-8',
      },
    ],
  };
}

/** One line to the outgoing admin and the head. */
export function handoverNoticeEmail(input: HandoverNoticeInput): EmailContent {
  const { view } = input;
  const name = regencyDisplayName(input.regency);
  const who = view.arrival.person;
  const line = `${who.name} mulai bertugas sebagai ${view.arrival.kind === 'backup' ? 'admin cadangan yang mengambil alih kursi kosong' : 'admin penghubung'} LAPOR! ${name} sejak ${longDate(view.arrival.since)}; ${numberId(view.total)} laporan terbuka telah diserahterimakan (${numberId(view.late)} melewati batas waktu).`;
  const subject = `[${input.province.brand}] Serah terima admin penghubung — ${name}`;
  const { text, html } = letter({
    title: subject,
    greeting: 'Yth. Bapak/Ibu,',
    lead: line,
    text: [],
    html: [],
    closing: [footerText(input.province)],
  });
  return { subject, text, html };
}
