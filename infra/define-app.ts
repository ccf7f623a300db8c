import { Annotations, type App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  accountsOfStages,
  type DeployConfig,
  loadDeployConfig,
  sharedAccountError,
  sharedAccountWarning,
  stagesSharingAccount,
} from './config';
import { DeployAccessStack } from './deploy-access-stack';
import type { Place } from './place';
import { importBucketArnExport, StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

/**
 * Defines the two stacks of one stage on an app, with the cdk-nag AwsSolutions checks: any finding
 * that is not acknowledged (one rule, one resource, a reason) fails synthesis.
 * @param config the deployment configuration @default the stage chosen with `-c stage=<name>`,
 *   read from the app's context (cdk.json `laporPaman` and `laporPaman.stages.<name>`, -c overrides)
 * @param options.place the province's zone and schedule @default its place profile in data/regions/
 */
export function defineApp(
  app: App,
  config: DeployConfig = loadDeployConfig((key) => app.node.tryGetContext(key)),
  options: { place?: Place } = {},
): {
  config: DeployConfig;
  stateful: StatefulStack;
  stateless: StatelessStack;
  /** Defined only when `githubRepository` is configured. */
  deployAccess?: DeployAccessStack;
} {
  const env = { account: config.account ?? process.env.CDK_DEFAULT_ACCOUNT, region: config.region };
  // A separate account per stage is the default (README, Stages): two stages in one account are
  // refused unless allowed explicitly, and then every stack carries the warning of what it gives up.
  const accounts = { ...accountsOfStages((key) => app.node.tryGetContext(key)), [config.stage]: env.account };
  const sharing = stagesSharingAccount(config.stage, accounts);
  if (sharing.length > 0 && env.account && !config.allowSharedAccount)
    throw sharedAccountError(config.stage, sharing, env.account);
  const stateful = new StatefulStack(app, `${config.stackPrefix}-Stateful`, {
    env,
    config,
    description: `LAPOR Paman (${config.stage}): complaints table, import bucket, SES identity (retained on delete)`,
    terminationProtection: true,
  });
  const stateless = new StatelessStack(app, `${config.stackPrefix}-Stateless`, {
    env,
    config,
    description: `LAPOR Paman (${config.stage}): functions, HTTP API, queues, schedules, alarms, dashboard`,
    table: stateful.table,
    importBucketArnExport: importBucketArnExport(config),
    ...(options.place ? { place: options.place } : {}),
  });
  // The import bucket is referenced by its export name, which CDK does not see as a dependency.
  stateless.addStackDependency(stateful, 'the table and the import bucket');
  const { githubRepository } = config;
  const deployAccess = githubRepository
    ? new DeployAccessStack(app, `${config.stackPrefix}-DeployAccess`, {
        env,
        config: { ...config, githubRepository },
        description: `LAPOR Paman (${config.stage}): GitHub Actions OIDC roles of the delivery pipeline`,
      })
    : undefined;
  if (sharing.length > 0 && env.account) {
    for (const stack of [stateful, stateless, deployAccess]) {
      if (stack)
        Annotations.of(stack).addWarningV2(
          'lapor-paman:shared-account',
          sharedAccountWarning(config.stage, sharing, env.account),
        );
    }
  }
  Tags.of(app).add('project', 'lapor-paman');
  Tags.of(app).add('stage', config.stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { config, stateful, stateless, deployAccess };
}
