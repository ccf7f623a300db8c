import {
  ArnFormat,
  Aws,
  CfnOutput,
  CliCredentialsStackSynthesizer,
  Duration,
  Stack,
  type StackProps,
} from 'aws-cdk-lib';
import {
  type IOidcProvider,
  OidcProviderNative,
  PolicyStatement,
  Role,
  WebIdentityPrincipal,
} from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { DeployConfig } from './config';
import { acknowledge, wildcardResourceFinding } from './nag';

/** GitHub Actions' OIDC issuer, and the audience configure-aws-credentials asks for. */
export const githubIssuer = 'token.actions.githubusercontent.com';
const audience = 'sts.amazonaws.com';

/**
 * The repository's OIDC subject template (set once with GitHub's REST API, README "From an empty
 * account to production"; the same JSON is infra/bootstrap/oidc-subject.json): the `sub` of every
 * token then names the repository, the job's environment and the git ref, in that order, e.g.
 * `repo:owner/name:environment:production:ref:refs/heads/main`. Until it is set, GitHub's default
 * subject names no ref and matches no trust below: the roles fail closed.
 */
export const oidcSubjectClaimKeys = ['repo', 'context', 'ref'] as const;

/** The `sub` a job of `repository` in GitHub environment `environment` on `ref` presents. */
export function oidcSubject(repository: string, environment: string, ref: string): string {
  return `repo:${repository}:environment:${environment}:ref:${ref}`;
}

/** Deployments run only from this branch (deploy.yml runs on pushes to it, and nothing else). */
export const deployRef = 'refs/heads/main';
/** The refs of pull requests' merge commits, which the pull-request workflow's diff runs on. */
export const pullRequestRefs = 'refs/pull/*/merge';

/** CDK's default bootstrap qualifier: the roles `cdk bootstrap` creates carry it in their names. */
const cdkQualifier = 'hnb659fds';

export interface DeployAccessStackProps extends StackProps {
  readonly config: DeployConfig & { githubRepository: string };
}

/**
 * What the delivery pipeline needs in a stage's account, created once by an administrator (README,
 * Deploy): GitHub's OIDC identity provider and the roles that only GitHub Actions jobs of one
 * repository, in one GitHub environment, on one kind of ref, can assume. No access key exists anywhere.
 * - the deploy role (environment `<stage>`, ref `refs/heads/main` only): assumes the CDK bootstrap
 *   roles that deploy (deploy, file-publishing; never the lookup role, whose ReadOnlyAccess reads
 *   every table and bucket), and runs the smoke test's read-only checks and its one signed update;
 * - the diff role (only with `pullRequestDiff`; environment `<stage>-diff`, pull-request merge refs):
 *   reads the deployed templates of this stage's two stacks, nothing else. `cdk diff --no-change-set`
 *   then cannot assume the lookup role and reads them with these credentials (docs/deploy-access.md).
 */
export class DeployAccessStack extends Stack {
  readonly deployRole: Role;
  readonly diffRole?: Role;

  constructor(scope: Construct, id: string, props: DeployAccessStackProps) {
    // Deployed by an administrator with their own credentials, never through the bootstrap's
    // execution role: that role (infra/bootstrap/execution-policy.json) may not touch the
    // pipeline's own roles or the OIDC provider, so a deployment cannot widen its own trust.
    super(scope, id, { ...props, synthesizer: new CliCredentialsStackSynthesizer() });
    const { config } = props;
    const provider: IOidcProvider = config.githubOidcProviderArn
      ? OidcProviderNative.fromOidcProviderArn(this, 'GitHub', config.githubOidcProviderArn)
      : new OidcProviderNative(this, 'GitHub', { url: `https://${githubIssuer}`, clientIds: [audience] });
    // The audience must equal STS; the subject must name the repository, the environment and the ref.
    const github = (environment: string, ref: string) => {
      const aud = { [`${githubIssuer}:aud`]: audience };
      const sub = { [`${githubIssuer}:sub`]: oidcSubject(config.githubRepository, environment, ref) };
      return new WebIdentityPrincipal(
        provider.oidcProviderArn,
        ref.includes('*') ? { StringEquals: aud, StringLike: sub } : { StringEquals: { ...aud, ...sub } },
      );
    };
    const cdkRole = (kind: string) =>
      `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/cdk-${cdkQualifier}-${kind}-role-${Aws.ACCOUNT_ID}-${Aws.REGION}`;

    this.deployRole = new Role(this, 'DeployRole', {
      roleName: `${config.stackPrefix}-github-deploy`,
      description: `GitHub Actions (${config.githubRepository}, environment ${config.stage}, ${deployRef}): deploy and smoke-test the ${config.stage} stage`,
      assumedBy: github(config.stage, deployRef),
      maxSessionDuration: Duration.hours(1),
    });
    this.deployRole.addToPolicy(
      new PolicyStatement({
        sid: 'DeployThroughCdkBootstrapRoles',
        actions: ['sts:AssumeRole'],
        resources: ['deploy', 'file-publishing'].map(cdkRole),
      }),
    );

    // The smoke test (cli/commands/smoke.ts): one signed update and its read-back, the deadline
    // check's reads as a dry run, and the state of the schedules, queues and alarms. Names of the
    // stage's resources are generated by CloudFormation from the stack names: the grants stop at
    // those prefixes.
    const prefix = config.stackPrefix;
    const smokeResources = {
      api: [
        this.formatArn({ service: 'execute-api', resource: '*', resourceName: '$default/POST/v1/updates' }),
        this.formatArn({
          service: 'execute-api',
          resource: '*',
          resourceName: '$default/GET/v1/complaints/SMOKE-*',
        }),
      ],
      table: [
        this.formatArn({
          service: 'dynamodb',
          resource: 'table',
          resourceName: config.tableName ?? `${prefix}-Stateful-*`,
        }),
        this.formatArn({
          service: 'dynamodb',
          resource: 'table',
          resourceName: `${config.tableName ?? `${prefix}-Stateful-*`}/index/*`,
        }),
      ],
      schedules: [this.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: '*' })],
      queues: [this.formatArn({ service: 'sqs', resource: `${prefix}-Stateless-*` })],
      alarms: [
        this.formatArn({
          service: 'cloudwatch',
          resource: 'alarm',
          resourceName: `${prefix}-Stateless-*`,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
    };
    this.deployRole.addToPolicy(
      new PolicyStatement({
        sid: 'SmokePostAndRead',
        actions: ['execute-api:Invoke'],
        resources: smokeResources.api,
      }),
    );
    this.deployRole.addToPolicy(
      new PolicyStatement({
        sid: 'SmokeDeadlineDryRun',
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
        resources: smokeResources.table,
      }),
    );
    this.deployRole.addToPolicy(
      new PolicyStatement({
        sid: 'SmokeSchedules',
        actions: ['scheduler:GetSchedule'],
        resources: smokeResources.schedules,
      }),
    );
    this.deployRole.addToPolicy(
      new PolicyStatement({
        sid: 'SmokeQueues',
        actions: ['sqs:GetQueueAttributes'],
        resources: smokeResources.queues,
      }),
    );
    this.deployRole.addToPolicy(
      new PolicyStatement({
        sid: 'SmokeAlarms',
        actions: ['cloudwatch:DescribeAlarms'],
        resources: smokeResources.alarms,
      }),
    );
    for (const arn of Object.values(smokeResources).flat()) {
      acknowledge(
        this.deployRole,
        wildcardResourceFinding(this, arn),
        "The stage's API id, table, schedule group, queue and alarm names are generated by CloudFormation in another stack: the smoke test's grant stops at the stage's name prefix (read-only, and POST of the reserved smoke update, which the client registry limits to the smoke regency).",
      );
    }

    if (config.pullRequestDiff) {
      const diffRole = new Role(this, 'DiffRole', {
        roleName: `${config.stackPrefix}-github-diff`,
        description: `GitHub Actions (${config.githubRepository}, environment ${config.stage}-diff, pull requests): cdk diff against ${config.stage}`,
        assumedBy: github(`${config.stage}-diff`, pullRequestRefs),
        maxSessionDuration: Duration.hours(1),
      });
      // What `cdk diff --no-change-set` reads: whether each stack exists and its deployed template.
      // The app has no nested stacks and no context lookups, so nothing else.
      const stackArns = [`${prefix}-Stateful`, `${prefix}-Stateless`].map((name) =>
        this.formatArn({ service: 'cloudformation', resource: 'stack', resourceName: `${name}/*` }),
      );
      diffRole.addToPolicy(
        new PolicyStatement({
          sid: 'ReadDeployedTemplates',
          actions: ['cloudformation:DescribeStacks', 'cloudformation:GetTemplate'],
          resources: stackArns,
        }),
      );
      for (const arn of stackArns) {
        acknowledge(
          diffRole,
          wildcardResourceFinding(this, arn),
          "A stack's ARN ends in the id CloudFormation gave it: the grant names the stage's two stacks and reads their templates only.",
        );
      }
      this.diffRole = diffRole;
      new CfnOutput(this, 'DiffRoleArn', {
        description: `GitHub environment "${config.stage}-diff": variable AWS_DIFF_ROLE_ARN`,
        value: diffRole.roleArn,
      });
    }

    new CfnOutput(this, 'DeployRoleArn', {
      description: `GitHub environment "${config.stage}": variable AWS_DEPLOY_ROLE_ARN`,
      value: this.deployRole.roleArn,
    });
  }
}
