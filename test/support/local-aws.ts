import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { inject } from 'vitest';
import { ensureTable, type LocalStack, localAwsEnv, startS3AndSqs } from '../../local/stack';

const credentials = {
  accessKeyId: localAwsEnv.AWS_ACCESS_KEY_ID,
  secretAccessKey: localAwsEnv.AWS_SECRET_ACCESS_KEY,
};

/** Endpoints of the servers started by the global setup. */
export function localEndpoints() {
  return { dynamodb: inject('dynamodbEndpoint'), ses: inject('sesEndpoint') };
}

export function localDynamoDbClient(): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: localEndpoints().dynamodb,
    region: localAwsEnv.AWS_REGION,
    credentials,
  });
}

export function localSesClient(): SESClient {
  return new SESClient({ endpoint: localEndpoints().ses, region: localAwsEnv.AWS_REGION, credentials });
}

/** Creates a fresh table (from the one table definition) for one test file. */
export async function freshTable(prefix = 't'): Promise<string> {
  const name = `${prefix}-${randomUUID().slice(0, 8)}`;
  await ensureTable(localEndpoints().dynamodb, name);
  return name;
}

/** An e-mail as the SES emulator stores it (GET /store). */
export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  attachments: { content: string; contentType: string; filename?: string; size: number }[];
  at: number;
}

/** Mail received by the SES emulator, optionally only mail to one address. */
export async function receivedMail(to?: string): Promise<StoredEmail[]> {
  const response = await fetch(`${localEndpoints().ses}/store`);
  const { emails } = (await response.json()) as { emails: StoredEmail[] };
  if (!to) return emails;
  return emails.filter((e) => [...e.destination.to, ...e.destination.cc].some((a) => a.includes(to)));
}

/** The servers of the global setup as a LocalStack (what the demo expects), with a table of its own. */
export async function sharedStack(prefix = 'demo'): Promise<LocalStack> {
  const tableName = await freshTable(prefix);
  const { dynamodb, ses } = localEndpoints();
  // The bucket and queues live in this process: their notifications and pollers are in-process.
  const storage = await startS3AndSqs();
  return {
    tableName,
    s3: storage.s3,
    sqs: storage.sqs,
    dynamodb: {
      endpoint: dynamodb,
      port: Number(new URL(dynamodb).port),
      dbPath: undefined,
      stop: async () => undefined,
    },
    ses: {
      endpoint: ses,
      mailPageUrl: `${ses}/`,
      port: Number(new URL(ses).port),
      stop: async () => undefined,
    },
    env: {
      ...localAwsEnv,
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb,
      AWS_ENDPOINT_URL_SES: ses,
      ...storage.env,
      TABLE_NAME: tableName,
    },
    stop: () => storage.stop(),
  };
}
