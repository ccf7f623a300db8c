import { fileURLToPath } from 'node:url';

/**
 * Runtime configuration, read once from the environment at cold start. Endpoints are not here on
 * purpose: the AWS SDK reads AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_SES / AWS_ENDPOINT_URL_S3
 * itself, so the same code talks to AWS or to the local stack.
 */
export interface AppConfig {
  /** DynamoDB table holding complaints, roster and ledgers. */
  tableName: string;
  /** Two-digit province code; selects data/regions/<code>.json. */
  province: string;
  /** SLA policy; selects data/policies/<policy>/ (every version, each complaint judged by its submission day's). */
  slaPolicy: string;
  /** Folder holding regions/, calendar/, policies/, population/ (shipped beside the bundle in Lambda). */
  dataDir: string;
  /** Verified SES identity that sends every e-mail (required by the functions that send). */
  senderAddress: string;
  /** Base URL of the complaint pages in LAPOR!, for links in digests. */
  laporBaseUrl: string;
  /** SES configuration set (bounce and complaint events), if any. */
  sesConfigurationSet?: string;
  /** Most messages a second to hand to SES (the account's sending rate). @default 1 (sandbox) */
  sesMaxSendRate: number;
  /** Every e-mail goes to this address instead of its recipients (a stage such as staging). */
  mailSink?: string;
  /** The deployment stage, named in the subject of sink mail. */
  stage?: string;
  /** Setting: how far back a regency-scoped writer may date an update (domain/ingest-bounds.ts). */
  backdateWindowDays?: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const defaults = {
  SLA_POLICY: 'nasional',
  LAPOR_BASE_URL: 'https://www.lapor.go.id/laporan/detil',
} as const;

/**
 * Reads the configuration and fails fast, naming every missing variable at once.
 * @param env the environment to read (injectable for tests)
 * @param needs.email the caller sends e-mail, so SENDER_ADDRESS is required @default false
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, needs: { email?: boolean } = {}): AppConfig {
  const missing: string[] = [];
  const need = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) missing.push(name);
    return value ?? '';
  };
  const config: AppConfig = {
    tableName: need('TABLE_NAME'),
    province: need('PROVINCE_CODE'),
    senderAddress: needs.email ? need('SENDER_ADDRESS') : (env.SENDER_ADDRESS?.trim() ?? ''),
    slaPolicy: env.SLA_POLICY?.trim() || defaults.SLA_POLICY,
    laporBaseUrl: env.LAPOR_BASE_URL?.trim() || defaults.LAPOR_BASE_URL,
    dataDir: env.DATA_DIR?.trim() || defaultDataDir(),
    ...(env.SES_CONFIGURATION_SET?.trim() ? { sesConfigurationSet: env.SES_CONFIGURATION_SET.trim() } : {}),
    sesMaxSendRate: Number(env.SES_MAX_SEND_RATE ?? 1),
    ...(env.MAIL_SINK?.trim() ? { mailSink: env.MAIL_SINK.trim() } : {}),
    ...(env.STAGE?.trim() ? { stage: env.STAGE.trim() } : {}),
    ...(env.BACKDATE_WINDOW_DAYS?.trim() ? { backdateWindowDays: Number(env.BACKDATE_WINDOW_DAYS) } : {}),
  };
  if (missing.length > 0) {
    throw new ConfigError(`missing environment variable(s): ${missing.join(', ')}`);
  }
  if (!(config.sesMaxSendRate > 0)) {
    throw new ConfigError(
      `SES_MAX_SEND_RATE must be a positive number of messages a second, got "${env.SES_MAX_SEND_RATE}"`,
    );
  }
  if (
    config.backdateWindowDays !== undefined &&
    !(Number.isInteger(config.backdateWindowDays) && config.backdateWindowDays > 0)
  ) {
    throw new ConfigError(
      `BACKDATE_WINDOW_DAYS must be a whole number of days above 0, got "${env.BACKDATE_WINDOW_DAYS}"`,
    );
  }
  if (!/^\d{2}$/.test(config.province)) {
    throw new ConfigError(`PROVINCE_CODE must be a two-digit province code, got "${config.province}"`);
  }
  if (
    config.senderAddress &&
    !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(config.senderAddress.replace(/^.*<(.+)>$/, '$1'))
  ) {
    throw new ConfigError(`SENDER_ADDRESS is not an e-mail address: "${config.senderAddress}"`);
  }
  return config;
}

/** The repository's data/ folder, or data/ beside the Lambda bundle. */
export function defaultDataDir(): string {
  if (process.env.LAMBDA_TASK_ROOT) return `${process.env.LAMBDA_TASK_ROOT}/data`;
  return fileURLToPath(new URL('../../data', import.meta.url));
}
