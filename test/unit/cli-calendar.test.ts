import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';

describe('lapor-paman due', () => {
  it("prints the due instant as JSON, counted in the province's zone (WITA for Kalsel)", () => {
    const { status, stdout } = runCli([
      'due',
      '--from',
      '2026-03-16T23:30:00+07:00',
      '--days',
      '3',
      '--json',
    ]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      timeZone: 'WITA',
      fromDate: '2026-03-17',
      due: '2026-03-27T23:59:59.999+08:00',
      missingCalendarYears: [],
    });
  });

  it("reads an instant without offset as the province's local time", () => {
    // 23:30 on Mon 16 Mar: in WITA still Monday, so day 3 is Thu 26 Mar (Nyepi and cuti bersama skipped).
    const { status, stdout } = runCli(['due', '--from', '2026-03-16T23:30', '--days', '3', '--json']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      fromDate: '2026-03-16',
      due: '2026-03-26T23:59:59.999+08:00',
    });
  });

  it('refuses what is not an instant and exits non-zero', () => {
    const { status, stderr } = runCli(['due', '--from', '17 Maret', '--days', '3']);
    expect(status).not.toBe(0);
    expect(stderr).toContain('--from must be an ISO-8601 instant');
  });

  it('warns, and exits 3, when the count reaches a year with no calendar file', () => {
    const { status, stderr } = runCli(['due', '--from', '2027-12-20T10:00:00+08:00', '--days', '10']);
    expect(status).toBe(3);
    expect(stderr).toContain('no calendar file for 2028');
  });
});

describe('lapor-paman calendar', () => {
  it('lists a year with each date, its kind and its decree', () => {
    const { status, stdout } = runCli(['calendar', '--year', '2026']);
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /2026-03-23 Sen\s+cuti-bersama Cuti Bersama Idul Fitri 1447 Hijriah\s+\[SKB-2026\]/,
    );
    expect(stdout).toContain('SKB-2026: SKB Menteri Agama');
  });

  it('names the missing file for a year without one', () => {
    const { status, stderr } = runCli(['calendar', '--year', '2031']);
    expect(status).toBe(1);
    expect(stderr).toContain('add data/calendar/2031.csv');
  });
});
