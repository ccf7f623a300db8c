import type { TimelineEntry } from './sla';

/** Source update ids of events the LAPOR! export importer derives from a snapshot row. */
export const exportUpdatePrefix = 'export:';

/**
 * True when a complaint was first seen in mid-life: the first export that showed it already had it
 * past verification (disposed, followed up, on hold or closed). The export has no history, so the
 * importer dates that state at the export: when it was disposed, and so when its follow-up and
 * completion clocks started, is unknown. The semester figures therefore judge none of its stages
 * (verification, follow-up and completion are left out of the within-limit shares and the
 * working-day distributions) and still count it as received, in the backlog and, when its current
 * stage is past its limit counted from that export, as overdue.
 */
export function firstSeenMidLife(timeline: readonly TimelineEntry[]): boolean {
  const first = [...timeline].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
  return !!first?.id.startsWith(exportUpdatePrefix) && first.status !== 'belum-terverifikasi';
}
