import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import citizensJson from '../../data/import/citizens.json';
import { type CalendarYear, parseCalendarCsv, WorkingCalendar } from '../domain/calendar';
import {
  type CitizenMapping,
  type DistrictPopulation,
  type Districts,
  parseCitizenMapping,
  parseDistrictPopulationCsv,
  parseDistrictsCsv,
} from '../domain/citizens';
import { type EscalationPolicy, escalationPolicySchema } from '../domain/escalation';
import type { Population } from '../domain/population';
import { parseRegions, type Regions } from '../domain/regions';
import { type PolicyHistory, parseSlaPolicy, policyHistory } from '../domain/sla-policy';
import type { CitizenData } from '../domain/update';
import type { Zone } from '../domain/zone';

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

/** The national calendar, counting days in a province's zone (its place profile's `zone`). */
export function loadCalendar(dataDir: string, zone: Zone): WorkingCalendar {
  return once(
    `working-calendar:${dataDir}:${zone.id}`,
    () => new WorkingCalendar(loadCalendarYears(dataDir), zone),
  );
}

export function loadRegions(dataDir: string, province: string): Regions {
  return once(`regions:${dataDir}:${province}`, () => {
    const file = path.join(dataDir, 'regions', `${province}.json`);
    return parseRegions(JSON.parse(readFileSync(file, 'utf8')), file);
  });
}

/**
 * Every version of a policy: data/policies/<id>/<version id>.json, each file one version with its
 * `effectiveFrom`. Refuses two versions from the same day, a file whose id is not its name, and
 * (parseSlaPolicy) a limit without a source.
 */
export function loadSlaPolicy(dataDir: string, id: string): PolicyHistory {
  return once(`policy:${dataDir}:${id}`, () => {
    const dir = path.join(dataDir, 'policies', id);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    const versions = files.sort().map((f) => {
      const file = path.join(dir, f);
      const version = parseSlaPolicy(JSON.parse(readFileSync(file, 'utf8')), file);
      if (`${version.id}.json` !== f)
        throw new Error(`${file}: its id is "${version.id}", not "${f.slice(0, -5)}"`);
      return version;
    });
    return policyHistory(id, versions);
  });
}

/** Names of every policy shipped (the folders of data/policies/). */
export function listSlaPolicies(dataDir: string): string[] {
  return readdirSync(path.join(dataDir, 'policies'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
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

/**
 * data/population/<province>.csv: inhabitants per regency with the source (BPS) and its year.
 * Lines: `# source <id>: <citation>`, `# year: <yyyy>`, then `code,name,population,source`.
 */
export function loadPopulation(dataDir: string, province: string): Map<string, Population> {
  return once(`population:${dataDir}:${province}`, () => {
    const file = path.join(dataDir, 'population', `${province}.csv`);
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    const sources = new Map<string, string>();
    let year: number | undefined;
    const result = new Map<string, Population>();
    lines.forEach((raw, i) => {
      const line = raw.trim();
      const source = /^#\s*source\s+([\w-]+)\s*:\s*(.+)$/.exec(line);
      if (source?.[1] && source[2]) sources.set(source[1], source[2]);
      const y = /^#\s*year\s*:\s*(\d{4})$/.exec(line);
      if (y) year = Number(y[1]);
      if (!line || line.startsWith('#') || line.startsWith('code,')) return;
      const [code = '', , population = '', sourceId = ''] = line.split(',').map((c) => c.trim());
      const value = Number(population);
      if (!/^\d{4}$/.test(code) || !Number.isInteger(value) || value <= 0) {
        throw new Error(
          `${file} line ${i + 1}: expected code,name,population,source with a positive whole population`,
        );
      }
      const citation = sources.get(sourceId);
      if (!citation) throw new Error(`${file} line ${i + 1}: source "${sourceId}" is not declared`);
      if (!year) throw new Error(`${file}: no "# year:" line before the data`);
      result.set(code, { value, year, source: citation });
    });
    return result;
  });
}

/** The citizens' mapping (channels, ratings, reply statuses), bundled: it is part of the importer. */
export const citizenMapping: CitizenMapping = parseCitizenMapping(citizensJson, 'data/import/citizens.json');

/**
 * The kecamatan list of a province (data/regions/<province>-kecamatan.csv), when the province supplies
 * one: without it, kecamatan are kept as written and no kecamatan can be named silent.
 */
export function loadDistricts(dataDir: string, province: string): Districts | undefined {
  return once(`districts:${dataDir}:${province}`, () => {
    const file = path.join(dataDir, 'regions', `${province}-kecamatan.csv`);
    return existsSync(file) ? parseDistrictsCsv(readFileSync(file, 'utf8'), file) : undefined;
  });
}

/**
 * Kecamatan populations (data/population/<province>-kecamatan.csv, BPS "Kecamatan Dalam Angka"), when
 * the province supplies them with their source; none are shipped for Kalimantan Selatan (none were found
 * with a readable source), so kecamatan rates per 10,000 appear only once the file exists.
 */
export function loadDistrictPopulations(dataDir: string, province: string): DistrictPopulation[] {
  return once(`district-population:${dataDir}:${province}`, () => {
    const file = path.join(dataDir, 'population', `${province}-kecamatan.csv`);
    return existsSync(file) ? parseDistrictPopulationCsv(readFileSync(file, 'utf8'), file) : [];
  });
}

/** What ingest maps an update's citizens' fields through. */
export function loadCitizenData(dataDir: string, province: string): CitizenData {
  const districts = loadDistricts(dataDir, province);
  return { mapping: citizenMapping, ...(districts ? { districts } : {}) };
}
