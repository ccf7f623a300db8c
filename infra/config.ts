import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root: bundling, data checks and asset paths are relative to it. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The cdk.json context key that holds the deployment configuration. */
export const contextKey = 'laporPaman';

/** CloudWatch Logs retention periods, in days, that the service accepts. */
const logRetentionValues = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const emailAddress = /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/;
/** `Name <address>` or a bare address, as SENDER_ADDRESS accepts it (functions/config.ts). */
const bareAddress = (value: string) => value.replace(/^.*<(.+)>\s*$/, '$1').trim();

const positiveNumber = z.coerce
  .number()
  .refine((n) => Number.isFinite(n) && n > 0, 'must be a positive number');
const boolean = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

/**
 * The deployment configuration: what DevOps sets per account. No people here: recipients are
 * roster data, imported into the table (`lapor-paman roster import`), never deployed.
 */
export const deployConfigSchema = z.strictObject({
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
  /** SLA policy the deadline check measures against; data/policies/<id>.json. @default 'permenpanrb-62-2018' */
  slaPolicy: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'must be a policy id (lower-case letters, digits, hyphens)')
    .default('permenpanrb-62-2018'),
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
  /** Days an uploaded import file (and its result file) is kept in the bucket. @default 180 */
  importRetentionDays: z.coerce.number().int().min(1).default(180),
});

export type DeployConfig = z.output<typeof deployConfigSchema>;
export type DeployConfigInput = z.input<typeof deployConfigSchema>;

export class DeployConfigError extends Error {
  override name = 'DeployConfigError';
}

/** The keys that can be overridden one by one with `-c laporPaman.<key>=<value>`. */
export const configKeys = Object.keys(deployConfigSchema.shape) as (keyof DeployConfig)[];

/**
 * Reads the configuration from CDK context: the `laporPaman` object in cdk.json, then any
 * `-c laporPaman.<key>=<value>` override, validated. Throws a DeployConfigError naming every bad
 * or missing value.
 * @param tryGetContext the app's `node.tryGetContext`
 * @param dataDir the data folder checked for the province and policy files @default <repo>/data
 */
export function loadDeployConfig(
  tryGetContext: (key: string) => unknown,
  dataDir = path.join(repoRoot, 'data'),
): DeployConfig {
  const base = tryGetContext(contextKey) ?? {};
  if (typeof base !== 'object' || Array.isArray(base)) {
    throw new DeployConfigError(`context "${contextKey}" must be an object (see cdk.json)`);
  }
  const raw: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const key of configKeys) {
    const override = tryGetContext(`${contextKey}.${key}`);
    if (override !== undefined) raw[key] = override;
  }
  return parseDeployConfig(raw, dataDir);
}

/** Validates a configuration object; see {@link loadDeployConfig}. */
export function parseDeployConfig(raw: unknown, dataDir = path.join(repoRoot, 'data')): DeployConfig {
  const result = deployConfigSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.join('.');
      if (issue.code === 'unrecognized_keys') {
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

/** The sender must belong to the identity SES checks (the domain, or that very address). */
function crossCheck(config: DeployConfig): string[] {
  const sender = bareAddress(config.senderAddress).toLowerCase();
  const identity = config.sesIdentity.toLowerCase();
  const ok = identity.includes('@') ? sender === identity : sender.endsWith(`@${identity}`);
  return ok
    ? []
    : [
        `${contextKey}.senderAddress: "${config.senderAddress}" is not covered by ${contextKey}.sesIdentity "${config.sesIdentity}"`,
      ];
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
  need(`policies/${config.slaPolicy}.json`, 'slaPolicy');
  const regionsFile = path.join(dataDir, 'regions', `${config.provinceCode}.json`);
  if (existsSync(regionsFile)) {
    const regions = JSON.parse(readFileSync(regionsFile, 'utf8')) as {
      province?: { nationalPolicy?: string; provincialPolicy?: string };
    };
    for (const id of [regions.province?.nationalPolicy, regions.province?.provincialPolicy]) {
      if (id) need(`policies/${id}.json`, 'provinceCode');
    }
  }
  return problems;
}
