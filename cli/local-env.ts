import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { createDocumentClient } from '../functions/adapters/clients';
import { type AppConfig, loadConfig } from '../functions/config';
import type { LocalStack } from '../local/stack';
import { localAwsEnv } from '../local/stack';

/** Defaults for running against the local stack; any of them can be overridden by the environment. */
export const localDefaults = {
  PROVINCE_CODE: '63',
  SENDER_ADDRESS: 'LAPOR Paman Kalsel <no-reply@kalselprov.go.id>',
} as const;

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
