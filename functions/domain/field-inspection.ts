import type { WorkingCalendar } from './calendar';
import type { Classification } from './complaint';

/**
 * Field inspections (pemeriksaan lapangan): a complaint that needs one is "pengaduan berkadar
 * pengawasan", whose completion limit is the policy's for that class (60 working days under the
 * national rule). LAPOR!'s export has one `Pengaduan` class, so the mark comes from the admin: an
 * update (API or file) carrying a planned date and, later, the date it was done.
 */

/** The class a complaint with a field inspection belongs to (its completion limit is the policy's). */
export const inspectionClass: Classification = 'pengaduan-berkadar-pengawasan';

/** What one update says of the inspection: either date may be given alone. */
export interface InspectionMark {
  /** Planned date (YYYY-MM-DD, the province's calendar). */
  plannedOn?: string;
  /** The date it was done. */
  doneOn?: string;
}

/** A complaint's inspection, merged from its updates in time order (a later date replaces an earlier one). */
export interface FieldInspection extends InspectionMark {
  /** When the complaint was first marked as needing one. */
  markedAt: string;
}

/** The problem with an inspection mark, or undefined: planned and done are real dates, done not before planned. */
export function inspectionProblem(mark: InspectionMark): string | undefined {
  for (const [field, value] of Object.entries(mark)) {
    if (value === undefined) continue;
    if (!isRealDate(value)) return `${field}: must be a date YYYY-MM-DD, got "${value}"`;
  }
  if (mark.plannedOn === undefined && mark.doneOn === undefined)
    return 'plannedOn or doneOn: give the planned date, the date it was done, or both';
  if (mark.plannedOn && mark.doneOn && mark.doneOn < mark.plannedOn)
    return `doneOn: ${mark.doneOn} is before the planned date ${mark.plannedOn}`;
  return undefined;
}

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Folds the marks of a time-ordered history into the complaint's inspection, if it has one. */
export function inspectionOf(
  timeline: readonly { at: string; inspection?: InspectionMark }[],
): FieldInspection | undefined {
  let merged: FieldInspection | undefined;
  for (const entry of timeline) {
    if (!entry.inspection) continue;
    merged = { ...(merged ?? { markedAt: entry.at }), ...definedOnly(entry.inspection) };
  }
  return merged;
}

function definedOnly(mark: InspectionMark): InspectionMark {
  return {
    ...(mark.plannedOn !== undefined ? { plannedOn: mark.plannedOn } : {}),
    ...(mark.doneOn !== undefined ? { doneOn: mark.doneOn } : {}),
  };
}

/** Where an inspection stands on a date. */
export type InspectionState = 'unplanned' | 'planned' | 'overdue' | 'done-on-time' | 'done-late';

export function inspectionState(inspection: FieldInspection, date: string): InspectionState {
  if (inspection.doneOn) {
    return !inspection.plannedOn || inspection.doneOn <= inspection.plannedOn ? 'done-on-time' : 'done-late';
  }
  if (!inspection.plannedOn) return 'unplanned';
  return inspection.plannedOn < date ? 'overdue' : 'planned';
}

/** An open complaint's inspection as the daily digest lists it. */
export interface InspectionItem {
  trackingId: string;
  unit: string;
  plannedOn: string;
  /** Working days from the planned date to today (overdue) or from today to it (coming). */
  workingDays: number;
  state: 'coming' | 'overdue';
}

/**
 * The inspections an admin hears about on `date`: planned from today to the end of the horizon
 * (the next working days), and those past their planned date with no date done, most late first.
 */
export function inspectionsForDigest(
  complaints: readonly {
    trackingId: string;
    unit: string;
    open: boolean;
    fieldInspection?: FieldInspection;
  }[],
  calendar: WorkingCalendar,
  date: string,
  horizonDate: string,
): { coming: InspectionItem[]; overdue: InspectionItem[] } {
  const coming: InspectionItem[] = [];
  const overdue: InspectionItem[] = [];
  for (const c of complaints) {
    const inspection = c.fieldInspection;
    if (!c.open || !inspection?.plannedOn || inspection.doneOn) continue;
    const { plannedOn } = inspection;
    if (plannedOn < date) {
      overdue.push({
        trackingId: c.trackingId,
        unit: c.unit,
        plannedOn,
        workingDays: calendar.countWorkingDates(plannedOn, date).value,
        state: 'overdue',
      });
    } else if (plannedOn <= horizonDate) {
      coming.push({
        trackingId: c.trackingId,
        unit: c.unit,
        plannedOn,
        workingDays: calendar.countWorkingDates(date, plannedOn).value,
        state: 'coming',
      });
    }
  }
  overdue.sort((a, b) => b.workingDays - a.workingDays || a.trackingId.localeCompare(b.trackingId));
  coming.sort((a, b) => a.plannedOn.localeCompare(b.plannedOn) || a.trackingId.localeCompare(b.trackingId));
  return { coming, overdue };
}

/** A regency's field inspections over a period (`semester-report --json` `fieldInspections`). */
export interface InspectionFigures {
  /** Inspections planned for a date within the period. */
  planned: number;
  /** Of those, done on or before the planned date. */
  doneOnTime: number;
  /** Done after the planned date, or not done and the planned date passed by the period's end (or today). */
  late: number;
  /** Planned for a date not reached yet (a running period), not done. */
  upcoming: number;
  /** Median working days from disposition to the inspection, over inspections done (undefined: none). */
  medianWorkingDaysDispositionToInspection?: number;
  /** Median working days from the inspection to completion, over complaints completed after one. */
  medianWorkingDaysInspectionToCompletion?: number;
  /** How many inspections each median is taken over. */
  doneWithDisposition: number;
  completedAfterInspection: number;
}

/**
 * Figures of the inspections planned within [from, to] (dates), judged as of `asOf` (a date):
 * `dateOf` turns an instant into the province's calendar date.
 */
export function inspectionFigures(
  complaints: readonly {
    fieldInspection?: FieldInspection;
    dispositionAt?: string;
    completedAt?: string;
  }[],
  calendar: WorkingCalendar,
  period: { from: string; to: string; asOf: string },
  dateOf: (instant: string) => string,
): InspectionFigures {
  // After the period, every inspection planned in it and not done is late; within it, only those past their date.
  const finished = period.asOf > period.to;
  const toInspection: number[] = [];
  const toCompletion: number[] = [];
  const figures: InspectionFigures = {
    planned: 0,
    doneOnTime: 0,
    late: 0,
    upcoming: 0,
    doneWithDisposition: 0,
    completedAfterInspection: 0,
  };
  for (const c of complaints) {
    const inspection = c.fieldInspection;
    if (!inspection?.plannedOn || inspection.plannedOn < period.from || inspection.plannedOn > period.to)
      continue;
    figures.planned += 1;
    const state = inspectionState(inspection, period.asOf);
    if (state === 'done-on-time') figures.doneOnTime += 1;
    else if (state === 'done-late' || state === 'overdue' || finished) figures.late += 1;
    else figures.upcoming += 1;
    if (inspection.doneOn && c.dispositionAt) {
      toInspection.push(calendar.countWorkingDates(dateOf(c.dispositionAt), inspection.doneOn).value);
    }
    if (inspection.doneOn && c.completedAt) {
      toCompletion.push(calendar.countWorkingDates(inspection.doneOn, dateOf(c.completedAt)).value);
    }
  }
  figures.doneWithDisposition = toInspection.length;
  figures.completedAfterInspection = toCompletion.length;
  const m1 = median(toInspection);
  const m2 = median(toCompletion);
  return {
    ...figures,
    ...(m1 !== undefined ? { medianWorkingDaysDispositionToInspection: m1 } : {}),
    ...(m2 !== undefined ? { medianWorkingDaysInspectionToCompletion: m2 } : {}),
  };
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
