import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { S3Client } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { CloudFrontInvalidator, S3SiteTarget } from '../functions/adapters/site-target';
import { traceClient, traced } from '../functions/adapters/tracing';
import { publishSite } from '../functions/use-cases/publish-site';
import { siteView } from '../templates/site';
import { siteDeps } from './support/compose';
import { loadConfig } from './support/config';
import { createLogger, createMetrics } from './support/observability';

/**
 * Lambda entry point of the public scoreboard (EventBridge Scheduler: after the daily deadline
 * check on working days, and after the semester run). Writes the static site into the private site
 * bucket under SITE_PREFIX; when the site is published (SITE_DISTRIBUTION_ID set), tells CloudFront
 * which paths changed. Input `{ "at": "<ISO instant>" }` rebuilds the site as of any instant.
 */
const logger = createLogger('publish-site');
const metrics = createMetrics('publish-site');
const bucket = process.env.SITE_BUCKET;
if (!bucket) throw new Error('missing environment variable(s): SITE_BUCKET');
const distributionId = process.env.SITE_DISTRIBUTION_ID?.trim();
const deps = siteDeps(loadConfig(process.env), {
  view: siteView,
  // Path-style only where S3_FORCE_PATH_STYLE says so: the local stack's S3 emulator.
  target: new S3SiteTarget(
    traceClient(new S3Client({ forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true' })),
    bucket,
    process.env.SITE_PREFIX || 'site',
  ),
  ...(distributionId
    ? { invalidator: new CloudFrontInvalidator(distributionId, traceClient(new CloudFrontClient({}))) }
    : {}),
});

async function handle(event: { at?: string } | undefined, context: Context) {
  logger.addContext(context);
  const at = event?.at ? new Date(event.at) : undefined;
  if (at && Number.isNaN(at.getTime())) throw new Error(`"at" is not an ISO-8601 instant: ${event?.at}`);
  const result = await publishSite(deps, at ? { at } : {});
  const summary = {
    date: result.board.date,
    semester: result.board.semester?.id,
    files: result.files.length,
    changed: result.changed.length,
    removed: result.removed.length,
    invalidated: result.invalidated,
  };
  logger.info('scoreboard published', summary);
  metrics.addMetric('site_files_changed', MetricUnit.Count, result.changed.length);
  metrics.publishStoredMetrics();
  return summary;
}

export const handler = traced('publish-site', handle);
