import { loadCalendarYears, loadPopulation } from '../../functions/adapters/data-files';
import type { Classification, Status } from '../../functions/domain/complaint';
import type { RosterEntry } from '../../functions/domain/roster';
import { buildScoreboard, type Scoreboard, type ScoreboardInput } from '../../functions/domain/scoreboard';
import { replaySnapshot, type Snapshot } from '../../functions/domain/snapshot';
import { calendar, dataDir, kalsel, kalselPolicy, nationalPolicy } from './data';
import { fixtureProvince } from './semester-fixture';

/** The instant of the fixture's daily check: Wednesday 1 July 2026, 08:00 WITA. */
export const fixtureAt = new Date('2026-07-01T08:00:00+08:00');

/** An open complaint of a regency from its status changes. */
export function openComplaint(
  id: string,
  regencyCode: string,
  steps: [string, Status][],
  classification: Classification = 'pengaduan-tidak-berkadar-pengawasan',
): Snapshot {
  return replaySnapshot(
    steps.map(([occurredAt, status], i) => ({
      trackingId: id,
      regencyCode,
      unit: 'Dinas Uji',
      category: 'Infrastruktur',
      classification,
      status,
      occurredAt,
      sourceUpdateId: `${id}-${i}`,
    })),
    { calendar: calendar(), policy: nationalPolicy() },
    fixtureAt,
  ) as Snapshot;
}

/**
 * The scoreboard of the hand-built 2026-H1 fixture (test/support/semester-fixture.ts) on 1 July
 * 2026: Kotabaru has one complaint overdue (waiting for verification since May) and one within its
 * limit; Tapin has no admin in office; every regency received 10 + its index complaints a month.
 */
export function fixtureScoreboardInput(overrides: Partial<ScoreboardInput> = {}): ScoreboardInput {
  const regions = kalsel();
  const roster: RosterEntry[] = regions.regencies
    .filter((r) => r.code !== '6305')
    .map((r) => ({
      code: r.code,
      role: 'admin' as const,
      name: `Admin ${r.name}`,
      title: 'Admin Penghubung',
      email: `admin-${r.code}@example.go.id`,
      from: '2025-01-01',
      decree: 'SK uji',
    }));
  const months = [
    '2025-08',
    '2025-09',
    '2025-10',
    '2025-11',
    '2025-12',
    '2026-01',
    '2026-02',
    '2026-03',
    '2026-04',
    '2026-05',
    '2026-06',
    '2026-07',
  ];
  return {
    at: fixtureAt,
    generatedAt: new Date('2026-07-01T08:05:00+08:00'),
    regions,
    province: fixtureProvince(),
    open: new Map([
      [
        '6302',
        [
          openComplaint('LP-6302-OLD', '6302', [['2026-05-04T09:00:00+08:00', 'belum-terverifikasi']]),
          openComplaint('LP-6302-NEW', '6302', [['2026-06-30T09:00:00+08:00', 'belum-terverifikasi']]),
        ],
      ],
    ]),
    sla: { policy: nationalPolicy(), calendar: calendar() },
    policies: [nationalPolicy(), kalselPolicy()],
    calendarYears: loadCalendarYears(dataDir),
    roster,
    received: new Map(
      regions.regencies.map((r, i) => [r.code, new Map(months.map((m) => [m, 10 + i]))] as const),
    ),
    population: loadPopulation(dataDir, '63'),
    ...overrides,
  };
}

export const fixtureScoreboard = (overrides: Partial<ScoreboardInput> = {}): Scoreboard =>
  buildScoreboard(fixtureScoreboardInput(overrides));
