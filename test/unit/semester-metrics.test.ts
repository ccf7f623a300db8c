import { describe, expect, it } from 'vitest';
import type { Status } from '../../functions/domain/complaint';
import type { Snapshot } from '../../functions/domain/snapshot';
import { evaluateKotabaru, kotabaruComplaint } from '../support/kotabaru';

const complaint = (id: string, steps: [string, Status][]) => kotabaruComplaint(id, steps);
const evaluate = (snapshots: Snapshot[]) => evaluateKotabaru(snapshots);

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
