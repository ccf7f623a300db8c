import { describe, expect, it } from 'vitest';
import type { Status } from '../../functions/domain/complaint';
import { parseSemester } from '../../functions/domain/semester';
import { evaluateRegency } from '../../functions/domain/semester-evaluation';
import { replaySnapshot, type Snapshot } from '../../functions/domain/snapshot';
import type { ComplaintUpdate } from '../../functions/domain/update';
import { calendar, kalsel, kalselPolicy, nationalPolicy } from '../support/data';

const ctx = { calendar: calendar(), policy: nationalPolicy() };

function complaint(id: string, steps: [string, Status][]): Snapshot {
  const updates: ComplaintUpdate[] = steps.map(([occurredAt, status], i) => ({
    trackingId: id,
    regencyCode: '6302',
    unit: 'Dinas Uji',
    category: 'Infrastruktur',
    classification: 'aspirasi',
    status,
    occurredAt,
    sourceUpdateId: `${id}-${i}`,
  }));
  return replaySnapshot(updates, ctx, new Date('2026-11-01T00:00:00+08:00')) as Snapshot;
}

const evaluate = (snapshots: Snapshot[]) =>
  evaluateRegency({
    semester: parseSemester('2026-H1'),
    regency: kalsel().get('6302') as NonNullable<ReturnType<ReturnType<typeof kalsel>['get']>>,
    snapshots,
    national: nationalPolicy(),
    provincial: kalselPolicy(),
    calendar: calendar(),
    roster: [],
  });

describe('overdue at the end of the semester', () => {
  it('counts a complaint put on Tertunda after its follow-up and completion deadlines had passed', () => {
    // Aspirasi disposed Mon 2 Mar: follow-up and completion due within 5 HK, missed by weeks;
    // on Tertunda from 24 Jun, so the reporter's 10 HK closure clock is still running on 30 Jun.
    const late = complaint('LATE-PAUSED', [
      ['2026-03-02T09:00:00+08:00', 'belum-terverifikasi'],
      ['2026-03-02T10:00:00+08:00', 'terdisposisi-belum-ditindaklanjuti'],
      ['2026-06-24T10:00:00+08:00', 'tertunda'],
    ]);
    const m = evaluate([late]);
    expect(m.backlogAtEnd).toBe(1);
    expect(m.overdueAtEnd).toBe(1);
  });

  it('does not count a complaint paused on time whose clock is stopped', () => {
    // Disposed Mon 22 Jun, on Tertunda the next day: 1 HK used of 5, paused since.
    const paused = complaint('ON-TIME-PAUSED', [
      ['2026-06-22T09:00:00+08:00', 'belum-terverifikasi'],
      ['2026-06-22T10:00:00+08:00', 'terdisposisi-belum-ditindaklanjuti'],
      ['2026-06-23T10:00:00+08:00', 'tertunda'],
    ]);
    const m = evaluate([paused]);
    expect(m.backlogAtEnd).toBe(1);
    expect(m.overdueAtEnd).toBe(0);
  });
});
