import { describe, expect, it } from 'vitest';
import { loadEscalationPolicy } from '../../functions/adapters/data-files';
import { digestItems, escalationsFor } from '../../functions/domain/deadlines';
import type { TimelineEntry } from '../../functions/domain/sla';
import type { Snapshot } from '../../functions/domain/snapshot';
import { calendar, dataDir, nationalPolicy } from '../support/data';

/** A complaint that waits for the reporter (Tertunda) from Wed 3 Jun 2026. */
const waiting: TimelineEntry[] = [
  { id: 'a', at: '2026-06-01T09:00:00+08:00', status: 'belum-terverifikasi', classification: 'aspirasi' },
  {
    id: 'b',
    at: '2026-06-02T09:00:00+08:00',
    status: 'terdisposisi-belum-ditindaklanjuti',
    classification: 'aspirasi',
  },
  { id: 'c', at: '2026-06-03T09:00:00+08:00', status: 'tertunda', classification: 'aspirasi' },
];

const snapshot = (timeline: TimelineEntry[]): Snapshot => ({
  trackingId: 'LAPOR-6302-2026-000001',
  regencyCode: '6302',
  unit: 'Dinas Uji',
  category: 'Infrastruktur',
  classification: 'aspirasi',
  status: timeline.at(-1)?.status ?? 'belum-terverifikasi',
  submittedAt: '2026-06-01T01:00:00.000Z',
  lastEventAt: new Date(timeline.at(-1)?.at ?? '').toISOString(),
  open: true,
  paused: true,
  timeline,
  version: timeline.length,
});

describe("the daily check and the reporter's clock", () => {
  const ctx = { policy: nationalPolicy(), calendar: calendar() };
  const escalation = loadEscalationPolicy(dataDir, '63');

  it("lists a Tertunda past the reporter's 10 HK for the admin to close, never as a breach or an escalation", () => {
    // Reporter's 10 HK from Wed 3 Jun end Thu 18 Jun; on Wed 1 Jul it has run out by 8 working days.
    const at = new Date('2026-07-01T08:00:00+08:00');
    const items = digestItems(
      [snapshot(waiting)],
      ctx,
      at,
      '2026-07-02T15:59:59.999Z',
      '2026-06-30T00:00:00Z',
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      stage: 'closure',
      owner: 'reporter',
      expired: true,
      breached: false,
      workingDaysLate: 0,
      newlyBreached: false,
    });
    expect(escalationsFor(items, escalation)).toEqual([]);
  });

  it('lists a complaint put on hold after its deadline again, still late, once handling resumes', () => {
    // Disposed Tue 2 Jun: aspirasi follow-up and completion due within 5 HK (Tue 9 Jun), both missed;
    // on Tertunda from Fri 19 Jun, back to Sedang Diproses on Tue 23 Jun.
    const late: TimelineEntry[] = [
      ...waiting.slice(0, 2),
      { id: 'c', at: '2026-06-19T09:00:00+08:00', status: 'tertunda', classification: 'aspirasi' },
    ];
    const onHold = digestItems(
      [snapshot(late)],
      ctx,
      new Date('2026-06-22T08:00:00+08:00'),
      '2026-06-23T15:59:59.999Z',
      '2026-06-19T00:00:00Z',
    );
    expect(onHold).toEqual([]);
    const resumed: TimelineEntry[] = [
      ...late,
      {
        id: 'd',
        at: '2026-06-23T09:00:00+08:00',
        status: 'terdisposisi-sedang-diproses',
        classification: 'aspirasi',
      },
    ];
    const items = digestItems(
      [{ ...snapshot(resumed), paused: false }],
      ctx,
      new Date('2026-06-24T08:00:00+08:00'),
      '2026-06-25T15:59:59.999Z',
      '2026-06-23T00:00:00Z',
    );
    expect(items).toEqual([expect.objectContaining({ stage: 'completion', owner: 'unit', breached: true })]);
    expect(items[0]?.workingDaysLate).toBeGreaterThan(0);
  });

  it('does not list a Tertunda while the reporter still has time', () => {
    const at = new Date('2026-06-05T08:00:00+08:00');
    expect(
      digestItems([snapshot(waiting)], ctx, at, '2026-06-08T15:59:59.999Z', '2026-06-04T00:00:00Z'),
    ).toEqual([]);
  });
});
