import { describe, expect, it } from 'vitest';
import type { Arrival } from '../../functions/domain/handover';
import { handoverListing, handoverView, vacancyBreaches } from '../../functions/domain/handover-view';
import { replaySnapshot, type Snapshot } from '../../functions/domain/snapshot';
import type { ComplaintUpdate } from '../../functions/domain/update';
import { calendar, kalsel, nationalPolicy } from '../support/data';
import { anUpdate } from '../support/fixtures';

const ctx = { policy: nationalPolicy(), calendar: calendar() };
const at = new Date('2026-03-23T08:00:00+08:00'); // Monday: Tapin's new admin arrives
const complaint = (trackingId: string, unit: string, steps: [ComplaintUpdate['status'], string][]) =>
  replaySnapshot(
    steps.map(([status, occurredAt]) =>
      anUpdate({ trackingId, unit, regencyCode: '6305', status, occurredAt }),
    ),
    ctx,
    at,
  ) as Snapshot;

const arrival: Arrival = {
  regencyCode: '6305',
  person: {
    code: '6305',
    role: 'admin',
    name: 'Baru',
    email: 'baru@x.example',
    from: '2026-03-23',
    decree: 'SK',
  },
  kind: 'admin',
  since: '2026-03-23',
  outgoing: [],
  vacancy: { from: '2026-02-28', to: '2026-03-22', ongoing: false },
};

const open = [
  // Received before the vacancy, disposed, then nothing: its follow-up (5 HK) ran out in the vacancy.
  complaint('OLD-1', 'Dinas PUPR', [
    ['belum-terverifikasi', '2026-02-20T09:00:00+08:00'],
    ['terdisposisi-belum-ditindaklanjuti', '2026-02-23T09:00:00+08:00'],
  ]),
  // Received during the vacancy and never verified.
  complaint('VAC-1', 'Dinas Kesehatan', [['belum-terverifikasi', '2026-03-10T09:00:00+08:00']]),
  // Received during the vacancy, still within its limit (3 HK from Friday 20 March).
  complaint('VAC-2', 'Dinas PUPR', [['belum-terverifikasi', '2026-03-20T09:00:00+08:00']]),
];

describe('handoverView', () => {
  const view = handoverView(open, ctx, at, '2026-03-23', arrival, kalsel().zone.date);

  it('lists every open complaint once, by unit, the most late first, with stage, age, due and last action', () => {
    expect(view.total).toBe(3);
    expect(view.groups.map((g) => [g.unit, g.items.map((i) => i.trackingId)])).toEqual([
      ['Dinas PUPR', ['OLD-1', 'VAC-2']],
      ['Dinas Kesehatan', ['VAC-1']],
    ]);
    const old = view.all.find((i) => i.trackingId === 'OLD-1');
    expect(old).toMatchObject({
      stage: 'follow-up',
      breached: true,
      lastAction: { status: 'terdisposisi-belum-ditindaklanjuti', at: '2026-02-23T01:00:00.000Z' },
      duringVacancy: false,
    });
    expect(old?.ageWorkingDays).toBe(ctx.calendar.countWorkingDates('2026-02-20', '2026-03-23').value);
    expect(view.late).toBe(view.all.filter((i) => i.breached).length);
  });

  it('names what arrived while the seat was vacant', () => {
    expect(view.fromVacancy.map((i) => i.trackingId)).toEqual(['VAC-1', 'VAC-2']);
  });

  it('writes out each complaint once, the vacancy first, within the e-mail limit', () => {
    // Every complaint fits: the vacancy's two above, the old one in its unit, none twice.
    const ids = (l: ReturnType<typeof handoverListing>) => [
      ...l.fromVacancy.map((i) => i.trackingId),
      ...l.groups.flatMap((g) => g.items.map((i) => i.trackingId)),
    ];
    expect(ids(view.listed)).toEqual(['VAC-1', 'VAC-2', 'OLD-1']);
    expect(view.listed.omitted).toBe(0);
    // A limit of two: the vacancy's complaints take it, the rest is counted as left out.
    const short = handoverListing(view, 2);
    expect(ids(short)).toEqual(['VAC-1', 'VAC-2']);
    expect(short.omitted).toBe(1);
    // The groups keep their totals for the headings.
    expect(short.groups.map((g) => g.total)).toEqual([2, 1]);
  });
});

describe('vacancyBreaches', () => {
  it('lists the complaints whose admin or unit deadline passed while no admin was in office', () => {
    const breaches = vacancyBreaches(
      open,
      ctx,
      at,
      { from: '2026-02-28', to: '2026-03-22', ongoing: false },
      kalsel().zone.date,
    );
    expect(breaches.map((b) => [b.trackingId, b.stage])).toEqual([
      ['OLD-1', 'follow-up'],
      ['VAC-1', 'verification'],
    ]);
  });

  it('lists nothing for a stretch in which no deadline fell', () => {
    expect(
      vacancyBreaches(
        open,
        ctx,
        at,
        { from: '2026-01-05', to: '2026-01-09', ongoing: false },
        kalsel().zone.date,
      ),
    ).toEqual([]);
  });
});
