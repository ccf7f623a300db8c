import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCalendar, loadRegions } from '../../functions/adapters/data-files';
import { parseRegions } from '../../functions/domain/regions';
import { lastEndedSemester, parseSemester } from '../../functions/domain/semester';
import { zoneOf } from '../../functions/domain/zone';
import { scheduledInstant } from '../../functions/use-cases/check-deadlines';
import { dataDir } from '../support/data';

const profile = (code: string) => loadRegions(dataDir, code);
const exportZones = JSON.parse(readFileSync(`${dataDir}/import/lapor-export.json`, 'utf8')).zones
  .offsets as Record<string, number>;

describe('a place profile (data/regions/<code>.json)', () => {
  it.each([
    ['61', 'Asia/Pontianak', 'WIB', 7],
    ['63', 'Asia/Makassar', 'WITA', 8],
    ['81', 'Asia/Jayapura', 'WIT', 9],
  ])('gives province %s the zone %s, written %s (UTC+%i)', (code, id, abbreviation, hours) => {
    const zone = profile(code).zone;
    expect(zone).toMatchObject({ id, abbreviation, offsetMs: hours * 3_600_000 });
  });

  it('names each zone as Keppres 41/1987 does, at the offset the export importer reads it with', () => {
    for (const file of readdirSync(`${dataDir}/regions`).filter((f) => f.endsWith('.json'))) {
      const { zone } = profile(file.slice(0, -5));
      expect(exportZones[zone.abbreviation], `${file}: ${zone.abbreviation}`).toBe(zone.offsetMs / 60_000);
    }
  });

  it('refuses a zone the runtime does not know, or one with daylight saving, naming the field', () => {
    const kalsel = JSON.parse(readFileSync(`${dataDir}/regions/63.json`, 'utf8'));
    const withZone = (timeZone: string) => ({ ...kalsel, province: { ...kalsel.province, timeZone } });
    expect(() => parseRegions(withZone('Asia/Banjarmasin'), '63.json')).toThrow(
      /63\.json: province\.timeZone: "Asia\/Banjarmasin" is not an IANA time zone/,
    );
    expect(() => parseRegions(withZone('Europe/Amsterdam'), '63.json')).toThrow(
      /province\.timeZone: Europe\/Amsterdam changes its offset from UTC/,
    );
    const noAbbreviation = { ...kalsel, province: { ...kalsel.province, timeZoneAbbreviation: undefined } };
    expect(() => parseRegions(noAbbreviation, '63.json')).toThrow(/province\.timeZoneAbbreviation/);
  });
});

describe("a place profile's schedule and office", () => {
  const kalselFile = () => JSON.parse(readFileSync(`${dataDir}/regions/63.json`, 'utf8'));
  const withProvince = (fields: Record<string, unknown>) => {
    const file = kalselFile();
    return { ...file, province: { ...file.province, ...fields } };
  };

  it("runs the daily check at the profile's time: another time moves the scheduled instant", () => {
    expect(profile('63').province.schedule).toEqual({ dailyCheck: '08:00', semesterStart: '07:00' });
    expect(scheduledInstant('2026-03-02', profile('63')).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    const earlier = parseRegions(
      withProvince({ schedule: { dailyCheck: '06:45', semesterStart: '05:00' } }),
      '63.json',
    );
    // 06:45 WITA is 22:45 UTC the day before.
    expect(scheduledInstant('2026-03-02', earlier).toISOString()).toBe('2026-03-01T22:45:00.000Z');
  });

  it('gives a profile without a schedule the documented default, 08:00 and 07:00 local time', () => {
    const file = kalselFile();
    delete file.province.schedule;
    expect(parseRegions(file, '63.json').province.schedule).toEqual({
      dailyCheck: '08:00',
      semesterStart: '07:00',
    });
  });

  it('refuses a time that is not HH:mm, naming the field', () => {
    expect(() =>
      parseRegions(withProvince({ schedule: { dailyCheck: '8:00', semesterStart: '07:00' } }), '63.json'),
    ).toThrow(/63\.json: province\.schedule\.dailyCheck: a time of day as HH:mm/);
    expect(() =>
      parseRegions(withProvince({ schedule: { dailyCheck: '08:00', semesterStart: '24:00' } }), '63.json'),
    ).toThrow(/province\.schedule\.semesterStart/);
  });

  it('reads the office that answers for the province, with the source of its address', () => {
    expect(profile('63').province.office).toMatchObject({
      name: 'Dinas Komunikasi dan Informatika Provinsi Kalimantan Selatan',
      city: 'Banjarbaru',
      postalCode: '70732',
      email: 'diskominfo@kalselprov.go.id',
      phone: '0511-6749844',
    });
    for (const code of ['61', '63', '81']) expect(profile(code).province.office?.source).toBeTruthy();
  });

  it('refuses an office with a bad postal code, e-mail or telephone, or with no way to ask, naming the field', () => {
    const office = kalselFile().province.office;
    const withOffice = (fields: Record<string, unknown>) =>
      withProvince({ office: { ...office, ...fields } });
    expect(() => parseRegions(withOffice({ postalCode: '7073' }), '63.json')).toThrow(
      /63\.json: province\.office\.postalCode: five digits/,
    );
    expect(() => parseRegions(withOffice({ email: 'diskominfo at kalselprov' }), '63.json')).toThrow(
      /province\.office\.email: an e-mail address/,
    );
    expect(() => parseRegions(withOffice({ phone: 'call us' }), '63.json')).toThrow(
      /province\.office\.phone: a telephone number/,
    );
    expect(() => parseRegions(withOffice({ email: undefined, phone: undefined }), '63.json')).toThrow(
      /province\.office\.email: give an e-mail address or a telephone number/,
    );
    expect(() => parseRegions(withOffice({ source: '' }), '63.json')).toThrow(/province\.office\.source/);
  });

  it('keeps a profile without an office valid (the e-mails then name no office)', () => {
    const file = kalselFile();
    delete file.province.office;
    expect(parseRegions(file, '63.json').province.office).toBeUndefined();
  });
});

describe("days counted in the province's zone, holidays national", () => {
  // Thu 26 Mar 2026, 23:30 WIB = Fri 27 Mar 00:30 WITA = 01:30 WIT: one instant, three local days.
  const instant = '2026-03-26T16:30:00Z';

  it('puts one instant on the local day of each province', () => {
    expect(profile('61').zone.date(instant)).toBe('2026-03-26');
    expect(profile('63').zone.date(instant)).toBe('2026-03-27');
    expect(profile('81').zone.date(instant)).toBe('2026-03-27');
  });

  it('makes a complaint submitted 23:30 WIB on Thursday due a day earlier in WIB than the same instant in WITA', () => {
    const wib = loadCalendar(dataDir, profile('61').zone);
    const wita = loadCalendar(dataDir, profile('63').zone);
    // WIB: day 0 Thu 26, day 1 Fri 27, day 2 Mon 30, day 3 Tue 31 March, ends 23:59:59.999 WIB.
    expect(wib.addWorkingDays(instant, 3).value).toBe('2026-03-31T16:59:59.999Z');
    // WITA: day 0 Fri 27, day 3 Wed 1 April, ends 23:59:59.999 WITA.
    expect(wita.addWorkingDays(instant, 3).value).toBe('2026-04-01T15:59:59.999Z');
  });

  it('skips the national holidays in every zone (Nyepi, Thu 19 Mar 2026, and cuti bersama)', () => {
    for (const code of ['61', '63', '81']) {
      expect(loadCalendar(dataDir, profile(code).zone).isWorkingDate('2026-03-19')).toBe(false);
    }
  });

  it('runs the daily check at 08:00 local time and cuts a semester at local midnight', () => {
    expect(scheduledInstant('2026-03-02', profile('61')).toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(scheduledInstant('2026-03-02', profile('81')).toISOString()).toBe('2026-03-01T23:00:00.000Z');
    expect(parseSemester('2026-H1', profile('61').zone)).toMatchObject({
      start: '2025-12-31T17:00:00.000Z',
      end: '2026-06-30T16:59:59.999Z',
    });
    expect(parseSemester('2026-H1', profile('81').zone).end).toBe('2026-06-30T14:59:59.999Z');
    // 1 Jul 2026 00:30 WIT is still 30 June (22:30) in WIB.
    const at = new Date('2026-06-30T15:30:00Z');
    expect(lastEndedSemester(at, profile('81').zone).id).toBe('2026-H1');
    expect(lastEndedSemester(at, profile('61').zone).id).toBe('2025-H2');
  });

  it('writes an instant with the zone offset', () => {
    expect(zoneOf('Asia/Jakarta', 'WIB').iso('2026-03-02T01:00:00Z')).toBe('2026-03-02T08:00:00+07:00');
  });
});
