import type { ClientScope } from './client-scope';
import type { Snapshot } from './snapshot';
import type { ComplaintUpdate } from './update';
import type { Zone } from './zone';

/**
 * How far back a regency-scoped writer (a regency's API client, an upload under a regency's folder)
 * may date an update, counted from when it is received. A **setting of this product**, not law: a
 * month covers a regency's system that was down (LAPOR!'s own outages when it moved to Komdigi were
 * days to weeks) and weekly exports, while a client cannot write a history dated months back into
 * a complaint (issue 23: tracking ids are global, so a regency could file another's future id
 * with a made-up past). Older history is loaded by the province (its client or `imports/<province>/`),
 * which this bound does not limit. Overridden by the functions' `BACKDATE_WINDOW_DAYS`.
 */
export const defaultBackdateWindowDays = 30;

/** Whether the writer is held to the bounds: a client or upload limited to some regencies. */
export const isRegencyScoped = (scope: ClientScope | undefined): boolean =>
  scope !== undefined && !('province' in scope);

/** A problem with an update's dates for a regency-scoped writer, naming the field; undefined when none. */
export function backdatingProblem(
  update: Pick<ComplaintUpdate, 'occurredAt' | 'submittedAt'>,
  previous: Pick<Snapshot, 'submittedAt'> | undefined,
  receivedAt: Date,
  windowDays: number,
  /** The province's zone: days are counted in it. */
  zone: Zone,
): { path: 'occurredAt' | 'submittedAt'; message: string } | undefined {
  const earliest = receivedAt.getTime() - windowDays * 86_400_000;
  if (Date.parse(update.occurredAt) < earliest) {
    return {
      path: 'occurredAt',
      message: `is more than ${windowDays} days before it was received (setting backdateWindowDays); the province loads older history`,
    };
  }
  // By day, as working days are counted (the clock-start day is day 0 whatever the hour): an export
  // that gives the submission without its time moves no deadline.
  const submittedDay = previous ? zone.date(previous.submittedAt) : undefined;
  if (submittedDay && zone.date(update.occurredAt) < submittedDay) {
    return {
      path: 'occurredAt',
      message: `is before the complaint's submission (${submittedDay}); send submittedAt with the complaint's first update`,
    };
  }
  if (submittedDay && update.submittedAt && zone.date(update.submittedAt) < submittedDay) {
    return {
      path: 'submittedAt',
      message: `would move the complaint's submission back from ${submittedDay}; only the province may`,
    };
  }
  return undefined;
}
