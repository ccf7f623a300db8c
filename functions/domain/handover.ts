import { isActive, type RosterEntry, recipientsOn } from './roster';

/**
 * Serah terima: what the daily check owes a liaison admin who arrives in office, and the province
 * about a seat that was vacant. Pure: dates are the province's calendar dates (YYYY-MM-DD), given
 * by the caller, so the rule holds in any time zone.
 */

/** An inclusive stretch of dates on which a regency had no liaison admin in office. */
export interface VacancyPeriod {
  from: string;
  /** Last vacant date; for a vacancy still running, the date it was judged on. */
  to: string;
  /** Still vacant on the date judged. */
  ongoing: boolean;
}

/** Someone who took over a regency's liaison seat. */
export interface Arrival {
  regencyCode: string;
  /** The arriving admin, or a backup taking over a seat that fell vacant. */
  person: RosterEntry;
  kind: 'admin' | 'backup';
  /** The first date in charge. */
  since: string;
  /** The admins in office before them (after a vacancy: the last ones before it), still on the roster. */
  outgoing: RosterEntry[];
  /** The seat was vacant right before the arrival. */
  vacancy?: VacancyPeriod;
}

/** How far back a vacancy is traced: a setting of the product, far beyond any real decree delay. */
export const vacancyLookbackDays = 366;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same appointment: one person in one role from one date (the roster's natural key). */
function sameAppointment(a: RosterEntry, b: RosterEntry): boolean {
  return a.role === b.role && a.email === b.email && a.from === b.from;
}

function vacantOn(entries: readonly RosterEntry[], code: string, date: string): boolean {
  return recipientsOn(entries, code, date).vacant;
}

/**
 * The vacancy that ends on `lastDate` (inclusive), traced back day by day, or none if the seat was
 * held on `lastDate`.
 */
export function vacancyEndingOn(
  entries: readonly RosterEntry[],
  code: string,
  lastDate: string,
  ongoing = false,
): VacancyPeriod | undefined {
  if (!vacantOn(entries, code, lastDate)) return undefined;
  let from = lastDate;
  for (let i = 0; i < vacancyLookbackDays; i += 1) {
    const before = addDays(from, -1);
    if (!vacantOn(entries, code, before)) break;
    from = before;
  }
  return { from, to: lastDate, ongoing };
}

/** The admins in office on the last date before `date` on which the seat was held. */
function lastHolders(entries: readonly RosterEntry[], code: string, date: string): RosterEntry[] {
  let day = addDays(date, -1);
  for (let i = 0; i < vacancyLookbackDays; i += 1) {
    const held = recipientsOn(entries, code, day).admins;
    if (held.length > 0) return held;
    day = addDays(day, -1);
  }
  return [];
}

/**
 * The arrivals of a regency on the dates after `afterDate` up to `date` (the days since the last
 * scheduled check, weekends and holidays included), still in office on `date`:
 * - an admin whose appointment starts on one of those days;
 * - a backup in office on the first day of a vacancy that still runs on `date`: the digests go to
 *   them from that day on.
 */
export function arrivalsBetween(
  entries: readonly RosterEntry[],
  code: string,
  afterDate: string,
  date: string,
): Arrival[] {
  const arrivals: Arrival[] = [];
  const today = recipientsOn(entries, code, date);
  for (let day = addDays(afterDate, 1); day <= date; day = addDays(day, 1)) {
    const before = recipientsOn(entries, code, addDays(day, -1));
    const on = recipientsOn(entries, code, day);
    for (const admin of on.admins) {
      if (before.admins.some((a) => sameAppointment(a, admin))) continue;
      if (!today.admins.some((a) => sameAppointment(a, admin))) continue;
      const vacancy = before.vacant ? vacancyEndingOn(entries, code, addDays(day, -1)) : undefined;
      arrivals.push({
        regencyCode: code,
        person: admin,
        kind: 'admin',
        since: day,
        outgoing: before.vacant
          ? lastHolders(entries, code, day)
          : before.admins.filter((a) => !isActive(a, day)),
        ...(vacancy ? { vacancy } : {}),
      });
    }
    if (on.vacant && !before.vacant && today.vacant) {
      for (const backup of on.backups) {
        if (!today.backups.some((b) => sameAppointment(b, backup))) continue;
        arrivals.push({
          regencyCode: code,
          person: backup,
          kind: 'backup',
          since: day,
          outgoing: before.admins,
          vacancy: { from: day, to: date, ongoing: true },
        });
      }
    }
  }
  return arrivals;
}

/**
 * The vacancies the province hears about on `date`: the one still running, and one that ended since
 * the last check (its final account, sent the day the new admin arrives).
 */
export function vacanciesToReport(
  entries: readonly RosterEntry[],
  code: string,
  afterDate: string,
  date: string,
): VacancyPeriod[] {
  const running = vacancyEndingOn(entries, code, date, true);
  if (running) return [running];
  for (let day = date; day > afterDate; day = addDays(day, -1)) {
    const ended = vacancyEndingOn(entries, code, addDays(day, -1));
    if (ended && !vacantOn(entries, code, day)) return [ended];
  }
  return [];
}
