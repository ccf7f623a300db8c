import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSla, type TimelineEntry } from '../../functions/domain/sla';
import { calendar, nationalPolicy } from '../support/data';

const cal = calendar();
// Instants between 2024-01-01 and 2027-08-31 UTC, so that 60 HK stays inside the shipped years.
const instant = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 7, 31) })
  .map((ms) => new Date(ms).toISOString());
const limit = fc.integer({ min: 1, max: 60 });

describe('working-day properties', () => {
  it('puts every due instant on a working day, at the end of it', () => {
    fc.assert(
      fc.property(instant, limit, (start, n) => {
        const due = cal.addWorkingDays(start, n).value;
        expect(cal.isWorkingDate(cal.date(due))).toBe(true);
        expect(new Date(due).toISOString()).toMatch(/T15:59:59\.999Z$/);
      }),
    );
  });

  it('counts exactly N working days between a start and its due instant', () => {
    fc.assert(
      fc.property(instant, limit, (start, n) => {
        expect(cal.workingDaysBetween(start, cal.addWorkingDays(start, n).value).value).toBe(n);
      }),
    );
  });

  it('is monotonic in the number of days and in the start', () => {
    fc.assert(
      fc.property(instant, instant, limit, limit, (a, b, m, n) => {
        const [s1, s2] = a <= b ? [a, b] : [b, a];
        const [n1, n2] = m <= n ? [m, n] : [n, m];
        expect(cal.addWorkingDays(s1, n1).value <= cal.addWorkingDays(s1, n2).value).toBe(true);
        expect(cal.addWorkingDays(s1, n1).value <= cal.addWorkingDays(s2, n1).value).toBe(true);
      }),
    );
  });

  it('never shortens a deadline or lengthens the days used by pausing (Tertunda)', () => {
    const hours = (h: number) => h * 3_600_000;
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 2, 1) }),
        fc.integer({ min: 1, max: 400 }), // disposition after submission, hours
        fc.integer({ min: 0, max: 800 }), // pause start after disposition, hours
        fc.integer({ min: 1, max: 600 }), // pause length, hours
        fc.integer({ min: 0, max: 1500 }), // evaluation after the pause ends, hours
        (t0, dispose, pauseAt, pauseFor, evalAfter) => {
          const at = (ms: number) => new Date(ms).toISOString();
          const tDispose = t0 + hours(dispose);
          const tPause = tDispose + hours(pauseAt);
          const tResume = tPause + hours(pauseFor);
          const now = at(tResume + hours(evalAfter));
          const base: TimelineEntry[] = [
            {
              id: '1',
              at: at(t0),
              status: 'belum-terverifikasi',
              classification: 'pengaduan-berkadar-pengawasan',
            },
            {
              id: '2',
              at: at(tDispose),
              status: 'terdisposisi-belum-ditindaklanjuti',
              classification: 'pengaduan-berkadar-pengawasan',
            },
          ];
          const withPause: TimelineEntry[] = [
            ...base,
            { id: '3', at: at(tPause), status: 'tertunda', classification: 'pengaduan-berkadar-pengawasan' },
            {
              id: '4',
              at: at(tResume),
              status: 'terdisposisi-belum-ditindaklanjuti',
              classification: 'pengaduan-berkadar-pengawasan',
            },
          ];
          const plain = computeSla(base, nationalPolicy(), cal, now).stages;
          const paused = computeSla(withPause, nationalPolicy(), cal, now).stages;
          for (const stage of ['follow-up', 'completion'] as const) {
            const p = plain.find((s) => s.stage === stage);
            const q = paused.find((s) => s.stage === stage);
            expect(q?.workingDaysUsed).toBeLessThanOrEqual(p?.workingDaysUsed ?? 0);
            if (p?.due && q?.due) expect(q.due >= p.due).toBe(true);
          }
        },
      ),
    );
  });
});
