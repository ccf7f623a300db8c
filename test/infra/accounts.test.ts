import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { afterEach, describe, expect, it } from 'vitest';
import { DeployConfigError, loadDeployConfig } from '../../infra/config';
import { defineApp } from '../../infra/define-app';
import { cdkJsonContext } from './app-fixture';

/**
 * A separate account per stage is the default: synthesis refuses two stages in one account unless
 * `allowSharedAccount` says so, and then warns, on every stack, what that gives up.
 */
function synth(
  stage: string,
  accounts: Record<string, string | undefined>,
  extra: Record<string, unknown> = {},
) {
  const base = structuredClone(cdkJsonContext()) as Record<string, unknown> & {
    laporPaman: { stages: Record<string, Record<string, unknown>> };
  };
  for (const [name, account] of Object.entries(accounts)) {
    if (account) base.laporPaman.stages[name] = { ...base.laporPaman.stages[name], account };
  }
  const context: Record<string, unknown> = { ...base, stage, 'aws:cdk:bundling-stacks': [], ...extra };
  const app = new App({
    outdir: mkdtempSync(path.join(os.tmpdir(), 'lapor-paman-accounts-')),
    context,
    builtinCloudFormationValidation: false,
  });
  return defineApp(
    app,
    loadDeployConfig((key) => context[key]),
  );
}

const savedDefault = process.env.CDK_DEFAULT_ACCOUNT;
afterEach(() => {
  if (savedDefault === undefined) delete process.env.CDK_DEFAULT_ACCOUNT;
  else process.env.CDK_DEFAULT_ACCOUNT = savedDefault;
});

describe('one AWS account per stage', () => {
  it('refuses staging and production in one account, naming both and the override', () => {
    const attempt = () => synth('staging', { staging: '111111111111', production: '111111111111' });
    expect(attempt).toThrow(DeployConfigError);
    expect(attempt).toThrow(/stage "staging" deploys into account 111111111111, as "production" does/);
    expect(attempt).toThrow(/allowSharedAccount=true/);
    expect(() => synth('production', { staging: '111111111111', production: '111111111111' })).toThrow(
      /as "staging" does/,
    );
  });

  it("refuses the same when neither stage names its account and both would use the credentials' account", () => {
    process.env.CDK_DEFAULT_ACCOUNT = '222222222222';
    expect(() => synth('production', {})).toThrow(/account 222222222222, as "staging" does/);
    // The account named for one stage on the command line is that stage's only.
    expect(() =>
      synth('production', { staging: '111111111111' }, { 'laporPaman.account': '333333333333' }),
    ).not.toThrow();
  });

  it('synthesizes separate accounts without a warning', () => {
    const { stateful, stateless } = synth('staging', { staging: '111111111111', production: '999999999999' });
    for (const stack of [stateful, stateless]) {
      Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('shares account'));
    }
  });

  it('synthesizes without credentials (the checks), where no account is known', () => {
    delete process.env.CDK_DEFAULT_ACCOUNT;
    expect(() => synth('staging', {})).not.toThrow();
  });

  it('allows one account when told to, and warns on every stack what that gives up', () => {
    const { stateful, stateless, deployAccess } = synth(
      'staging',
      { staging: '111111111111', production: '111111111111' },
      { 'laporPaman.allowSharedAccount': 'true', 'laporPaman.githubRepository': 'kalselprov/lapor-paman' },
    );
    for (const stack of [stateful, stateless, deployAccess!]) {
      Annotations.fromStack(stack).hasWarning(
        '*',
        Match.stringLikeRegexp(
          'shares account 111111111111 with "production".*production reviewer.*CDK bootstrap roles.*quotas',
        ),
      );
    }
  });
});
