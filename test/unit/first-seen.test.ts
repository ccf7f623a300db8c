import { describe, expect, it } from 'vitest';
import type { Status } from '../../functions/domain/complaint';
import { firstSeenMidLife } from '../../functions/domain/first-seen';
import type { Snapshot } from '../../functions/domain/snapshot';
import { evaluateKotabaru, kotabaruComplaint } from '../support/kotabaru';

/** A complaint as the export importer records it: one event per export that showed a new state. */
const fromExports = (id: string, submittedAt: string, seen: [string, Status][]) =>
  kotabaruComplaint(id, seen, {
    classification: 'pengaduan-tidak-berkadar-pengawasan',
    submittedAt,
    sourceUpdateId: (occurredAt, status) => `export:${occurredAt}:${status}`,
  });
const evaluate = (snapshots: Snapshot[]) => evaluateKotabaru(snapshots);

describe('complaints first seen in mid-life (the first export already shows them disposed or closed)', () => {
  // Submitted 2 Feb; the first export loaded, on 20 Apr, already shows it followed up.
  const midLife = fromExports('M1', '2026-02-02T09:00:00+08:00', [
    ['2026-04-20T23:59:00+08:00', 'terdisposisi-sedang-diproses'],
    ['2026-04-22T23:59:00+08:00', 'terdisposisi-selesai'],
  ]);
  // Seen from the start: every stage is judged.
  const wholeLife = fromExports('W1', '2026-03-02T09:00:00+08:00', [
    ['2026-03-02T23:59:00+08:00', 'belum-terverifikasi'],
    ['2026-03-03T23:59:00+08:00', 'terdisposisi-belum-ditindaklanjuti'],
    ['2026-03-04T23:59:00+08:00', 'terdisposisi-sedang-diproses'],
  ]);

  it('tells a complaint first seen past verification from one seen from the start', () => {
    expect(firstSeenMidLife(midLife.timeline)).toBe(true);
    expect(firstSeenMidLife(wholeLife.timeline)).toBe(false);
  });

  it('counts them as received but judges no stage whose timing the exports do not show', () => {
    const m = evaluate([midLife, wholeLife]);
    expect(m.received.total).toBe(2);
    // Only W1's stages are judged: M1's verification would otherwise count 56 HK late and its
    // follow-up and completion 0 and 2 HK, all artefacts of dating its disposition at 20 April.
    expect(m.verifiedWithinLimit).toMatchObject({ numerator: 1, denominator: 1 });
    expect(m.followUpWithinLimit.national).toMatchObject({ numerator: 1, denominator: 1 });
    expect(m.followUpWithinLimit.provincial).toMatchObject({ numerator: 1, denominator: 1 });
    expect(m.workingDaysToFollowUp.count).toBe(1);
    // W1's completion is past its 14 HK at the cut-off (late); M1's is not judged.
    expect(m.completedWithinLimit).toMatchObject({ numerator: 0, denominator: 1 });
    expect(m.workingDaysToCompletion.count).toBe(0);
  });
});
