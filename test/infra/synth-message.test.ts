import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// `npm run synth` without `-c stage=...`: the CDK app says what to do, without a stack trace around it.
describe('the CDK app without a stage', () => {
  it('prints the message alone and fails', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'infra/app.ts'], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, CDK_CONTEXT_JSON: undefined },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/choose a stage with -c stage=<name> \(configured stages: .*staging/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toMatch(/DeployConfigError/);
  }, 120_000);
});
