import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import { toCreateTableInput } from '../functions/adapters/table-definition';
import { type DynamoDbLocal, type DynamoDbLocalOptions, startDynamoDbLocal } from './dynamodb-local';
import { type SesLocal, startSesLocal } from './ses-local';

/** Credentials and region the local stack is reached with; DynamoDB Local runs with -sharedDb. */
export const localAwsEnv = {
  AWS_REGION: 'ap-southeast-3',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
} as const;

export interface LocalStack {
  dynamodb: DynamoDbLocal;
  ses: SesLocal;
  tableName: string;
  /** Environment variables that point the AWS SDK (and so every handler) at this stack. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export interface LocalStackOptions {
  tableName?: string;
  dynamodb?: DynamoDbLocalOptions;
  sesPort?: number;
}

/** Starts DynamoDB Local and the SES emulator, and creates the table from the one table definition. */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const tableName = options.tableName ?? 'lapor-paman';
  const dynamodb = await startDynamoDbLocal(options.dynamodb);
  let ses: SesLocal;
  try {
    ses = await startSesLocal({ port: options.sesPort });
    await ensureTable(dynamodb.endpoint, tableName);
  } catch (error) {
    await dynamodb.stop();
    throw error;
  }
  const env = {
    ...localAwsEnv,
    AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
    AWS_ENDPOINT_URL_SES: ses.endpoint,
    TABLE_NAME: tableName,
  };
  return {
    dynamodb,
    ses,
    tableName,
    env,
    stop: async () => {
      await Promise.allSettled([ses.stop(), dynamodb.stop()]);
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
