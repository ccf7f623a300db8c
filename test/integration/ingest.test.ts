import { describe, expect, it } from 'vitest';
import { handleApiRequest, limits } from '../../functions/api/ingest-routes';
import { ingestBatch, recordUpdate } from '../../functions/use-cases/ingest-updates';
import { anUpdate, apiEvent } from '../support/fixtures';
import { localIngest } from '../support/ingest';

const post = (body: unknown) =>
  apiEvent('POST', '/v1/updates', typeof body === 'string' ? body : JSON.stringify(body));

describe('recording updates in DynamoDB Local', () => {
  it('stores the same update delivered three times as one event', async () => {
    const { deps, store } = await localIngest();
    const update = anUpdate();
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await recordUpdate(deps, update, 'api'));
    expect(outcomes).toEqual(['created', 'duplicate', 'duplicate']);
    const { events, snapshot } = await store.getHistory(update.trackingId);
    expect(events).toHaveLength(1);
    expect(snapshot?.version).toBe(1);
  });

  it('stores the same update delivered ten times concurrently as one event', async () => {
    const { deps, store } = await localIngest();
    const update = anUpdate();
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => recordUpdate(deps, update, 'api')));
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(9);
    const { events, snapshot } = await store.getHistory(update.trackingId);
    expect(events).toHaveLength(1);
    expect(snapshot?.timeline).toHaveLength(1);
  });

  it('keeps the snapshot at the newer state when an older update arrives after it', async () => {
    const { deps, store } = await localIngest();
    const older = anUpdate({ status: 'belum-terverifikasi', occurredAt: '2026-06-01T09:00:00+08:00' });
    const newer = {
      ...older,
      sourceUpdateId: `${older.sourceUpdateId}-b`,
      status: 'terdisposisi-sedang-diproses' as const,
      unit: 'Dinas Kesehatan',
      occurredAt: '2026-06-03T09:00:00+08:00',
    };
    expect(await recordUpdate(deps, newer, 'api')).toBe('created');
    expect(await recordUpdate(deps, older, 'api')).toBe('stale');
    const { snapshot, events } = await store.getHistory(older.trackingId);
    expect(snapshot).toMatchObject({
      status: 'terdisposisi-sedang-diproses',
      unit: 'Dinas Kesehatan',
      lastEventAt: '2026-06-03T01:00:00.000Z',
    });
    // The late update still moves the submission instant back to when it really happened.
    expect(snapshot?.submittedAt).toBe('2026-06-01T01:00:00.000Z');
    expect(events.map((e) => e.status)).toEqual(['belum-terverifikasi', 'terdisposisi-sedang-diproses']);
  });

  it('keeps the open-complaint index and the monthly counters in step with the snapshot', async () => {
    const { deps, allItems } = await localIngest();
    const first = anUpdate({ occurredAt: '2026-05-29T09:00:00+08:00' });
    await recordUpdate(deps, first, 'api');
    let items = await allItems();
    const snap = items.find((i) => i.sk === 'SNAP');
    // Fri 29 May: verification 3 HK -> 2 Jun (1 Jun is Pancasila): Tue 2, Wed 3, Thu 4 Jun.
    expect(snap).toMatchObject({
      gsi1pk: 'OPEN#6302',
      gsi1sk: `2026-06-04T15:59:59.999Z#${first.trackingId}`,
      gsi2sk: `OPEN#${first.trackingId}`,
    });
    expect(items.find((i) => i.pk === 'AGG#6302' && i.sk === 'M#2026-05')).toMatchObject({
      sk: 'M#2026-05',
      received: 1,
      'cls_pengaduan-tidak-berkadar-pengawasan': 1,
    });

    // Reclassified and completed: leaves the open index, counters move class, not total.
    await recordUpdate(
      deps,
      {
        ...first,
        sourceUpdateId: `${first.sourceUpdateId}-2`,
        status: 'terdisposisi-selesai',
        classification: 'aspirasi',
        occurredAt: '2026-06-05T09:00:00+08:00',
      },
      'api',
    );
    items = await allItems();
    const closed = items.find((i) => i.sk === 'SNAP');
    expect(closed?.gsi1pk).toBeUndefined();
    expect(closed?.gsi2sk).toBe(`2026-06-05T01:00:00.000Z#${first.trackingId}`);
    expect(items.find((i) => i.pk === 'AGG#6302' && i.sk === 'M#2026-05')).toMatchObject({
      received: 1,
      'cls_pengaduan-tidak-berkadar-pengawasan': 0,
      cls_aspirasi: 1,
    });
    // Completed on Fri 5 Jun, within its limit: counted on that day for the on-time share.
    expect(items.find((i) => i.pk === 'AGG#6302' && i.sk === 'D#2026-06-05')).toMatchObject({
      completed: 1,
      completedOnTime: 1,
    });
  });
});

describe('POST /v1/updates', () => {
  it('lands the 49 valid items of a batch of 50 and rejects the bad one, naming the field', async () => {
    const { deps, allItems } = await localIngest();
    const updates: unknown[] = Array.from({ length: 50 }, () => anUpdate());
    updates[17] = { ...(updates[17] as object), occurredAt: '17/06/2026' };
    const response = await handleApiRequest(deps, post({ updates }));
    expect(response.statusCode).toBe(207);
    const body = JSON.parse(response.body ?? '{}');
    expect(body.summary).toMatchObject({ created: 49, rejected: 1 });
    expect(body.results[17]).toMatchObject({
      index: 17,
      result: 'rejected',
      errors: [{ path: 'occurredAt', message: expect.stringContaining('ISO-8601') }],
    });
    expect((await allItems()).filter((i) => i.type === 'event')).toHaveLength(49);
  });

  it.each([
    {
      name: 'malformed JSON',
      event: post('{"updates": [ {"trackingId": '),
      status: 400,
      error: 'malformed-json',
    },
    { name: 'a wrong shape', event: post('"just a string"'), status: 400, error: 'wrong-shape' },
    {
      name: 'updates that is not an array',
      event: post({ updates: { trackingId: 'x' } }),
      status: 400,
      error: 'wrong-shape',
    },
    { name: 'an empty batch', event: post({ updates: [] }), status: 400, error: 'no-updates' },
    {
      name: 'a body too large',
      event: post({ updates: [anUpdate({ note: 'x'.repeat(limits.maxBodyBytes) })] }),
      status: 413,
      error: 'body-too-large',
    },
    {
      name: 'too many items',
      event: post({ updates: Array.from({ length: limits.maxItems + 1 }, () => anUpdate()) }),
      status: 413,
      error: 'too-many-items',
    },
    {
      name: 'a body that is not JSON',
      event: apiEvent('POST', '/v1/updates', 'a=b', { 'content-type': 'application/x-www-form-urlencoded' }),
      status: 415,
      error: 'unsupported-media-type',
    },
  ])(
    'answers $name with a $status naming the problem, and writes nothing',
    async ({ event, status, error }) => {
      const { deps, allItems } = await localIngest();
      const response = await handleApiRequest(deps, event);
      expect(response.statusCode).toBe(status);
      expect(JSON.parse(response.body ?? '{}')).toMatchObject({ error, message: expect.any(String) });
      expect(await allItems()).toEqual([]);
    },
  );

  it('answers 422 when every item is rejected, and writes nothing', async () => {
    const { deps, allItems } = await localIngest();
    const response = await handleApiRequest(deps, post([{ ...anUpdate(), regencyCode: '6401' }]));
    expect(response.statusCode).toBe(422);
    expect(JSON.parse(response.body ?? '{}').results[0].errors[0]).toEqual({
      path: 'regencyCode',
      message: 'is not a regency of province 63 (Kalimantan Selatan)',
    });
    expect(await allItems()).toEqual([]);
  });

  it('scrubs e-mail, phone and NIK from notes and stores no reporter identity, listing what it ignored', async () => {
    const { deps, allItems } = await localIngest();
    const update = {
      ...anUpdate({
        note: 'Pelapor budi.s@gmail.com, HP 0812-3456-7890, NIK 6371012304850002, rumah di RT 05',
      }),
      reporterName: 'Budi Santoso',
      nik: '6371012304850002',
      priority: 'tinggi',
    };
    const response = await handleApiRequest(deps, post(update));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '{}').results[0].ignoredFields).toEqual([
      'reporterName (personal data: not stored)',
      'nik (personal data: not stored)',
      'priority',
    ]);
    const stored = JSON.stringify(await allItems());
    expect(stored).not.toMatch(/budi|0812|6371012304850002|Santoso/i);
    expect(stored).toContain(
      'Pelapor [email dihapus], HP [telepon dihapus], NIK [NIK dihapus], rumah di RT 05',
    );
  });
});

describe('GET /v1/complaints/{trackingId}', () => {
  it('returns the snapshot, its SLA state and its history', async () => {
    const { deps } = await localIngest('2026-06-10T08:00:00+08:00');
    const u = anUpdate({ occurredAt: '2026-06-02T09:00:00+08:00' });
    await ingestBatch(
      deps,
      [
        u,
        {
          ...u,
          sourceUpdateId: `${u.sourceUpdateId}-2`,
          status: 'terdisposisi-belum-ditindaklanjuti',
          occurredAt: '2026-06-03T09:00:00+08:00',
        },
      ],
      'api',
    );
    const response = await handleApiRequest(deps, apiEvent('GET', `/v1/complaints/${u.trackingId}`));
    expect(response.statusCode).toBe(200);
    const body = JSON.parse(response.body ?? '{}');
    expect(body.complaint).toMatchObject({
      trackingId: u.trackingId,
      status: 'terdisposisi-belum-ditindaklanjuti',
    });
    // Disposition Wed 3 Jun: follow-up 5 HK due Wed 10 Jun.
    expect(body.sla.current).toMatchObject({
      stage: 'follow-up',
      due: '2026-06-10T15:59:59.999Z',
      workingDaysUsed: 5,
    });
    expect(body.history).toHaveLength(2);
  });

  it('answers 404 for an unknown complaint and for an unknown route', async () => {
    const { deps } = await localIngest();
    expect((await handleApiRequest(deps, apiEvent('GET', '/v1/complaints/NOPE'))).statusCode).toBe(404);
    expect((await handleApiRequest(deps, apiEvent('GET', '/v2/updates'))).statusCode).toBe(404);
    expect((await handleApiRequest(deps, apiEvent('DELETE', '/v1/updates'))).statusCode).toBe(405);
  });
});
