import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { toCreateTableInput } from '../functions/adapters/table-definition';
import { type DynamoDbLocal, type DynamoDbLocalOptions, startDynamoDbLocal } from './dynamodb-local';
import type { S3Notifications } from './s3-notifications';
import { type SesLocal, startSesLocal } from './ses-local';
import { type LocalQueue, type LocalStorage, startLocalStorage } from './storage';

/** Credentials and region the local stack is reached with; DynamoDB Local runs with -sharedDb. */
export const localAwsEnv = {
  AWS_REGION: 'ap-southeast-3',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
} as const;

const localCredentials = {
  accessKeyId: localAwsEnv.AWS_ACCESS_KEY_ID,
  secretAccessKey: localAwsEnv.AWS_SECRET_ACCESS_KEY,
};

/** An S3 client of the local S3 (fauxqs), addressed path-style: bucket hosts under 127.0.0.1 do not resolve. */
export function localS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    forcePathStyle: true,
    region: localAwsEnv.AWS_REGION,
    credentials: {
      accessKeyId: localAwsEnv.AWS_ACCESS_KEY_ID,
      secretAccessKey: localAwsEnv.AWS_SECRET_ACCESS_KEY,
    },
  });
}

/** The bucket and queues of the local stack, named as the stacks name their roles. */
export const localResources = {
  importBucket: 'lapor-paman-imports',
  semesterQueue: 'semester-work',
  semesterDeadLetters: 'semester-work-dead-letters',
} as const;

export interface LocalStack {
  dynamodb: DynamoDbLocal;
  ses: SesLocal;
  /** The import bucket (fauxqs) and its S3 event notifications (local/s3-notifications.ts). */
  s3: LocalS3;
  /** The semester queue and its dead-letter queue (fauxqs). */
  sqs: LocalSqs;
  tableName: string;
  /** Environment variables that point the AWS SDK (and so every handler) at this stack. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export interface LocalStackOptions {
  tableName?: string;
  dynamodb?: DynamoDbLocalOptions;
  sesPort?: number;
  storagePort?: number;
}

/** Starts DynamoDB Local and the SES emulator, and creates the table from the one table definition. */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const tableName = options.tableName ?? 'lapor-paman';
  const dynamodb = await startDynamoDbLocal(options.dynamodb);
  let ses: SesLocal | undefined;
  let storage: S3AndSqs | undefined;
  try {
    ses = await startSesLocal({ port: options.sesPort });
    storage = await startS3AndSqs({ port: options.storagePort });
    await ensureTable(dynamodb.endpoint, tableName);
  } catch (error) {
    await Promise.allSettled([dynamodb.stop(), ses?.stop(), storage?.stop()]);
    throw error;
  }
  const { s3, sqs } = storage;
  const env = {
    ...localAwsEnv,
    AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
    AWS_ENDPOINT_URL_SES: ses.endpoint,
    ...storage.env,
    TABLE_NAME: tableName,
  };
  return {
    dynamodb,
    ses,
    s3,
    sqs,
    tableName,
    env,
    stop: async () => {
      await Promise.allSettled([ses?.stop(), storage?.stop(), dynamodb.stop()]);
    },
  };
}

export interface LocalS3 extends S3Notifications {
  endpoint: string;
  bucket: string;
}

export interface LocalSqs {
  endpoint: string;
  /** The queue URL of a local queue, as SEMESTER_QUEUE_URL takes it. */
  url(name: string): string;
  queue(name: string): LocalQueue;
}

export interface S3AndSqs {
  storage: LocalStorage;
  s3: LocalS3;
  sqs: LocalSqs;
  /** Endpoint, bucket and queue variables for the handlers. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Seconds before a failed semester unit is delivered again, locally. The stateless stack sets 12 minutes,
 * six times the worker's timeout, so that a batch never reappears while its invocation runs; the local
 * event source holds a batch while it runs instead (local/event-source.ts), so a retry costs seconds.
 */
export const localVisibilityTimeoutSeconds = 2;

/**
 * The import bucket and the semester queue with its dead-letter queue, on fauxqs (S3 and SQS in one
 * server), configured as the stacks configure them: the dead-letter queue after 3 receives.
 */
export async function startS3AndSqs(options: { port?: number } = {}): Promise<S3AndSqs> {
  const storage = await startLocalStorage({
    port: options.port ?? 0,
    region: localAwsEnv.AWS_REGION,
    credentials: localCredentials,
  });
  storage.createBucket(localResources.importBucket);
  const deadLetters = storage.createQueue(localResources.semesterDeadLetters);
  storage.createQueue(localResources.semesterQueue, {
    visibilityTimeoutSeconds: localVisibilityTimeoutSeconds,
    maxReceiveCount: 3,
    deadLetter: deadLetters,
  });
  const url = (name: string) => `${storage.endpoint}/000000000000/${name}`;
  return {
    storage,
    s3: {
      endpoint: storage.endpoint,
      bucket: localResources.importBucket,
      ...storage.notifications(localResources.importBucket),
    },
    sqs: { endpoint: storage.endpoint, url, queue: (name) => storage.queue(name) },
    env: {
      AWS_ENDPOINT_URL_S3: storage.endpoint,
      AWS_ENDPOINT_URL_SQS: storage.endpoint,
      // Path-style: bucket host names under 127.0.0.1 do not resolve; the SDK reads no variable for it
      // (handlers/bulk-import.ts does).
      S3_FORCE_PATH_STYLE: 'true',
      IMPORT_BUCKET: localResources.importBucket,
      SEMESTER_QUEUE_URL: url(localResources.semesterQueue),
    },
    stop: () => storage.stop(),
  };
}

/** Creates the table (as defined in table-definition.ts) unless it exists; waits until ACTIVE. */
export async function ensureTable(endpoint: string, tableName: string): Promise<'created' | 'existed'> {
  const client = new DynamoDBClient({
    endpoint,
    region: localAwsEnv.AWS_REGION,
    credentials: localCredentials,
  });
  try {
    let outcome: 'created' | 'existed' = 'created';
    try {
      await client.send(new CreateTableCommand(toCreateTableInput(tableName)));
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
      outcome = 'existed';
    }
    for (;;) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (Table?.TableStatus === 'ACTIVE') return outcome;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    client.destroy();
  }
}
