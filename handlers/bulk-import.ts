import { S3Client } from '@aws-sdk/client-s3';
import type { Context, S3Event } from 'aws-lambda';
import { S3FileStore } from '../functions/adapters/file-store';
import { traceClient, traced } from '../functions/adapters/tracing';
import { importLimitsFrom } from '../functions/domain/import-limits';
import { type ImportDeps, importStoredFile } from '../functions/use-cases/import-stored-file';
import { importDeps } from './support/compose';
import { loadConfig } from './support/config';
import { createLogger, createMetrics } from './support/observability';
import { addUpdateCounts } from './support/ops-metrics';

/**
 * Lambda entry point: imports the CSV/XLSX exports admins drop under the bucket's
 * imports/<regency or province code>/ prefix (S3 event notification), and writes <file>.result.csv
 * (or .result.txt for an unreadable file) next to each. Limits: IMPORT_MAX_* (domain/import-limits).
 */
const logger = createLogger('bulk-import');
const metrics = createMetrics('bulk-import');
const config = loadConfig();
const bucket = process.env.IMPORT_BUCKET;
if (!bucket) throw new Error('missing environment variable(s): IMPORT_BUCKET');
const deps: ImportDeps = {
  ...importDeps(config),
  // Path-style only where S3_FORCE_PATH_STYLE says so: the local stack's S3 emulator (the SDK reads no variable for it).
  files: new S3FileStore(
    traceClient(new S3Client({ forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true' })),
    bucket,
  ),
  limits: importLimitsFrom(process.env),
};

async function handle(event: S3Event, context: Context): Promise<void> {
  logger.addContext(context);
  for (const record of event.Records) {
    // S3 URL-encodes keys in notifications, with "+" for spaces.
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    // Who uploaded it (an IAM user's id, or a role's id and session name), for the log and the result.
    const uploader = record.userIdentity?.principalId;
    const version = record.s3.object.versionId;
    const outcome = await importStoredFile(deps, key, {
      timeLeftMs: () => context.getRemainingTimeInMillis(),
      ...(uploader ? { uploader } : {}),
      ...(version ? { version } : {}),
    });
    logger.info('import', { key, uploader, ...outcome });
    if (outcome.status === 'imported') addUpdateCounts(metrics, outcome.counts);
  }
  metrics.publishStoredMetrics();
}

export const handler = traced('bulk-import', handle);
