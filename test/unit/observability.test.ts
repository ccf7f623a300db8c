import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, createMetrics } from '../../handlers/support/observability';

// `npm test` prints results only: what the functions log and Metrics' own warnings stay out of a passing
// run (vitest.config.ts sets LOG_LEVEL=SILENT), while on Lambda they go to the log at their level.
describe('the functions’ logs and metrics under npm test', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  function captured(): string[] {
    const lines: string[] = [];
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, method).mockImplementation(capture);
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    return lines;
  }

  it('print nothing: a log line, an empty metrics flush and a metric', () => {
    const lines = captured();
    createLogger('probe').error('regency not checked', { regency: '6302' });
    createMetrics('probe').publishStoredMetrics();
    const metrics = createMetrics('probe');
    metrics.addMetric('DigestsSent', 'Count', 1);
    metrics.publishStoredMetrics();
    vi.restoreAllMocks();
    expect(lines).toEqual([]);
  });

  it('log at the level LOG_LEVEL says, and Metrics warns through that logger', () => {
    vi.stubEnv('LOG_LEVEL', 'WARN');
    const lines = captured();
    createMetrics('probe').publishStoredMetrics();
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    expect(lines.join('\n')).toMatch(/No application metrics to publish/);
  });
});
