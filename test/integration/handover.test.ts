import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../functions/domain/roster';
import { checkDeadlines, scheduledInstant } from '../../functions/use-cases/check-deadlines';
import { recordUpdate } from '../../functions/use-cases/ingest-updates';
import { dataDir, kalsel } from '../support/data';
import { deadlineWorld } from '../support/deadlines';
import { anUpdate } from '../support/fixtures';
import { receivedMail } from '../support/local-aws';

type World = Awaited<ReturnType<typeof deadlineWorld>>;

/** The demo roster, each address moved to the test's own domain ("admin.baru@banjar..." -> "admin.baru.banjar@<domain>"). */
function demoRoster(world: World) {
  return parseRosterCsv(readFileSync(join(dataDir, 'roster/63-demo.csv'), 'utf8'), kalsel()).map((e) => ({
    ...e,
    email: `${e.email.split('@')[0]}.${e.email.split('@')[1]?.split('.')[0]}@${world.domain}`,
  }));
}

async function submit(
  world: World,
  trackingId: string,
  regencyCode: string,
  at: string,
  unit = 'Dinas PUPR',
) {
  world.setNow(at);
  await recordUpdate(
    world.ingest,
    anUpdate({ trackingId, regencyCode, unit, occurredAt: at, sourceUpdateId: `${trackingId}-1` }),
    'test',
  );
}

const mailTo = (world: World, local: string) => receivedMail(`${local}@${world.domain}`);

describe('serah terima: a handover when the liaison admin changes', () => {
  // Several whole daily checks against the local servers: allow for a busy machine.
  it("gives Banjar's new admin every open complaint once, tells the old admin and the head, and a replay sends nothing new", {
    timeout: 120_000,
  }, async () => {
    const world = await deadlineWorld();
    await world.roster.replace(demoRoster(world));
    // Four open complaints of Banjar: two late by 11 March, two not yet due; one of Tanah Laut.
    await submit(world, 'H-1', '6303', '2026-02-23T09:00:00+08:00');
    await submit(world, 'H-2', '6303', '2026-03-02T09:00:00+08:00', 'Dinas Kesehatan');
    await submit(world, 'H-3', '6303', '2026-03-10T09:00:00+08:00');
    await submit(world, 'H-4', '6303', '2026-03-10T10:00:00+08:00', 'Dinas Kesehatan');
    await submit(world, 'X-1', '6301', '2026-03-02T09:00:00+08:00');

    await checkDeadlines(world.deps(), { at: scheduledInstant('2026-03-10', kalsel()) });
    world.setNow('2026-03-11T08:00:00+08:00');
    const report = await checkDeadlines(world.deps(), { at: scheduledInstant('2026-03-11', kalsel()) });
    const banjar = report.regencies.find((r) => r.code === '6303');
    expect(banjar?.handovers).toEqual([
      { since: '2026-03-11', kind: 'admin', complaints: 4, digest: 'sent', notice: 'sent' },
    ]);

    const fresh = await mailTo(world, 'admin.baru.banjar');
    expect(fresh).toHaveLength(1);
    const [handover] = fresh;
    expect(handover?.subject).toContain('Serah terima: 4 laporan terbuka');
    // Every open complaint of the regency, checked against the table: the whole open set, no other regency's.
    const open = await world.deps().queries.allOpen('6303');
    expect(open.map((s) => s.trackingId).sort()).toEqual(['H-1', 'H-2', 'H-3', 'H-4']);
    for (const s of open) expect(handover?.body.text).toContain(s.trackingId);
    expect(handover?.body.text).not.toContain('X-1');
    expect(handover?.body.text).toContain('== Dinas PUPR');
    expect(handover?.body.text).toContain('== Dinas Kesehatan');
    expect(handover?.attachments?.map((a) => a.filename)).toEqual(['serah-terima-6303-2026-03-11.csv']);

    // The old admin and the head: one line each, who took over and how many were handed over.
    for (const local of ['admin.lama.banjar', 'bupati.banjar']) {
      const notices = (await mailTo(world, local)).filter((m) => m.subject.includes('Serah terima'));
      expect(notices).toHaveLength(1);
      expect(notices[0]?.body.text?.replace(/\s+/g, ' ')).toContain(
        'Admin Penghubung Banjar (baru) mulai bertugas sebagai admin penghubung LAPOR! Kabupaten Banjar sejak Rabu, 11 Maret 2026; 4 laporan terbuka telah diserahterimakan',
      );
    }

    // A replay of that day, and the scheduled run again: nothing new.
    const before = (await receivedMail()).length;
    world.setNow('2026-03-20T08:00:00+08:00');
    const replay = await checkDeadlines(world.deps(), { at: scheduledInstant('2026-03-11', kalsel()) });
    expect(replay.regencies.find((r) => r.code === '6303')?.handovers?.[0]).toMatchObject({
      digest: 'already-sent',
      notice: 'already-sent',
    });
    expect((await receivedMail()).length).toBe(before);
    // The next day, the new admin is back on the ordinary digest.
    world.setNow('2026-03-12T08:00:00+08:00');
    const next = await checkDeadlines(world.deps(), { at: scheduledInstant('2026-03-12', kalsel()) });
    expect(next.regencies.find((r) => r.code === '6303')?.handovers).toBeUndefined();
  });

  it("tells the province, for Tapin's vacant seat, which complaints went past a deadline meanwhile, and hands them to the new admin", {
    timeout: 120_000,
  }, async () => {
    const world = await deadlineWorld();
    await world.roster.replace(demoRoster(world));
    // Received before the vacancy (28 Feb - 22 Mar), and during it; nobody verifies them.
    await submit(world, 'T-1', '6305', '2026-02-25T09:00:00+08:00');
    await submit(world, 'T-2', '6305', '2026-03-04T09:00:00+08:00');
    await submit(world, 'T-3', '6305', '2026-03-17T09:00:00+08:00');

    world.setNow('2026-03-10T08:00:00+08:00');
    const during = await checkDeadlines(world.deps(), { at: scheduledInstant('2026-03-10', kalsel()) });
    expect(during.province.vacancies).toEqual([
      { code: '6305', from: '2026-02-28', to: '2026-03-10', ongoing: true, breaches: 2 },
    ]);
    const [provinceMail] = await mailTo(world, 'pengaduan.kalsel');
    expect(provinceMail?.body.text).toContain(
      'KABUPATEN TAPIN: ADMIN PENGHUBUNG KOSONG SEJAK SABTU, 28 FEBRUARI 2026 (2)',
    );
    expect(provinceMail?.body.text).toContain('T-1');
    expect(provinceMail?.body.text).toContain('T-2');

    // Monday 23 March is cuti bersama: the new admin's handover comes with the check of Wednesday 25 March.
    world.setNow('2026-03-25T08:00:00+08:00');
    const arrival = await checkDeadlines(world.deps(), { at: scheduledInstant('2026-03-25', kalsel()) });
    expect(arrival.regencies.find((r) => r.code === '6305')?.handovers).toMatchObject([
      { since: '2026-03-23', complaints: 3, digest: 'sent', notice: 'sent' },
    ]);
    expect(arrival.province.vacancies).toEqual([
      // T-3's verification (3 HK from 17 March) is due 27 March, after the holidays: not missed in the vacancy.
      { code: '6305', from: '2026-02-28', to: '2026-03-22', ongoing: false, breaches: 2 },
    ]);
    const [handover] = await mailTo(world, 'admin.baru.tapin');
    expect(handover?.body.text).toContain('MASUK SAAT KURSI KOSONG (2)');
    expect(handover?.body.text?.replace(/\s+/g, ' ')).toContain(
      'Kursi admin penghubung kosong dari Sabtu, 28 Februari 2026 sampai Minggu, 22 Maret 2026.',
    );
  });
});
