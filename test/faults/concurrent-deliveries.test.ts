import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handleApiRequest } from '../../functions/api/ingest-routes';
import type { ComplaintUpdate } from '../../functions/domain/update';
import type { CommitResult } from '../../functions/ports/complaint-store';
import { type ItemResult, ingestBatch } from '../../functions/use-cases/ingest-updates';
import { complaintHistories, expectConsistent, seededRandom, shuffle } from '../support/faults';
import { apiEvent } from '../support/fixtures';
import { localIngest } from '../support/ingest';

const now = '2026-07-01T08:00:00+08:00';

/**
 * Twenty deliveries of overlapping sets of the same complaints' updates: each a random subset,
 * some updates twice, shuffled; together they hold every update at least once.
 */
function deliveries(updates: readonly ComplaintUpdate[], count: number, random: () => number) {
  const sets = Array.from({ length: count }, () => {
    const chosen = updates.filter(() => random() < 0.5);
    return shuffle([...chosen, ...chosen.filter(() => random() < 0.25)], random);
  });
  for (const u of updates) {
    if (!sets.some((s) => s.includes(u))) sets[Math.floor(random() * count)]?.push(u);
  }
  return sets;
}

describe('twenty concurrent deliveries of overlapping update sets', () => {
  it('converge on one consistent snapshot per complaint, each update stored and reported as new exactly once', async () => {
    const { deps: real, store, allItems } = await localIngest(now);
    // Watches the real store's commits, to show that the deliveries did race.
    const commits: CommitResult[] = [];
    const deps = {
      ...real,
      store: {
        getSnapshot: (id: string) => store.getSnapshot(id),
        getHistory: (id: string) => store.getHistory(id),
        commit: async (...args: Parameters<typeof store.commit>) => {
          const result = await store.commit(...args);
          commits.push(result);
          return result;
        },
      },
    };
    const random = seededRandom(2026);
    const updates = complaintHistories(random, 8, `CC-${randomUUID().slice(0, 6)}`);
    const sets = deliveries(updates, 20, random);
    expect(sets.flat().length).toBeGreaterThan(updates.length * 8);

    // Half through the HTTP API, half straight into the use case (as the bulk importer calls it).
    const results: ItemResult[][] = await Promise.all(
      sets.map(async (set, i) => {
        if (i % 2 === 1) return ingestBatch(deps, set, 'import:concurrent.csv');
        const response = await handleApiRequest(deps, apiEvent('POST', '/v1/updates', JSON.stringify(set)));
        expect(response.statusCode).toBe(200);
        return (JSON.parse(response.body ?? '{}') as { results: ItemResult[] }).results;
      }),
    );

    // Writers of one complaint did collide (version check failed, re-read, re-folded).
    expect(commits.filter((c) => c === 'conflict').length).toBeGreaterThan(0);
    expect(commits.filter((c) => c === 'committed')).toHaveLength(updates.length);
    const all = results.flat();
    expect(all.filter((r) => r.result === 'failed' || r.result === 'rejected')).toEqual([]);
    // Exactly one delivery recorded each update; every other delivery of it was a duplicate.
    const recorded = new Map<string, number>();
    for (const r of all)
      if (r.result !== 'duplicate' && 'sourceUpdateId' in r)
        recorded.set(r.sourceUpdateId, (recorded.get(r.sourceUpdateId) ?? 0) + 1);
    expect([...recorded.entries()].sort()).toEqual(updates.map((u) => [u.sourceUpdateId, 1]).sort());
    expectConsistent(await allItems(), updates, deps.sla, new Date(now));
  }, 60_000);
});
