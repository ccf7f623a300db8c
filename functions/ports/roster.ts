import type { RosterEntry } from '../domain/roster';

/** Port: the appointments (heads, admins, province team) of regencies and the province. */
export interface RosterDirectory {
  /** Every appointment of these codes, past, present and future. */
  listMany(codes: readonly string[]): Promise<RosterEntry[]>;
}
