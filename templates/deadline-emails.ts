import {
  type DigestView,
  type ListedComplaint,
  provinceListLimit,
  type UnitGroup,
} from '../functions/domain/digest-view';
import { outreachKindLabels } from '../functions/domain/outreach';
import { regencyDisplayName } from '../functions/domain/regions';
import type {
  DeadlineViews,
  EscalationNoticeInput,
  ProvinceDigestInput,
  ProvinceList,
  RegencyDigestInput,
} from '../functions/ports/deadline-views';
import type { EmailContent } from '../functions/ports/mailer';
import {
  bullets,
  complaintBlock,
  complaintRow,
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
  whenWords,
} from './email-layout';
import {
  dayName,
  footerText,
  longDate,
  numberId,
  percentId,
  stageLabels,
  type ZoneFormat,
  zoneFormat,
} from './format';
import { handoverDigestEmail, handoverNoticeEmail } from './handover-emails';
import { dayId, outreachSentence } from './outreach-words';

export type { EmailContent };

/** The class of a complaint in a few words, for a phone's line. */
const classShort: Record<ListedComplaint['classification'], string> = {
  aspirasi: 'Aspirasi',
  'permintaan-informasi': 'Permintaan info',
  'pengaduan-tidak-berkadar-pengawasan': 'Pengaduan',
  'pengaduan-berkadar-pengawasan': 'Pengaduan (pengawasan)',
};

/** "Senin" of a date. */
const weekday = dayName;

interface RowOptions {
  laporBaseUrl: string;
  nextWorkingDate: string;
  /** Show the unit (not when the row stands under its unit's heading). */
  unit: boolean;
  regencyName?: (code: string) => string;
  /** The province's zone: due instants are written in it. */
  format: ZoneFormat;
}

/** The details line of a complaint: where it is, which stage, which unit, which class, when due. */
function details(item: ListedComplaint, options: RowOptions): string[] {
  return [
    ...(options.regencyName ? [options.regencyName(item.regencyCode)] : []),
    stageLabels[item.stage],
    ...(options.unit ? [item.unit] : []),
    classShort[item.classification],
    `batas ${options.format.shortDate(item.due)}`,
  ];
}

function rows(items: readonly ListedComplaint[], options: RowOptions): { html: Html[]; text: string[] } {
  const when = (i: ListedComplaint) => whenWords(i, weekday(options.nextWorkingDate));
  const parts = items.map((item) => {
    const row = {
      item,
      href: complaintUrl(options.laporBaseUrl, item.trackingId),
      when: when(item),
      details: details(item, options),
    };
    return { html: complaintRow(row), text: complaintBlock(row) };
  });
  return { html: parts.map((p) => p.html), text: parts.flatMap((p) => p.text) };
}

/** "5 laporan, 4 terlambat, 2 tidak ditampilkan" beside a unit's heading. */
function groupAside(g: UnitGroup): string {
  return [
    `${numberId(g.total)} laporan`,
    g.late > 0 && g.late < g.total ? `${numberId(g.late)} terlambat` : '',
    g.hidden > 0 ? `${numberId(g.hidden)} tidak ditampilkan` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function unitSections(groups: readonly UnitGroup[], options: RowOptions): { html: Html[]; text: string[] } {
  const html: Html[] = [];
  const text: string[] = [];
  for (const g of groups) {
    const listed = rows(g.items, { ...options, unit: false });
    html.push(subheading(g.unit, groupAside(g)), ...listed.html);
    text.push('', `== ${g.unit} (${groupAside(g)}) ==`, ...listed.text);
  }
  return { html, text };
}

/** The whole list as a CSV a phone's spreadsheet app opens, for a digest cut to its limit. */
function fullListCsv(items: readonly ListedComplaint[], laporBaseUrl: string, format: ZoneFormat): Buffer {
  const header = [
    'ID Tracking',
    'Terlambat (HK)',
    'Batas waktu',
    'Tahap',
    'Klasifikasi',
    'Instansi',
    'Baru',
    'Tautan',
  ];
  const lines = items.map((i) => [
    i.trackingId,
    i.breached ? String(i.workingDaysLate) : '0',
    format.shortDateTime(i.due),
    stageLabels[i.stage],
    classShort[i.classification],
    i.unit,
    i.newlyBreached ? 'ya' : '',
    complaintUrl(laporBaseUrl, i.trackingId),
  ]);
  return spreadsheetCsv(header, lines);
}

/** What the third figure counts: due today, by tomorrow, or by the next working day. */
function dueSoonLabel(view: DigestView): string {
  const { dueToday, dueNextWorkingDay, dueSoon } = view.counts;
  // A policy with a horizon beyond the next working day lists some due later still.
  if (dueSoon > dueToday + dueNextWorkingDay) return 'segera jatuh tempo';
  const next = view.nextWorkingDayIsTomorrow ? 'besok' : weekday(view.nextWorkingDate);
  if (dueToday > 0 && dueNextWorkingDay > 0) return `jatuh tempo hari ini atau ${next}`;
  if (dueToday > 0) return 'jatuh tempo hari ini';
  return `jatuh tempo ${next}`;
}

/** Field inspections past their planned date with no date done, then those planned by the horizon. */
function inspectionSection(input: RegencyDigestInput): { html: Html[]; text: string[] } {
  const html: Html[] = [];
  const text: string[] = [];
  const { coming = [], overdue = [] } = input.inspections ?? {};
  const list = (title: string, items: typeof coming, words: (i: (typeof coming)[number]) => string) => {
    if (items.length === 0) return;
    html.push(heading(title, `(${numberId(items.length)})`));
    text.push('', '', `${title.toUpperCase()} (${numberId(items.length)})`);
    for (const i of items) {
      html.push(
        itemRow(
          inline(trackingLink(i.trackingId, complaintUrl(input.laporBaseUrl, i.trackingId)), ` — ${i.unit}`),
          words(i),
        ),
      );
      text.push('', `${i.trackingId} - ${i.unit}`, words(i), complaintUrl(input.laporBaseUrl, i.trackingId));
    }
  };
  list(
    'Pemeriksaan lapangan lewat jadwal',
    overdue,
    (i) =>
      `dijadwalkan ${longDate(i.plannedOn)}, lewat ${numberId(i.workingDays)} HK tanpa tanggal pelaksanaan; catat tanggalnya bila sudah dilaksanakan`,
  );
  list('Pemeriksaan lapangan terjadwal', coming, (i) =>
    i.workingDays === 0
      ? `hari ini, ${longDate(i.plannedOn)}`
      : `${longDate(i.plannedOn)} (${numberId(i.workingDays)} HK lagi)`,
  );
  return { html, text };
}

/**
 * The daily digest for a regency's liaison admins. The first screen: how many are late, newly late
 * and due soon, then the newly late and the most late complaints; then the rest by unit (the dinas
 * that must act), each a two-line row linked to LAPOR!. A digest cut to its limit says so, counts
 * what is left out per unit, and attaches the full list.
 */
export function regencyDigestEmail(input: RegencyDigestInput): EmailContent {
  const { view } = input;
  const c = view.counts;
  const name = regencyDisplayName(input.regency);
  // The subject as it always was: everything not late counts as "mendekati".
  const notLate = c.total - c.late;
  const counts = [
    c.late > 0 ? `${c.late} laporan melewati batas waktu` : '',
    notLate > 0 ? `${notLate} mendekati batas waktu` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const subject = `[${input.province.brand}] ${counts} — ${name}, ${longDate(input.date)}`;
  const soonLabel = dueSoonLabel(view);
  const lead = [
    `Per ${longDate(input.date)}, ${numberId(c.late)} laporan melewati batas waktu`,
    c.newlyLate > 0 ? ` (${numberId(c.newlyLate)} baru hari ini)` : '',
    c.dueSoon > 0 ? `${c.expired > 0 ? ',' : ' dan'} ${numberId(c.dueSoon)} ${soonLabel}` : '',
    c.expired > 0
      ? ` dan ${numberId(c.expired)} dapat ditutup karena waktu tanggapan pelapor telah habis`
      : '',
    '. Mohon segera ditindaklanjuti di LAPOR!.',
  ].join('');
  const greeting = `Yth. Admin Penghubung LAPOR! ${name},`;
  const vacancy =
    'Saat ini tidak ada admin penghubung aktif untuk daerah ini. Pesan ini dikirim kepada admin cadangan dan telah dilaporkan ke provinsi.';
  const format = zoneFormat(input.province);
  const options: RowOptions = {
    laporBaseUrl: input.laporBaseUrl,
    nextWorkingDate: view.nextWorkingDate,
    unit: true,
    format,
  };
  const hasNew = view.first.some((i) => i.newlyBreached);
  const hasOld = view.first.some((i) => !i.newlyBreached);
  const firstTitle =
    hasNew && hasOld
      ? 'Baru terlambat dan paling lama terlambat'
      : hasNew
        ? 'Baru terlambat hari ini'
        : 'Paling lama terlambat';
  const first = rows(view.first, options);
  const rest = unitSections(view.groups, options);
  const inspections = inspectionSection(input);
  const fileName = `daftar-laporan-${input.regency.code}-${input.date}.csv`;
  const cut =
    view.omitted > 0
      ? `Daftar ini memuat ${numberId(view.listed)} dari ${numberId(c.total)} laporan; yang tidak ditampilkan dihitung per perangkat daerah di atas. Daftar lengkap terlampir (${fileName}) dan ada di dasbor LAPOR! instansi Anda.`
      : '';
  const note = `Batas waktu dihitung dalam hari kerja (HK) zona ${format.abbreviation}, tidak termasuk libur nasional dan cuti bersama, menurut: ${input.policyName}.`;
  const firstHeading = `${firstTitle.toUpperCase()} (${numberId(view.first.length)})`;
  const restHeading = `PER PERANGKAT DAERAH (${numberId(view.grouped)} laporan)`;

  const { text, html } = letter({
    title: subject,
    preview: `${numberId(c.late)} terlambat, ${numberId(c.newlyLate)} baru, ${numberId(c.dueSoon)} ${soonLabel}.`,
    greeting,
    lead,
    text: [
      '',
      `- Terlambat: ${numberId(c.late)}`,
      `- Baru terlambat hari ini: ${numberId(c.newlyLate)}`,
      `- ${soonLabel.charAt(0).toUpperCase()}${soonLabel.slice(1)}: ${numberId(c.dueSoon)}`,
      ...(c.expired > 0 ? [`- Dapat ditutup (waktu pelapor habis): ${numberId(c.expired)}`] : []),
      ...(input.vacant ? ['', `Catatan: ${vacancy}`] : []),
      ...(view.first.length > 0 ? ['', firstHeading, ...first.text] : []),
      ...(view.groups.length > 0 ? ['', '', restHeading, ...rest.text] : []),
      ...inspections.text,
      ...(cut ? ['', cut] : []),
    ],
    html: [
      figures([
        { value: numberId(c.late), label: 'terlambat', tone: 'late' },
        { value: numberId(c.newlyLate), label: 'baru terlambat hari ini', tone: 'late' },
        { value: numberId(c.dueSoon), label: soonLabel, tone: 'due' },
      ]),
      input.vacant && notice([paragraph(vacancy)]),
      ...(view.first.length > 0
        ? [heading(firstTitle, `(${numberId(view.first.length)})`), ...first.html]
        : []),
      ...(view.groups.length > 0
        ? [heading('Per perangkat daerah', `(${numberId(view.grouped)} laporan)`), ...rest.html]
        : []),
      ...inspections.html,
      cut && notice([paragraph(cut)]),
    ],
    closing: [note, footerText(input.province)],
  });
  return {
    subject,
    text,
    html,
    ...(view.omitted > 0
      ? {
          attachments: [
            {
              filename: fileName,
              content: fullListCsv(view.all, input.laporBaseUrl, format),
              contentType: 'text/csv; charset=utf-8',
            },
          ],
        }
      : {}),
  };
}

/** "Dinas A (3), Dinas B (2) dan 2 perangkat daerah lain" */
function unitList(groups: readonly UnitGroup[], shown = 3): string {
  const named = groups.slice(0, shown).map((g) => `${g.unit} (${numberId(g.total)})`);
  const others = groups.length - named.length;
  if (others > 0) return `${named.join(', ')} dan ${others} perangkat daerah lain`;
  if (named.length <= 1) return named.join('');
  return `${named.slice(0, -1).join(', ')} dan ${named.at(-1)}`;
}

/**
 * The regency head's notice of complaints that crossed an escalation threshold. It opens with the
 * sentence a Bupati needs (how many, how late, which units), then lists them by unit.
 */
export function escalationNoticeEmail(input: EscalationNoticeInput): EmailContent {
  const { view } = input;
  const c = view.counts;
  const name = regencyDisplayName(input.regency);
  const subject = `[${input.province.brand}] Eskalasi: ${c.total} laporan terlambat ${input.minWorkingDaysLate} hari kerja atau lebih — ${name}`;
  const late =
    c.minLate === c.maxLate
      ? `${numberId(c.maxLate)} hari kerja`
      : `${numberId(c.minLate)} sampai ${numberId(c.maxLate)} hari kerja`;
  const units = view.groups.length === 1 ? 'seluruhnya pada' : 'terbanyak pada';
  const lead = `Per ${longDate(input.date)}, ${numberId(c.total)} laporan masyarakat di ${name} telah melewati batas waktu penanganan ${late}, ${units} ${unitList(view.groups)}.`;
  const greeting = `Yth. ${input.regency.headTitle} ${input.regency.name},`;
  const ask = `Admin penghubung telah menerima pengingat harian. Mohon arahan ${input.regency.headTitle} kepada perangkat daerah terkait agar laporan berikut segera ditindaklanjuti.`;
  const listed = unitSections(view.groups, {
    laporBaseUrl: input.laporBaseUrl,
    nextWorkingDate: input.date,
    unit: false,
    format: zoneFormat(input.province),
  });
  const { text, html } = letter({
    title: subject,
    greeting,
    lead,
    strongLead: true,
    text: ['', ask, '', `DAFTAR LAPORAN PER PERANGKAT DAERAH (${numberId(c.total)})`, ...listed.text],
    html: [
      paragraph(ask),
      heading('Daftar laporan per perangkat daerah', `(${numberId(c.total)})`),
      ...listed.html,
    ],
    closing: [footerText(input.province)],
  });
  return { subject, text, html };
}

/** The province team's daily digest: lagging regencies ranked, vacancies, escalations, gaps. */
export function provinceDigestEmail(input: ProvinceDigestInput): EmailContent {
  const vacant = input.lagging.filter((s) => s.vacant);
  const subject = `[${input.province.brand}] Ringkasan harian provinsi: ${input.lagging.length} kabupaten/kota perlu perhatian — ${longDate(input.date)}`;
  const html: Html[] = [];
  const text: string[] = [];
  const section = (title: string, aside: string | undefined, body: { html: Html[]; text: string[] }) => {
    html.push(heading(title, aside), ...body.html);
    text.push('', '', `${title.toUpperCase()}${aside ? ` ${aside}` : ''}`, ...body.text);
  };
  const lines = (ls: readonly string[]) => ({ html: [bullets(ls)], text: ls.map((l) => `- ${l}`) });

  if (input.missingCalendarYears.length > 0) {
    const words = `Belum ada data hari libur nasional dan cuti bersama untuk tahun ${input.missingCalendarYears.join(', ')}. Perhitungan batas waktu sementara hanya mengecualikan Sabtu dan Minggu. Mohon tim TI menambahkan berkas kalender dari SKB 3 Menteri.`;
    html.push(notice([heading('Kalender hari kerja belum tersedia'), paragraph(words)]));
    text.push('', '', 'KALENDER HARI KERJA BELUM TERSEDIA', words);
  }
  if (vacant.length > 0) {
    section(
      'Daerah tanpa admin penghubung aktif',
      `(${vacant.length})`,
      lines(
        vacant.map(
          (s) =>
            `${s.name}: pengingat tidak dapat dikirim kepada admin penghubung. Mohon SK admin penghubung segera diperbarui.`,
        ),
      ),
    );
  }
  const rankLines = input.lagging.map((s, i) => ({
    title: `${i + 1}. ${s.name}${s.vacant ? ' (admin KOSONG)' : ''}`,
    facts: [
      `${numberId(s.overdue)} laporan terlambat, terlama ${numberId(s.oldestBreachWorkingDays)} HK`,
      s.closedInWindow > 0
        ? `selesai tepat waktu ${percentId(s.onTimeShare)} (${numberId(s.onTimeInWindow)} dari ${numberId(s.closedInWindow)}) dalam ${input.onTimeWindowDays} hari terakhir`
        : `belum ada laporan selesai dalam ${input.onTimeWindowDays} hari terakhir`,
    ],
  }));
  section(
    'Peringkat daerah yang perlu perhatian',
    input.lagging.length > 0 ? `(${input.lagging.length})` : undefined,
    input.lagging.length === 0
      ? {
          html: [paragraph('Tidak ada daerah dengan laporan terlambat. Terima kasih.')],
          text: ['Tidak ada daerah dengan laporan terlambat. Terima kasih.'],
        }
      : {
          html: rankLines.map((r) => itemRow(r.title, r.facts.join('; '))),
          text: rankLines.flatMap((r) => ['', r.title, ...r.facts.map((f) => `  ${f}`)]),
        },
  );
  // Commitments of the heads (issue 18): a separate piece; its sentences are computed in the domain.
  if (input.commitmentGaps && input.commitmentGaps.length > 0) {
    section(
      'Daerah tertinggal tanpa komitmen kepala daerah yang berlaku',
      `(${input.commitmentGaps.length})`,
      lines(input.commitmentGaps.map((g) => g.sentence)),
    );
  }
  // Vacant seats (issue 28): what went past a deadline while no admin was in office.
  for (const v of input.vacancies ?? []) {
    const name = input.regencyName(v.regencyCode);
    const period = v.vacancy.ongoing
      ? `kosong sejak ${longDate(v.vacancy.from)}`
      : `kosong ${longDate(v.vacancy.from)} sampai ${longDate(v.vacancy.to)}`;
    const shown = v.breaches.slice(0, provinceListLimit);
    const intro =
      v.breaches.length === 0
        ? 'Tidak ada batas waktu yang terlewat selama kursi admin kosong.'
        : `${numberId(v.breaches.length)} laporan melewati batas waktu selama kursi admin kosong${v.breaches.length > shown.length ? `; ditampilkan ${numberId(shown.length)} yang paling lama terlambat` : ''}.`;
    const items = shown.map((b) => ({
      title: `${b.trackingId} — ${b.unit}`,
      facts: `${stageLabels[b.stage]}, batas ${zoneFormat(input.province).shortDate(b.due)}, terlambat ${numberId(b.workingDaysLate)} HK${b.open ? '' : ' (kini sudah ditutup)'}`,
    }));
    section(`${name}: admin penghubung ${period}`, `(${numberId(v.breaches.length)})`, {
      html: [paragraph(intro), ...items.map((i) => itemRow(i.title, i.facts))],
      text: [intro, ...items.flatMap((i) => ['', i.title, `  ${i.facts}`])],
    });
  }
  if (input.outreachResults && input.outreachResults.length > 0) {
    section(
      'Hasil kegiatan penjangkauan',
      `(${input.outreachResults.length})`,
      lines(
        input.outreachResults.map(
          (e) =>
            `${input.regencyName(e.event.code)}, ${outreachKindLabels[e.event.kind]} ${dayId(e.event.date)}${e.event.district ? ` di Kec. ${e.event.district}` : ''}: ${outreachSentence(e)}`,
        ),
      ),
    );
  }
  const complaints = (list: ProvinceList, title: string) => {
    if (list.total === 0) return;
    const listed = rows(list.items, {
      laporBaseUrl: input.laporBaseUrl,
      nextWorkingDate: input.date,
      unit: true,
      regencyName: input.regencyName,
      format: zoneFormat(input.province),
    });
    const more =
      list.omitted > 0
        ? `Ditampilkan ${numberId(list.items.length)} yang paling lama terlambat dari ${numberId(list.total)} laporan; selebihnya ada di digest harian tiap kabupaten/kota.`
        : '';
    section(title, `(${numberId(list.total)})`, {
      html: [...(more ? [paragraph(more, { small: true })] : []), ...listed.html],
      text: [...(more ? [more] : []), ...listed.text],
    });
  };
  complaints(input.escalations, 'Eskalasi ke provinsi (baru hari ini)');
  complaints(input.untouched, 'Laporan terlambat tanpa tindakan apa pun');
  if (input.failures.length > 0) {
    section(
      'Gangguan pemeriksaan',
      undefined,
      lines(
        input.failures.map(
          (f) => `${input.regencyName(f.code)}: pemeriksaan gagal dan akan diulang otomatis (${f.message}).`,
        ),
      ),
    );
  }
  const greeting = 'Yth. Tim Pengelola Pengaduan Provinsi,';
  const lead = `Ringkasan pemeriksaan batas waktu LAPOR! per ${longDate(input.date)}: ${input.lagging.length} kabupaten/kota perlu perhatian, ${numberId(input.escalations.total)} eskalasi baru, ${numberId(input.untouched.total)} laporan terlambat tanpa tindakan.`;
  return {
    subject,
    ...letter({
      title: subject,
      greeting,
      lead,
      text,
      html: [
        figures([
          { value: String(input.lagging.length), label: 'kab/kota perlu perhatian', tone: 'late' },
          { value: numberId(input.escalations.total), label: 'eskalasi baru', tone: 'late' },
          { value: numberId(input.untouched.total), label: 'tanpa tindakan', tone: 'due' },
        ]),
        ...html,
      ],
      closing: [footerText(input.province)],
    }),
  };
}

/** The daily check's e-mails, as the deadline use case asks for them (the port it is given). */
export const deadlineViews: DeadlineViews = {
  regencyDigest: regencyDigestEmail,
  escalationNotice: escalationNoticeEmail,
  provinceDigest: provinceDigestEmail,
  handoverDigest: handoverDigestEmail,
  handoverNotice: handoverNoticeEmail,
};
