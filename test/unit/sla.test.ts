import { describe, expect, it } from 'vitest';
import { computeSla, type TimelineEntry } from '../../functions/domain/sla';
import { calendar, kalselPolicy, nationalPolicy } from '../support/data';

const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();

/**
 * A complaint handled in February 2026, paused while waiting for the reporter across Imlek,
 * then reclassified as needing field inspection (the Kotabaru case).
 */
const kotabaruCase: TimelineEntry[] = [
  {
    id: 'e1',
    at: '2026-02-02T09:00:00+08:00',
    status: 'belum-terverifikasi',
    classification: 'pengaduan-tidak-berkadar-pengawasan',
  },
  {
    id: 'e2',
    at: '2026-02-04T14:00:00+08:00',
    status: 'terdisposisi-belum-ditindaklanjuti',
    classification: 'pengaduan-tidak-berkadar-pengawasan',
  },
  {
    id: 'e3',
    at: '2026-02-06T10:00:00+08:00',
    status: 'terdisposisi-sedang-diproses',
    classification: 'pengaduan-tidak-berkadar-pengawasan',
  },
  {
    id: 'e4',
    at: '2026-02-10T11:00:00+08:00',
    status: 'tertunda',
    classification: 'pengaduan-tidak-berkadar-pengawasan',
  },
  {
    id: 'e5',
    at: '2026-02-19T09:00:00+08:00',
    status: 'terdisposisi-sedang-diproses',
    classification: 'pengaduan-berkadar-pengawasan',
  },
];
// Delivered out of order.
const arrived = [
  kotabaruCase[4],
  kotabaruCase[1],
  kotabaruCase[3],
  kotabaruCase[0],
  kotabaruCase[2],
] as TimelineEntry[];

describe('the SLA state of a complaint', () => {
  it('matches the hand-computed state with a pause, a reclassification and out-of-order events', () => {
    const sla = computeSla(arrived, nationalPolicy(), calendar(), '2026-05-04T08:00:00+08:00');
    const stage = (name: string) => sla.stages.find((s) => s.stage === name);

    expect(sla).toMatchObject({
      open: true,
      paused: false,
      status: 'terdisposisi-sedang-diproses',
      classification: 'pengaduan-berkadar-pengawasan',
    });
    expect(sla.reclassifiedAt).toBe('2026-02-19T01:00:00.000Z');
    // Verification: Mon 2 Feb -> Wed 4 Feb is working day 2 of 3.
    expect(stage('verification')).toMatchObject({
      state: 'met',
      workingDaysUsed: 2,
      due: endOf('2026-02-05'),
      breached: false,
    });
    // First follow-up: Wed 4 Feb -> Fri 6 Feb is working day 2 of 5.
    expect(stage('follow-up')).toMatchObject({
      state: 'met',
      workingDaysUsed: 2,
      due: endOf('2026-02-11'),
      breached: false,
    });
    // The reporter's clock restarted at the follow-up of Thu 19 Feb: 10 HK is Thu 5 Mar. It ran out
    // long ago, but it is the reporter's, so it is expired, never breached.
    expect(stage('closure')).toMatchObject({
      owner: 'reporter',
      clockStart: '2026-02-19T01:00:00.000Z',
      state: 'running',
      due: endOf('2026-03-05'),
      expired: true,
      breached: false,
      workingDaysLate: 0,
    });
    // Completion, now 60 HK from Wed 4 Feb: days 1-3 are 5, 6, 9 Feb; 10-19 Feb are paused
    // (6 working days); Fri 20 Feb is day 4 ... Mon 4 May is day 48; day 60 is Fri 22 May.
    expect(stage('completion')).toMatchObject({
      state: 'running',
      limit: 60,
      workingDaysUsed: 48,
      workingDaysRemaining: 12,
      pausedWorkingDays: 6,
      due: endOf('2026-05-22'),
      breached: false,
      workingDaysLate: 0,
    });
    expect(sla.current?.stage).toBe('completion');
    expect(sla.calendarGaps).toEqual([]);
  });

  it('would have breached completion without the reclassification (14 HK, due Fri 6 Mar)', () => {
    const notReclassified = kotabaruCase.map((e) => ({
      ...e,
      classification: 'pengaduan-tidak-berkadar-pengawasan' as const,
    }));
    const sla = computeSla(notReclassified, nationalPolicy(), calendar(), '2026-05-04T08:00:00+08:00');
    const completion = sla.stages.find((s) => s.stage === 'completion');
    expect(completion).toMatchObject({ due: endOf('2026-03-06'), breached: true, workingDaysLate: 48 - 14 });
  });

  it('pauses handling clocks while Tertunda and runs only the closure clock', () => {
    const sla = computeSla(
      kotabaruCase.slice(0, 4),
      nationalPolicy(),
      calendar(),
      '2026-02-20T08:00:00+08:00',
    );
    expect(sla.paused).toBe(true);
    const completion = sla.stages.find((s) => s.stage === 'completion');
    expect(completion).toMatchObject({ state: 'paused', workingDaysUsed: 3 });
    expect(completion?.due).toBeUndefined();
    // Closure: Tue 10 Feb + 10 HK, Imlek skipped: 11, 12, 13, 18, 19, 20, 23, 24, 25, 26 -> Thu 26 Feb.
    expect(sla.current).toMatchObject({ stage: 'closure', due: endOf('2026-02-26'), workingDaysUsed: 6 });
  });

  describe("closure, the reporter's clock (LAPOR!: complete 10 HK after the follow-up without a reply)", () => {
    const disposed: TimelineEntry[] = [
      { id: 'a', at: '2026-06-01T09:00:00+08:00', status: 'belum-terverifikasi', classification: 'aspirasi' },
      {
        id: 'b',
        at: '2026-06-02T09:00:00+08:00',
        status: 'terdisposisi-belum-ditindaklanjuti',
        classification: 'aspirasi',
      },
    ];
    const closureOf = (timeline: TimelineEntry[], at: string) => {
      const sla = computeSla(timeline, nationalPolicy(), calendar(), at);
      return { sla, closure: sla.stages.find((s) => s.stage === 'closure') };
    };

    it("does not run while the turn is the admin's or the unit's", () => {
      expect(closureOf(disposed, '2026-06-03T09:00:00+08:00').closure).toBeUndefined();
    });

    it("starts at the unit's follow-up and restarts at each further follow-up", () => {
      const followedUp: TimelineEntry[] = [
        ...disposed,
        {
          id: 'c',
          at: '2026-06-03T09:00:00+08:00',
          status: 'terdisposisi-sedang-diproses',
          classification: 'aspirasi',
        },
      ];
      // Wed 3 Jun + 10 HK: 4, 5, 8, 9, 10, 11, 12, 15, 17, 18 -> Thu 18 Jun (Tue 16 Jun is 1 Muharam).
      expect(closureOf(followedUp, '2026-06-04T09:00:00+08:00').closure).toMatchObject({
        owner: 'reporter',
        state: 'running',
        due: endOf('2026-06-18'),
        expired: false,
      });
      const again = [
        ...followedUp,
        {
          id: 'd',
          at: '2026-06-10T09:00:00+08:00',
          status: 'terdisposisi-sedang-diproses',
          classification: 'aspirasi',
        },
      ] as TimelineEntry[];
      // A second follow-up on Wed 10 Jun gives the reporter 10 HK again: 11 ... 25 Jun, skipping 16 Jun.
      expect(closureOf(again, '2026-06-11T09:00:00+08:00').closure).toMatchObject({
        due: endOf('2026-06-25'),
      });
    });

    it("never counts against the unit: after it runs out the unit's own stage is still what is checked", () => {
      const followedUp: TimelineEntry[] = [
        ...disposed,
        {
          id: 'c',
          at: '2026-06-03T09:00:00+08:00',
          status: 'terdisposisi-sedang-diproses',
          classification: 'aspirasi',
        },
      ];
      const { sla, closure } = closureOf(followedUp, '2026-07-01T09:00:00+08:00');
      expect(closure).toMatchObject({ expired: true, breached: false, workingDaysLate: 0 });
      // Completion (5 HK from Tue 2 Jun, due Tue 9 Jun) is the unit's breach, and what the check acts on.
      expect(sla.current).toMatchObject({ stage: 'completion', owner: 'unit', breached: true });
    });

    it('runs from the start of Tertunda and, when it runs out, is expired for the admin to close, not breached', () => {
      const waiting: TimelineEntry[] = [
        ...disposed,
        { id: 'c', at: '2026-06-03T09:00:00+08:00', status: 'tertunda', classification: 'aspirasi' },
      ];
      const { sla, closure } = closureOf(waiting, '2026-06-22T09:00:00+08:00');
      expect(sla.paused).toBe(true);
      expect(sla.current).toMatchObject({
        stage: 'closure',
        owner: 'reporter',
        expired: true,
        breached: false,
      });
      expect(closure?.due).toBe(endOf('2026-06-18'));
    });

    it('ends when the complaint is closed', () => {
      const closed: TimelineEntry[] = [
        ...disposed,
        {
          id: 'c',
          at: '2026-06-03T09:00:00+08:00',
          status: 'terdisposisi-sedang-diproses',
          classification: 'aspirasi',
        },
        {
          id: 'd',
          at: '2026-06-18T09:00:00+08:00',
          status: 'terdisposisi-selesai',
          classification: 'aspirasi',
        },
      ];
      const { sla, closure } = closureOf(closed, '2026-07-01T09:00:00+08:00');
      expect(sla.open).toBe(false);
      expect(closure).toMatchObject({ state: 'stopped', expired: false, breached: false });
    });
  });

  it('reports a verification breach in working days late', () => {
    const sla = computeSla(
      [
        {
          id: 'a',
          at: '2026-03-16T09:00:00+08:00',
          status: 'belum-terverifikasi',
          classification: 'aspirasi',
        },
      ],
      nationalPolicy(),
      calendar(),
      '2026-03-30T08:00:00+08:00',
    );
    // Due Thu 26 Mar (17, 25, 26); by Mon 30 Mar five working days have passed.
    expect(sla.current).toMatchObject({
      stage: 'verification',
      due: endOf('2026-03-26'),
      breached: true,
      workingDaysLate: 2,
    });
  });

  it('measures against the stricter provincial policy when selected, and names it', () => {
    const timeline: TimelineEntry[] = [
      { id: 'a', at: '2026-06-01T09:00:00+08:00', status: 'belum-terverifikasi', classification: 'aspirasi' },
      {
        id: 'b',
        at: '2026-06-02T09:00:00+08:00',
        status: 'terdisposisi-belum-ditindaklanjuti',
        classification: 'aspirasi',
      },
      {
        id: 'c',
        at: '2026-06-08T09:00:00+08:00',
        status: 'terdisposisi-sedang-diproses',
        classification: 'aspirasi',
      },
    ];
    const followUp = (policy: ReturnType<typeof nationalPolicy>) =>
      computeSla(timeline, policy, calendar(), '2026-06-30T00:00:00+08:00').stages.find(
        (s) => s.stage === 'follow-up',
      );
    // Tue 2 Jun -> Mon 8 Jun: 3, 4, 5, 8 = 4 working days: within 5 HK, over the 3 HK provincial target.
    expect(followUp(nationalPolicy())).toMatchObject({ breached: false, workingDaysUsed: 4 });
    expect(followUp(kalselPolicy())).toMatchObject({ breached: true, workingDaysLate: 1 });
    expect(computeSla(timeline, kalselPolicy(), calendar(), '2026-06-30T00:00:00+08:00').policyId).toBe(
      'kalsel-2025',
    );
  });

  it('ends every clock on Arsip, bukan wewenang and Selesai', () => {
    const base: TimelineEntry[] = [
      { id: 'a', at: '2026-06-01T09:00:00+08:00', status: 'belum-terverifikasi', classification: 'aspirasi' },
    ];
    const archived = computeSla(
      [...base, { id: 'b', at: '2026-06-02T09:00:00+08:00', status: 'arsip', classification: 'aspirasi' }],
      nationalPolicy(),
      calendar(),
      '2026-09-01T00:00:00+08:00',
    );
    expect(archived).toMatchObject({ open: false, closedReason: 'arsip' });
    expect(archived.current).toBeUndefined();
    const declined = computeSla(
      [
        ...base,
        {
          id: 'b',
          at: '2026-06-02T09:00:00+08:00',
          status: 'terdisposisi-belum-ditindaklanjuti',
          classification: 'aspirasi',
          bukanWewenang: true,
        },
      ],
      nationalPolicy(),
      calendar(),
      '2026-09-01T00:00:00+08:00',
    );
    expect(declined).toMatchObject({ open: false, closedReason: 'bukan-wewenang' });
    expect(declined.stages.find((s) => s.stage === 'completion')).toMatchObject({
      state: 'stopped',
      breached: false,
    });
  });

  it('ignores updates dated after the evaluation instant', () => {
    const sla = computeSla(kotabaruCase, nationalPolicy(), calendar(), '2026-02-05T12:00:00+08:00');
    expect(sla.status).toBe('terdisposisi-belum-ditindaklanjuti');
  });
});
