import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedRequest } from '../../examples/signed-client';
import { DynamoClientRegistry } from '../../functions/adapters/client-registry';
import { handleApiRequest } from '../../functions/api/ingest-routes';
import type { ItemResult } from '../../functions/use-cases/ingest-updates';
import { localCredentials, localKeys, localPrincipal } from '../../local/clients';
import { type LocalApi, startLocalApi } from '../../local/http-api';
import { kalsel } from '../support/data';
import { anUpdate } from '../support/fixtures';
import { localIngest } from '../support/ingest';

/**
 * Per-regency scoping of ingest clients, through the local API exactly as curl reaches it: the
 * SigV4 check names the caller, the handler looks its scope up in the table's client registry.
 */
let api: LocalApi;
let ingest: Awaited<ReturnType<typeof localIngest>>;
const key = (accessKeyId: string) => ({ accessKeyId, secretAccessKey: 'local' });
const province = key('local');
const kotabaru = key('local-6302');

beforeAll(async () => {
  ingest = await localIngest('2026-06-10T08:00:00+08:00');
  api = await startLocalApi({
    handle: (event) => handleApiRequest(ingest.deps, event),
    // The local keys, plus one that signs correctly but was never registered as a client.
    credentials: { ...localCredentials(localKeys(kalsel())), stranger: 'local', newcomer: 'local' },
    port: 0,
  });
});
afterAll(() => api.stop());

const post = async (credentials: { accessKeyId: string; secretAccessKey: string }, body: unknown) => {
  const response = await signedRequest(`${api.url}/v1/updates`, { body: JSON.stringify(body), credentials });
  return {
    status: response.status,
    body: (await response.json()) as { results: ItemResult[]; error?: string; message?: string },
  };
};
const itemsOf = async (trackingId: string) =>
  (await ingest.allItems()).filter((i) => String(i.pk) === `C#${trackingId}`);

describe('an ingest client scoped to one regency', () => {
  it('writes its own regency', async () => {
    const update = anUpdate({ regencyCode: '6302' });
    const { status, body } = await post(kotabaru, update);
    expect(status).toBe(200);
    expect(body.results[0]?.result).toBe('created');
  });

  it("cannot create another regency's complaint: rejected with the reason, nothing written", async () => {
    const update = anUpdate({ regencyCode: '6301' });
    const { status, body } = await post(kotabaru, update);
    expect(status).toBe(422);
    expect(body.results[0]).toMatchObject({
      result: 'rejected',
      trackingId: update.trackingId,
      errors: [{ path: 'regencyCode', message: 'this client may write regency 6302 only, not regency 6301' }],
    });
    expect(await itemsOf(update.trackingId)).toEqual([]);
    expect(await ingest.allItems()).not.toContainEqual(expect.objectContaining({ pk: 'AGG#6301' }));
  });

  it("cannot close or move another regency's complaint, nor read it", async () => {
    const theirs = anUpdate({ regencyCode: '6301' });
    expect((await post(province, theirs)).status).toBe(200);
    const before = await itemsOf(theirs.trackingId);
    // Claimed as its own regency's, and closed: the stored complaint is 6301's.
    const takeover = {
      ...theirs,
      regencyCode: '6302',
      status: 'Arsip',
      occurredAt: '2026-06-03T09:00:00+08:00',
      sourceUpdateId: `${theirs.sourceUpdateId}-x`,
    };
    const { status, body } = await post(kotabaru, takeover);
    expect(status).toBe(422);
    expect(body.results[0]).toMatchObject({
      result: 'rejected',
      errors: [
        {
          path: 'trackingId',
          message: `complaint ${theirs.trackingId} is not one this client may write (it may write regency 6302 only); if it is, the province moves it to its regency (lapor-paman complaints reassign)`,
        },
      ],
    });
    expect(await itemsOf(theirs.trackingId)).toEqual(before);
    const read = await signedRequest(`${api.url}/v1/complaints/${theirs.trackingId}`, {
      credentials: kotabaru,
    });
    expect(read.status).toBe(404);
    expect(await read.json()).toMatchObject({ error: 'complaint-not-found' });
  });

  it('keeps its own updates in a mixed batch and rejects only the others', async () => {
    const mine = anUpdate({ regencyCode: '6302' });
    const other = anUpdate({ regencyCode: '6371' });
    const { status, body } = await post(kotabaru, { updates: [mine, other] });
    expect(status).toBe(207);
    expect(body.results.map((r) => r.result)).toEqual(['created', 'rejected']);
    expect(await itemsOf(other.trackingId)).toEqual([]);
  });
});

describe('the province-wide client and unregistered callers', () => {
  it('lets the province-wide client write every regency', async () => {
    const updates = kalsel().regencies.map((r) => anUpdate({ regencyCode: r.code }));
    const { status, body } = await post(province, { updates });
    expect(status).toBe(200);
    expect(body.results.every((r) => r.result === 'created')).toBe(true);
  });

  it('answers 403 to a correctly signed caller that is not a registered client, and writes nothing', async () => {
    const update = anUpdate();
    const { status, body } = await post(key('stranger'), update);
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: 'client-not-registered' });
    expect(body.message).toContain('arn:aws:iam::000000000000:user/stranger');
    expect(await itemsOf(update.trackingId)).toEqual([]);
  });

  it('lets a caller in as soon as it is granted, though it was refused a moment before', async () => {
    const newcomer = key('newcomer');
    const first = await post(newcomer, anUpdate());
    expect(first.status).toBe(403);
    // The operator grants it (another process: the CLI), within the cache's minute.
    await new DynamoClientRegistry(ingest.doc, ingest.tableName).grant(
      localPrincipal('newcomer'),
      { regencies: ['6302'] },
      undefined,
      new Date(),
    );
    const second = await post(newcomer, anUpdate({ regencyCode: '6302' }));
    expect(second.status).toBe(200);
  });

  const curl = spawnSync('curl', ['--version']).status === 0;
  it.runIf(curl)('refuses another regency with curl and a regency key, as the README shows', async () => {
    const { stdout } = await promisify(execFile)(
      'curl',
      [
        '-s',
        '--aws-sigv4',
        'aws:amz:ap-southeast-3:execute-api',
        '--user',
        'local-6371:local',
        '-H',
        'content-type: application/json',
        '--data',
        JSON.stringify(anUpdate({ regencyCode: '6302' })),
        `${api.url}/v1/updates`,
      ],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(stdout).results[0].errors[0].message).toBe(
      'this client may write regency 6371 only, not regency 6302',
    );
  });
});
