import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/**
 * Powertools instances, one place. Logs never carry request bodies or notes: complaint text can
 * hold personal data even after scrubbing, and logs are kept longer than anyone reads them.
 */
export const namespace = 'LaporPaman';

export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName, logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO' });
}

/** Its own warnings (e.g. "no application metrics to publish") go through the logger, at its level. */
export function createMetrics(serviceName: string): Metrics {
  return new Metrics({ namespace, serviceName, logger: createLogger(serviceName) });
}
