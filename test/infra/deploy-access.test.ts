import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineTestApp } from './app-fixture';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = {
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, string>>;
};

let app: ReturnType<typeof defineTestApp>;
let template: Template;
beforeAll(() => {
  app = defineTestApp(
    { githubRepository: 'kalselprov/lapor-paman' },
    { bundle: false, cfnValidation: false, stage: 'staging' },
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

  it("lets only jobs of the repository in the stage's GitHub environment assume the deploy role", () => {
    const [statement] = trust(role('LaporPaman-Staging-github-deploy'));
    expect(statement).toMatchObject({
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': 'repo:kalselprov/lapor-paman:environment:staging',
        },
      },
    });
    const [diff] = trust(role('LaporPaman-Staging-github-diff'));
    expect(diff?.Condition?.StringEquals?.['token.actions.githubusercontent.com:sub']).toBe(
      'repo:kalselprov/lapor-paman:environment:staging-diff',
    );
  });

  it('deploys through the CDK bootstrap roles and smoke-tests read-only; the diff role only reads templates', () => {
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
      /cdk-hnb659fds-deploy-role-.*cdk-hnb659fds-file-publishing-role-.*cdk-hnb659fds-lookup-role-/,
    );
    const invoke = deploy.find((s) => s.Action === 'execute-api:Invoke');
    expect(JSON.stringify(invoke?.Resource)).toContain('$default/GET/v1/complaints/SMOKE-*');
    for (const s of deploy) expect(s.Resource).not.toBe('*');
    const diff = grants('LaporPaman-Staging-github-diff');
    expect(diff).toHaveLength(1);
    expect(diff[0]?.Action).toBe('sts:AssumeRole');
    expect(JSON.stringify(diff[0]?.Resource)).toContain('cdk-hnb659fds-lookup-role-');
  });

  it('passes cdk-nag, each wildcard acknowledged on its own', () => {
    const report = new AwsSolutionsChecks().validateScope(app.deployAccess!);
    expect(
      report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath)}`),
    ).toEqual([]);
  });
});
