import { describe, expect, it } from 'vitest';
import { decodeTimeline, encodeTimeline } from '../../functions/adapters/complaint-store';
import type { Status } from '../../functions/domain/complaint';
import {
  inspectionFigures,
  inspectionOf,
  inspectionProblem,
  inspectionsForDigest,
} from '../../functions/domain/field-inspection';
import { computeSla } from '../../functions/domain/sla';
import { policyInForce } from '../../functions/domain/sla-policy';
import type { Snapshot } from '../../functions/domain/snapshot';
import { replaySnapshot } from '../../functions/domain/snapshot';
import { validateUpdate } from '../../functions/domain/update';
import { calendar, kalsel, nationalPolicy } from '../support/data';
import { anUpdate } from '../support/fixtures';
import { evaluateKotabaru, kotabaruComplaint } from '../support/kotabaru';

const dateOf = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

describe('inspectionProblem', () => {
  it('accepts a planned date, a done date, or both in order', () => {
    expect(inspectionProblem({ plannedOn: '2026-03-20' })).toBeUndefined();
    expect(inspectionProblem({ doneOn: '2026-03-20' })).toBeUndefined();
    expect(inspectionProblem({ plannedOn: '2026-03-20', doneOn: '2026-03-20' })).toBeUndefined();
  });

  it('names the field and the problem for a date that does not exist, a done date before the plan, or nothing', () => {
    expect(inspectionProblem({ plannedOn: '2026-02-30' })).toMatch(/^plannedOn: must be a date/);
    expect(inspectionProblem({ doneOn: '20/3/2026' })).toMatch(/^doneOn: must be a date/);
    expect(inspectionProblem({ plannedOn: '2026-03-20', doneOn: '2026-03-19' })).toBe(
      'doneOn: 2026-03-19 is before the planned date 2026-03-20',
    );
    expect(inspectionProblem({})).toMatch(/plannedOn or doneOn/);
  });
});

describe('inspectionOf', () => {
  it('merges marks in time order: a later plan replaces the first, the done date joins it', () => {
    expect(
      inspectionOf([
        { at: '2026-03-02T01:00:00.000Z' },
        { at: '2026-03-03T01:00:00.000Z', inspection: { plannedOn: '2026-03-10' } },
        { at: '2026-03-05T01:00:00.000Z', inspection: { plannedOn: '2026-03-12' } },
        { at: '2026-03-13T01:00:00.000Z', inspection: { doneOn: '2026-03-13' } },
      ]),
    ).toEqual({ markedAt: '2026-03-03T01:00:00.000Z', plannedOn: '2026-03-12', doneOn: '2026-03-13' });
    expect(inspectionOf([{ at: '2026-03-02T01:00:00.000Z' }])).toBeUndefined();
  });
});

describe('inspectionsForDigest', () => {
  const complaint = (trackingId: string, plannedOn: string, doneOn?: string, open = true) => ({
    trackingId,
    unit: 'Dinas PUPR',
    open,
    fieldInspection: { markedAt: '2026-03-01T00:00:00.000Z', plannedOn, ...(doneOn ? { doneOn } : {}) },
  });

  it('lists the coming ones up to the horizon and the overdue ones, most late first, in working days', () => {
    // Wednesday 11 March 2026; horizon Friday 13 March.
    const { coming, overdue } = inspectionsForDigest(
      [
        complaint('A', '2026-03-11'),
        complaint('B', '2026-03-13'),
        complaint('C', '2026-03-16'),
        complaint('D', '2026-03-06'),
        complaint('E', '2026-03-10'),
        complaint('F', '2026-03-02', '2026-03-05'),
        complaint('G', '2026-03-02', undefined, false),
      ],
      calendar(),
      '2026-03-11',
      '2026-03-13',
    );
    expect(coming.map((i) => [i.trackingId, i.workingDays])).toEqual([
      ['A', 0],
      ['B', 2],
    ]);
    expect(overdue.map((i) => [i.trackingId, i.workingDays])).toEqual([
      ['D', 3],
      ['E', 1],
    ]);
  });
});

describe('inspectionFigures', () => {
  const semester = { from: '2026-01-01', to: '2026-06-30' };

  it('counts planned, on time, late and upcoming, and the medians in working days', () => {
    const complaints = [
      // Disposed Mon 2 March, inspected Fri 6 March (on plan), completed Fri 13 March.
      {
        dispositionAt: '2026-03-02T02:00:00.000Z',
        completedAt: '2026-03-13T02:00:00.000Z',
        fieldInspection: { markedAt: 'x', plannedOn: '2026-03-06', doneOn: '2026-03-06' },
      },
      // Done two days after the plan.
      {
        dispositionAt: '2026-03-02T02:00:00.000Z',
        fieldInspection: { markedAt: 'x', plannedOn: '2026-03-04', doneOn: '2026-03-06' },
      },
      // Planned, past, not done.
      { fieldInspection: { markedAt: 'x', plannedOn: '2026-04-01' } },
      // Planned after the day judged.
      { fieldInspection: { markedAt: 'x', plannedOn: '2026-05-04' } },
      // Planned in another semester, or not planned: not counted.
      { fieldInspection: { markedAt: 'x', plannedOn: '2025-12-01' } },
      { fieldInspection: { markedAt: 'x', doneOn: '2026-03-01' } },
      {},
    ];
    const running = inspectionFigures(complaints, calendar(), { ...semester, asOf: '2026-04-15' }, dateOf);
    expect(running).toEqual({
      planned: 4,
      doneOnTime: 1,
      late: 2,
      upcoming: 1,
      doneWithDisposition: 2,
      completedAfterInspection: 1,
      medianWorkingDaysDispositionToInspection: 4,
      medianWorkingDaysInspectionToCompletion: 5,
    });
    const ended = inspectionFigures(complaints, calendar(), { ...semester, asOf: '2026-07-01' }, dateOf);
    expect(ended).toMatchObject({ planned: 4, doneOnTime: 1, late: 3, upcoming: 0 });
  });
});

describe('an update carrying a field inspection', () => {
  const now = new Date('2026-03-20T00:00:00Z');
  const regions = kalsel();

  it('is validated: dates real and in order, each problem named by its field', () => {
    const later = new Date('2026-07-01T00:00:00Z');
    const ok = validateUpdate(anUpdate({ fieldInspection: { plannedOn: '2026-03-25' } }), regions, later);
    expect(ok.ok && ok.update.fieldInspection).toEqual({ plannedOn: '2026-03-25' });
    const bad = (fieldInspection: unknown) => {
      const r = validateUpdate({ ...anUpdate(), fieldInspection }, regions, later);
      return r.ok ? [] : r.errors;
    };
    expect(bad({ plannedOn: '2026-02-30' })).toEqual([
      { path: 'fieldInspection.plannedOn', message: 'must be a date YYYY-MM-DD, got "2026-02-30"' },
    ]);
    expect(bad({ plannedOn: '2026-03-25', doneOn: '2026-03-24' })).toEqual([
      { path: 'fieldInspection.doneOn', message: '2026-03-24 is before the planned date 2026-03-25' },
    ]);
    expect(bad({})[0]?.path).toBe('fieldInspection');
    expect(bad({ planned: '2026-03-25' })[0]?.path).toBe('fieldInspection');
  });

  it('puts the complaint in the 60-working-day class, which later updates without the mark do not undo', () => {
    const ctx = { policy: nationalPolicy(), calendar: calendar() };
    const trackingId = 'INSP-1';
    const updates = [
      anUpdate({ trackingId, status: 'belum-terverifikasi', occurredAt: '2026-03-02T09:00:00+08:00' }),
      anUpdate({
        trackingId,
        status: 'terdisposisi-belum-ditindaklanjuti',
        occurredAt: '2026-03-03T09:00:00+08:00',
        fieldInspection: { plannedOn: '2026-03-16' },
      }),
      anUpdate({
        trackingId,
        status: 'terdisposisi-sedang-diproses',
        occurredAt: '2026-03-05T09:00:00+08:00',
      }),
    ];
    const snapshot = replaySnapshot(updates, ctx, now);
    expect(snapshot?.classification).toBe('pengaduan-berkadar-pengawasan');
    expect(snapshot?.fieldInspection).toEqual({
      markedAt: '2026-03-03T01:00:00.000Z',
      plannedOn: '2026-03-16',
    });
    const sla = computeSla(snapshot?.timeline ?? [], ctx.policy, ctx.calendar, now, snapshot?.submittedAt);
    expect(sla.stages.find((s) => s.stage === 'completion')?.limit).toBe(
      policyInForce(ctx.policy, '2026-03-03').limits.completion['pengaduan-berkadar-pengawasan'],
    );
  });

  it("survives the store's compact timeline encoding, with or without bukan wewenang and either date", () => {
    const timeline = [
      {
        at: '2026-03-03T01:00:00.000Z',
        status: 'belum-terverifikasi',
        classification: 'aspirasi',
        id: 'a|b',
      },
      {
        at: '2026-03-04T01:00:00.000Z',
        status: 'arsip',
        classification: 'aspirasi',
        id: 'c',
        bukanWewenang: true,
        inspection: { doneOn: '2026-03-04' },
      },
      {
        at: '2026-03-05T01:00:00.000Z',
        status: 'tertunda',
        classification: 'aspirasi',
        id: 'd',
        inspection: { plannedOn: '2026-03-09', doneOn: '2026-03-10' },
      },
    ] as const;
    expect(decodeTimeline(encodeTimeline(timeline))).toEqual(timeline);
  });
});

describe('a regency semester evaluation', () => {
  it('carries fieldInspections: planned in the semester, on time, late, and the working days around them', () => {
    const plain = kotabaruComplaint('PLAIN', [['2026-03-02T09:00:00+08:00', 'belum-terverifikasi']]);
    const withMark = (s: Snapshot, fieldInspection: NonNullable<Snapshot['fieldInspection']>) => ({
      ...s,
      fieldInspection,
    });
    const steps: [string, Status][] = [
      ['2026-03-02T09:00:00+08:00', 'belum-terverifikasi'],
      ['2026-03-03T09:00:00+08:00', 'terdisposisi-belum-ditindaklanjuti'],
      ['2026-03-04T09:00:00+08:00', 'terdisposisi-sedang-diproses'],
      ['2026-03-24T09:00:00+08:00', 'terdisposisi-selesai'],
    ];
    const onTime = withMark(kotabaruComplaint('ON-TIME', steps), {
      markedAt: '2026-03-04T01:00:00.000Z',
      plannedOn: '2026-03-10',
      doneOn: '2026-03-10',
    });
    const late = withMark(kotabaruComplaint('LATE', steps.slice(0, 3)), {
      markedAt: '2026-03-04T01:00:00.000Z',
      plannedOn: '2026-03-12',
    });
    const { fieldInspections } = evaluateKotabaru([plain, onTime, late]);
    expect(fieldInspections).toMatchObject({
      planned: 2,
      doneOnTime: 1,
      late: 1,
      upcoming: 0,
      // Disposed Tue 3 March, inspected Tue 10 March; completed Tue 24 March (Nyepi, 19 March, is a holiday).
      medianWorkingDaysDispositionToInspection: calendar().countWorkingDates('2026-03-03', '2026-03-10')
        .value,
      medianWorkingDaysInspectionToCompletion: calendar().countWorkingDates('2026-03-10', '2026-03-24').value,
    });
  });
});
