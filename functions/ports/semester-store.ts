import type { RegencyMetrics } from '../domain/semester-metrics';

/** Port: the semester job's own records: each regency's metrics and the run that fans them in. */
export interface SemesterStore {
  putMetrics(semesterId: string, current: RegencyMetrics, previous?: RegencyMetrics): Promise<void>;
  listMetrics(semesterId: string): Promise<{ current: RegencyMetrics; previous?: RegencyMetrics }[]>;
  /** Records the regencies a run expects. */
  startRun(semesterId: string, regencyCodes: readonly string[], at: Date): Promise<void>;
  /** Marks one regency computed; true for the one call that completes the set. */
  markComputed(semesterId: string, regencyCode: string): Promise<boolean>;
  markReportsQueued(semesterId: string, at: Date): Promise<void>;
}
