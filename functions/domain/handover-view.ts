import type { WorkingCalendar } from './calendar';
import type { Classification, Status } from './complaint';
import type { Arrival, VacancyPeriod } from './handover';
import { computeSla, type Stage, stageOwners } from './sla';
import type { SlaRules } from './sla-policy';
import type { Snapshot } from './snapshot';

/**
 * What the arriving admin's handover digest and the province's vacancy list say, decided here so
 * that the views only lay out: every open complaint with its stage, age, deadline and last action,
 * grouped by the unit that must act, and the complaints that went past a deadline while no admin
 * was in office.
 */

/** An open complaint as the handover lists it. */
export interface HandoverItem {
  trackingId: string;
  unit: string;
  category: string;
  classification: Classification;
  status: Status;
  /** The stage whose clock runs (absent when none does). */
  stage?: Stage;
  /** Its due instant. */
  due?: string;
  breached: boolean;
  workingDaysLate: number;
  /** Working days since submission. */
  ageWorkingDays: number;
  submittedAt: string;
  /** The last recorded action: its status and when. */
  lastAction: { status: Status; at: string };
  /** Received while the seat was vacant. */
  duringVacancy: boolean;
}

export interface HandoverUnit {
  unit: string;
  total: number;
  late: number;
  items: HandoverItem[];
}

export interface HandoverView {
  arrival: Arrival;
  date: string;
  total: number;
  late: number;
  /** By unit: the units with the most late complaints first; in each, most late first, then oldest. */
  groups: HandoverUnit[];
  /** Received while the seat was vacant (also listed in their unit). */
  fromVacancy: HandoverItem[];
  /** Every complaint, in the order of the groups: the attached CSV. */
  all: HandoverItem[];
  /** What the e-mail writes out, within `handoverListLimit` (the attachment has every one). */
  listed: HandoverListing;
}

/**
 * At most this many complaints are written out in the handover e-mail, so that it stays readable on
 * a phone; the attached list has all. A setting of the product.
 */
export const handoverListLimit = 60;

export interface HandoverListing {
  /** The first of those received during the vacancy (listed before the units). */
  fromVacancy: HandoverItem[];
  /** Per unit, the first of its complaints not already listed above. */
  groups: HandoverUnit[];
  /** Left out of the e-mail by the limit. */
  omitted: number;
}

/** Deals the limit out: the vacancy's complaints first, then each unit in order, each complaint once. */
export function handoverListing(
  view: Pick<HandoverView, 'fromVacancy' | 'groups'>,
  limit = handoverListLimit,
): HandoverListing {
  let budget = Math.max(0, limit);
  const take = (items: readonly HandoverItem[]) => {
    const shown = items.slice(0, budget);
    budget -= shown.length;
    return shown;
  };
  const fromVacancy = take(view.fromVacancy);
  let omitted = 0;
  const groups = view.groups.map((group) => {
    // What arrived during the vacancy is listed above, once.
    const rest = group.items.filter((i) => !i.duringVacancy);
    const items = take(rest);
    omitted += rest.length - items.length;
    return { ...group, items };
  });
  return { fromVacancy, groups, omitted };
}

type SlaContext = { policy: SlaRules; calendar: WorkingCalendar };

const byLateThenAge = (a: HandoverItem, b: HandoverItem) =>
  b.workingDaysLate - a.workingDaysLate ||
  b.ageWorkingDays - a.ageWorkingDays ||
  a.trackingId.localeCompare(b.trackingId);

/**
 * The handover of a regency's open complaints to an arriving admin, judged at `at` (on `date`, the
 * province's calendar date); `dateOf` gives an instant's calendar date.
 */
export function handoverView(
  open: readonly Snapshot[],
  ctx: SlaContext,
  at: Date,
  date: string,
  arrival: Arrival,
  dateOf: (instant: string) => string,
): HandoverView {
  const items: HandoverItem[] = [];
  for (const s of open) {
    const sla = computeSla(s.timeline, ctx.policy, ctx.calendar, at, s.submittedAt);
    if (!sla.open) continue;
    const current = sla.current;
    const last = s.timeline.at(-1);
    const received = dateOf(s.submittedAt);
    items.push({
      trackingId: s.trackingId,
      unit: s.unit,
      category: s.category,
      classification: sla.classification,
      status: sla.status,
      ...(current ? { stage: current.stage } : {}),
      ...(current?.due ? { due: current.due } : {}),
      breached: current?.breached === true,
      workingDaysLate: current?.workingDaysLate ?? 0,
      ageWorkingDays: ctx.calendar.countWorkingDates(received, date).value,
      submittedAt: s.submittedAt,
      lastAction: { status: last?.status ?? sla.status, at: last?.at ?? s.lastEventAt },
      duringVacancy:
        arrival.vacancy !== undefined && received >= arrival.vacancy.from && received <= arrival.vacancy.to,
    });
  }
  const units = new Map<string, HandoverItem[]>();
  for (const item of items) units.set(item.unit, [...(units.get(item.unit) ?? []), item]);
  const groups = [...units.entries()]
    .map(([unit, list]) => ({
      unit,
      total: list.length,
      late: list.filter((i) => i.breached).length,
      items: list.sort(byLateThenAge),
    }))
    .sort((a, b) => b.late - a.late || b.total - a.total || a.unit.localeCompare(b.unit));
  const all = groups.flatMap((g) => g.items);
  const fromVacancy = all.filter((i) => i.duringVacancy).sort(byLateThenAge);
  return {
    arrival,
    date,
    total: all.length,
    late: all.filter((i) => i.breached).length,
    groups,
    fromVacancy,
    all,
    listed: handoverListing({ fromVacancy, groups }),
  };
}

/** A deadline of the admin or a unit that passed while the seat was vacant. */
export interface VacancyBreach {
  trackingId: string;
  unit: string;
  stage: Stage;
  due: string;
  /** Working days late now (or when the stage was met). */
  workingDaysLate: number;
  /** Still open now. */
  open: boolean;
}

/**
 * The complaints whose admin's or unit's deadline fell within a vacancy and was missed: each
 * complaint once, with the first such stage. Reporter's clocks are never a breach.
 */
export function vacancyBreaches(
  complaints: readonly Snapshot[],
  ctx: SlaContext,
  at: Date,
  vacancy: VacancyPeriod,
  dateOf: (instant: string) => string,
): VacancyBreach[] {
  const breaches: VacancyBreach[] = [];
  for (const s of complaints) {
    const sla = computeSla(s.timeline, ctx.policy, ctx.calendar, at, s.submittedAt);
    const stage = sla.stages.find((st) => {
      if (!st.breached || !st.due || stageOwners[st.stage] === 'reporter') return false;
      const dueDate = dateOf(st.due);
      return dueDate >= vacancy.from && dueDate <= vacancy.to;
    });
    if (!stage?.due) continue;
    breaches.push({
      trackingId: s.trackingId,
      unit: s.unit,
      stage: stage.stage,
      due: stage.due,
      workingDaysLate: stage.workingDaysLate,
      open: sla.open,
    });
  }
  return breaches.sort(
    (a, b) => b.workingDaysLate - a.workingDaysLate || a.trackingId.localeCompare(b.trackingId),
  );
}
