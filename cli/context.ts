import { loadRegions } from '../functions/adapters/data-files';
import type { Regions } from '../functions/domain/regions';
import { isoInstantWithOffset, type Zone } from '../functions/domain/zone';
import { defaultDataDir } from '../handlers/support/config';
import { CliError } from './errors';

/** The data folder: $DATA_DIR, else the repository's data/. */
export function dataDirFromEnv(): string {
  return process.env.DATA_DIR?.trim() || defaultDataDir();
}

/** The province's place profile (data/regions/$PROVINCE_CODE.json, default 63): names and time zone. */
export function placeFromEnv(): Regions {
  return loadRegions(dataDirFromEnv(), process.env.PROVINCE_CODE?.trim() || '63');
}

/** `2026-03-02T08:00`, `2026-03-02T08:00:00` or `2026-03-02 08:00`: a wall-clock time without an offset. */
const localDateTime = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?$/;

/**
 * An instant given on the command line: ISO-8601 with its offset as written, or a local time without
 * one, read in the province's zone (`2026-03-02T08:00` is 08:00 WIB in a WIB province). Undefined
 * when it is neither.
 */
export function instantIn(value: string, zone: Zone): Date | undefined {
  const trimmed = value.trim();
  if (isoInstantWithOffset.test(trimmed)) {
    const at = new Date(trimmed);
    return Number.isNaN(at.getTime()) ? undefined : at;
  }
  const local = localDateTime.exec(trimmed);
  if (!local?.[1] || !local[2]) return undefined;
  const at = zone.at(local[1], local[2]);
  const at2 = new Date(at.getTime() + Number(local[3]?.slice(1) ?? 0) * 1000);
  // 2026-02-30 is not a date: the round trip says so.
  return zone.date(at2) === local[1] && !Number.isNaN(at2.getTime()) ? at2 : undefined;
}

/** An example instant in the province's zone, for help and error texts: `2026-03-02T08:00:00+08:00`. */
export function exampleInstant(zone: Zone, date = '2026-03-02', time = '08:00'): string {
  return zone.iso(zone.at(date, time));
}

/** A CLI error for an option that is not an instant. */
export function notAnInstant(option: string, value: string, zone: Zone): CliError {
  return new CliError(
    `${option} must be an ISO-8601 instant (e.g. ${exampleInstant(zone)}, or ${exampleInstant(zone).slice(0, 16)} for ${zone.abbreviation}), got "${value}"`,
  );
}
