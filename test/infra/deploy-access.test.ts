import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/config';
import { oidcSubjectClaimKeys } from '../../infra/deploy-access-stack';
import { defineTestApp } from './app-fixture';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = {
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, string>>;
};

let app: ReturnType<typeof defineTestApp>;
let productionApp: ReturnType<typeof defineTestApp>;
let template: Template;
beforeAll(() => {
  app = defineTestApp(
    { githubRepository: 'kalselprov/lapor-paman' },
    { bundle: false, cfnValidation: false, stage: 'staging' },
  );
  productionApp = defineTestApp(
    { githubRepository: 'kalselprov/lapor-paman' },
    { bundle: false, cfnValidation: false, stage: 'production' },
  );
  if (!app.deployAccess) throw new Error('no DeployAccess stack');
  template = Template.fromStack(app.deployAccess);
}, 120_000);

const roles = () => template.findResources('AWS::IAM::Role') as Record<string, Resource>;
const role = (name: string) => {
  const found = Object.values(roles()).find((r) => r.Properties.RoleName === name);
  if (!found) throw new Error(`no role ${name}`);
  return found;
};
const trust = (r: Resource) =>
  (r.Properties.AssumeRolePolicyDocument as { Statement: Statement[] }).Statement;
const grants = (name: string) => {
  const id = Object.entries(roles()).find(([, r]) => r.Properties.RoleName === name)?.[0];
  return (Object.values(template.findResources('AWS::IAM::Policy')) as Resource[])
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${id}"`))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
};

describe('the deploy access of a stage (GitHub Actions OIDC)', () => {
  it('is defined only when the repository is configured', () => {
    expect(defineTestApp({}, { bundle: false, cfnValidation: false }).deployAccess).toBeUndefined();
    expect(app.deployAccess?.stackName).toBe('LaporPaman-Staging-DeployAccess');
  });

  it("creates GitHub's OIDC provider for the STS audience", () => {
    template.hasResourceProperties('AWS::IAM::OIDCProvider', {
      Url: 'https://token.actions.githubusercontent.com',
      ClientIdList: ['sts.amazonaws.com'],
    });
  });

  it("lets only jobs of the repository in the stage's GitHub environment, on main, assume the deploy role", () => {
    const [statement] = trust(role('LaporPaman-Staging-github-deploy'));
    expect(statement).toMatchObject({
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub':
            'repo:kalselprov/lapor-paman:environment:staging:ref:refs/heads/main',
        },
      },
    });
    expect(statement?.Condition?.StringLike).toBeUndefined();
  });

  it('lets the diff role be assumed from pull requests only, in the stage-diff environment', () => {
    const [diff] = trust(role('LaporPaman-Staging-github-diff'));
    expect(diff?.Condition?.StringEquals?.['token.actions.githubusercontent.com:aud']).toBe(
      'sts.amazonaws.com',
    );
    expect(diff?.Condition?.StringLike?.['token.actions.githubusercontent.com:sub']).toBe(
      'repo:kalselprov/lapor-paman:environment:staging-diff:ref:refs/pull/*/merge',
    );
  });

  it('names the ref in every OIDC trust of the app, in the claim order of the documented subject template', () => {
    const subject = JSON.parse(
      readFileSync(path.join(repoRoot, 'infra/bootstrap/oidc-subject.json'), 'utf8'),
    );
    expect(subject).toEqual({ use_default: false, include_claim_keys: [...oidcSubjectClaimKeys] });
    const all = [app, productionApp].flatMap((a) =>
      [a.stateful, a.stateless, a.deployAccess].flatMap((stack) =>
        stack ? Object.values(Template.fromStack(stack).findResources('AWS::IAM::Role')) : [],
      ),
    ) as Resource[];
    const federated = all.flatMap(trust).filter((s) => s.Action === 'sts:AssumeRoleWithWebIdentity');
    expect(federated.length).toBeGreaterThanOrEqual(3);
    for (const s of federated) {
      const sub = Object.values(s.Condition ?? {}).find(
        (c) => c['token.actions.githubusercontent.com:sub'],
      )?.['token.actions.githubusercontent.com:sub'];
      expect(sub).toMatch(
        /^repo:[^:*]+\/[^:*]+:environment:[a-z0-9-]+:ref:refs\/(heads\/main|pull\/\*\/merge)$/,
      );
    }
  });

  it('defines no diff role for a stage without pullRequestDiff (production)', () => {
    expect(productionApp.deployAccess?.diffRole).toBeUndefined();
    const names = Object.values(
      Template.fromStack(productionApp.deployAccess!).findResources('AWS::IAM::Role'),
    ).map((r) => (r as Resource).Properties.RoleName);
    expect(names).toEqual(['LaporPaman-github-deploy']);
  });

  it('deploys through the CDK bootstrap deploy roles and smoke-tests read-only; the diff role only reads two templates', () => {
    const deploy = grants('LaporPaman-Staging-github-deploy');
    expect(deploy.flatMap((s) => [s.Action].flat()).sort()).toEqual([
      'cloudwatch:DescribeAlarms',
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
      'execute-api:Invoke',
      'scheduler:GetSchedule',
      'sqs:GetQueueAttributes',
      'sts:AssumeRole',
    ]);
    const assume = deploy.find((s) => s.Action === 'sts:AssumeRole');
    expect(JSON.stringify(assume?.Resource)).toMatch(
      /cdk-hnb659fds-deploy-role-.*cdk-hnb659fds-file-publishing-role-/,
    );
    const invoke = deploy.find((s) => s.Action === 'execute-api:Invoke');
    expect(JSON.stringify(invoke?.Resource)).toContain('$default/GET/v1/complaints/SMOKE-*');
    for (const s of deploy) expect(s.Resource).not.toBe('*');
    const diff = grants('LaporPaman-Staging-github-diff');
    expect(diff).toHaveLength(1);
    expect([diff[0]?.Action].flat().sort()).toEqual([
      'cloudformation:DescribeStacks',
      'cloudformation:GetTemplate',
    ]);
    const resources = JSON.stringify(diff[0]?.Resource);
    expect(resources).toContain(':stack/LaporPaman-Staging-Stateful/*');
    expect(resources).toContain(':stack/LaporPaman-Staging-Stateless/*');
    expect(resources).not.toContain('DeployAccess');
  });

  it('lets no role of the app assume a CDK lookup role (ReadOnlyAccess reads every table and bucket)', () => {
    for (const a of [app, productionApp]) {
      for (const stack of [a.stateful, a.stateless, a.deployAccess]) {
        if (!stack) continue;
        const t = Template.fromStack(stack);
        const statements = [
          ...Object.values(t.findResources('AWS::IAM::Policy')),
          ...Object.values(t.findResources('AWS::IAM::ManagedPolicy')),
        ].flatMap((p) => ((p as Resource).Properties.PolicyDocument as { Statement: Statement[] }).Statement);
        const inline = Object.values(t.findResources('AWS::IAM::Role')).flatMap((r) =>
          (
            ((r as Resource).Properties.Policies as { PolicyDocument: { Statement: Statement[] } }[]) ?? []
          ).flatMap((p) => p.PolicyDocument.Statement),
        );
        for (const s of [...statements, ...inline]) {
          const actions = [s.Action].flat();
          const assumes = actions.some((x) => /^(sts:(AssumeRole|\*)|\*)$/.test(x));
          if (!assumes) continue;
          const resources = JSON.stringify(s.Resource);
          expect(resources, `${stack.stackName}`).not.toMatch(/lookup-role/);
          expect(s.Resource, `${stack.stackName}: sts:AssumeRole on every role`).not.toBe('*');
        }
      }
    }
  });

  it('passes cdk-nag, each wildcard acknowledged on its own', () => {
    const report = new AwsSolutionsChecks().validateScope(app.deployAccess!);
    expect(
      report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath)}`),
    ).toEqual([]);
  });
});
