import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type ClientScope, principalKey } from '../domain/client-scope';
import type { ClientRegistry } from '../ports/client-registry';
import type { CapacityMeter } from './capacity';
import { keys } from './keys';
import { queryAll } from './query-all';

/** A registered ingest client, as `lapor-paman clients list` shows it. */
export interface RegisteredClient {
  principal: string;
  scope: ClientScope;
  /** Who the client is, for people reading the list (a system, an office); no personal data. */
  note?: string;
  grantedAt: string;
}

/**
 * How long a warm function trusts a looked-up scope: a revocation takes effect within this. Only
 * registrations are cached: "not registered" is looked up again on every call, so a new grant
 * works at once (a caller without a registration has passed IAM already, and the route's throttle
 * bounds its reads).
 */
export const scopeCacheMs = 60_000;

/**
 * The ingest client registry: one item per IAM principal under one partition (`CLIENTS`), a
 * handful of items per province. The ingest function only reads it (GetItem on that one key); the
 * operator's CLI writes it.
 */
export class DynamoClientRegistry implements ClientRegistry {
  private readonly cache = new Map<string, { scope: ClientScope; until: number }>();

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly meter?: CapacityMeter,
    private readonly now: () => number = Date.now,
  ) {}

  async scopeOf(principalArn: string): Promise<ClientScope | undefined> {
    const principal = principalKey(principalArn);
    const cached = this.cache.get(principal);
    if (cached && cached.until > this.now()) return cached.scope;
    const result = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: keys.clients, sk: principal },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.meter?.record('read', result.ConsumedCapacity);
    const scope = result.Item ? toScope(result.Item) : undefined;
    if (scope) this.cache.set(principal, { scope, until: this.now() + scopeCacheMs });
    else this.cache.delete(principal);
    return scope;
  }

  /** Registers (or re-registers) a client with its scope. */
  async grant(principalArn: string, scope: ClientScope, note: string | undefined, at: Date): Promise<string> {
    const principal = principalKey(principalArn);
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: keys.clients,
          sk: principal,
          type: 'client',
          ...('province' in scope ? { province: true } : { regencies: [...scope.regencies].sort() }),
          ...(note ? { note } : {}),
          grantedAt: at.toISOString(),
        },
      }),
    );
    return principal;
  }

  /** Removes a client; returns false when it was not registered. */
  async revoke(principalArn: string): Promise<boolean> {
    const result = await this.doc.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: { pk: keys.clients, sk: principalKey(principalArn) },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return result.Attributes !== undefined;
  }

  async list(): Promise<RegisteredClient[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.clients },
    });
    return items.map((item) => ({
      principal: String(item.sk),
      scope: toScope(item),
      ...(item.note ? { note: String(item.note) } : {}),
      grantedAt: String(item.grantedAt),
    }));
  }
}

function toScope(item: Record<string, unknown>): ClientScope {
  return item.province === true ? { province: true } : { regencies: (item.regencies as string[]) ?? [] };
}
