import type { OutreachEvent } from '../domain/outreach';

/** Port: the regencies' recorded outreach events (socialisation of LAPOR!). */
export interface OutreachDirectory {
  /** Every event of these regencies, oldest first. */
  listMany(codes: readonly string[]): Promise<OutreachEvent[]>;
}
