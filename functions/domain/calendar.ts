import { type DayNumber, dayNumber, type Instant, isoDate, type Zone } from './zone';

export { type Instant, isoInstantWithOffset } from './zone';

/**
 * Working days (hari kerja, HK): Monday to Friday, minus the national holidays and cuti bersama of
 * data/calendar/<year>.csv, counted in the province's time zone (its place profile, zone.ts). The
 * calendar is national data; this module only reads it and counts.
 *
 * THE COUNTING RULE (one place, used by every deadline and report):
 * - The day an SLA clock starts is day 0, whatever the hour. Day 1 is the first working day after
 *   the local calendar day (the province's zone) of the starting instant.
 * - A limit of N working days is due at the end of working day N: 23:59:59.999 local time.
 * - Working days elapsed at an instant = the working days after the start day up to and including
 *   the local day of that instant.
 */

export type NonWorkingKind = 'holiday' | 'cuti-bersama';

export interface NonWorkingDay {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  kind: NonWorkingKind;
  name: string;
  /** Id of the decree, declared in the file's `# source <id>: <citation>` lines. */
  source: string;
}

export interface CalendarYear {
  year: number;
  status: 'final' | 'provisional';
  /** Decree id -> full citation (SKB 3 Menteri, Keppres). */
  sources: Record<string, string>;
  days: NonWorkingDay[];
}

export class CalendarFileError extends Error {
  override name = 'CalendarFileError';
}

const kinds: readonly NonWorkingKind[] = ['holiday', 'cuti-bersama'];

/**
 * Parses and validates one year's file. Every problem names the file and line: a date outside the
 * year or not a real date, a duplicate, an unknown kind, an undeclared source, a missing status.
 */
export function parseCalendarCsv(text: string, fileName: string, expectedYear: number): CalendarYear {
  const fail = (line: number, message: string): never => {
    throw new CalendarFileError(`${fileName} line ${line}: ${message}`);
  };
  const sources: Record<string, string> = {};
  const days: NonWorkingDay[] = [];
  const seen = new Map<string, number>();
  let status: CalendarYear['status'] | undefined;
  let header = false;
  const sourceLines: { id: string; line: number }[] = [];

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '') return;
    if (content.startsWith('#')) {
      const source = /^#\s*source\s+([A-Za-z0-9_-]+)\s*:\s*(.+)$/.exec(content);
      if (source?.[1] && source[2]) {
        if (sources[source[1]]) fail(line, `source ${source[1]} is declared twice`);
        sources[source[1]] = source[2];
        return;
      }
      const st = /^#\s*status\s*:\s*(\S+)\s*$/.exec(content);
      if (st) {
        if (status) fail(line, 'a second "# status:" line');
        if (st[1] !== 'final' && st[1] !== 'provisional')
          fail(line, `status must be final or provisional, got "${st[1]}"`);
        status = st[1] as CalendarYear['status'];
      }
      return;
    }
    if (!header) {
      if (content !== 'date,kind,name,source')
        fail(line, `expected the header "date,kind,name,source", got "${content}"`);
      header = true;
      return;
    }
    const cells = content.split(',');
    if (cells.length !== 4)
      fail(line, `expected 4 comma-separated fields (date,kind,name,source), got ${cells.length}`);
    const [date = '', kind = '', name = '', source = ''] = cells.map((c) => c.trim());
    if (!isRealDate(date)) fail(line, `"${date}" is not a date (YYYY-MM-DD)`);
    if (Number(date.slice(0, 4)) !== expectedYear) fail(line, `${date} is outside ${expectedYear}`);
    if (!kinds.includes(kind as NonWorkingKind))
      fail(line, `unknown kind "${kind}" (expected ${kinds.join(' or ')})`);
    if (!name) fail(line, 'the name is empty');
    if (seen.has(date)) fail(line, `${date} is listed twice (first on line ${seen.get(date)})`);
    seen.set(date, line);
    sourceLines.push({ id: source, line });
    days.push({ date, kind: kind as NonWorkingKind, name, source });
  });

  if (!header) fail(text.split(/\r?\n/).length, 'no "date,kind,name,source" header');
  if (!status) fail(1, 'no "# status: final|provisional" line');
  for (const { id, line } of sourceLines) {
    if (!sources[id]) fail(line, `source "${id}" is not declared in a "# source ${id}: ..." line`);
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { year: expectedYear, status: status as CalendarYear['status'], sources, days };
}

const msPerDay = 86_400_000;

function yearOf(day: DayNumber): number {
  return new Date(day * msPerDay).getUTCFullYear();
}

/** Every year from the year of one day to the year of another. */
function yearsBetween(first: DayNumber, last: DayNumber): number[] {
  const years: number[] = [];
  for (let y = yearOf(first); y <= yearOf(Math.max(first, last)); y++) years.push(y);
  return years;
}

/** 1970-01-01 was a Thursday; Monday = 1 ... Sunday = 7 as in ISO. */
function isoWeekday(day: DayNumber): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Whether a string is a YYYY-MM-DD date that exists (no 2026-02-30). */
function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A deadline computed with the calendar; flags the years it needed but had no file for. */
export interface Computed<T> {
  value: T;
  /** Years without a calendar file that this computation crossed (counted as weekends-only). */
  missingYears: number[];
}

/**
 * The working-day calendar built from the year files. A year without a file is never silently
 * treated as "only weekends": every computation that touches it reports it in `missingYears`.
 */
export class WorkingCalendar {
  private readonly nonWorking = new Map<string, NonWorkingDay>();
  private readonly nonWorkingDays = new Set<DayNumber>();
  private readonly yearsCovered = new Set<number>();

  /**
   * @param years the national calendar's year files
   * @param zone the province's time zone: the days counted are its local days
   */
  constructor(
    readonly years: readonly CalendarYear[],
    readonly zone: Zone,
  ) {
    for (const y of years) {
      this.yearsCovered.add(y.year);
      for (const d of y.days) {
        this.nonWorking.set(d.date, d);
        this.nonWorkingDays.add(dayNumber(d.date));
      }
    }
  }

  private isWorking(day: DayNumber, excluded?: (date: string) => boolean): boolean {
    return isoWeekday(day) <= 5 && !this.nonWorkingDays.has(day) && !excluded?.(isoDate(day));
  }

  /** Years that have a calendar file. */
  coveredYears(): number[] {
    return [...this.yearsCovered].sort();
  }

  covers(year: number): boolean {
    return this.yearsCovered.has(year);
  }

  /** The holiday or cuti bersama on a date, if any. */
  nonWorkingDay(date: string): NonWorkingDay | undefined {
    return this.nonWorking.get(date);
  }

  /** The local date (YYYY-MM-DD) of an instant. */
  date(instant: Instant): string {
    return this.zone.date(instant);
  }

  /** The end of a local date (23:59:59.999) as a UTC ISO instant. */
  endOfDay(date: string): string {
    return this.zone.endOfDay(date);
  }

  /** Whether a date (YYYY-MM-DD) is a working day. */
  isWorkingDate(date: string): boolean {
    return this.isWorking(dayNumber(date));
  }

  /** Whether an instant falls on a local working day. */
  isWorkingDay(instant: Instant): Computed<boolean> {
    const date = this.zone.date(instant);
    return { value: this.isWorkingDate(date), missingYears: this.gaps([Number(date.slice(0, 4))]) };
  }

  /**
   * The date of working day N after the clock-start date (day 0), skipping the excluded dates
   * (paused days). Undefined when N cannot be reached before `stopBefore` (an open pause).
   */
  nthWorkingDate(
    startDate: string,
    n: number,
    excluded?: (date: string) => boolean,
    stopBefore?: string,
  ): Computed<string | undefined> {
    if (!Number.isInteger(n) || n < 1)
      throw new RangeError(`working days must be a positive integer, got ${n}`);
    const first = dayNumber(startDate) + 1;
    let day = first - 1;
    const stop = stopBefore === undefined ? Number.POSITIVE_INFINITY : dayNumber(stopBefore);
    let counted = 0;
    while (counted < n) {
      day += 1;
      if (day >= stop) return { value: undefined, missingYears: this.gaps(yearsBetween(first, day - 1)) };
      if (this.isWorking(day, excluded)) counted += 1;
    }
    return { value: isoDate(day), missingYears: this.gaps(yearsBetween(first, day)) };
  }

  /** The due instant of N working days after an instant: the end of working day N, local time. */
  addWorkingDays(start: Instant, n: number): Computed<string> {
    const { value, missingYears } = this.nthWorkingDate(this.zone.date(start), n);
    return { value: this.zone.endOfDay(value as string), missingYears };
  }

  /**
   * Working days after the start date up to and including the end date (both local dates),
   * not counting the excluded dates. Zero when the end is not after the start.
   */
  countWorkingDates(
    startDate: string,
    endDate: string,
    excluded?: (date: string) => boolean,
  ): Computed<number> {
    const first = dayNumber(startDate) + 1;
    const last = dayNumber(endDate);
    let count = 0;
    for (let day = first; day <= last; day++) if (this.isWorking(day, excluded)) count += 1;
    return { value: count, missingYears: last >= first ? this.gaps(yearsBetween(first, last)) : [] };
  }

  /** Working days elapsed between two instants by the counting rule above. */
  workingDaysBetween(start: Instant, end: Instant): Computed<number> {
    return this.countWorkingDates(this.zone.date(start), this.zone.date(end));
  }

  private gaps(years: Iterable<number>): number[] {
    return [...new Set(years)].filter((y) => !this.yearsCovered.has(y)).sort();
  }
}
