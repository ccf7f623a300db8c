import { describe, expect, it } from 'vitest';
import { synthTestApp } from './app-fixture';

const fast = { bundle: false, cfnValidation: false } as const;

/** Every schedule of the stateless stack: expression, zone and description. */
function schedules(provinceCode: string) {
  const { statelessTemplate } = synthTestApp({ provinceCode }, fast);
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
