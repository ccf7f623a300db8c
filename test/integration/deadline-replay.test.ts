import { describe, expect, it } from 'vitest';
import { checkDeadlines, scheduledInstant } from '../../functions/use-cases/check-deadlines';
import { recordUpdate } from '../../functions/use-cases/ingest-updates';
import { kalsel } from '../support/data';
import { deadlineWorld } from '../support/deadlines';
import { anUpdate } from '../support/fixtures';
import { receivedMail } from '../support/local-aws';

/**
 * Replaying a past day (`check-deadlines --at`, the Lambda with `{ "at": ... }`) after new data
 * arrived: judged as of `at`, complaints not yet known then skipped, complaints closed since then
 * shown as they stood.
 */
describe('a replay of an earlier day', () => {
  it('skips complaints not yet known at the instant, keeps those closed since, and fails no regency', async () => {
    const w = await deadlineWorld();
    await w.roster.replace([w.person('6302', 'admin', 'a'), w.person('63', 'province', 'p')]);
    const record = async (
      trackingId: string,
      occurredAt: string,
      status = 'belum-terverifikasi' as const,
    ) => {
      w.setNow(occurredAt);
      await recordUpdate(
        w.ingest,
        anUpdate({
          trackingId,
          regencyCode: '6302',
          occurredAt,
          status,
          sourceUpdateId: `${trackingId}-${occurredAt}`,
        }),
        'test',
      );
    };
    // Overdue on Mon 2 Mar, still open.
    await record('R-OPEN', '2026-02-23T09:00:00+08:00');
    // Overdue on Mon 2 Mar, archived at noon that day (after the 08:00 check).
    await record('R-CLOSED', '2026-02-23T10:00:00+08:00');
    await record('R-CLOSED', '2026-03-02T12:00:00+08:00', 'arsip' as never);
    // Submitted on Tue 3 Mar: unknown on the 2nd, its stored due date (Fri 6 Mar) inside the read window.
    await record('R-LATER', '2026-03-03T09:00:00+08:00');

    w.setNow('2026-03-04T09:00:00+08:00');
    const replay = await checkDeadlines(w.deps(), { at: scheduledInstant('2026-03-02', kalsel()) });
    const kotabaru = replay.regencies.find((r) => r.code === '6302');
    expect(kotabaru?.error).toBeUndefined();
    expect(replay.failures).toBe(0);
    expect(kotabaru).toMatchObject({ overdue: 2, dueSoon: 0, digest: 'sent' });
    const [digest] = await receivedMail(`a.6302@${w.domain}`);
    expect(digest?.body.text).toContain('R-OPEN');
    expect(digest?.body.text).toContain('R-CLOSED');
    expect(digest?.body.text).not.toContain('R-LATER');
  });
});
