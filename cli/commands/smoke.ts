import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkDeadlines } from '../../functions/use-cases/check-deadlines';
import { deadlineDeps } from '../../handlers/support/compose';
import { loadConfig } from '../../handlers/support/config';
import {
  type DeployConfig,
  DeployConfigError,
  loadDeployConfig,
  readCdkJsonContext,
} from '../../infra/config';
import { runbookLink } from '../../infra/runbook';
import type { SmokeManifest } from '../../infra/smoke-manifest';
import { localAwsEnv, localResources } from '../../local/stack';
import { deadlineViews } from '../../templates/deadline-emails';
import { CliError } from '../errors';
import { localDefaults } from '../local-env';
import { AwsDeploymentProbe, signedApi } from '../smoke/adapters';
import { type DryRunSummary, formatSmoke, runSmoke, type SmokeReport, smokeMarkdown } from '../smoke/run';

interface SmokeOptions {
  stage: string;
  outputs?: string;
  manifest?: string;
  apiUrl?: string;
  summary?: string;
  json?: boolean;
}

/** `lapor-paman smoke --stage <name>`: proves a deployment (or the local stack) works, in ten seconds. */
export function registerSmokeCommand(program: Command): void {
  program
    .command('smoke')
    .description(
      'Prove a deployment works: post and read back a synthetic update (reserved tracking id SMOKE-<province>, ' +
        'regency <province>99, counted nowhere), dry-run the deadline check, check schedules, queues and alarms.',
    )
    .requiredOption(
      '--stage <name>',
      'a stage of cdk.json (staging, production, ...), or "local" for `lapor-paman local`',
    )
    .option(
      '--outputs <file>',
      'the `cdk deploy --outputs-file` of the stage (default: cdk-outputs.<stage>.json)',
    )
    .option(
      '--manifest <file>',
      "the stateless stack's SmokeManifest output, saved as JSON (instead of --outputs)",
    )
    .option(
      '--api-url <url>',
      'local only: the ingest API (default: $LAPOR_PAMAN_API_URL, printed by `lapor-paman local`)',
    )
    .option('--summary <file>', 'also append the verdict as Markdown, e.g. "$GITHUB_STEP_SUMMARY"')
    .option('--json', 'print the verdict as JSON')
    .action(async (opts: SmokeOptions) => {
      const report = opts.stage === 'local' ? await smokeLocal(opts) : await smokeDeployed(opts);
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatSmoke(report));
      if (opts.summary) appendFileSync(opts.summary, smokeMarkdown(report));
      if (!report.passed) process.exitCode = 1;
    });
}

/** The daily check as a dry run for an instant, against the configured table. */
function dryRun(env: NodeJS.ProcessEnv) {
  const deps = deadlineDeps(loadConfig(env, { email: true }), { views: deadlineViews });
  return async (at: Date): Promise<DryRunSummary> => {
    const r = await checkDeadlines(deps, { at, dryRun: true });
    return {
      skipped: r.skipped !== undefined,
      date: r.date,
      regencies: r.regencies.length,
      overdue: r.regencies.reduce((n, x) => n + x.overdue, 0),
      emailsSent: r.emailsSent,
      failures: r.failures,
    };
  };
}

async function smokeLocal(opts: SmokeOptions): Promise<SmokeReport> {
  const env: NodeJS.ProcessEnv = { ...localDefaults, ...process.env };
  const apiUrl = opts.apiUrl ?? env.LAPOR_PAMAN_API_URL;
  if (!apiUrl) {
    throw new CliError(
      'no ingest API: pass --api-url, or paste the export lines `lapor-paman local` prints (LAPOR_PAMAN_API_URL)',
    );
  }
  if (!env.TABLE_NAME) {
    throw new CliError(
      'TABLE_NAME is not set: start `lapor-paman local` in another shell and paste its export lines',
    );
  }
  const api = signedApi(apiUrl, env.AWS_REGION ?? localAwsEnv.AWS_REGION, {
    accessKeyId: env.AWS_ACCESS_KEY_ID ?? localAwsEnv.AWS_ACCESS_KEY_ID,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? localAwsEnv.AWS_SECRET_ACCESS_KEY,
  });
  // The local stack's SQS emulator (fauxqs) holds the semester queue and its dead-letter queue.
  const work = env.SEMESTER_QUEUE_URL;
  const localQueues = work
    ? {
        SemesterWork: work,
        SemesterWorkDeadLetters: work.replace(/[^/]+$/, localResources.semesterDeadLetters),
      }
    : undefined;
  const probe = localQueues ? new AwsDeploymentProbe(env.AWS_REGION ?? localAwsEnv.AWS_REGION) : undefined;
  try {
    return await runSmoke(
      {
        stage: 'local',
        provinceCode: env.PROVINCE_CODE ?? localDefaults.PROVINCE_CODE,
        ...(localQueues ? { localQueues } : {}),
      },
      {
        api,
        deadlineDryRun: dryRun(env),
        runbook: (section) => runbookLink('README.md', section),
        ...(probe ? { probe } : {}),
      },
    );
  } finally {
    probe?.destroy();
  }
}

async function smokeDeployed(opts: SmokeOptions): Promise<SmokeReport> {
  let config: DeployConfig;
  try {
    config = loadDeployConfig((key) => readCdkJsonContext()[key], undefined, opts.stage);
  } catch (error) {
    if (error instanceof DeployConfigError) throw new CliError(`${error.message}; or --stage local`);
    throw error;
  }
  const manifest = readManifest(opts, config);
  process.env.AWS_REGION ??= manifest.region;
  const probe = new AwsDeploymentProbe(manifest.region);
  try {
    const env: NodeJS.ProcessEnv = {
      TABLE_NAME: manifest.tableName,
      PROVINCE_CODE: config.provinceCode,
      SLA_POLICY: config.slaPolicy,
      SENDER_ADDRESS: config.senderAddress,
      LAPOR_BASE_URL: config.laporBaseUrl,
    };
    return await runSmoke(
      {
        stage: `${config.stage} (${manifest.region})`,
        provinceCode: config.provinceCode,
        deployment: manifest,
      },
      {
        api: signedApi(manifest.apiUrl, manifest.region, probe.credentials()),
        deadlineDryRun: dryRun(env),
        probe,
        runbook: (section) => runbookLink(config.runbookUrl, section),
      },
    );
  } finally {
    probe.destroy();
  }
}

/** The SmokeManifest of a stage: from --manifest, or from the outputs file `cdk deploy` wrote. */
export function readManifest(
  opts: { stage: string; outputs?: string; manifest?: string },
  config: DeployConfig,
): SmokeManifest {
  if (opts.manifest) return parseManifest(readFileSync(opts.manifest, 'utf8'), opts.manifest);
  const file = opts.outputs ?? `cdk-outputs.${opts.stage}.json`;
  if (!existsSync(file)) {
    throw new CliError(
      `no outputs file ${file}: deploy with \`npx cdk deploy -c stage=${opts.stage} --outputs-file ${file} ...\`, ` +
        `or save the SmokeManifest output of ${config.stackPrefix}-Stateless and pass --manifest`,
    );
  }
  const stack = `${config.stackPrefix}-Stateless`;
  const outputs = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
  const value = outputs[stack]?.SmokeManifest;
  if (!value)
    throw new CliError(`${file} has no SmokeManifest output of stack ${stack}: is it this stage's file?`);
  return parseManifest(value, file);
}

function parseManifest(text: string, source: string): SmokeManifest {
  const m = JSON.parse(text) as Partial<SmokeManifest>;
  for (const key of [
    'apiUrl',
    'tableName',
    'region',
    'scheduleGroup',
    'schedules',
    'queues',
    'alarms',
  ] as const) {
    if (m[key] === undefined) throw new CliError(`${source}: the smoke manifest has no "${key}"`);
  }
  return m as SmokeManifest;
}
