import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { localCliEnv } from '../support/cli-env';
import { freshTable } from '../support/local-aws';

describe('lapor-paman clients', () => {
  it('registers, lists and revokes ingest clients, and refuses bad input naming it', async () => {
    const env = localCliEnv(await freshTable('clients'));
    const role = 'arn:aws:iam::123456789012:role/lapor-kotabaru';
    const granted = runCli(
      ['clients', 'grant', role, '--regencies', '6302', '--note', 'SIMPEL Kotabaru'],
      env,
    );
    expect(granted.stderr).toBe('');
    expect(granted.stdout).toContain(`${role} may now write regency 6302`);
    expect(
      runCli(['clients', 'grant', 'arn:aws:iam::123456789012:user/sync', '--province'], env).status,
    ).toBe(0);

    const list = runCli(['clients', 'list', '--json'], env);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ principal: role, scope: { regencies: ['6302'] }, note: 'SIMPEL Kotabaru' }),
      expect.objectContaining({
        principal: 'arn:aws:iam::123456789012:user/sync',
        scope: { province: true },
      }),
    ]);

    // 6399 is the smoke test's reserved regency (functions/domain/smoke.ts): 6398 is no regency at all.
    const unknown = runCli(['clients', 'grant', role, '--regencies', '6302,6398'], env);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain('6398 is not a regency of province 63');
    const both = runCli(['clients', 'grant', role, '--regencies', '6302', '--province'], env);
    expect(both.stderr).toContain('exactly one of --regencies');
    const notArn = runCli(['clients', 'grant', 'kotabaru', '--province'], env);
    expect(notArn.stderr).toContain('is not the ARN of an IAM user or role');

    expect(runCli(['clients', 'revoke', role], env).status).toBe(0);
    const again = runCli(['clients', 'revoke', role], env);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('is not a registered client');
  }, 240_000);
});
