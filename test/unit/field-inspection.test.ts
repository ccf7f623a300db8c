import { describe, expect, it } from 'vitest';
import {
  inspectionFigures,
  inspectionOf,
  inspectionProblem,
  inspectionsForDigest,
} from '../../functions/domain/field-inspection';
import { calendar } from '../support/data';

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
