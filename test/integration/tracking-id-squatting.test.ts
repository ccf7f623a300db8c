import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedRequest } from '../../examples/signed-client';
import { handleApiRequest } from '../../functions/api/ingest-routes';
import type { ItemResult } from '../../functions/use-cases/ingest-updates';
import { localCredentials, localKeys } from '../../local/clients';
import { type LocalApi, startLocalApi } from '../../local/http-api';
import { localCliEnv } from '../support/cli-env';
import { kalsel } from '../support/data';
import { anUpdate } from '../support/fixtures';
import { localIngest } from '../support/ingest';

/**
 * Issue 23, finding 3, through the local signed API as a regency's system reaches it: tracking ids
 * are global, so a regency's client could file another regency's id first with a history dated
 * months back, and learn from a 403 that an id exists and whose it is.
 */
let api: LocalApi;
let ingest: Awaited<ReturnType<typeof localIngest>>;
const key = (accessKeyId: string) => ({ accessKeyId, secretAccessKey: 'local' });
const tanahLaut = key('local-6301');
const kotabaru = key('local-6302');
const province = key('local');
// The API's clock: Wednesday 10 June 2026, 08:00 WITA.
const now = '2026-06-10T08:00:00+08:00';

beforeAll(async () => {
  ingest = await localIngest(now);
  api = await startLocalApi({
    handle: (event) => handleApiRequest(ingest.deps, event),
    credentials: localCredentials(localKeys(kalsel())),
    port: 0,
  });
});
afterAll(() => api.stop());

const post = async (credentials: { accessKeyId: string; secretAccessKey: string }, body: unknown) => {
  const response = await signedRequest(`${api.url}/v1/updates`, { body: JSON.stringify(body), credentials });
  return { status: response.status, body: (await response.json()) as { results: ItemResult[] } };
};
const get = async (credentials: { accessKeyId: string; secretAccessKey: string }, trackingId: string) => {
  const response = await signedRequest(`${api.url}/v1/complaints/${trackingId}`, { credentials });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
  };
};
const bin = fileURLToPath(new URL('../../bin/lapor-paman.mjs', import.meta.url));
/** The CLI, run without blocking this process (whose event loop serves the local API). */
const cli = (args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, ...localCliEnv(ingest.tableName) }, encoding: 'utf8', timeout: 90_000 },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
const itemsOf = async (trackingId: string) =>
  (await ingest.allItems()).filter((i) => String(i.pk) === `C#${trackingId}`);

describe('a regency-scoped client cannot backdate', () => {
  it('refuses an update dated more than the window (30 days) before receipt, naming the setting', async () => {
    const old = anUpdate({ regencyCode: '6301', occurredAt: '2026-03-02T09:00:00+08:00' });
    const { status, body } = await post(tanahLaut, old);
    expect(status).toBe(422);
    expect(body.results[0]).toMatchObject({
      result: 'rejected',
      errors: [{ path: 'occurredAt', message: expect.stringContaining('setting backdateWindowDays') }],
    });
    expect(await itemsOf(old.trackingId)).toEqual([]);
    // Within the window it is taken; the province loads older history.
    expect((await post(tanahLaut, { ...old, occurredAt: '2026-05-12T09:00:00+08:00' })).status).toBe(200);
    const history = anUpdate({ regencyCode: '6301', occurredAt: '2026-01-05T09:00:00+08:00' });
    expect((await post(province, history)).status).toBe(200);
  });

  it('refuses an update in the future beyond the clock skew', async () => {
    const ahead = anUpdate({ regencyCode: '6301', occurredAt: '2026-06-10T08:06:00+08:00' });
    const { body } = await post(tanahLaut, ahead);
    expect(body.results[0]).toMatchObject({ result: 'rejected', errors: [{ path: 'occurredAt' }] });
  });

  it("refuses an update before the complaint's submission, and moving the submission back", async () => {
    const first = anUpdate({
      regencyCode: '6301',
      submittedAt: '2026-06-05T09:00:00+08:00',
      occurredAt: '2026-06-05T09:00:00+08:00',
    });
    expect((await post(tanahLaut, first)).status).toBe(200);
    const before = await itemsOf(first.trackingId);
    const earlier = {
      ...first,
      submittedAt: undefined,
      status: 'Terdisposisi Belum Ditindaklanjuti',
      occurredAt: '2026-06-01T09:00:00+08:00',
      sourceUpdateId: `${first.sourceUpdateId}-earlier`,
    };
    const refused = await post(tanahLaut, earlier);
    expect(refused.body.results[0]).toMatchObject({
      result: 'rejected',
      errors: [{ path: 'occurredAt', message: expect.stringContaining("before the complaint's submission") }],
    });
    const movedBack = await post(tanahLaut, {
      ...earlier,
      submittedAt: '2026-05-20T09:00:00+08:00',
      occurredAt: '2026-06-08T09:00:00+08:00',
    });
    expect(movedBack.body.results[0]).toMatchObject({
      result: 'rejected',
      errors: [{ path: 'submittedAt' }],
    });
    expect(await itemsOf(first.trackingId)).toEqual(before);
  });
});

describe("another regency's tracking id", () => {
  // Tanah Laut files first an id that is Kotabaru's.
  const squatted = anUpdate({
    regencyCode: '6301',
    occurredAt: '2026-06-09T10:00:00+08:00',
    status: 'belum-terverifikasi',
  });

  it('is answered exactly as a missing complaint: 404, same body', async () => {
    expect((await post(tanahLaut, squatted)).status).toBe(200);
    const outside = await get(kotabaru, squatted.trackingId);
    // A missing id, whose answer is then made to name the same id.
    const missing = await get(kotabaru, `${squatted.trackingId}-X`);
    expect(outside.status).toBe(404);
    expect(outside.contentType).toBe(missing.contentType);
    expect(JSON.stringify(outside.body)).toBe(
      JSON.stringify(missing.body).replaceAll(`${squatted.trackingId}-X`, squatted.trackingId),
    );
    expect(JSON.stringify(outside.body)).not.toContain('6301');
  });

  it("refuses the rightful regency's update without naming the squatter; the province reassigns it", async () => {
    const theirs = {
      ...squatted,
      regencyCode: '6302',
      status: 'Terdisposisi Belum Ditindaklanjuti',
      occurredAt: '2026-06-09T15:00:00+08:00',
      sourceUpdateId: `${squatted.sourceUpdateId}-kotabaru`,
    };
    const refused = await post(kotabaru, theirs);
    expect(refused.status).toBe(422);
    expect(refused.body.results[0]).toMatchObject({
      result: 'rejected',
      errors: [{ path: 'trackingId', message: expect.stringContaining('complaints reassign') }],
    });
    expect(JSON.stringify(refused.body)).not.toContain('6301');

    const moved = await cli([
      'complaints',
      'reassign',
      squatted.trackingId,
      '--to',
      '6302',
      '--by',
      'Diskominfo Provinsi Kalimantan Selatan',
      '--reason',
      'nomor LAPOR! milik Kotabaru, dicatat lebih dulu oleh Tanah Laut',
      '--json',
    ]);
    expect(moved.stderr).toBe('');
    expect(JSON.parse(moved.stdout)).toMatchObject({
      trackingId: squatted.trackingId,
      from: '6301',
      to: '6302',
    });
    expect((await post(kotabaru, theirs)).body.results[0]?.result).toBe('applied');
    const read = await get(kotabaru, squatted.trackingId);
    expect(read.status).toBe(200);
    const history = read.body.history as Record<string, unknown>[];
    expect(history.map((e) => e.source).sort()).toEqual(['api', 'api', 'reassign']);
    expect(history.find((e) => e.source === 'reassign')).toMatchObject({
      reassignment: {
        from: '6301',
        to: '6302',
        by: 'Diskominfo Provinsi Kalimantan Selatan',
        reason: 'nomor LAPOR! milik Kotabaru, dicatat lebih dulu oleh Tanah Laut',
      },
    });
    expect(read.body.complaint).toMatchObject({
      regencyCode: '6302',
      status: 'terdisposisi-belum-ditindaklanjuti',
    });
    expect((await get(tanahLaut, squatted.trackingId)).status).toBe(404);
    // Again: refused, saying so.
    const again = await cli([
      'complaints',
      'reassign',
      squatted.trackingId,
      '--to',
      '6302',
      '--by',
      'x',
      '--reason',
      'y',
    ]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already filed under regency 6302');
  }, 120_000);

  it('refuses to reassign a missing complaint, naming the problem', async () => {
    const missing = await cli([
      'complaints',
      'reassign',
      'NOPE-1',
      '--to',
      '6302',
      '--by',
      'x',
      '--reason',
      'y',
    ]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no complaint with tracking id "NOPE-1"');
  }, 120_000);
});
