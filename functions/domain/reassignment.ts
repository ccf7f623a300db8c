import { scrubText } from './personal-data';
import type { Regions } from './regions';
import type { Snapshot } from './snapshot';

/**
 * The province moving a complaint to its rightful regency (issue 23: LAPOR! tracking ids are
 * global, so a regency's client can file an id that belongs to another regency first). The
 * complaint keeps its history; the move is an event of its own in that history, saying who did it
 * and why. It is not a status update: the timeline, and with it every deadline, is unchanged.
 */
export interface Reassignment {
  from: string;
  to: string;
  /** Who decided it (an office or an official, as the province writes it). */
  by: string;
  reason: string;
}

/** Why a complaint cannot be moved, in words for the operator; undefined when it can. */
export function reassignmentProblem(
  snapshot: Pick<Snapshot, 'trackingId' | 'regencyCode'> | undefined,
  trackingId: string,
  to: string,
  regions: Regions,
): string | undefined {
  if (!snapshot) return `no complaint with tracking id "${trackingId}"`;
  if (!regions.has(to)) return `--to: ${to} is not a regency of province ${regions.province.code}`;
  if (snapshot.regencyCode === to) return `complaint ${trackingId} is already filed under regency ${to}`;
  return undefined;
}

/** The move, its free text scrubbed like any stored text; refuses an empty who or why. */
export function reassignment(
  from: string,
  to: string,
  by: string,
  reason: string,
): Reassignment | { problem: string } {
  const who = scrubText(by);
  const why = scrubText(reason);
  if (!who) return { problem: '--by: say who decided the move (an office or an official)' };
  if (!why) return { problem: '--reason: say why the complaint moves' };
  return { from, to, by: who.slice(0, 200), reason: why.slice(0, 2000) };
}

/** The history's wording of a move, as the note of its event. */
export const reassignmentNote = (r: Reassignment) =>
  `Dipindahkan dari ${r.from} ke ${r.to} oleh ${r.by}: ${r.reason}`;
