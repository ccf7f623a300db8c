import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The one definition of the DynamoDB table: keys, indexes and billing. The CDK stateful stack and
 * the local stack both build their table from this object, and a test fails if either drifts.
 * The key design behind it is written down in docs/data-model.md.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  billingMode: 'PAY_PER_REQUEST',
  pointInTimeRecovery: true,
  globalSecondaryIndexes: [
    {
      /** Open complaints only (sparse), per regency, ordered by the due instant of their current stage. */
      indexName: 'open-by-due',
      partitionKey: 'gsi1pk',
      sortKey: 'gsi1sk',
      projection: 'ALL',
    },
    {
      /**
       * Every complaint per regency, ordered by closing instant; still-open ones sort last ("OPEN").
       * Keys only: it is written only when a complaint closes or reopens, not on every update;
       * the semester job fetches the snapshots it lists with BatchGetItem.
       */
      indexName: 'regency-activity',
      partitionKey: 'gsi2pk',
      sortKey: 'gsi2sk',
      projection: 'KEYS_ONLY',
    },
    {
      /**
       * Open complaints with a field inspection planned and not yet done (sparse: a handful per
       * regency), by planned date: the daily digest lists the coming and the overdue ones.
       */
      indexName: 'inspection-by-plan',
      partitionKey: 'gsi3pk',
      sortKey: 'gsi3sk',
      projection: 'ALL',
    },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];

/** The CreateTable request for the local stack (and for any tool that needs the raw shape). */
export function toCreateTableInput(tableName: string): CreateTableCommandInput {
  const d = tableDefinition;
  const keyNames = [
    d.partitionKey,
    d.sortKey,
    ...d.globalSecondaryIndexes.flatMap((g) => [g.partitionKey, g.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: d.billingMode,
    AttributeDefinitions: keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: d.partitionKey, KeyType: 'HASH' },
      { AttributeName: d.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: d.globalSecondaryIndexes.map((g) => ({
      IndexName: g.indexName,
      KeySchema: [
        { AttributeName: g.partitionKey, KeyType: 'HASH' },
        { AttributeName: g.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: g.projection },
    })),
  };
}
