import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldUpdate, replaySnapshot, type Snapshot } from '../../functions/domain/snapshot';
import { calendar, nationalPolicy } from '../support/data';
import { distinctByComplaint, sortedByTime } from '../support/faults';
import { deliveriesArb } from '../support/update-arbitraries';

const sla = { calendar: calendar(), policy: nationalPolicy() };
const now = new Date('2026-07-01T08:00:00+08:00');

describe('snapshot folding properties', () => {
  it('folds updates delivered in any order, repeated or not, into the snapshot of a replay sorted by time', () => {
    fc.assert(
      fc.property(
        deliveriesArb(() => 'P', 3),
        ({ updates, order }) => {
          const folded = new Map<string, Snapshot | undefined>();
          const seen = new Set<string>();
          for (const u of order) {
            const { outcome, snapshot } = foldUpdate(folded.get(u.trackingId), u, sla, now);
            // A repeat is recognised as such, and changes nothing.
            expect(outcome === 'duplicate').toBe(seen.has(u.sourceUpdateId));
            seen.add(u.sourceUpdateId);
            folded.set(u.trackingId, snapshot);
          }
          for (const [trackingId, distinct] of distinctByComplaint(updates)) {
            const reference = replaySnapshot(sortedByTime(distinct), sla, now);
            expect(folded.get(trackingId)).toEqual(reference);
            expect(reference?.version).toBe(distinct.length);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('makes the latest update by time the current state, whatever arrived last', () => {
    fc.assert(
      fc.property(
        deliveriesArb(() => 'L', 1),
        ({ updates, order }) => {
          let snapshot: Snapshot | undefined;
          for (const u of order) snapshot = foldUpdate(snapshot, u, sla, now).snapshot;
          const latest = sortedByTime(updates).at(-1);
          expect(snapshot).toMatchObject({
            regencyCode: latest?.regencyCode,
            unit: latest?.unit,
            category: latest?.category,
            lastEventAt: new Date(latest?.occurredAt ?? 0).toISOString(),
          });
          expect(snapshot?.timeline.map((e) => e.id)).toEqual(
            sortedByTime(updates).map((u) => u.sourceUpdateId),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
