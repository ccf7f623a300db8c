import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { toCreateTableInput } from '../functions/adapters/table-definition';
import { type DynamoDbLocal, type DynamoDbLocalOptions, startDynamoDbLocal } from './dynamodb-local';
import { type S3Local, startS3Local } from './s3-local';
import { type SesLocal, startSesLocal } from './ses-local';
import { type SqsLocal, startSqsLocal } from './sqs-local';

/** Credentials and region the local stack is reached with; DynamoDB Local runs with -sharedDb. */
export const localAwsEnv = {
  AWS_REGION: 'ap-southeast-3',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
} as const;

/** An S3 client of the local S3 (s3rver), which serves path-style addresses only. */
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
  /** s3rver, holding the import bucket; its notifications stand for S3 event notifications. */
  s3: S3Local;
  /** The SQS stand-in (local/sqs-local.ts), holding the semester queue and its dead-letter queue. */
  sqs: SqsLocal;
  tableName: string;
  /** Environment variables that point the AWS SDK (and so every handler) at this stack. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export interface LocalStackOptions {
  tableName?: string;
  dynamodb?: DynamoDbLocalOptions;
  sesPort?: number;
  s3Port?: number;
  sqsPort?: number;
}

/** Starts DynamoDB Local and the SES emulator, and creates the table from the one table definition. */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const tableName = options.tableName ?? 'lapor-paman';
  const dynamodb = await startDynamoDbLocal(options.dynamodb);
  let ses: SesLocal | undefined;
  let storage: S3AndSqs | undefined;
  try {
    ses = await startSesLocal({ port: options.sesPort });
    storage = await startS3AndSqs(options);
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

export interface S3AndSqs {
  s3: S3Local;
  sqs: SqsLocal;
  /** Endpoint, bucket and queue variables for the handlers. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The import bucket (s3rver) and the semester queue with its dead-letter queue (the SQS stand-in),
 * configured as the stacks configure them: visibility six times the worker's 2-minute timeout,
 * the dead-letter queue after 3 receives.
 */
export async function startS3AndSqs(options: { s3Port?: number; sqsPort?: number } = {}): Promise<S3AndSqs> {
  const s3 = await startS3Local({
    port: options.s3Port ?? 0,
    bucket: localResources.importBucket,
    accessKeyId: localAwsEnv.AWS_ACCESS_KEY_ID,
  });
  let sqs: SqsLocal;
  try {
    sqs = await startSqsLocal({
      port: options.sqsPort ?? 0,
      queues: [
        { name: localResources.semesterDeadLetters },
        {
          name: localResources.semesterQueue,
          visibilityTimeoutMs: 12 * 60_000,
          maxReceiveCount: 3,
          deadLetter: localResources.semesterDeadLetters,
        },
      ],
    });
  } catch (error) {
    await s3.stop();
    throw error;
  }
  return {
    s3,
    sqs,
    env: {
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SQS: sqs.endpoint,
      // s3rver serves path-style only; the SDK reads no variable for it (handlers/bulk-import.ts does).
      S3_FORCE_PATH_STYLE: 'true',
      IMPORT_BUCKET: localResources.importBucket,
      SEMESTER_QUEUE_URL: sqs.url(localResources.semesterQueue),
    },
    stop: async () => {
      await Promise.allSettled([s3.stop(), sqs.stop()]);
    },
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

const localCredentials = {
  accessKeyId: localAwsEnv.AWS_ACCESS_KEY_ID,
  secretAccessKey: localAwsEnv.AWS_SECRET_ACCESS_KEY,
};
