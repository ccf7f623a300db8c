import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendarYears, loadPopulation } from '../../functions/adapters/data-files';
import { S3SiteTarget } from '../../functions/adapters/site-target';
import { publishSite, type SiteDeps } from '../../functions/use-cases/publish-site';
import { localAwsEnv, localS3Client } from '../../local/stack';
import { type LocalStorage, startLocalStorage } from '../../local/storage';
import { siteView } from '../../templates/site';
import { calendar, dataDir, kalsel, kalselPolicy, nationalPolicy } from '../support/data';
import { freshTable, localEndpoints } from '../support/local-aws';
import { fixtureProvince } from '../support/semester-fixture';

/**
 * The publisher's S3 side against the local stack's S3 (fauxqs): pages under site/ with their
 * content types and cache lifetime, the manifest outside that prefix, a first run with no manifest,
 * and the Lambda entry point as Lambda loads it.
 */
describe('the scoreboard in an S3 bucket', () => {
  let local: LocalStorage;
  let s3: S3Client;
  const bucket = 'papan-skor';

  beforeAll(async () => {
    local = await startLocalStorage({
      region: localAwsEnv.AWS_REGION,
      credentials: {
        accessKeyId: localAwsEnv.AWS_ACCESS_KEY_ID,
        secretAccessKey: localAwsEnv.AWS_SECRET_ACCESS_KEY,
      },
    });
    local.createBucket(bucket);
    s3 = localS3Client(local.endpoint);
  });
  afterAll(async () => {
    s3?.destroy();
    await local?.stop();
  });

  const deps = (): SiteDeps => ({
    regions: kalsel(),
    sla: { policy: nationalPolicy(), calendar: calendar() },
    policies: [nationalPolicy(), kalselPolicy()],
    calendarYears: loadCalendarYears(dataDir),
    population: loadPopulation(dataDir, '63'),
    queries: { allOpen: async () => [], receivedByMonth: async () => new Map() },
    view: siteView,
    roster: { listMany: async () => [] },
    loadSemester: async () => fixtureProvince(),
    target: new S3SiteTarget(s3, bucket),
    clock: () => new Date('2026-07-01T08:30:00+08:00'),
  });

  it('writes every page under site/ with its type, then nothing on a re-run', async () => {
    const at = new Date('2026-07-01T08:00:00+08:00');
    const first = await publishSite(deps(), { at });
    expect(first.changed.length).toBe(first.files.length);
    const index = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'site/index.html' }));
    expect(index.ContentType).toBe('text/html; charset=utf-8');
    expect(index.CacheControl).toBe('public, max-age=300');
    const css = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'site/gaya.css' }));
    expect(css.ContentType).toBe('text/css; charset=utf-8');
    const manifest = await s3.send(
      new GetObjectCommand({ Bucket: bucket, Key: 'internal/site-manifest.json' }),
    );
    expect(Object.keys(JSON.parse((await manifest.Body?.transformToString()) ?? '{}'))).toContain(
      'index.html',
    );

    const again = await publishSite(deps(), { at });
    expect(again.changed).toEqual([]);
  });

  it('runs as the Lambda entry point: configuration from the environment, the table, the bucket', async () => {
    Object.assign(process.env, {
      ...localAwsEnv,
      TABLE_NAME: await freshTable('site'),
      PROVINCE_CODE: '63',
      SITE_BUCKET: bucket,
      SITE_PREFIX: 'lambda-site',
      AWS_ENDPOINT_URL_DYNAMODB: localEndpoints().dynamodb,
      AWS_ENDPOINT_URL_S3: local.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      POWERTOOLS_DEV: 'true',
    });
    const { handler } = await import('../../handlers/publish-site');
    const summary = await handler({ at: '2026-07-01T08:00:00+08:00' }, {
      awsRequestId: 'test',
      functionName: 'publish-site',
    } as Context);
    // An empty table: no semester evaluated yet, the site says so, every file written.
    expect(summary).toMatchObject({ date: '2026-07-01', semester: undefined, invalidated: ['/*'] });
    const index = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'lambda-site/index.html' }));
    expect(await index.Body?.transformToString()).toContain('Evaluasi semester pertama belum dijalankan');
  });
});
