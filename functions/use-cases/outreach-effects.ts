import {
  type MonthlyCounts,
  type OutreachEffect,
  type OutreachEvent,
  outreachEffect,
  outreachMonths,
} from '../domain/outreach';
import type { ComplaintQueries } from '../ports/complaint-queries';
import type { OutreachDirectory } from '../ports/province-data';

/** What measuring outreach reads: the events, and the month counters of every regency. */
export interface OutreachDeps {
  events: OutreachDirectory;
  counters: Pick<ComplaintQueries, 'receivedByMonth'>;
}

/**
 * The effect of each event as of a day. Steps: 1. the months the events' windows cover; 2. every
 * regency's monthly counts over them (the rest of the province is the comparison); 3. the effect of
 * each event, computed in the domain.
 */
export async function measureOutreach(
  deps: OutreachDeps,
  events: readonly OutreachEvent[],
  populations: ReadonlyMap<string, number>,
  asOfDay: string,
): Promise<OutreachEffect[]> {
  const span = outreachMonths(events);
  if (!span) return [];
  const counts: MonthlyCounts = new Map(
    await Promise.all(
      [...populations.keys()].map(
        async (code) => [code, await deps.counters.receivedByMonth(code, span.first, span.last)] as const,
      ),
    ),
  );
  return events.map((e) => outreachEffect(e, counts, populations, asOfDay));
}
