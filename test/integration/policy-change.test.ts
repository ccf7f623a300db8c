import { describe, expect, it } from 'vitest';
import { handleApiRequest } from '../../functions/api/ingest-routes';
import type { Status } from '../../functions/domain/complaint';
import { parseSemester } from '../../functions/domain/semester';
import { evaluateRegency } from '../../functions/domain/semester-evaluation';
import { policyHistory, policyInForce, type SlaPolicy } from '../../functions/domain/sla-policy';
import { checkDeadlines, scheduledInstant } from '../../functions/use-cases/check-deadlines';
import { recordUpdate } from '../../functions/use-cases/ingest-updates';
import { calendar, kalsel, nationalPolicy } from '../support/data';
import { deadlineWorld } from '../support/deadlines';
import { anUpdate, apiEvent } from '../support/fixtures';
import { registeredClients } from '../support/ingest';

/** A test rule: the shipped national limits, verification set to `days`, in force from `from`. */
function rule(id: string, from: string, verification: number): SlaPolicy {
  const v = structuredClone(policyInForce(nationalPolicy(), '2026-01-01'));
  return { ...v, id, name: `Aturan uji ${id}`, effectiveFrom: from, limits: { ...v.limits, verification } };
}

/**
 * A policy that changes on Wed 4 Mar 2026 (verification 3 HK -> 5 HK). BEFORE is submitted on Fri
 * 27 Feb, AFTER on Wed 4 Mar: each is judged by the rule of its own submission day, in the daily
 * check, its replay, the API's SLA state and the semester figures, whatever day they are computed.
 */
const changing = policyHistory('uji', [rule('rule-a', '2018-01-01', 3), rule('rule-b', '2026-03-04', 5)]);

describe('a policy that changes mid-semester', () => {
  it('judges each complaint by the rule in force on the day it was submitted', async () => {
    const w = await deadlineWorld({ policy: changing });
    await w.roster.replace([w.person('6302', 'admin', 'a'), w.person('63', 'province', 'p')]);
    const record = async (trackingId: string, occurredAt: string, status: Status = 'belum-terverifikasi') => {
      w.setNow(occurredAt);
      const update = anUpdate({
        trackingId,
        regencyCode: '6302',
        classification: 'aspirasi',
        occurredAt,
        status,
        sourceUpdateId: `${trackingId}-${occurredAt}`,
      });
      await recordUpdate(w.ingest, update, 'test');
    };
    await record('BEFORE', '2026-02-27T09:00:00+08:00');
    await record('AFTER', '2026-03-04T09:00:00+08:00');

    // A replay of Tue 3 Mar, the day before the change: BEFORE under rule A (3 HK) is due Wed 4,
    // within the one-day horizon. Under rule B it would be due Fri 6 and not listed.
    w.setNow('2026-03-05T10:00:00+08:00');
    const replay = await checkDeadlines(w.deps(), {
      at: scheduledInstant('2026-03-03', kalsel()),
      dryRun: true,
    });
    expect(replay.policy).toBe('Aturan uji rule-a (rule-a v1)');
    expect(replay.policiesApplied).toEqual(['Aturan uji rule-a (rule-a v1)']);
    expect(replay.regencies.find((r) => r.code === '6302')).toMatchObject({ overdue: 0, dueSoon: 1 });

    // Thu 5 Mar: BEFORE is a day past rule A's 3 HK; AFTER is due on Wed 11 under rule B (not listed).
    // Judged by the day's rule (B), BEFORE would be due soon instead; by rule A, AFTER would be due Mon 9.
    const today = await checkDeadlines(w.deps(), {
      at: scheduledInstant('2026-03-05', kalsel()),
      dryRun: true,
    });
    expect(today.policy).toBe('Aturan uji rule-b (rule-b v1)');
    expect(today.policiesApplied).toEqual(['Aturan uji rule-a (rule-a v1)']);
    expect(today.regencies.find((r) => r.code === '6302')).toMatchObject({
      overdue: 1,
      dueSoon: 0,
      expired: 0,
    });

    // The API's SLA state, the same day: each complaint names its rule and gets its limit.
    const api = {
      store: w.ingest.store,
      clients: await registeredClients(w.doc, w.tableName),
      regions: kalsel(),
      sla: w.sla,
      clock: () => new Date('2026-03-05T10:00:00+08:00'),
    };
    const state = async (id: string) =>
      JSON.parse((await handleApiRequest(api, apiEvent('GET', `/v1/complaints/${id}`))).body ?? '{}').sla;
    expect(await state('BEFORE')).toMatchObject({
      policyId: 'rule-a',
      current: { stage: 'verification', limit: 3, breached: true, workingDaysLate: 1 },
    });
    expect(await state('AFTER')).toMatchObject({
      policyId: 'rule-b',
      current: { stage: 'verification', limit: 5, breached: false },
    });

    // Both verified after 4 HK: BEFORE late under its 3 HK, AFTER on time under its 5 HK. One rule for
    // both would give 0 of 2 (rule A) or 2 of 2 (rule B).
    await record('BEFORE', '2026-03-05T12:00:00+08:00', 'terdisposisi-belum-ditindaklanjuti');
    await record('AFTER', '2026-03-10T12:00:00+08:00', 'terdisposisi-belum-ditindaklanjuti');
    const snapshots = await Promise.all(
      ['BEFORE', 'AFTER'].map(async (id) => (await w.ingest.store.getHistory(id)).snapshot),
    );
    const metrics = evaluateRegency({
      semester: parseSemester('2026-H1', kalsel().zone),
      regency: kalsel().get('6302') as NonNullable<ReturnType<ReturnType<typeof kalsel>['get']>>,
      snapshots: snapshots.filter((s) => s !== undefined),
      national: changing,
      provincial: changing,
      calendar: calendar(),
      roster: [],
    });
    expect(metrics.verifiedWithinLimit).toMatchObject({ numerator: 1, denominator: 2 });
    expect(metrics.policiesApplied).toEqual({
      national: ['rule-a', 'rule-b'],
      provincial: ['rule-a', 'rule-b'],
    });
  });
});
