import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { createDocumentClient } from '../functions/adapters/clients';
import { type AppConfig, loadConfig } from '../handlers/support/config';
import type { LocalStack } from '../local/stack';
import { localAwsEnv } from '../local/stack';
import { instantIn, notAnInstant, placeFromEnv } from './context';
import { CliError } from './errors';

/** Defaults for running against the local stack; any of them can be overridden by the environment. */
export const localDefaults = {
  PROVINCE_CODE: '63',
  SENDER_ADDRESS: 'LAPOR Paman Kalsel <no-reply@kalselprov.go.id>',
} as const;

/**
 * The environment of a command that reads the table: the local defaults under the caller's own
 * variables, or a CLI error saying how to get TABLE_NAME.
 */
export function tableEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...localDefaults, ...process.env };
  if (!env.TABLE_NAME) {
    throw new CliError(
      'TABLE_NAME is not set: start `lapor-paman local` in another shell and paste its export lines',
    );
  }
  return env;
}

/**
 * An `--at` option: an ISO-8601 instant with its offset, or a local time without one in the
 * province's zone; otherwise a CLI error showing one.
 */
export function atOption(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const zone = placeFromEnv().zone;
  const at = instantIn(value, zone);
  if (!at) throw notAnInstant('--at', value, zone);
  return at;
}

/** The configuration the handlers would read in Lambda, pointed at the local stack. */
export function localAppConfig(stack: LocalStack): AppConfig {
  return loadConfig({ ...localDefaults, ...process.env, ...stack.env }, { email: true });
}

const credentials = {
  accessKeyId: localAwsEnv.AWS_ACCESS_KEY_ID,
  secretAccessKey: localAwsEnv.AWS_SECRET_ACCESS_KEY,
};

export function localClients(stack: LocalStack) {
  const dynamodb = new DynamoDBClient({
    endpoint: stack.dynamodb.endpoint,
    region: localAwsEnv.AWS_REGION,
    credentials,
  });
  const ses = new SESClient({ endpoint: stack.ses.endpoint, region: localAwsEnv.AWS_REGION, credentials });
  return {
    doc: createDocumentClient(dynamodb),
    ses,
    destroy: () => {
      dynamodb.destroy();
      ses.destroy();
    },
  };
}
