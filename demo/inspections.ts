import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../functions/domain/calendar';
import type { ComplaintUpdate } from '../functions/domain/update';

/**
 * The demo's field inspections: a handful of Kotabaru's and Tanah Bumbu's complaints that need one
 * (pengaduan berkadar pengawasan) get a planned date with their follow-up and the date it was done
 * with their completion; one of them is done late, after the digests listed it as overdue.
 */
export const demoInspections = { regencies: { '6302': 4, '6310': 2 }, plannedAfterWorkingDays: 5, lateBy: 4 };

/** The updates with the inspection marks added (a new array; the complaints' timing is unchanged). */
export function withDemoInspections(
  updates: readonly ComplaintUpdate[],
  calendar: WorkingCalendar,
): ComplaintUpdate[] {
  const byComplaint = new Map<string, number[]>();
  updates.forEach((u, i) => {
    byComplaint.set(u.trackingId, [...(byComplaint.get(u.trackingId) ?? []), i]);
  });
  const out = [...updates];
  let late = false;
  for (const [code, wanted] of Object.entries(demoInspections.regencies)) {
    const chosen = [...byComplaint.entries()]
      .filter(([, indexes]) => {
        const list = indexes.map((i) => updates[i] as ComplaintUpdate);
        return (
          list[0]?.regencyCode === code &&
          list.some((u) => u.classification === 'pengaduan-berkadar-pengawasan') &&
          list.some((u) => u.status === 'terdisposisi-sedang-diproses') &&
          list.some((u) => u.status === 'terdisposisi-selesai')
        );
      })
      .sort(([a], [b]) => a.localeCompare(b))
      .slice(0, wanted);
    for (const [, indexes] of chosen) {
      const followUp = indexes.find((i) => updates[i]?.status === 'terdisposisi-sedang-diproses') as number;
      const completion = indexes.find((i) => updates[i]?.status === 'terdisposisi-selesai') as number;
      const followDate = dateOf((updates[followUp] as ComplaintUpdate).occurredAt);
      const plannedOn = calendar.nthWorkingDate(followDate, demoInspections.plannedAfterWorkingDays)
        .value as string;
      const completedOn = dateOf((updates[completion] as ComplaintUpdate).occurredAt);
      const lateDone = calendar.nthWorkingDate(plannedOn, demoInspections.lateBy).value as string;
      // Done on the planned day (or at completion, if that came first), except the one done late.
      const onPlan = [plannedOn, completedOn].sort()[0] as string;
      const doneOn = !late && lateDone <= completedOn ? lateDone : onPlan;
      if (doneOn > plannedOn) late = true;
      out[followUp] = { ...(updates[followUp] as ComplaintUpdate), fieldInspection: { plannedOn } };
      out[completion] = {
        ...(updates[completion] as ComplaintUpdate),
        fieldInspection: doneOn < plannedOn ? { plannedOn: doneOn, doneOn } : { doneOn },
      };
    }
  }
  return out;
}

function dateOf(instant: string): string {
  return DateTime.fromISO(instant, { setZone: true }).toISODate() as string;
}
