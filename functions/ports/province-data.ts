import type { Commitment } from '../domain/commitments';
import type { OutreachEvent } from '../domain/outreach';
import type { RosterEntry } from '../domain/roster';

/**
 * Port: a province data set kept as versioned, dated entries of regencies (and the province), each
 * code's whole history replaced from a file: the roster, the heads' commitments, the outreach events.
 */
export interface ProvinceDataSet<T extends { code: string }> {
  /** Every entry of these codes, past, present and future: code by code, each in the set's own order. */
  listMany(codes: readonly string[]): Promise<T[]>;
}

/** The appointments (heads, admins, province team) of regencies and the province; by role, then date. */
export type RosterDirectory = ProvinceDataSet<RosterEntry>;
/** The heads' signed commitments, oldest first. */
export type CommitmentDirectory = ProvinceDataSet<Commitment>;
/** The regencies' recorded outreach events (socialisation of LAPOR!), oldest first. */
export type OutreachDirectory = ProvinceDataSet<OutreachEvent>;
