import type { DigestItem } from './deadlines';
import type { Zone } from './zone';

/**
 * What a reader of a deadline e-mail needs first, decided once here so that the templates only lay
 * out: the counts of the first screen (late, newly late, due today or by the next working day),
 * which complaints come first, and the rest grouped by the unit (dinas) that must act, cut to a
 * length a phone can take with the cut counted.
 */

/**
 * When a listed complaint's current stage is, or was, due, as the reader counts days. `expired` is
 * the reporter's clock run out: nobody is late, the admin may close the report.
 */
export type DueWhen = 'late' | 'expired' | 'today' | 'tomorrow' | 'next-working-day' | 'later';

/** A complaint as a deadline e-mail lists it. */
export interface ListedComplaint extends DigestItem {
  when: DueWhen;
}

/** The complaints of one unit (dinas), most late first, possibly cut. */
export interface UnitGroup {
  unit: string;
  /** Complaints of this unit in the group (listed or not). */
  total: number;
  late: number;
  items: ListedComplaint[];
  /** Complaints of this unit left out of the e-mail by the length limit. */
  hidden: number;
}

export interface DigestCounts {
  total: number;
  late: number;
  /** Breached since the previous check ("baru terlambat"). */
  newlyLate: number;
  /** The reporter's time to answer ran out: the admin may close these. */
  expired: number;
  /** Neither late nor expired: due soon. */
  dueSoon: number;
  /** Not late yet, due by the end of today. */
  dueToday: number;
  /** Not late yet, due by the end of the next working day. */
  dueNextWorkingDay: number;
  /** Fewest and most working days late among the late ones (0 when none is late). */
  minLate: number;
  maxLate: number;
}

export interface DigestView {
  date: string;
  /** The province's zone: the digest's dates and times are written in it. */
  zone: Zone;
  /** The next working day after `date` (YYYY-MM-DD). */
  nextWorkingDate: string;
  /** Whether the next working day is the calendar day after `date` ("besok"). */
  nextWorkingDayIsTomorrow: boolean;
  counts: DigestCounts;
  /** Newly late complaints, then the most late ones: what the first screen shows. */
  first: ListedComplaint[];
  /** Everything else, by unit: the units with the most late complaints first. */
  groups: UnitGroup[];
  /** Complaints in the groups, listed or not. */
  grouped: number;
  /** Every complaint, most late first: the full list, e.g. for an attachment when the e-mail is cut. */
  all: ListedComplaint[];
  /** Complaints shown in the e-mail (first + groups) and left out by the length limit. */
  listed: number;
  omitted: number;
}

export interface DigestViewOptions {
  /** The check's date, in the province's zone. */
  date: string;
  /** The province's zone: the dates a complaint is due are its days. */
  zone: Zone;
  nextWorkingDate: string;
  /** At most this many newly late complaints at the top. @default 10 */
  newLimit?: number;
  /** Besides the new ones, this many of the most late at the top. @default 3 */
  mostLateCount?: number;
  /**
   * At most this many complaints listed in all. Gmail clips an HTML part over about 102 KB, and a
   * list longer than a few dozen is not read on a phone. @default 60
   */
  listLimit?: number;
}

/** Most late first, then late before due, then the soonest due; ties by tracking id. */
export function byUrgency(a: DigestItem, b: DigestItem): number {
  return (
    b.workingDaysLate - a.workingDaysLate ||
    Number(b.breached) - Number(a.breached) ||
    a.due.localeCompare(b.due) ||
    a.trackingId.localeCompare(b.trackingId)
  );
}

const nextCalendarDate = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** When an item is due, relative to the check's date and the next working day. */
export function dueWhen(item: DigestItem, date: string, nextWorkingDate: string, zone: Zone): DueWhen {
  if (item.breached) return 'late';
  if (item.expired) return 'expired';
  const dueDate = zone.date(item.due);
  if (dueDate <= date) return 'today';
  if (dueDate === nextWorkingDate)
    return nextWorkingDate === nextCalendarDate(date) ? 'tomorrow' : 'next-working-day';
  return 'later';
}

/** The first-screen counts of a list of complaints. */
export function digestCounts(items: readonly ListedComplaint[]): DigestCounts {
  const late = items.filter((i) => i.breached);
  return {
    total: items.length,
    late: late.length,
    newlyLate: items.filter((i) => i.newlyBreached).length,
    expired: items.filter((i) => i.when === 'expired').length,
    dueSoon: items.filter((i) => i.when !== 'late' && i.when !== 'expired').length,
    dueToday: items.filter((i) => i.when === 'today').length,
    dueNextWorkingDay: items.filter((i) => i.when === 'tomorrow' || i.when === 'next-working-day').length,
    minLate: late.length > 0 ? Math.min(...late.map((i) => i.workingDaysLate)) : 0,
    maxLate: late.length > 0 ? Math.max(...late.map((i) => i.workingDaysLate)) : 0,
  };
}

/**
 * Groups complaints by unit, the units with the most late complaints first (then the oldest
 * breach, then the name), each most late first. With a limit, the listed complaints are dealt out
 * round-robin, so that every unit shows its worst cases before any unit shows its tenth; what is
 * left out is counted per unit.
 */
export function groupByUnit(
  items: readonly ListedComplaint[],
  limit = Number.POSITIVE_INFINITY,
): UnitGroup[] {
  const byUnit = new Map<string, ListedComplaint[]>();
  for (const item of [...items].sort(byUrgency)) {
    const list = byUnit.get(item.unit) ?? [];
    list.push(item);
    byUnit.set(item.unit, list);
  }
  const groups = [...byUnit.entries()]
    .map(([unit, all]) => ({ unit, all, late: all.filter((i) => i.breached).length }))
    .sort(
      (a, b) =>
        b.late - a.late ||
        (b.all[0]?.workingDaysLate ?? 0) - (a.all[0]?.workingDaysLate ?? 0) ||
        b.all.length - a.all.length ||
        a.unit.localeCompare(b.unit),
    );
  const shown = groups.map(() => 0);
  let budget = Math.max(0, limit);
  for (let round = 0; budget > 0; round += 1) {
    let dealt = false;
    groups.forEach((g, n) => {
      if (budget > 0 && round < g.all.length) {
        shown[n] = round + 1;
        budget -= 1;
        dealt = true;
      }
    });
    if (!dealt) break;
  }
  return groups.map((g, n) => ({
    unit: g.unit,
    total: g.all.length,
    late: g.late,
    items: g.all.slice(0, shown[n]),
    hidden: g.all.length - (shown[n] ?? 0),
  }));
}

/**
 * The regency admins' digest: counts for the first screen, the newly late and the most late at
 * the top, the rest by unit, at most `listLimit` complaints listed.
 */
export function digestView(items: readonly DigestItem[], options: DigestViewOptions): DigestView {
  const { date, nextWorkingDate, zone } = options;
  const newLimit = options.newLimit ?? 10;
  const mostLateCount = options.mostLateCount ?? 3;
  const listLimit = options.listLimit ?? 60;
  const listed = [...items]
    .sort(byUrgency)
    .map((i) => ({ ...i, when: dueWhen(i, date, nextWorkingDate, zone) }));
  const fresh = listed.filter((i) => i.newlyBreached).slice(0, Math.min(newLimit, listLimit));
  const oldest = listed
    .filter((i) => i.breached && !i.newlyBreached)
    .slice(0, Math.max(0, Math.min(mostLateCount, listLimit - fresh.length)));
  const first = [...fresh, ...oldest].sort(byUrgency);
  const top = new Set(first.map((i) => i.trackingId));
  const groups = groupByUnit(
    listed.filter((i) => !top.has(i.trackingId)),
    listLimit - first.length,
  );
  const inGroups = groups.reduce((n, g) => n + g.items.length, 0);
  return {
    date,
    zone,
    nextWorkingDate,
    nextWorkingDayIsTomorrow: nextWorkingDate === nextCalendarDate(date),
    counts: digestCounts(listed),
    first,
    groups,
    grouped: listed.length - first.length,
    all: listed,
    listed: first.length + inGroups,
    omitted: listed.length - first.length - inGroups,
  };
}

/** The regency head's escalation: the counts for the opening sentence and every unit's list. */
export interface EscalationView {
  counts: DigestCounts;
  /** By unit, the units with the most complaints first; nothing is cut. */
  groups: UnitGroup[];
}

export function escalationView(
  items: readonly DigestItem[],
  options: { date: string; zone: Zone },
): EscalationView {
  const listed = items.map((i) => ({ ...i, when: dueWhen(i, options.date, options.date, options.zone) }));
  return { counts: digestCounts(listed), groups: groupByUnit(listed) };
}

/** Rows of each complaint list in the province digest (the most late first). */
export const provinceListLimit = 30;

/** The `limit` most late complaints of a list, and how many were left out. */
export function mostLate(
  items: readonly DigestItem[],
  limit: number,
): { items: ListedComplaint[]; total: number; omitted: number } {
  const sorted = [...items].sort(byUrgency).slice(0, limit);
  return {
    items: sorted.map((i) => ({ ...i, when: i.breached ? 'late' : 'later' })),
    total: items.length,
    omitted: Math.max(0, items.length - limit),
  };
}
