import { describe, expect, it } from 'vitest';
import { handleApiRequest } from '../../functions/api/ingest-routes';
import { anUpdate, apiEvent } from '../support/fixtures';
import { localIngest } from '../support/ingest';

const post = (body: unknown) =>
  apiEvent('POST', '/v1/updates', JSON.stringify(body), { 'content-type': 'application/json' });

describe('the ingest API at its edges', () => {
  it.each([
    ['occurredAt', '2026-02-30T10:00:00+08:00'],
    ['occurredAt', '2026-04-31T10:00:00+08:00'],
    ['occurredAt', '2026-03-17T24:30:00+08:00'],
    ['submittedAt', '2025-02-29T09:00:00+08:00'],
  ])('rejects an impossible %s (%s), naming the field, as the bulk import does', async (field, value) => {
    const { deps, allItems } = await localIngest();
    const update = { ...anUpdate({ occurredAt: '2026-03-17T10:00:00+08:00' }), [field]: value };
    const response = await handleApiRequest(deps, post(update));
    expect(response.statusCode).toBe(422);
    const body = JSON.parse(response.body ?? '{}');
    expect(body.results[0]).toMatchObject({
      result: 'rejected',
      errors: [{ path: field, message: 'is not a real date and time' }],
    });
    expect((await allItems()).filter((i) => i.type === 'event')).toHaveLength(0);
  });

  it('still accepts 29 February in a leap year', async () => {
    const { deps } = await localIngest();
    const response = await handleApiRequest(
      deps,
      post(anUpdate({ occurredAt: '2028-02-29T10:00:00+08:00', submittedAt: '2028-02-29T09:00:00+08:00' })),
    );
    // 2028 is in the future for the validator's clock: the message must be about that, not the date.
    const body = JSON.parse(response.body ?? '{}');
    expect(JSON.stringify(body.results[0].errors ?? [])).not.toContain('not a real date');
  });

  it.each(['/v1/complaints/%E0%A4%A', '/v1/complaints/%', '/v1/complaints/abc%ZZ'])(
    'answers 400 JSON to a malformed percent-encoding in the path (%s)',
    async (path) => {
      const { deps } = await localIngest();
      const response = await handleApiRequest(deps, apiEvent('GET', path));
      expect(response.statusCode).toBe(400);
      expect(response.headers?.['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(response.body ?? '{}')).toMatchObject({
        error: 'malformed-path',
        message: expect.stringContaining('percent-encoding'),
      });
    },
  );
});
