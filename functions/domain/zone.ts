/**
 * A province's time zone, from its place profile (data/regions/<code>.json): the IANA id the
 * schedules use and the abbreviation people read (WIB, WITA, WIT: Keppres 41/1987). Days, deadlines,
 * digests and report dates are counted in it; the holiday calendar itself is national.
 *
 * Indonesia's zones have kept one offset without daylight saving for decades; a zone is refused
 * unless it did so over every year this product handles, so the hot paths convert instants with one
 * constant instead of a time-zone lookup per call (and without a date library: the ingest function
 * carries none).
 */
export interface Zone {
  /** IANA id, e.g. "Asia/Makassar": what EventBridge Scheduler and Intl understand. */
  readonly id: string;
  /** What people read after a time ("08.00 WITA"), from the place profile. */
  readonly abbreviation: string;
  /** Offset from UTC in milliseconds (constant: see above). */
  readonly offsetMs: number;
  /** The calendar date (YYYY-MM-DD) of an instant in this zone. */
  date(instant: Instant): string;
  /** The end of a date (23:59:59.999 local) as a UTC ISO instant. */
  endOfDay(date: string): string;
  /** The instant of a wall-clock time (`HH:mm`) on a date in this zone. */
  at(date: string, time: string): Date;
  /** An ISO instant with this zone's offset, to the second: `2026-03-02T08:00:00+08:00`. */
  iso(instant: Instant): string;
}

/** An instant as given: ISO-8601 with its offset, or a Date. */
export type Instant = string | Date;

/** An ISO-8601 instant must carry its offset (Z, +08:00, +07:00...): local times are ambiguous. */
export const isoInstantWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([zZ]|[+-]\d{2}:?\d{2})$/;

export class ZoneError extends Error {
  override name = 'ZoneError';
}

const msPerDay = 86_400_000;

/** The years whose offsets are checked: before the first data and well past the last. */
const checkedYears = { from: 2000, to: 2060 } as const;

/** The offset of a time zone from UTC at an instant, from the runtime's own time-zone data (Intl). */
export function zoneOffsetMs(zone: string, at: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** Milliseconds since the epoch of an instant; a string must be ISO-8601 with its offset. */
export function instantMs(instant: Instant): number {
  if (typeof instant !== 'string') {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new RangeError('not an instant: Invalid Date');
    return ms;
  }
  if (!isoInstantWithOffset.test(instant))
    throw new RangeError(`not an ISO-8601 instant with offset: ${instant}`);
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO-8601 instant: ${instant}`);
  return ms;
}

function dayStartMs(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** Day number: days since 1970-01-01, for counting without time-zone work. */
export type DayNumber = number;

/** The day number of a YYYY-MM-DD date. */
export function dayNumber(isoDate: string): DayNumber {
  return (
    Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) /
    msPerDay
  );
}

const isoDates = new Map<DayNumber, string>();

/** The YYYY-MM-DD date of a day number (cached: the hot paths ask for the same few days). */
export function isoDate(day: DayNumber): string {
  let date = isoDates.get(day);
  if (date === undefined) {
    date = new Date(day * msPerDay).toISOString().slice(0, 10);
    if (isoDates.size < 100_000) isoDates.set(day, date);
  }
  return date;
}

/** "+08:00" */
function offsetText(offsetMs: number): string {
  const minutes = Math.abs(offsetMs) / 60_000;
  const sign = offsetMs < 0 ? '-' : '+';
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const zones = new Map<string, Zone>();

/**
 * The zone of an IANA id, with the abbreviation its province writes. Throws a ZoneError naming the
 * problem when the runtime does not know the id or its offset changed over the years handled.
 */
export function zoneOf(id: string, abbreviation: string): Zone {
  const key = `${id}|${abbreviation}`;
  const known = zones.get(key);
  if (known) return known;
  let offsetMs: number;
  try {
    offsetMs = zoneOffsetMs(id, new Date(Date.UTC(checkedYears.from, 0, 1)));
  } catch {
    throw new ZoneError(`"${id}" is not an IANA time zone this runtime knows (e.g. Asia/Jakarta)`);
  }
  for (let year = checkedYears.from; year <= checkedYears.to; year++) {
    for (const month of [0, 6]) {
      const other = zoneOffsetMs(id, new Date(Date.UTC(year, month, 1)));
      if (other !== offsetMs)
        throw new ZoneError(
          `${id} changes its offset from UTC (${offsetText(offsetMs)} / ${offsetText(other)} in ${year}): days are counted with one fixed offset`,
        );
    }
  }
  if (!/^[A-Z]{2,6}$/.test(abbreviation))
    throw new ZoneError(`"${abbreviation}" is not a time-zone abbreviation (WIB, WITA or WIT)`);
  const suffix = offsetText(offsetMs);
  const zone: Zone = {
    id,
    abbreviation,
    offsetMs,
    date: (instant) => isoDate(Math.floor((instantMs(instant) + offsetMs) / msPerDay)),
    endOfDay: (date) => new Date(dayStartMs(date) + msPerDay - offsetMs - 1).toISOString(),
    at: (date, time) => {
      const match = /^(\d{2}):(\d{2})$/.exec(time);
      if (!match) throw new RangeError(`not a time of day (HH:mm): ${time}`);
      return new Date(dayStartMs(date) + (Number(match[1]) * 60 + Number(match[2])) * 60_000 - offsetMs);
    },
    iso: (instant) => `${new Date(instantMs(instant) + offsetMs).toISOString().slice(0, 19)}${suffix}`,
  };
  zones.set(key, zone);
  return zone;
}
