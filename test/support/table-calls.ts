import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../../functions/adapters/clients';
import { localDynamoDbClient } from './local-aws';

/**
 * One DynamoDB request as IAM authorizes it: the action, the resource (the table or an index) and
 * the partition key values it touches (`dynamodb:LeadingKeys`). A transaction is one call per item,
 * because IAM checks each item's own action (PutItem, UpdateItem, ConditionCheckItem, DeleteItem).
 */
export interface TableCall {
  action: string;
  index?: string;
  leadingKeys: string[];
}

type Input = Record<string, unknown>;
const pkOf = (key: unknown): string => {
  const value = (key as Record<string, AttributeValue> | undefined)?.pk;
  return value && 'S' in value ? String(value.S) : '?';
};

/** The IAM view of one low-level request (marshalled input). */
export function iamCallsOf(command: string, input: Input): TableCall[] {
  const action = command.replace(/Command$/, '');
  switch (action) {
    case 'GetItem':
    case 'UpdateItem':
    case 'DeleteItem':
      return [{ action, leadingKeys: [pkOf(input.Key)] }];
    case 'PutItem':
      return [{ action, leadingKeys: [pkOf(input.Item)] }];
    case 'Query': {
      // The partition value is the one named in `<key> = :value` of the key condition.
      const condition = String(input.KeyConditionExpression ?? '');
      const placeholder = /^\s*#?\w+\s*=\s*(:\w+)/.exec(condition)?.[1] ?? '';
      const values = (input.ExpressionAttributeValues ?? {}) as Record<string, AttributeValue>;
      const value = values[placeholder];
      const index = input.IndexName as string | undefined;
      return [
        {
          action,
          ...(index ? { index } : {}),
          leadingKeys: [value && 'S' in value ? String(value.S) : '?'],
        },
      ];
    }
    case 'BatchGetItem':
      return [
        {
          action,
          leadingKeys: Object.values(input.RequestItems as Record<string, { Keys: unknown[] }>).flatMap((r) =>
            r.Keys.map(pkOf),
          ),
        },
      ];
    case 'BatchWriteItem':
      return [
        {
          action,
          leadingKeys: Object.values(
            input.RequestItems as Record<
              string,
              { PutRequest?: { Item: unknown }; DeleteRequest?: { Key: unknown } }[]
            >,
          ).flatMap((rs) => rs.map((r) => pkOf(r.PutRequest?.Item ?? r.DeleteRequest?.Key))),
        },
      ];
    case 'TransactWriteItems':
      return (input.TransactItems as Record<string, Input>[]).flatMap((item) => {
        const [kind, body] = Object.entries(item)[0] as [string, Input];
        const itemAction =
          {
            Put: 'PutItem',
            Update: 'UpdateItem',
            Delete: 'DeleteItem',
            ConditionCheck: 'ConditionCheckItem',
          }[kind] ?? kind;
        return [{ action: itemAction, leadingKeys: [pkOf(body.Item ?? body.Key)] }];
      });
    case 'TransactGetItems':
      return (input.TransactItems as { Get: Input }[]).map((item) => ({
        action: 'GetItem',
        leadingKeys: [pkOf(item.Get.Key)],
      }));
    default:
      return [{ action, leadingKeys: [] }];
  }
}

/**
 * A document client on DynamoDB Local that records every request it sends, as IAM sees it, so a
 * test can hold a function's real calls against the grant its role gets in the template.
 */
export function recordingDocumentClient() {
  const client = localDynamoDbClient();
  const calls: TableCall[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(...iamCallsOf(String(context.commandName), args.input as Input));
      return next(args);
    },
    { step: 'build', name: 'recordTableCalls' },
  );
  return { doc: createDocumentClient(client), calls };
}
