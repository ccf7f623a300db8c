import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { traced } from '../functions/adapters/tracing';
import { problem } from '../functions/api/http';
import { handleApiRequest, type summarize } from '../functions/api/ingest-routes';
import { ingestApiDeps } from './support/compose-ingest';
import { loadConfig } from './support/config';
import { createLogger, createMetrics } from './support/observability';
import { addUpdateCounts } from './support/ops-metrics';

/** Lambda entry point of the HTTP API (API Gateway HTTP API, IAM-authorized): POST /v1/updates, GET /v1/complaints/{id}. */
const logger = createLogger('ingest-api');
const metrics = createMetrics('ingest-api');
// Each client's updates a second are budgeted (ingestApiDeps).
const deps = ingestApiDeps(loadConfig());

async function handle(
  event: APIGatewayProxyEventV2,
  context: Context,
): Promise<APIGatewayProxyStructuredResultV2> {
  logger.addContext(context);
  try {
    const response = await handleApiRequest(deps, event);
    logger.info('request', {
      route: `${event.requestContext.http.method} ${event.rawPath}`,
      status: response.statusCode,
    });
    // Per-item outcomes (also of partly rejected batches: 207, 422, 503) as metrics.
    const { summary } = JSON.parse(response.body ?? '{}') as { summary?: ReturnType<typeof summarize> };
    addUpdateCounts(metrics, summary ?? {});
    return response;
  } catch (error) {
    logger.error('request failed', error as Error);
    return problem(500, 'internal', 'the update could not be processed; retry later', {
      requestId: context.awsRequestId,
    });
  } finally {
    metrics.publishStoredMetrics();
  }
}

export const handler = traced('ingest-api', handle);
