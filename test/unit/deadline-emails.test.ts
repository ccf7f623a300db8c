import { describe, expect, it } from 'vitest';
import type { DigestItem } from '../../functions/domain/deadlines';
import { digestView, escalationView, mostLate, provinceListLimit } from '../../functions/domain/digest-view';
import {
  escalationNoticeEmail,
  provinceDigestEmail,
  regencyDigestEmail,
} from '../../templates/deadline-emails';
import { regencyReportEmail } from '../../templates/semester-email';
import { kalsel } from '../support/data';
import { fixtureProvince } from '../support/semester-fixture';

const base = 'https://www.lapor.go.id/laporan/detil';

const item = (n: number, late: number, over: Partial<DigestItem> = {}): DigestItem => ({
  trackingId: `X-${n}`,
  regencyCode: '6302',
  unit: 'Dinas <Uji> & Co',
  category: 'Infrastruktur',
  classification: 'aspirasi',
  status: 'terdisposisi-belum-ditindaklanjuti',
  stage: 'follow-up',
  owner: 'unit',
  due: '2026-03-05T15:59:59.999Z',
  breached: late > 0,
  expired: false,
  workingDaysLate: late,
  newlyBreached: late === 1,
  workingDaysSinceUpdate: late + 5,
  policyId: 'permenpanrb-5-2025',
  ...over,
});

const friday = { date: '2026-03-06', nextWorkingDate: '2026-03-09', zone: kalsel().zone };

const digest = (items: DigestItem[], listLimit?: number) =>
  regencyDigestEmail({
    province: kalsel().province,
    regency: kalsel().get('6302')!,
    date: friday.date,
    view: digestView(items, { ...friday, ...(listLimit ? { listLimit } : {}) }),
    laporBaseUrl: base,
    policyName: 'uji',
    vacant: false,
  });

/** Lines over 78 characters that are not a URL on a line of its own. */
const longLines = (text: string) =>
  text.split('\n').filter((l) => l.length > 78 && !/^https?:\/\/\S+$/.test(l));

/** Listed complaints in a plain-text part: the first line of each block. */
const blocks = (text: string) => text.split('\n').filter((l) => /^X-\d+ - /.test(l));

describe('the deadline e-mails', () => {
  it('say the counts and the regency in the subject, and escape what they quote in HTML', () => {
    const email = digest([item(1, 1), item(2, 0, { due: '2026-03-09T15:59:59.999Z' })]);
    expect(email.subject).toBe(
      '[LAPOR Paman] 1 laporan melewati batas waktu, 1 mendekati batas waktu — Kabupaten Kotabaru, Jumat, 6 Maret 2026',
    );
    expect(email.html).toContain('Dinas &lt;Uji&gt; &amp; Co');
    expect(email.html).not.toContain('<Uji>');
    expect(email.text).toContain('X-1 - terlambat 1 HK [BARU]');
    // On a Friday, "due tomorrow" is Monday.
    expect(email.text).toContain('X-2 - jatuh tempo Senin');
    expect(email.attachments).toBeUndefined();
  });

  it('open the digest with how many are late, new and due, before any list', () => {
    const email = digest([item(1, 1), item(2, 7), item(3, 0, { due: '2026-03-09T15:59:59.999Z' })]);
    const lead = email.text.split('\n').slice(0, 8).join(' ');
    expect(lead).toContain('2 laporan melewati batas waktu (1 baru hari ini) dan 1 jatuh tempo Senin');
    expect(email.text.indexOf('- Terlambat: 2')).toBeLessThan(email.text.indexOf('X-'));
    const htmlLead = email.html.indexOf('baru terlambat hari ini');
    expect(htmlLead).toBeGreaterThan(0);
    expect(htmlLead).toBeLessThan(email.html.indexOf('X-'));
  });

  it('say that a report whose reporter did not answer may be closed, not that it is late', () => {
    const email = digest([
      item(1, 3),
      item(2, 0, { stage: 'closure', owner: 'reporter', expired: true, due: '2026-03-02T15:59:59.999Z' }),
    ]);
    expect(email.text).toContain('X-2 - waktu tanggapan pelapor habis');
    expect(email.text).toContain('- Dapat ditutup (waktu pelapor habis): 1');
    expect(email.text.replace(/\n/g, ' ')).toContain(
      '1 laporan melewati batas waktu dan 1 dapat ditutup karena waktu tanggapan pelapor telah habis.',
    );
  });

  it('write plain text for a phone: no line over 78 characters but URLs, one link per listed complaint', () => {
    const items = Array.from({ length: 54 }, (_, n) =>
      item(n, 60 - n, {
        unit: n % 2 ? 'Dinas Pekerjaan Umum dan Penataan Ruang' : 'Dinas Kependudukan dan Pencatatan Sipil',
        classification: 'pengaduan-tidak-berkadar-pengawasan',
        stage: 'completion',
      }),
    );
    const email = digest(items);
    expect(longLines(email.text)).toEqual([]);
    expect(email.text).not.toMatch(/ {3,}/);
    const links = email.text.split('\n').filter((l) => l.startsWith(`${base}/`));
    expect(blocks(email.text)).toHaveLength(54);
    expect(new Set(links).size).toBe(54);
    for (const i of items) expect(links).toContain(`${base}/${i.trackingId}`);
  });

  it('say where a long digest is cut and attach the full list, guarded against formulas', () => {
    const items = Array.from({ length: 80 }, (_, n) =>
      item(n, 90 - n, { unit: n === 5 ? '=HYPERLINK("x")' : n === 6 ? '＠SUM(A1)' : 'Dinas A' }),
    );
    const email = digest(items, 20);
    expect(blocks(email.text)).toHaveLength(20);
    expect(email.text).toMatch(/Daftar ini memuat 20 dari 80 laporan/);
    expect(email.html).toContain('60 tidak ditampilkan');
    const [csv] = email.attachments ?? [];
    expect(csv?.filename).toBe('daftar-laporan-6302-2026-03-06.csv');
    const rows = csv?.content.toString('utf8').trim().split('\r\n') ?? [];
    expect(rows).toHaveLength(81);
    expect(rows.some((r) => r.includes(`"'=HYPERLINK(""x"")"`))).toBe(true);
    expect(rows.some((r) => r.includes(",'＠SUM(A1),"))).toBe(true);
  });

  it('open the head’s escalation with how many, how late and which units', () => {
    const email = escalationNoticeEmail({
      province: kalsel().province,
      regency: kalsel().get('6305')!,
      date: friday.date,
      view: escalationView(
        [
          item(1, 25, { unit: 'Dinas PUPR' }),
          item(2, 4, { unit: 'Dinas PUPR' }),
          item(3, 3, { unit: 'Dinas Kesehatan' }),
        ],
        { date: friday.date, zone: kalsel().zone },
      ),
      minWorkingDaysLate: 3,
      laporBaseUrl: base,
    });
    expect(email.subject).toBe(
      '[LAPOR Paman] Eskalasi: 3 laporan terlambat 3 hari kerja atau lebih — Kabupaten Tapin',
    );
    const [greeting, , ...rest] = email.text.split('\n');
    expect(greeting).toBe('Yth. Bupati Tapin,');
    expect(rest.join(' ').split('  ')[0]).toContain(
      '3 laporan masyarakat di Kabupaten Tapin telah melewati batas waktu penanganan 3 sampai 25 hari kerja, terbanyak pada Dinas PUPR (2) dan Dinas Kesehatan (1).',
    );
    expect(longLines(email.text)).toEqual([]);
    expect(blocks(email.text)).toHaveLength(3);
  });

  it('keep the province digest to the worst cases, most late first, and say how many more there are', () => {
    const many = Array.from({ length: 40 }, (_, n) => item(n, n + 1));
    const email = provinceDigestEmail({
      province: kalsel().province,
      date: '2026-03-06',
      lagging: [],
      escalations: mostLate([], provinceListLimit),
      untouched: mostLate(many, provinceListLimit),
      missingCalendarYears: [],
      regencyName: () => 'Kabupaten Kotabaru',
      laporBaseUrl: base,
      onTimeWindowDays: 30,
      failures: [],
    });
    const rows = blocks(email.text);
    expect(rows).toHaveLength(provinceListLimit);
    expect(rows[0]).toMatch(/^X-39 - terlambat 40 HK/);
    expect(email.text.replace(/\n/g, ' ')).toContain(
      `Ditampilkan ${provinceListLimit} yang paling lama terlambat dari 40 laporan`,
    );
    // The province's tracking ids are links too.
    expect(email.html).toContain(`href="${base}/X-39"`);
    expect(longLines(email.text)).toEqual([]);
  });

  it('give each lagging regency its on-time share with its count and denominator', () => {
    const email = provinceDigestEmail({
      province: kalsel().province,
      date: '2026-03-06',
      lagging: [
        {
          code: '6305',
          name: 'Kabupaten Tapin',
          overdue: 12,
          dueSoon: 2,
          expired: 0,
          oldestBreachWorkingDays: 25,
          onTimeShare: 0.72,
          closedInWindow: 25,
          onTimeInWindow: 18,
          vacant: true,
        },
      ],
      escalations: mostLate([], provinceListLimit),
      untouched: mostLate([], provinceListLimit),
      missingCalendarYears: [],
      regencyName: () => 'Kabupaten Tapin',
      laporBaseUrl: base,
      onTimeWindowDays: 30,
      failures: [],
    });
    expect(email.text).toContain('1. Kabupaten Tapin (admin KOSONG)');
    expect(email.text).toContain('12 laporan terlambat, terlama 25 HK');
    expect(email.text).toContain('selesai tepat waktu 72,0% (18 dari 25) dalam 30 hari terakhir');
    expect(email.html).toContain('selesai tepat waktu 72,0% (18 dari 25)');
  });

  it('keep the semester cover letter’s lines short in plain text', () => {
    const province = fixtureProvince();
    const email = regencyReportEmail({ province, report: province.regencies[0]! });
    expect(longLines(email.text)).toEqual([]);
    expect(email.text).toContain('Tiga angka utama:');
  });
});
