import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CalendarFileError, parseCalendarCsv, WorkingCalendar } from '../../functions/domain/calendar';
import { calendar, kalsel } from '../support/data';

/** End of a WITA day as a UTC instant, the way due instants are stored. */
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();

describe('working-day arithmetic (hand-computed against the SKB calendars)', () => {
  const cal = calendar();

  it('skips the whole Nyepi and Idul Fitri 2026 cluster (18-24 March)', () => {
    // Tue 17 Mar: day 1 is Wed 25 Mar, because 18, 19, 20, 23, 24 are holidays or cuti bersama.
    expect(cal.addWorkingDays('2026-03-17T10:00:00+08:00', 3).value).toBe(endOf('2026-03-27'));
    // Mon 16 Mar: 17 is day 1, then 25, 26, 27, and Mon 30 is day 5.
    expect(cal.addWorkingDays('2026-03-16T10:00:00+08:00', 5).value).toBe(endOf('2026-03-30'));
  });

  it('skips the Idul Fitri 2025 cluster, cuti bersama included (28 March - 7 April)', () => {
    expect(cal.addWorkingDays('2025-03-27T09:00:00+08:00', 1).value).toBe(endOf('2025-04-08'));
  });

  it('crosses the year end with Christmas cuti bersama and the 2027 New Year and Isra Mikraj', () => {
    // Wed 23 Dec 2026: 24 and 25 are off; 28, 29, 30, 31 are days 1-4; 1 Jan off; Mon 4 Jan 2027 is day 5.
    const due = cal.addWorkingDays('2026-12-23T09:00:00+08:00', 5);
    expect(due.value).toBe(endOf('2027-01-04'));
    expect(due.missingYears).toEqual([]);
    // Tue 5 Jan 2027 is Isra Mikraj: day 6 is Wed 6 Jan.
    expect(cal.addWorkingDays('2026-12-23T09:00:00+08:00', 6).value).toBe(endOf('2027-01-06'));
  });

  it('does not count a holiday that falls on a weekend twice (Easter Sunday 2026)', () => {
    // Thu 2 Apr: Fri 3 is Good Friday, Sun 5 is Easter; day 1 is Mon 6 Apr.
    expect(cal.addWorkingDays('2026-04-02T09:00:00+08:00', 1).value).toBe(endOf('2026-04-06'));
  });

  it('starts counting the day after the start day, whatever the hour', () => {
    expect(cal.addWorkingDays('2026-03-02T00:00:01+08:00', 1).value).toBe(endOf('2026-03-03'));
    expect(cal.addWorkingDays('2026-03-02T23:59:59+08:00', 1).value).toBe(endOf('2026-03-03'));
  });

  it('reads an instant in UTC or WIB that is already the next day in WITA as that next day', () => {
    // 16:30 UTC and 23:30 WIB on Mon 16 Mar are 00:30 WITA on Tue 17 Mar.
    expect(cal.date('2026-03-16T16:30:00Z')).toBe('2026-03-17');
    expect(cal.addWorkingDays('2026-03-16T16:30:00Z', 3).value).toBe(endOf('2026-03-27'));
    expect(cal.addWorkingDays('2026-03-16T23:30:00+07:00', 3).value).toBe(endOf('2026-03-27'));
    // One minute earlier it is still Monday in WITA, and day 3 is Thu 26 Mar.
    expect(cal.addWorkingDays('2026-03-16T15:59:00Z', 3).value).toBe(endOf('2026-03-26'));
  });

  it('tells whether an instant is on a working day in WITA', () => {
    expect(cal.isWorkingDay('2026-03-19T09:00:00+08:00').value).toBe(false); // Nyepi
    expect(cal.isWorkingDay('2026-03-20T17:00:00Z').value).toBe(false); // Sat 21 Mar in WITA
    expect(cal.isWorkingDay('2026-03-24T16:00:00Z').value).toBe(true); // Wed 25 Mar 00:00 WITA
  });

  it('counts working days elapsed, including the end day', () => {
    expect(cal.workingDaysBetween('2026-03-16T09:00:00+08:00', '2026-03-30T08:00:00+08:00').value).toBe(5);
    expect(cal.workingDaysBetween('2026-03-16T09:00:00+08:00', '2026-03-16T18:00:00+08:00').value).toBe(0);
  });

  it('flags a computation that needs a year without a calendar file', () => {
    const only2026 = new WorkingCalendar(
      calendar().years.filter((y) => y.year === 2026),
      kalsel().zone,
    );
    const due = only2026.addWorkingDays('2026-12-23T09:00:00+08:00', 5);
    expect(due.missingYears).toEqual([2027]);
    expect(only2026.addWorkingDays('2026-06-01T09:00:00+08:00', 5).missingYears).toEqual([]);
  });
});

describe("the province's zone conversion", () => {
  it('agrees with luxon and the Asia/Makassar time zone on every day of 2015-2035', () => {
    const zone = kalsel().zone;
    for (let d = DateTime.fromISO('2015-01-01T00:00:00Z'); d.year < 2036; d = d.plus({ hours: 7 })) {
      const zoned = d.setZone('Asia/Makassar');
      expect(zoned.offset).toBe(480);
      expect(zone.offsetMs).toBe(zoned.offset * 60_000);
      expect(zone.date(d.toJSDate())).toBe(zoned.toISODate());
    }
    expect(zone.endOfDay('2026-03-27')).toBe(
      DateTime.fromISO('2026-03-27', { zone: 'Asia/Makassar' }).endOf('day').toUTC().toISO(),
    );
  });
});

describe('calendar files', () => {
  const header = '# status: final\n# source SKB-X: SKB 3 Menteri\ndate,kind,name,source\n';

  it('load for 2024 to 2027, each date with its decree', () => {
    const years = calendar().years;
    expect(years.map((y) => y.year)).toEqual(expect.arrayContaining([2024, 2025, 2026, 2027]));
    for (const y of years) {
      for (const d of y.days) expect(y.sources[d.source]).toMatch(/SKB|Keputusan Presiden/);
    }
    const eid = years.find((y) => y.year === 2026)?.days.find((d) => d.date === '2026-03-23');
    expect(eid).toMatchObject({ kind: 'cuti-bersama', source: 'SKB-2026' });
  });

  it('rejects a date outside the year, naming the line', () => {
    expect(() => parseCalendarCsv(`${header}2025-12-31,holiday,Malam,SKB-X\n`, '2026.csv', 2026)).toThrow(
      new CalendarFileError('2026.csv line 4: 2025-12-31 is outside 2026'),
    );
  });

  it('rejects a duplicate date, an unknown kind, an impossible date and an undeclared source', () => {
    const dup = `${header}2026-01-01,holiday,A,SKB-X\n2026-01-01,holiday,B,SKB-X\n`;
    expect(() => parseCalendarCsv(dup, 'y.csv', 2026)).toThrow(
      'y.csv line 5: 2026-01-01 is listed twice (first on line 4)',
    );
    expect(() => parseCalendarCsv(`${header}2026-01-01,libur,A,SKB-X\n`, 'y.csv', 2026)).toThrow(
      /line 4: unknown kind "libur"/,
    );
    expect(() => parseCalendarCsv(`${header}2026-02-30,holiday,A,SKB-X\n`, 'y.csv', 2026)).toThrow(
      /line 4: "2026-02-30" is not a date/,
    );
    expect(() => parseCalendarCsv(`${header}2026-01-01,holiday,A,SKB-Y\n`, 'y.csv', 2026)).toThrow(
      /line 4: source "SKB-Y" is not declared/,
    );
  });

  it('rejects a file without a status line', () => {
    expect(() => parseCalendarCsv('date,kind,name,source\n', 'y.csv', 2026)).toThrow(/status/);
  });
});
