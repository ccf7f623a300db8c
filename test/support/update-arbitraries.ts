import fc from 'fast-check';
import { classifications, statuses } from '../../functions/domain/complaint';
import type { ComplaintUpdate } from '../../functions/domain/update';
import { wita } from './faults';

/**
 * fast-check arbitraries for update histories: any status after any other, reclassifications,
 * regency and unit changes, optional (earlier) submission instants, equal instants (ties), and
 * deliveries that repeat and reorder updates.
 */

const day = 86_400_000;
const start = Date.UTC(2026, 0, 5, 0, 0); // 08:00 WITA, Monday 5 January 2026

/** Instants on a coarse grid (days x a few hours), so that equal instants happen often. */
const instantMs = fc
  .tuple(fc.integer({ min: 0, max: 120 }), fc.constantFrom(0, 1, 2, 7))
  .map(([d, h]) => start + d * day + h * 3_600_000);

/** The updates of one complaint, each with its own source id. */
export function complaintArb(trackingId: string): fc.Arbitrary<ComplaintUpdate[]> {
  return fc
    .array(
      fc.record({
        regencyCode: fc.constantFrom('6301', '6302', '6371'),
        unit: fc.constantFrom('Dinas PUPR', 'Dinas Kesehatan'),
        category: fc.constantFrom('Infrastruktur', 'Kesehatan'),
        classification: fc.constantFrom(...classifications),
        status: fc.constantFrom(...statuses),
        at: instantMs,
        submittedDaysBefore: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
        bukanWewenang: fc.option(fc.boolean(), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 5 },
    )
    .map((rows) =>
      rows.map(({ at, submittedDaysBefore, bukanWewenang, ...rest }, i) => ({
        trackingId,
        ...rest,
        occurredAt: wita(at),
        ...(submittedDaysBefore === undefined ? {} : { submittedAt: wita(at - submittedDaysBefore * day) }),
        ...(bukanWewenang === undefined ? {} : { bukanWewenang }),
        sourceUpdateId: `${trackingId}-u${i}`,
      })),
    );
}

/** A few complaints, and the order their updates are delivered in: shuffled, some twice. */
export function deliveriesArb(prefix: () => string, maxComplaints = 3) {
  return fc
    .integer({ min: 1, max: maxComplaints })
    .chain((n) => {
      const id = prefix();
      return fc.tuple(...Array.from({ length: n }, (_, i) => complaintArb(`${id}-${i}`)));
    })
    .chain((complaints) => {
      const updates = complaints.flat();
      return fc
        .array(fc.nat({ max: updates.length - 1 }), { maxLength: 4 })
        .chain((dups) => {
          const delivered = [...updates, ...dups.map((i) => updates[i] as ComplaintUpdate)];
          return fc.shuffledSubarray(delivered, { minLength: delivered.length, maxLength: delivered.length });
        })
        .map((order) => ({ updates, order }));
    });
}
