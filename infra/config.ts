import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';

/** The repository root: bundling, data checks and asset paths are relative to it. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The cdk.json context key that holds the deployment configuration. */
export const contextKey = 'laporPaman';

/** CloudWatch Logs retention periods, in days, that the service accepts. */
const logRetentionValues = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const emailAddress = /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/;
/** `Name <address>` or a bare address, as SENDER_ADDRESS accepts it (handlers/support/config.ts). */
export const bareAddress = (value: string) => value.replace(/^.*<(.+)>\s*$/, '$1').trim();

const positiveNumber = z.coerce
  .number()
  .refine((n) => Number.isFinite(n) && n > 0, 'must be a positive number');
/** Reserved concurrency of a function; 0 means none reserved. */
const concurrency = z.coerce.number().int().min(0).max(1000);
const boolean = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

/**
 * The deployment configuration: what DevOps sets per account. No people here: recipients are
 * roster data, imported into the table (`lapor-paman roster import`), never deployed.
 */
export const deployConfigSchema = z.strictObject({
  /**
   * The stage these stacks are (`-c stage=<name>`, a block in `laporPaman.stages`): set by
   * {@link loadDeployConfig}, never by hand. @default 'production'
   */
  stage: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,23}$/, 'must be lower-case letters, digits and hyphens, starting with a letter')
    .default('production'),
  /** AWS region of both stacks. @default 'ap-southeast-3' (Jakarta) */
  region: z
    .string()
    .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'must be an AWS region code such as ap-southeast-3')
    .default('ap-southeast-3'),
  /** AWS account id; unset means the account of the CLI's credentials (CDK_DEFAULT_ACCOUNT). */
  account: z
    .string()
    .regex(/^\d{12}$/, 'must be a 12-digit AWS account id')
    .optional(),
  /** Prefix of the stack names (`<prefix>-Stateful`, `<prefix>-Stateless`). @default 'LaporPaman' */
  stackPrefix: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,40}$/, 'must be letters, digits and hyphens, starting with a letter')
    .default('LaporPaman'),
  /** Two-digit province code; selects data/regions/<code>.json. @default '63' (Kalimantan Selatan) */
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, 'must be a two-digit province code')
    .default('63'),
  /** SLA policy the deadline check measures against; data/policies/<policy>/ (its versions). @default 'nasional' */
  slaPolicy: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'must be a policy name (lower-case letters, digits, hyphens)')
    .default('nasional'),
  /** Base of complaint links in digests. @default 'https://www.lapor.go.id/laporan/detil' */
  laporBaseUrl: z.url({ protocol: /^https$/ }).default('https://www.lapor.go.id/laporan/detil'),
  /** SES identity that sends: a domain (recommended) or one address. @default 'lapor.kalselprov.go.id' */
  sesIdentity: z
    .string()
    .regex(/^([^@\s]+@)?([a-z0-9-]+\.)+[a-z]{2,}$/i, 'must be a domain or an e-mail address')
    .default('lapor.kalselprov.go.id'),
  /** From address of every e-mail; must belong to the identity. @default 'LAPOR Paman <no-reply@lapor.kalselprov.go.id>' */
  senderAddress: z
    .string()
    .refine(
      (v) => emailAddress.test(bareAddress(v)),
      'must be an e-mail address, optionally "Name <address>"',
    )
    .default('LAPOR Paman <no-reply@lapor.kalselprov.go.id>'),
  /**
   * Create the SES identity (Easy DKIM; the DNS records are stack outputs). Set false when the
   * identity already exists in the account. @default true
   */
  manageSesIdentity: boolean.default(true),
  /** The account's SES sending rate, messages a second (1 in the sandbox). @default 1 */
  sesMaxSendRate: positiveNumber.default(1),
  /** Where alarms (and SES bounce/complaint notices) are e-mailed; none when unset. */
  alarmEmail: z
    .string()
    .refine((v) => emailAddress.test(v), 'must be an e-mail address')
    .optional(),
  /** Retention of the functions' and the API's logs, in days. @default 90 */
  logRetentionDays: z.coerce
    .number()
    .refine(
      (n) => (logRetentionValues as readonly number[]).includes(n),
      `must be one of ${logRetentionValues.join(', ')}`,
    )
    .default(90),
  /** Days an import's result file (`results/...`, no personal data) is kept in the bucket. @default 180 */
  importRetentionDays: z.coerce.number().int().min(1).default(180),
  /**
   * Days an upload (reporters' names inside) stays if the import never answers it; an answered one
   * is deleted at once. The backstop of a failed import: re-run it within this time. @default 7
   */
  uploadRetentionDays: z.coerce.number().int().min(1).max(14).default(7),
  /**
   * Every e-mail goes to this one address instead of its recipients, and the functions' SES grant
   * allows no other recipient (a stage that must never mail real people, e.g. staging; the SES
   * mailbox simulator `success@simulator.amazonses.com` accepts and discards). @default unset
   */
  mailSink: z
    .string()
    .refine((v) => emailAddress.test(v), 'must be an e-mail address')
    .optional(),
  /** Whether the schedules run (a stopped stage keeps them, disabled). @default true */
  schedulesEnabled: boolean.default(true),
  /**
   * Minutes every schedule of this stage runs before the province's own times (the place profile's
   * `schedule` in data/regions/<code>.json, in its zone): staging runs an hour early, so that a
   * broken change shows there first. @default 0
   */
  scheduleLeadMinutes: z.coerce.number().int().min(0).max(180).default(0),
  /**
   * Run the functions against this existing table instead of the stateful stack's own: a table
   * restored from a point in time (README, "Restore the table to a point in time"). @default unset
   */
  tableName: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be a DynamoDB table name')
    .optional(),
  /**
   * The GitHub repository (`owner/name`) whose Actions may deploy this stage: when set, the app
   * also defines `<stackPrefix>-DeployAccess` (OIDC provider and roles, deployed once by an
   * administrator). @default unset
   */
  githubRepository: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must be owner/name of a GitHub repository')
    .optional(),
  /**
   * Define this stage's pull-request diff role (`<prefix>-github-diff`, GitHub environment
   * `<stage>-diff`): it may only read this stage's deployed stack templates. @default false
   */
  pullRequestDiff: boolean.default(false),
  /**
   * Let this stage deploy into an account that another configured stage also deploys into. A
   * separate account per stage is the default: in one account the staging pipeline reaches the same
   * CDK bootstrap roles as production (README, "Stages share an account"). @default false
   */
  allowSharedAccount: boolean.default(false),
  /** The account's existing GitHub OIDC provider (one per account) instead of creating it. @default unset */
  githubOidcProviderArn: z
    .string()
    .regex(
      /^arn:aws[\w-]*:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/,
      'must be the ARN of the GitHub OIDC provider',
    )
    .optional(),
  /**
   * Where the runbook lives: alarm descriptions end with `<runbookUrl>#<section>`. Set it to the
   * repository's README as people open it (e.g. `https://github.com/<org>/<repo>/blob/main/README.md`).
   * @default 'README.md'
   */
  runbookUrl: z.string().min(1).default('README.md'),
  /**
   * Publish the public scoreboard through CloudFront. The site is generated either way, daily, into
   * a private bucket the province team can read; the province decides whether to publish. @default false
   */
  publicScoreboard: boolean.default(false),
  /** A custom domain of the published scoreboard (needs scoreboardCertificateArn). @default unset */
  scoreboardDomain: z
    .string()
    .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/i, 'must be a domain name such as lapor.kalselprov.go.id')
    .optional(),
  /** The ACM certificate of scoreboardDomain: CloudFront only uses certificates in us-east-1. @default unset */
  scoreboardCertificateArn: z
    .string()
    .regex(
      /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/,
      'must be the ARN of an ACM certificate in us-east-1 (the only region CloudFront takes certificates from)',
    )
    .optional(),
  /** AWS X-Ray tracing of the functions (Powertools Tracer): costs per trace, so off unless asked. @default false */
  tracing: boolean.default(false),
  /**
   * Instances of the ingest API function that may run at once, reserved so that a flood of
   * requests cannot take the account's concurrency from the scheduled jobs; 0 reserves none (for
   * accounts whose concurrency quota is too low to reserve any). @default 10
   */
  ingestReservedConcurrency: concurrency.default(10),
  /** The same for the bulk import (S3 events; a throttled file is retried for 6 hours). @default 2 */
  importReservedConcurrency: concurrency.default(2),
  /**
   * The table's on-demand write ceiling, write request units a second: a runaway writer is
   * throttled there instead of running up cost. @default 1000 (about 115 updates a second)
   */
  tableMaxWriteRequestUnits: z.coerce.number().int().min(1).default(1000),
  /** POST /v1/updates: steady requests a second and burst, for all clients together. @default 10, 20 */
  updatesRateLimit: z.coerce.number().int().min(1).default(10),
  updatesBurstLimit: z.coerce.number().int().min(1).default(20),
  /** GET /v1/complaints/{trackingId}: steady requests a second and burst. @default 5, 10 */
  readsRateLimit: z.coerce.number().int().min(1).default(5),
  readsBurstLimit: z.coerce.number().int().min(1).default(10),
});

export type DeployConfig = z.output<typeof deployConfigSchema>;
export type DeployConfigInput = z.input<typeof deployConfigSchema>;

export class DeployConfigError extends Error {
  override name = 'DeployConfigError';
}

/** The keys that can be overridden one by one with `-c laporPaman.<key>=<value>`. */
export const configKeys = Object.keys(deployConfigSchema.shape) as (keyof DeployConfig)[];

/** Settings that moved into the place profile, with where they went (an old cdk.json gets told). */
const movedToPlaceProfile: Record<string, string> = {
  deadlineCheckHour:
    'the daily check runs at `schedule.dailyCheck` of data/regions/<code>.json (e.g. "08:00"); a stage that runs earlier sets scheduleLeadMinutes',
  semesterStartHour:
    'the semester start runs at `schedule.semesterStart` of data/regions/<code>.json (e.g. "07:00"); a stage that runs earlier sets scheduleLeadMinutes',
};

/** The context key that selects the stage: `-c stage=staging`. */
export const stageContextKey = 'stage';

/** The stack name prefix of a stage: production keeps the plain name, others carry theirs. */
export function defaultStackPrefix(stage: string): string {
  if (stage === 'production') return 'LaporPaman';
  return `LaporPaman-${stage.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => `${dash}${c.toUpperCase()}`)}`;
}

/** The stages configured in a `laporPaman` context object (the keys of its `stages`). */
export function configuredStages(base: unknown): string[] {
  const stages = (base as { stages?: unknown } | undefined)?.stages;
  return stages && typeof stages === 'object' && !Array.isArray(stages) ? Object.keys(stages) : [];
}

/** The `cdk.json` context, as `cdk synth` reads it (the CLI's smoke command reads stages from it). */
export function readCdkJsonContext(file = path.join(repoRoot, 'cdk.json')): Record<string, unknown> {
  return (JSON.parse(readFileSync(file, 'utf8')) as { context?: Record<string, unknown> }).context ?? {};
}

/**
 * Reads the configuration of one stage from CDK context: the shared keys of the `laporPaman` object
 * in cdk.json, then its `stages.<stage>` block, then any `-c laporPaman.<key>=<value>` override,
 * validated. The stage is `-c stage=<name>` (or the `stage` argument); a stage that is not
 * configured, or none at all, stops synthesis naming the stages there are. Throws a
 * DeployConfigError naming every bad or missing value.
 * @param tryGetContext the app's `node.tryGetContext`
 * @param dataDir the data folder checked for the province and policy files @default <repo>/data
 * @param stage the stage to read @default the `stage` context value
 */
export function loadDeployConfig(
  tryGetContext: (key: string) => unknown,
  dataDir = path.join(repoRoot, 'data'),
  stage = tryGetContext(stageContextKey),
): DeployConfig {
  const base = tryGetContext(contextKey) ?? {};
  if (typeof base !== 'object' || Array.isArray(base)) {
    throw new DeployConfigError(`context "${contextKey}" must be an object (see cdk.json)`);
  }
  const { stages, ...shared } = base as Record<string, unknown>;
  const names = configuredStages(base);
  const known = names.length > 0 ? names.join(', ') : `none: add ${contextKey}.stages.<name> to cdk.json`;
  if (typeof stage !== 'string' || stage === '') {
    throw new DeployConfigError(
      `choose a stage with -c ${stageContextKey}=<name> (configured stages: ${known}), e.g. npx cdk synth -c ${stageContextKey}=staging`,
    );
  }
  const block = (stages as Record<string, unknown> | undefined)?.[stage];
  if (!names.includes(stage) || typeof block !== 'object' || block === null || Array.isArray(block)) {
    throw new DeployConfigError(
      `stage "${stage}" is not configured: add a "${stage}" block to ${contextKey}.stages in cdk.json (configured stages: ${known})`,
    );
  }
  const raw: Record<string, unknown> = { ...shared, ...(block as Record<string, unknown>), stage };
  for (const key of configKeys) {
    if (key === 'stage') continue; // the stage is chosen with -c stage=<name> only
    const override = tryGetContext(`${contextKey}.${key}`);
    if (override !== undefined) raw[key] = override;
  }
  return parseDeployConfig(raw, dataDir);
}

/**
 * The account each configured stage deploys into, as synthesis would resolve it: the stage block's
 * `account`, else the shared one, else the account of the CLI's credentials (`CDK_DEFAULT_ACCOUNT`);
 * a `-c laporPaman.account` override applies to the chosen stage only. Undefined: not known (no
 * credentials, e.g. the offline synthesis of the checks).
 */
export function accountsOfStages(
  tryGetContext: (key: string) => unknown,
  defaultAccount: string | undefined = process.env.CDK_DEFAULT_ACCOUNT,
): Record<string, string | undefined> {
  const base = (tryGetContext(contextKey) ?? {}) as Record<string, unknown>;
  const stages = (base.stages ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const chosen = tryGetContext(stageContextKey);
  const override = tryGetContext(`${contextKey}.account`);
  return Object.fromEntries(
    configuredStages(base).map((stage) => {
      const explicit = (stage === chosen ? override : undefined) ?? stages[stage]?.account ?? base.account;
      return [stage, explicit === undefined ? defaultAccount : String(explicit)];
    }),
  );
}

/**
 * The other configured stages that deploy into the same account as `stage` (none when its account
 * is not known). One account for two stages is refused unless `allowSharedAccount` (see
 * {@link sharedAccountWarning}).
 */
export function stagesSharingAccount(stage: string, accounts: Record<string, string | undefined>): string[] {
  const mine = accounts[stage];
  if (mine === undefined) return [];
  return Object.entries(accounts)
    .filter(([other, account]) => other !== stage && account === mine)
    .map(([other]) => other);
}

/** Why one account for two stages is refused, and how to accept it knowingly. */
export function sharedAccountError(stage: string, others: string[], account: string): DeployConfigError {
  return new DeployConfigError(
    `stage "${stage}" deploys into account ${account}, as ${others.map((o) => `"${o}"`).join(', ')} does: a separate AWS account per stage is the default. Set ${contextKey}.stages.<stage>.account for each stage (README, Deploy), or accept one account with -c ${contextKey}.allowSharedAccount=true (or in cdk.json), which gives up: ${sharedAccountCost}`,
  );
}

/** What one account for several stages gives up (the warning of an allowed shared account). */
export const sharedAccountCost =
  "the production reviewer's approval as a boundary (the staging pipeline's deploy role may assume the same CDK bootstrap roles, so a job in the staging environment can deploy production's stacks), separate bootstrap execution policies and permissions boundaries per stage, and separate quotas (Lambda concurrency, SES sending, DynamoDB) so that a staging mistake cannot throttle production";

/** The warning synthesis attaches to each stack of a stage that shares its account. */
export function sharedAccountWarning(stage: string, others: string[], account: string): string {
  return `stage "${stage}" shares account ${account} with ${others.map((o) => `"${o}"`).join(', ')} (${contextKey}.allowSharedAccount): this gives up ${sharedAccountCost}`;
}

/** Validates a configuration object; see {@link loadDeployConfig}. */
export function parseDeployConfig(raw: unknown, dataDir = path.join(repoRoot, 'data')): DeployConfig {
  // Two stages must never share stack names: a stage without its own prefix gets one from its name.
  const input = raw as Record<string, unknown> | null;
  const withPrefix =
    input && typeof input === 'object' && input.stackPrefix === undefined && typeof input.stage === 'string'
      ? { ...input, stackPrefix: defaultStackPrefix(input.stage) }
      : raw;
  const result = deployConfigSchema.safeParse(withPrefix);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.join('.');
      if (issue.code === 'unrecognized_keys') {
        const moved = issue.keys.filter((k) => k in movedToPlaceProfile);
        if (moved.length > 0)
          return moved
            .map((k) => `${contextKey}.${k} is no longer a deployment setting: ${movedToPlaceProfile[k]}`)
            .join('\n  ');
        return `unknown key(s) ${issue.keys.map((k) => `${contextKey}.${k}`).join(', ')}; known: ${configKeys.join(', ')}`;
      }
      return `${contextKey}.${key}: ${issue.message}`;
    });
    throw new DeployConfigError(`invalid deployment configuration:\n  ${problems.join('\n  ')}`);
  }
  const config = result.data;
  const problems = [...crossCheck(config), ...dataCheck(config, dataDir)];
  if (problems.length > 0) {
    throw new DeployConfigError(`invalid deployment configuration:\n  ${problems.join('\n  ')}`);
  }
  return config;
}

/**
 * The sender must belong to the identity SES checks; a burst below its rate would cap the rate; a
 * scoreboard domain comes with its certificate, and only on a published scoreboard.
 */
function crossCheck(config: DeployConfig): string[] {
  const problems: string[] = [];
  for (const route of ['updates', 'reads'] as const) {
    if (config[`${route}BurstLimit`] < config[`${route}RateLimit`]) {
      problems.push(
        `${contextKey}.${route}BurstLimit (${config[`${route}BurstLimit`]}) must be at least ${contextKey}.${route}RateLimit (${config[`${route}RateLimit`]})`,
      );
    }
  }
  return [...problems, ...senderCheck(config), ...scoreboardCheck(config)];
}

function senderCheck(config: DeployConfig): string[] {
  const sender = bareAddress(config.senderAddress).toLowerCase();
  const identity = config.sesIdentity.toLowerCase();
  const ok = identity.includes('@') ? sender === identity : sender.endsWith(`@${identity}`);
  return ok
    ? []
    : [
        `${contextKey}.senderAddress: "${config.senderAddress}" is not covered by ${contextKey}.sesIdentity "${config.sesIdentity}"`,
      ];
}

function scoreboardCheck(config: DeployConfig): string[] {
  const problems: string[] = [];
  if (Boolean(config.scoreboardDomain) !== Boolean(config.scoreboardCertificateArn))
    problems.push(
      `${contextKey}.scoreboardDomain and ${contextKey}.scoreboardCertificateArn go together: set both or neither`,
    );
  if (config.scoreboardDomain && !config.publicScoreboard)
    problems.push(`${contextKey}.scoreboardDomain is set but ${contextKey}.publicScoreboard is false`);
  return problems;
}

/** The province and policies must be shipped in data/, or every function fails at cold start. */
function dataCheck(config: DeployConfig, dataDir: string): string[] {
  const problems: string[] = [];
  const need = (file: string, key: string) => {
    if (!existsSync(path.join(dataDir, file)))
      problems.push(`${contextKey}.${key}: data/${file} does not exist`);
  };
  need(`regions/${config.provinceCode}.json`, 'provinceCode');
  need(`escalation/${config.provinceCode}.json`, 'provinceCode');
  need(`population/${config.provinceCode}.csv`, 'provinceCode');
  need(`policies/${config.slaPolicy}`, 'slaPolicy');
  const regionsFile = path.join(dataDir, 'regions', `${config.provinceCode}.json`);
  if (existsSync(regionsFile)) {
    const regions = JSON.parse(readFileSync(regionsFile, 'utf8')) as {
      province?: { nationalPolicy?: string; provincialPolicy?: string };
    };
    for (const id of [regions.province?.nationalPolicy, regions.province?.provincialPolicy]) {
      if (id) need(`policies/${id}`, 'provinceCode');
    }
  }
  return problems;
}
