import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type CalendarYear, parseCalendarCsv, WorkingCalendar } from '../domain/calendar';
import { type EscalationPolicy, escalationPolicySchema } from '../domain/escalation';
import { parseRegions, type Regions } from '../domain/regions';
import { parseSlaPolicy, type SlaPolicy } from '../domain/sla-policy';

/**
 * Reads the data files (regions, calendar years, SLA policies) from the data folder: the repo's
 * data/ locally, data/ beside the bundle in Lambda. Each is read once per process.
 */
const cache = new Map<string, unknown>();

function once<T>(key: string, load: () => T): T {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key) as T;
}

/** Every data/calendar/<year>.csv, validated. */
export function loadCalendarYears(dataDir: string): CalendarYear[] {
  return once(`calendar:${dataDir}`, () => {
    const dir = path.join(dataDir, 'calendar');
    return readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .sort()
      .map((file) => {
        const year = /^(\d{4})\.csv$/.exec(file)?.[1];
        if (!year) throw new Error(`${path.join(dir, file)}: calendar files are named <year>.csv`);
        return parseCalendarCsv(readFileSync(path.join(dir, file), 'utf8'), file, Number(year));
      });
  });
}

export function loadCalendar(dataDir: string): WorkingCalendar {
  return once(`working-calendar:${dataDir}`, () => new WorkingCalendar(loadCalendarYears(dataDir)));
}

export function loadRegions(dataDir: string, province: string): Regions {
  return once(`regions:${dataDir}:${province}`, () => {
    const file = path.join(dataDir, 'regions', `${province}.json`);
    return parseRegions(JSON.parse(readFileSync(file, 'utf8')), file);
  });
}

export function loadSlaPolicy(dataDir: string, id: string): SlaPolicy {
  return once(`policy:${dataDir}:${id}`, () => {
    const file = path.join(dataDir, 'policies', `${id}.json`);
    const policy = parseSlaPolicy(JSON.parse(readFileSync(file, 'utf8')), file);
    if (policy.id !== id) throw new Error(`${file}: its id is "${policy.id}", not "${id}"`);
    return policy;
  });
}

/** Ids of every policy file shipped. */
export function listSlaPolicies(dataDir: string): string[] {
  return readdirSync(path.join(dataDir, 'policies'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function loadEscalationPolicy(dataDir: string, province: string): EscalationPolicy {
  return once(`escalation:${dataDir}:${province}`, () => {
    const file = path.join(dataDir, 'escalation', `${province}.json`);
    const result = escalationPolicySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(`${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
    }
    return result.data;
  });
}
