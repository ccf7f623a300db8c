import { createRequire } from 'node:module';
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendarYears, loadPopulation } from '../../functions/adapters/data-files';
import { S3SiteTarget } from '../../functions/adapters/site-target';
import { publishSite, type SiteDeps } from '../../functions/use-cases/publish-site';
import { freePort } from '../../local/ports';
import { scratchDir } from '../support/browser';
import { calendar, dataDir, kalsel, kalselPolicy, nationalPolicy } from '../support/data';
import { fixtureProvince } from '../support/semester-fixture';

/**
 * The publisher's S3 side against s3rver (a local S3): pages under site/ with their content
 * types and cache lifetime, the manifest outside that prefix, and a first run with no manifest.
 */
describe('the scoreboard in an S3 bucket', () => {
  const scratch = scratchDir('s3rver');
  let server: { close: () => Promise<void> };
  let s3: S3Client;

  beforeAll(async () => {
    const port = await freePort();
    // s3rver ships no types: loaded through require, typed here by what the test uses.
    const S3rver = createRequire(import.meta.url)('s3rver') as new (
      o: object,
    ) => { run: () => Promise<unknown>; close: () => Promise<void> };
    const instance = new S3rver({
      port,
      address: '127.0.0.1',
      silent: true,
      directory: scratch.dir,
      configureBuckets: [{ name: 'papan-skor' }],
    });
    await instance.run();
    server = instance;
    s3 = new S3Client({
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      region: 'ap-southeast-3',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });
  afterAll(async () => {
    s3?.destroy();
    await server?.close();
    scratch.remove();
  });

  const deps = (): SiteDeps => ({
    regions: kalsel(),
    sla: { policy: nationalPolicy(), calendar: calendar() },
    policies: [nationalPolicy(), kalselPolicy()],
    calendarYears: loadCalendarYears(dataDir),
    population: loadPopulation(dataDir, '63'),
    queries: { allOpen: async () => [], counters: async () => [] },
    roster: { listMany: async () => [] },
    loadSemester: async () => fixtureProvince(),
    target: new S3SiteTarget(s3, 'papan-skor'),
    clock: () => new Date('2026-07-01T08:30:00+08:00'),
  });

  it('writes every page under site/ with its type, then nothing on a re-run', async () => {
    const at = new Date('2026-07-01T08:00:00+08:00');
    const first = await publishSite(deps(), { at });
    expect(first.changed.length).toBe(first.files.length);
    const index = await s3.send(new HeadObjectCommand({ Bucket: 'papan-skor', Key: 'site/index.html' }));
    expect(index.ContentType).toBe('text/html; charset=utf-8');
    expect(index.CacheControl).toBe('public, max-age=300');
    const css = await s3.send(new HeadObjectCommand({ Bucket: 'papan-skor', Key: 'site/gaya.css' }));
    expect(css.ContentType).toBe('text/css; charset=utf-8');
    const manifest = await s3.send(
      new GetObjectCommand({ Bucket: 'papan-skor', Key: 'internal/site-manifest.json' }),
    );
    expect(Object.keys(JSON.parse((await manifest.Body?.transformToString()) ?? '{}'))).toContain(
      'index.html',
    );

    const again = await publishSite(deps(), { at });
    expect(again.changed).toEqual([]);
  });
});
