import type { Snapshot } from '../domain/snapshot';

/** Port: the jobs' reads of complaints, each through an index and one regency at a time (no scan). */
export interface ComplaintQueries {
  /** Open complaints of a regency whose stored due instant is at or before `until`. */
  openDueBy(regencyCode: string, until: string): Promise<Snapshot[]>;
  /**
   * Open complaints of a regency with a field inspection planned on or before a date (YYYY-MM-DD)
   * and not done: the overdue ones and those coming by the digest's horizon.
   */
  inspectionsPlannedBy(regencyCode: string, untilDate: string): Promise<Snapshot[]>;
  /** Every open complaint of a regency. */
  allOpen(regencyCode: string): Promise<Snapshot[]>;
  /** Complaints of a regency closed since an instant (and, with `includeOpen`, the open ones). */
  closedSince(regencyCode: string, since: string, includeOpen?: boolean): Promise<Snapshot[]>;
  /** Complaints completed between two days (YYYY-MM-DD, inclusive), and how many within their limit. */
  completions(
    regencyCode: string,
    fromDay: string,
    toDay: string,
  ): Promise<{ completed: number; onTime: number }>;
  /** Complaints received per month (YYYY-MM) between two months, inclusive; months without any are absent. */
  receivedByMonth(regencyCode: string, fromMonth: string, toMonth: string): Promise<Map<string, number>>;
}
