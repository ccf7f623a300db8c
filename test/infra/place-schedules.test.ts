import { describe, expect, it } from 'vitest';
import { provincePlace, stageTimes } from '../../infra/place';
import { synthTestApp } from './app-fixture';

const fast = { bundle: false, cfnValidation: false } as const;

/** Every schedule of the stateless stack: expression, zone and description. */
function schedules(provinceCode: string, options: Parameters<typeof synthTestApp>[1] = {}) {
  const { statelessTemplate } = synthTestApp({ provinceCode }, { ...fast, ...options });
  return Object.values(statelessTemplate.findResources('AWS::Scheduler::Schedule')).map((r) => ({
    expression: r.Properties.ScheduleExpression as string,
    zone: r.Properties.ScheduleExpressionTimezone as string,
    description: r.Properties.Description as string,
  }));
}

describe("the schedules run in the province's own zone (data/regions/<code>.json)", () => {
  it.each([
    ['61', 'Asia/Pontianak', 'WIB'],
    ['63', 'Asia/Makassar', 'WITA'],
    ['81', 'Asia/Jayapura', 'WIT'],
  ])(
    'province %s: the 08:00 check, the semester start and the site in %s (%s)',
    (code, zone, abbreviation) => {
      const all = schedules(code);
      expect(all.length).toBeGreaterThanOrEqual(4);
      for (const s of all) expect(s.zone).toBe(zone);
      expect(all).toContainEqual({
        expression: 'cron(0 8 * * ? *)',
        zone,
        description: `Daily deadline check, 08:00 ${abbreviation} every day (the function skips weekends and holidays)`,
      });
      expect(all).toContainEqual({
        expression: 'cron(0 7 1 1,7 ? *)',
        zone,
        description: `Semester evaluation, 07:00 ${abbreviation} on 1 January and 1 July (for the semester just ended)`,
      });
    },
  );
});

describe("the schedules run at the place profile's times (province.schedule)", () => {
  it('moves every schedule, its description and the missed-check alarm when the profile names other times', () => {
    const kalsel = provincePlace('63');
    expect(kalsel.schedule).toEqual({ dailyCheck: '08:00', semesterStart: '07:00' });
    const place = { ...kalsel, schedule: { dailyCheck: '07:15', semesterStart: '06:30' } };
    const app = synthTestApp({}, { ...fast, place });
    const all = Object.values(app.statelessTemplate.findResources('AWS::Scheduler::Schedule')).map((r) => ({
      expression: r.Properties.ScheduleExpression as string,
      description: r.Properties.Description as string,
    }));
    expect(all).toEqual(
      expect.arrayContaining([
        {
          expression: 'cron(15 7 * * ? *)',
          description:
            'Daily deadline check, 07:15 WITA every day (the function skips weekends and holidays)',
        },
        {
          expression: 'cron(30 6 1 1,7 ? *)',
          description:
            'Semester evaluation, 06:30 WITA on 1 January and 1 July (for the semester just ended)',
        },
        {
          expression: 'cron(45 7 ? * MON-FRI *)',
          description: 'Public scoreboard, 07:45 WITA Monday to Friday (after the deadline check)',
        },
        {
          expression: 'cron(30 9 1 1,7 ? *)',
          description:
            'Public scoreboard with the new ranking, 09:30 WITA on 1 January and 1 July (after the semester run)',
        },
      ]),
    );
    expect(JSON.stringify(app.statelessTemplate.findResources('AWS::CloudWatch::Alarm'))).toContain(
      "today's 07:15 WITA run had not completed by 09:15",
    );
  });

  it("runs a stage's schedules its lead earlier (staging: an hour), from the same profile", () => {
    const times = stageTimes(provincePlace('63'), 60);
    expect([times.dailyCheck.text, times.sitePublish.text, times.semesterStart.text]).toEqual([
      '07:00',
      '07:30',
      '06:00',
    ]);
  });

  it('refuses a time whose follow-up job would fall on another day, naming the file and field', () => {
    const place = { ...provincePlace('63'), schedule: { dailyCheck: '23:45', semesterStart: '07:00' } };
    expect(() => stageTimes(place)).toThrow(
      /data\/regions\/63\.json: province\.schedule\.dailyCheck "23:45": the scoreboard after the check would fall on another day/,
    );
  });
});
