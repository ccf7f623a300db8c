import type { Zone } from './zone';

/**
 * A semester: H1 is January to June, H2 July to December, in the province's zone. The scheduled job
 * runs on 1 January and 1 July for the semester that just ended.
 */
export interface Semester {
  /** "2026-H1" */
  id: string;
  year: number;
  half: 1 | 2;
  /** First instant, 1 Jan / 1 Jul 00:00 local time, as UTC ISO. */
  start: string;
  /** Last instant, 30 Jun / 31 Dec 23:59:59.999 local time, as UTC ISO: the data cut-off. */
  end: string;
  /** First and last dates. */
  firstDate: string;
  lastDate: string;
  /** The six months, YYYY-MM. */
  months: string[];
}

export class SemesterError extends Error {
  override name = 'SemesterError';
}

/** A semester by its id ("2026-H1"), its instants in the province's zone. */
export function parseSemester(id: string, zone: Zone): Semester {
  const match = /^(\d{4})-H([12])$/.exec(id.trim());
  if (!match)
    throw new SemesterError(
      `"${id}" is not a semester: write YYYY-H1 (January-June) or YYYY-H2 (July-December)`,
    );
  return semester(Number(match[1]), Number(match[2]) as 1 | 2, zone);
}

/** A semester, its first and last instants in the province's zone. */
export function semester(year: number, half: 1 | 2, zone: Zone): Semester {
  const firstMonth = half === 1 ? 1 : 7;
  const firstDate = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const lastDate = `${year}-${half === 1 ? '06-30' : '12-31'}`;
  return {
    id: `${year}-H${half}`,
    year,
    half,
    start: zone.at(firstDate, '00:00').toISOString(),
    end: zone.endOfDay(lastDate),
    firstDate,
    lastDate,
    months: Array.from({ length: 6 }, (_, i) => `${year}-${String(firstMonth + i).padStart(2, '0')}`),
  };
}

export function previousSemester(s: Semester, zone: Zone): Semester {
  return s.half === 1 ? semester(s.year - 1, 2, zone) : semester(s.year, 1, zone);
}

/** The semester that had ended by an instant in the province's zone: on 1 July, H1 of that year. */
export function lastEndedSemester(at: Date, zone: Zone): Semester {
  const [year, month] = zone.date(at).split('-').map(Number) as [number, number];
  return month >= 7 ? semester(year, 1, zone) : semester(year - 1, 2, zone);
}

/** "Semester I 2026 (Januari–Juni)" */
export function semesterLabel(s: Semester): string {
  return `Semester ${s.half === 1 ? 'I' : 'II'} ${s.year} (${s.half === 1 ? 'Januari–Juni' : 'Juli–Desember'})`;
}
