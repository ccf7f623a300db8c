import { afterEach, describe, expect, it } from 'vitest';
import { DynamoClientWriteBudget } from '../../functions/adapters/client-budget';
import { Ledger } from '../../functions/adapters/ledger';
import { type ApiDeps, handleApiRequest } from '../../functions/api/ingest-routes';
import { ledgerKeys } from '../../functions/domain/ledger-keys';
import { ingestBatch } from '../../functions/use-cases/ingest-updates';
import {
  complaintHistories,
  dynamoDbThrottled,
  type FaultInjection,
  injectFaults,
  seededRandom,
} from '../support/faults';
import { apiEvent } from '../support/fixtures';
import { localIngest } from '../support/ingest';

/**
 * Issue 23, finding 5: one API client flooding POST /v1/updates must not take the table's write
 * ceiling from the daily check's ledger writes and another regency's import. DynamoDB Local has no
 * ceiling: the fault here is one, a fixed number of write calls a second for everyone (a scaled-down
 * `tableMaxWriteRequestUnits`), answered as DynamoDB answers over it (throttled, which the SDK
 * retries with its backoff). Everything else is real: the API handler, the budget in the table,
 * the ledger, the import's batch writer.
 */
const ceiling = 10; // write calls a second, for the whole table (DynamoDB Local on a busy machine does a few dozen)
const flooders = 8; // concurrent request loops of the one client
const floodMs = 6_000;

const injections: FaultInjection[] = [];
afterEach(() => {
  for (const i of injections.splice(0)) i.remove();
});

async function scenario(budgetPerSecond: number | undefined) {
  const { deps, doc, tableName } = await localIngest();
  // The table's ceiling: every write call counts, whoever makes it.
  const used = new Map<number, number>();
  const floodUsed = new Map<number, number>();
  let throttled = 0;
  injections.push(
    injectFaults(doc, (a) => {
      if (!/TransactWrite|PutItem|UpdateItem|DeleteItem|BatchWrite/.test(a.command)) return undefined;
      // Throttled calls consume nothing, as in DynamoDB: only admitted ones count.
      const second = Math.floor(Date.now() / 1000);
      const n = used.get(second) ?? 0;
      if (n < ceiling) {
        used.set(second, n + 1);
        // The flooding client's own writes: its complaints and its budget item.
        if (/FLOOD|RATE#/.test(a.body)) floodUsed.set(second, (floodUsed.get(second) ?? 0) + 1);
        return undefined;
      }
      throttled += 1;
      return { kind: 'respond', response: dynamoDbThrottled };
    }),
  );
  const api: ApiDeps = {
    ...deps,
    ...(budgetPerSecond ? { budget: new DynamoClientWriteBudget(doc, tableName, budgetPerSecond) } : {}),
  };

  // The flood: one client (the province-wide local caller), new complaints in every request.
  const random = seededRandom(23);
  const until = Date.now() + floodMs;
  let requests = 0;
  const flood = Array.from({ length: flooders }, async (_, loop) => {
    for (let n = 0; Date.now() < until; n++) {
      const updates = complaintHistories(random, 10, `FLOOD-${budgetPerSecond ?? 0}-${loop}-${n}`).slice(
        0,
        40,
      );
      // A flooder does not care how its requests end.
      await handleApiRequest(api, apiEvent('POST', '/v1/updates', JSON.stringify({ updates }))).catch(
        () => undefined,
      );
      requests += 1;
    }
  });

  // Meanwhile, after the flood has started: the daily check's ledger claims and Banjarmasin's import.
  await new Promise((r) => setTimeout(r, 500));
  const ledger = new Ledger(doc, tableName);
  const claims: string[] = [];
  const victims = (async () => {
    for (const code of ['6301', '6302', '6303', '6304', '6305']) {
      try {
        const claim = await ledger.claim(
          ledgerKeys.digest(`2026-07-01-${budgetPerSecond ?? 0}`, code, 'email'),
        );
        claims.push(claim.status);
      } catch (error) {
        claims.push(`error: ${(error as Error).name}`);
      }
    }
    const rows = complaintHistories(seededRandom(71), 8, `IMPORT-${budgetPerSecond ?? 0}`)
      .slice(0, 20)
      .map((u) => ({ ...u, regencyCode: '6371' }));
    return ingestBatch(deps, rows, 'export:imports/6371/ekspor.csv', { scope: { regencies: ['6371'] } });
  })();
  const imported = await victims;
  await Promise.all(flood);
  return {
    claims,
    failedRows: imported.filter((r) => r.result === 'failed').length,
    answeredRows: imported.filter((r) => r.result !== 'failed').length,
    requests,
    throttled,
    perSecond: [...used.values()],
    /** The most write calls the flooding client got admitted in one second. */
    floodPeak: Math.max(0, ...floodUsed.values()),
  };
}

describe('a flood from one API client', () => {
  it('without a per-client budget, takes whole seconds of the ceiling, leaving the others nothing (the fault is real)', async () => {
    const outcome = await scenario(undefined);
    expect(outcome.throttled).toBeGreaterThan(0);
    expect(outcome.floodPeak, JSON.stringify(outcome)).toBe(ceiling);
  }, 180_000);

  it("with the client's write budget, leaves the daily check's ledger and the other regency's import whole", async () => {
    const outcome = await scenario(1);
    expect(outcome.claims, JSON.stringify(outcome)).toEqual(
      Array(5).fill(expect.not.stringMatching(/^error/)),
    );
    expect(outcome.failedRows, JSON.stringify(outcome)).toBe(0);
    // Every row answered on its content (stored, or refused for its dates), none throttled away.
    expect(outcome.answeredRows).toBe(20);
    // One update a second (an event write and a counter) and the budget's own calls: never the ceiling.
    expect(outcome.floodPeak, JSON.stringify(outcome)).toBeLessThan(ceiling);
  }, 120_000);
});
