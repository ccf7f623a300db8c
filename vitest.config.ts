import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // DynamoDB Local, the SES emulator, S3 and SQS (fauxqs), started once for the whole run.
    globalSetup: ['test/support/global-setup.ts'],
    // A passing run prints results only: the functions' logs (Powertools Logger) and metrics (EMF lines,
    // and Metrics' own warnings, which go through the logger) stay out of it. A test that reads the log
    // sets its own LOG_LEVEL.
    env: { LOG_LEVEL: 'SILENT', POWERTOOLS_DEV: 'true', POWERTOOLS_METRICS_DISABLED: 'true' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
