import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { generateUpdates } from '../../demo/generate';
import { laporExportCsv, numericTrackingId, parentUnitOf } from '../../demo/lapor-export';
import { semester } from '../../functions/domain/semester';
import type { ComplaintUpdate } from '../../functions/domain/update';
import { checkDeadlines, scheduledInstant } from '../../functions/use-cases/check-deadlines';
import { importFile } from '../../functions/use-cases/import-file';
import { ingestBatch } from '../../functions/use-cases/ingest-updates';
import { calendar, kalsel } from '../support/data';
import { deadlineWorld } from '../support/deadlines';
import { receivedMail } from '../support/local-aws';

const regions = kalsel();
type World = Awaited<ReturnType<typeof deadlineWorld>>;

/**
 * The demo's complaints, as both ways in can carry them. Two differences are the stated limits of
 * the export, not of the import, and are applied to the reference too: the export has one
 * "Pengaduan" class (so complaints needing field inspection, which the API can say, are left out),
 * and a complaint not yet disposed names only its parent institution (Instansi Induk).
 */
function demoUpdates(): ComplaintUpdate[] {
  const all = generateUpdates({
    semester: semester(2026, 1, kalsel().zone),
    calendar: calendar(),
    seed: 11,
    complaints: 240,
    until: '2026-03-16T00:00:00+08:00',
    prefix: 'W',
  });
  const field = new Set(
    all.filter((u) => u.classification === 'pengaduan-berkadar-pengawasan').map((u) => u.trackingId),
  );
  return all
    .filter((u) => !field.has(u.trackingId))
    .map((u) => ({
      ...u,
      trackingId: numericTrackingId(u.trackingId),
      ...(u.status === 'belum-terverifikasi' ? { unit: parentUnitOf(regions, u.regencyCode) } : {}),
    }));
}

/**
 * Every digest and notice a world's check sent, with the world's own mail domain taken out. The
 * lines of each text are compared as a set: the province digest lists complaints equally late in
 * the order the regencies finished, which differs from run to run whatever the source.
 */
async function mailOf(world: World) {
  const mail = await receivedMail(world.domain);
  return mail
    .map((m) =>
      JSON.stringify({
        to: m.destination.to,
        cc: m.destination.cc,
        subject: m.subject,
        lines: (m.body.text ?? '').split('\n').sort(),
      }).replaceAll(world.domain, 'example'),
    )
    .sort();
}

async function withRoster(): Promise<World> {
  const world = await deadlineWorld();
  await world.roster.replace([
    ...regions.regencies.map((r) => world.person(r.code, 'admin', 'admin')),
    world.person('63', 'province', 'prov'),
  ]);
  return world;
}

const endOfDay = (date: string) => DateTime.fromISO(`${date}T23:59:00`, { zone: 'Asia/Makassar' });

describe('a week of daily LAPOR! exports against the same week sent as updates', () => {
  it('gives the same digests, day by day', async () => {
    const updates = demoUpdates();
    const byUpdates = await withRoster();
    const byExports = await withRoster();
    const weekStart = endOfDay('2026-03-08');
    const before = updates.filter((u) => Date.parse(u.occurredAt) <= weekStart.toMillis());
    // The history before the week reaches both the same way (e.g. loaded from the API).
    for (const world of [byUpdates, byExports]) {
      world.setNow('2026-03-08T23:59:00+08:00');
      await ingestBatch(world.ingest, before, 'baseline');
    }

    const days = [
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
      '2026-03-15',
    ];
    let previous = weekStart;
    const counts: Record<string, number>[] = [];
    for (const date of days) {
      const asOf = endOfDay(date);
      for (const world of [byUpdates, byExports]) world.setNow(asOf.toISO() as string);
      const today = updates.filter(
        (u) => Date.parse(u.occurredAt) > previous.toMillis() && Date.parse(u.occurredAt) <= asOf.toMillis(),
      );
      await ingestBatch(byUpdates.ingest, today, 'api');
      const report = await importFile(byExports.ingest, {
        name: `laporan-${date}.csv`,
        content: laporExportCsv(updates, { regions, asOf, seed: Number(date.slice(-2)) }),
      });
      expect(report.export?.rows.filter((r) => r.outcome === 'rejected')).toEqual([]);
      counts.push(report.export?.counts ?? {});
      previous = asOf;

      const next = calendar().nthWorkingDate(date, 1).value as string;
      if (next !== DateTime.fromISO(date).plus({ days: 1 }).toISODate()) continue; // no check tomorrow
      for (const world of [byUpdates, byExports]) {
        world.setNow(scheduledInstant(next, kalsel()).toISOString());
        await checkDeadlines(world.deps(), { at: scheduledInstant(next, kalsel()) });
      }
    }
    // The week changed something every working day, and the exports saw it.
    expect(counts.slice(0, 5).every((c) => (c.new ?? 0) + (c.changed ?? 0) > 0)).toBe(true);

    const sent = await mailOf(byUpdates);
    expect(sent.length).toBeGreaterThan(20);
    const got = await mailOf(byExports);
    expect(got).toEqual(sent);
  }, 240_000);
});
