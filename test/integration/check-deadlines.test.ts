import { describe, expect, it } from 'vitest';
import type { Status } from '../../functions/domain/complaint';
import type { OutgoingEmail } from '../../functions/ports/mailer';
import { checkDeadlines, scheduledInstant } from '../../functions/use-cases/check-deadlines';
import { recordUpdate } from '../../functions/use-cases/ingest-updates';
import { kalsel } from '../support/data';
import { deadlineWorld } from '../support/deadlines';
import { anUpdate } from '../support/fixtures';
import { receivedMail } from '../support/local-aws';

/** Submits a complaint (status Belum Terverifikasi) at an instant. */
async function submit(
  world: Awaited<ReturnType<typeof deadlineWorld>>,
  trackingId: string,
  regencyCode: string,
  at: string,
) {
  world.setNow(at);
  await recordUpdate(
    world.ingest,
    anUpdate({ trackingId, regencyCode, occurredAt: at, sourceUpdateId: `${trackingId}-1` }),
    'test',
  );
}

const mailTo = (domain: string, local: string) => receivedMail(`${local}@${domain}`);

describe('the daily deadline check, end to end (DynamoDB Local + SES emulator)', () => {
  it('puts the right complaints in the right regency digest around the Idul Fitri 2026 cluster', async () => {
    const world = await deadlineWorld();
    await world.roster.replace([
      world.person('6301', 'admin', 'a'),
      world.person('6302', 'admin', 'a'),
      world.person('63', 'province', 'p'),
    ]);
    // Verification (3 HK) skips 18-24 March: A (Mon 16) is due Thu 26, B (Tue 17) Fri 27, C (Wed 25) Mon 30.
    await submit(world, 'A-6301', '6301', '2026-03-16T09:00:00+08:00');
    await submit(world, 'B-6301', '6301', '2026-03-17T09:00:00+08:00');
    await submit(world, 'C-6302', '6302', '2026-03-25T09:00:00+08:00');

    const holiday = await checkDeadlines(world.deps(), { at: scheduledInstant('2026-03-23', kalsel()) });
    expect(holiday.skipped).toBe('non-working-day');

    const thursday = await checkDeadlines(world.deps(), {
      at: scheduledInstant('2026-03-26', kalsel()),
    });
    expect(thursday.regencies.find((r) => r.code === '6301')).toMatchObject({
      overdue: 0,
      dueSoon: 2,
      digest: 'sent',
    });
    expect(thursday.regencies.find((r) => r.code === '6302')).toMatchObject({
      overdue: 0,
      dueSoon: 0,
      digest: 'nothing-to-send',
    });

    const friday = await checkDeadlines(world.deps(), { at: scheduledInstant('2026-03-27', kalsel()) });
    expect(friday.regencies.find((r) => r.code === '6301')).toMatchObject({
      overdue: 1,
      dueSoon: 1,
      digest: 'sent',
    });

    const mails = await mailTo(world.domain, 'a.6301');
    expect(mails).toHaveLength(2);
    const fridayMail = mails.find((m) => m.subject.includes('27 Maret 2026'));
    expect(fridayMail?.subject).toBe(
      '[LAPOR Paman] 1 laporan melewati batas waktu, 1 mendekati batas waktu — Kabupaten Tanah Laut, Jumat, 27 Maret 2026',
    );
    // A is 1 working day late and newly breached; it is listed first, linked to LAPOR!.
    const text = fridayMail?.body.text ?? '';
    expect(text.indexOf('A-6301 - terlambat 1 HK [BARU]')).toBeGreaterThan(-1);
    expect(text.indexOf('A-6301')).toBeLessThan(text.indexOf('B-6301'));
    expect(fridayMail?.body.html).toContain('href="https://www.lapor.go.id/laporan/detil/A-6301"');
    expect(text).not.toContain('C-6302');
    // On Friday the horizon is the end of Monday 30 March: C, due then, is due soon in Kotabaru's digest.
    const kotabaru = await mailTo(world.domain, 'a.6302');
    expect(kotabaru.map((m) => m.body.text?.includes('C-6302'))).toEqual([true]);
  });

  it('counts a Tertunda complaint whose reporter ran out of time as expired, not as due soon', async () => {
    const world = await deadlineWorld();
    await world.roster.replace([world.person('6303', 'admin', 'a'), world.person('63', 'province', 'p')]);
    const step = async (at: string, status: Status, n: number) => {
      world.setNow(at);
      await recordUpdate(
        world.ingest,
        anUpdate({
          trackingId: 'HOLD-6303',
          regencyCode: '6303',
          occurredAt: at,
          status,
          sourceUpdateId: `HOLD-${n}`,
        }),
        'test',
      );
    };
    await step('2026-05-04T09:00:00+08:00', 'belum-terverifikasi', 1);
    await step('2026-05-04T10:00:00+08:00', 'terdisposisi-belum-ditindaklanjuti', 2);
    await step('2026-05-05T10:00:00+08:00', 'terdisposisi-sedang-diproses', 3);
    // Waiting for the reporter from Wed 6 May: the unit's clocks stop, the reporter's 10 HK run out by June.
    await step('2026-05-06T10:00:00+08:00', 'tertunda', 4);
    const report = await checkDeadlines(world.deps(), {
      at: scheduledInstant('2026-06-02', kalsel()),
      dryRun: true,
    });
    expect(report.regencies.find((r) => r.code === '6303')).toMatchObject({
      overdue: 0,
      dueSoon: 0,
      expired: 1,
    });
  });

  it('sends to the admin in office that day: the new one from the day of the change, the old one no longer', async () => {
    const world = await deadlineWorld();
    await world.roster.replace([
      world.person('6303', 'admin', 'old', '2025-01-01', '2026-03-10'),
      world.person('6303', 'admin', 'new', '2026-03-11'),
      world.person('63', 'province', 'p'),
    ]);
    await submit(world, 'D-6303', '6303', '2026-03-02T09:00:00+08:00'); // due Thu 5 Mar
    await checkDeadlines(world.deps(), { at: scheduledInstant('2026-03-10', kalsel()) });
    await checkDeadlines(world.deps(), { at: scheduledInstant('2026-03-11', kalsel()) });
    await checkDeadlines(world.deps(), { at: scheduledInstant('2026-03-12', kalsel()) });
    const old = await mailTo(world.domain, 'old.6303');
    const fresh = await mailTo(world.domain, 'new.6303');
    // The new admin's first digest is the handover (serah terima); the old one hears who took over.
    expect(old.map((m) => m.subject).sort()).toEqual([
      expect.stringContaining('Selasa, 10 Maret 2026'),
      expect.stringContaining('Serah terima admin penghubung'),
    ]);
    expect(fresh.map((m) => m.subject).sort()).toEqual([
      expect.stringContaining('Kamis, 12 Maret 2026'),
      expect.stringMatching(/Serah terima: 1 laporan terbuka .*Rabu, 11 Maret 2026/),
    ]);
  });

  it('reports a regency with no active admin to the province, and escalates by working days late', async () => {
    const world = await deadlineWorld();
    await world.roster.replace([
      world.person('6305', 'admin', 'gone', '2025-01-01', '2026-02-27'),
      world.person('6305', 'head', 'bupati'),
      world.person('63', 'province', 'p'),
    ]);
    await submit(world, 'E-6305', '6305', '2026-02-02T09:00:00+08:00'); // due Thu 5 Feb
    const report = await checkDeadlines(world.deps(), { at: scheduledInstant('2026-03-02', kalsel()) });
    const tapin = report.regencies.find((r) => r.code === '6305');
    expect(tapin).toMatchObject({
      vacant: true,
      overdue: 1,
      digest: 'no-recipient',
      escalationNotice: 'sent',
    });
    expect(report.province.digest).toBe('sent');

    const [provinceMail] = await mailTo(world.domain, 'p.63');
    expect(provinceMail?.body.text).toContain('DAERAH TANPA ADMIN PENGHUBUNG AKTIF');
    expect(provinceMail?.body.text).toContain('Kabupaten Tapin: pengingat tidak dapat dikirim');
    // Due Thu 5 Feb; by Mon 2 Mar 15 working days have passed (Imlek 16-17 Feb skipped): past level 2.
    expect(provinceMail?.body.text).toContain('ESKALASI KE PROVINSI (BARU HARI INI)');
    expect(provinceMail?.body.text).toMatch(
      /E-6305 - terlambat 15 HK\s+Kabupaten Tapin, Verifikasi dan penerusan,[\s\S]*?batas\s+5 Feb 2026\n/,
    );
    // Each complaint once per e-mail: escalated today, it is not listed again as untouched.
    expect(provinceMail?.body.text?.match(/E-6305 - terlambat/g)).toHaveLength(1);
    expect(provinceMail?.body.html?.match(/>E-6305</g)).toHaveLength(1);
    expect(report.province.untouched).toBe(0);
    const [headMail] = await mailTo(world.domain, 'bupati.6305');
    expect(headMail?.subject).toContain(
      'Eskalasi: 1 laporan terlambat 3 hari kerja atau lebih — Kabupaten Tapin',
    );

    // The next day: same complaint, same levels: no second escalation of it.
    const next = await checkDeadlines(world.deps(), { at: scheduledInstant('2026-03-03', kalsel()) });
    expect(next.regencies.find((r) => r.code === '6305')?.escalationNotice).toBe('nothing-to-send');
    expect(next.province.escalations).toBe(0);
    // No longer new, it is listed among the complaints nobody has touched.
    expect(next.province.untouched).toBe(1);
    const [, nextMail] = await mailTo(world.domain, 'p.63');
    expect(nextMail?.body.text).toMatch(
      /LAPORAN TERLAMBAT TANPA TINDAKAN APA PUN \(1\)[\s\S]*E-6305 - terlambat 16 HK/,
    );
  });

  it('tells the province which lagging regencies have no commitment in force, or an expired one', async () => {
    const world = await deadlineWorld();
    await world.roster.replace([
      ...['6301', '6305', '6308'].map((code) => world.person(code, 'admin', 'admin')),
      world.person('63', 'province', 'p'),
    ]);
    const commitment = (code: string, from: string, to?: string) => ({
      code,
      signatory: 'Bupati',
      signed: from,
      document: `No ${code}`,
      from,
      ...(to ? { to } : {}),
      targets: { maxBacklog: 10 },
    });
    await world.commitments.replace([
      commitment('6301', '2026-01-01'),
      commitment('6305', '2025-01-01', '2025-12-31'),
    ]);
    for (const code of ['6301', '6305', '6308']) {
      await submit(world, `C-${code}`, code, '2026-02-02T09:00:00+08:00'); // overdue by 2 March
    }
    const report = await checkDeadlines(world.deps(), { at: scheduledInstant('2026-03-02', kalsel()) });
    // The three are lagging (overdue); the regencies without any admin lag too (vacant).
    const ours = (code: string) => ['6301', '6305', '6308'].includes(code);
    expect(report.province.lagging.filter((s) => ours(s.code)).map((s) => s.overdue)).toEqual([1, 1, 1]);
    expect(
      report.province.commitmentGaps?.filter((g) => ours(g.code)).map((g) => [g.code, g.status]),
    ).toEqual([
      ['6305', 'expired'],
      ['6308', 'none'],
    ]);
    const [provinceMail] = await mailTo(world.domain, 'p.63');
    // The plain-text part wraps long lines: compare with whitespace folded.
    const text = (provinceMail?.body.text ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('DAERAH TERTINGGAL TANPA KOMITMEN KEPALA DAERAH YANG BERLAKU');
    expect(text).toContain(
      '- Kabupaten Tapin: tertinggal, dan komitmen kepala daerahnya berakhir 31 Desember 2025 tanpa pembaruan.',
    );
    expect(text).toContain(
      '- Kabupaten Hulu Sungai Utara: tertinggal, dan belum ada komitmen tertulis kepala daerah.',
    );
    expect(text).not.toMatch(/Tanah Laut: tertinggal/);
  });

  it('sends nothing new on a second run the same day', async () => {
    const world = await deadlineWorld();
    await world.roster.replace([
      world.person('6301', 'admin', 'a'),
      world.person('6301', 'head', 'h'),
      world.person('63', 'province', 'p'),
    ]);
    await submit(world, 'F-6301', '6301', '2026-02-02T09:00:00+08:00');
    const first = await checkDeadlines(world.deps(), { at: scheduledInstant('2026-03-02', kalsel()) });
    expect(first.emailsSent).toBe(3); // admin digest, head escalation, province digest
    const second = await checkDeadlines(world.deps(), { at: new Date('2026-03-02T11:30:00+08:00') });
    expect(second.emailsSent).toBe(0);
    expect(second.regencies.find((r) => r.code === '6301')?.digest).toBe('already-sent');
    // The admin received the digest once (and is cc'd once on the head's escalation notice).
    const adminMail = await mailTo(world.domain, 'a.6301');
    expect(adminMail.filter((m) => m.subject.includes('melewati batas waktu'))).toHaveLength(1);
    expect(adminMail.filter((m) => m.subject.includes('Eskalasi'))).toHaveLength(1);
    expect(await mailTo(world.domain, 'p.63')).toHaveLength(1);
  });

  it('delivers the other regencies when one send fails, and retries that one on the next run', async () => {
    const world = await deadlineWorld();
    await world.roster.replace([
      world.person('6301', 'admin', 'a'),
      world.person('6302', 'admin', 'a'),
      world.person('63', 'province', 'p'),
    ]);
    await submit(world, 'G-6301', '6301', '2026-03-02T09:00:00+08:00');
    await submit(world, 'H-6302', '6302', '2026-03-02T09:00:00+08:00');
    // Fault injection at the mailer port: SES refuses every message to Tanah Laut once.
    let refused = 0;
    world.setMailer({
      send: async (email: OutgoingEmail) => {
        if (email.to.some((t) => t.includes('a.6301@')) && refused++ === 0)
          throw new Error('SES: service unavailable');
        return world.realMailer.send(email);
      },
    });
    const first = await checkDeadlines(world.deps(), { at: scheduledInstant('2026-03-05', kalsel()) });
    expect(first.regencies.find((r) => r.code === '6301')?.digest).toBe('failed');
    expect(first.regencies.find((r) => r.code === '6302')?.digest).toBe('sent');
    expect(first.failures).toBe(1);
    expect(await mailTo(world.domain, 'a.6301')).toHaveLength(0);

    const retry = await checkDeadlines(world.deps(), { at: new Date('2026-03-05T09:00:00+08:00') });
    expect(retry.regencies.find((r) => r.code === '6301')?.digest).toBe('sent');
    expect(retry.regencies.find((r) => r.code === '6302')?.digest).toBe('already-sent');
    expect(await mailTo(world.domain, 'a.6301')).toHaveLength(1);
    expect(await mailTo(world.domain, 'a.6302')).toHaveLength(1);
  });

  it('tells the province when the calendar file of the year is missing', async () => {
    const world = await deadlineWorld();
    await world.roster.replace([world.person('63', 'province', 'p')]);
    const deps = world.deps();
    const { WorkingCalendar } = await import('../../functions/domain/calendar');
    const without2026 = new WorkingCalendar(
      deps.sla.calendar.years.filter((y) => y.year !== 2026),
      kalsel().zone,
    );
    const report = await checkDeadlines(
      { ...deps, sla: { ...deps.sla, calendar: without2026 } },
      { at: scheduledInstant('2026-03-02', kalsel()) },
    );
    expect(report.missingCalendarYears).toEqual([2026]);
    const [mail] = await mailTo(world.domain, 'p.63');
    expect(mail?.body.text).toContain('Belum ada data hari libur nasional dan cuti bersama untuk tahun 2026');
  });
});
