import { DateTime } from 'luxon';
import { timeZone } from './calendar';

/**
 * A semester: H1 is January to June, H2 July to December, in Asia/Makassar. The scheduled job runs
 * on 1 January and 1 July for the semester that just ended.
 */
export interface Semester {
  /** "2026-H1" */
  id: string;
  year: number;
  half: 1 | 2;
  /** First instant, 1 Jan / 1 Jul 00:00 WITA, as UTC ISO. */
  start: string;
  /** Last instant, 30 Jun / 31 Dec 23:59:59.999 WITA, as UTC ISO: the data cut-off. */
  end: string;
  /** First and last WITA dates. */
  firstDate: string;
  lastDate: string;
  /** The six months, YYYY-MM. */
  months: string[];
}

export class SemesterError extends Error {
  override name = 'SemesterError';
}

export function parseSemester(id: string): Semester {
  const match = /^(\d{4})-H([12])$/.exec(id.trim());
  if (!match)
    throw new SemesterError(
      `"${id}" is not a semester: write YYYY-H1 (January-June) or YYYY-H2 (July-December)`,
    );
  return semester(Number(match[1]), Number(match[2]) as 1 | 2);
}

export function semester(year: number, half: 1 | 2): Semester {
  const first = DateTime.fromObject({ year, month: half === 1 ? 1 : 7, day: 1 }, { zone: timeZone });
  const last = first.plus({ months: 6 }).minus({ days: 1 });
  return {
    id: `${year}-H${half}`,
    year,
    half,
    start: first.toUTC().toISO() as string,
    end: last.endOf('day').toUTC().toISO() as string,
    firstDate: first.toISODate() as string,
    lastDate: last.toISODate() as string,
    months: Array.from({ length: 6 }, (_, i) => first.plus({ months: i }).toFormat('yyyy-MM')),
  };
}

export function previousSemester(s: Semester): Semester {
  return s.half === 1 ? semester(s.year - 1, 2) : semester(s.year, 1);
}

/** The semester that had ended by an instant: on 1 July, H1 of that year. */
export function lastEndedSemester(at: Date): Semester {
  const wita = DateTime.fromJSDate(at, { zone: timeZone });
  return wita.month >= 7 ? semester(wita.year, 1) : semester(wita.year - 1, 2);
}

/** "Semester I 2026 (Januari–Juni)" */
export function semesterLabel(s: Semester): string {
  return `Semester ${s.half === 1 ? 'I' : 'II'} ${s.year} (${s.half === 1 ? 'Januari–Juni' : 'Juli–Desember'})`;
}
