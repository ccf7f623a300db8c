import {
  ConditionalCheckFailedException,
  ProvisionedThroughputExceededException,
} from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ClientWriteBudget } from '../ports/client-budget';
import type { CapacityMeter } from './capacity';
import { keys } from './keys';

/**
 * The per-client write budget in the table: one item per client (`RATE#<principal>`) holding the
 * current second and what was taken in it, updated with conditions so that every instance of the
 * API shares it exactly. One write unit per take (a take covers up to a second's budget of
 * updates); one item per client, overwritten each second, so nothing accumulates.
 */
export class DynamoClientWriteBudget implements ClientWriteBudget {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    readonly perSecond: number,
    private readonly meter?: CapacityMeter,
  ) {}

  /** Per instance: the second each client's budget was last found spent, so as not to ask again. */
  private readonly spent = new Map<string, number>();

  /** Per instance: one take at a time per client, so that its requests woken together ask once. */
  private readonly queues = new Map<string, Promise<unknown>>();

  take(principal: string, window: number, updates: number): Promise<boolean> {
    const previous = this.queues.get(principal) ?? Promise.resolve();
    const next = previous.then(() => this.takeNow(principal, window, updates));
    const settled = next.catch(() => undefined);
    this.queues.set(principal, settled);
    void settled.then(() => {
      if (this.queues.get(principal) === settled) this.queues.delete(principal);
    });
    return next;
  }

  private async takeNow(principal: string, window: number, updates: number): Promise<boolean> {
    if (updates > this.perSecond || this.spent.get(principal) === window) return false;
    const Key = { pk: keys.clientBudget(principal), sk: 'BUDGET' };
    const names = { '#window': 'window', '#used': 'used' };
    // Add to this second's budget; failing that, open this second (the item holds an older one).
    if (
      (await this.update({
        TableName: this.tableName,
        Key,
        UpdateExpression: 'SET #used = #used + :n',
        ConditionExpression: '#window = :w AND #used <= :room',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':w': window, ':n': updates, ':room': this.perSecond - updates },
      })) ||
      (await this.update({
        TableName: this.tableName,
        Key,
        UpdateExpression: 'SET #window = :w, #used = :n',
        ConditionExpression: 'attribute_not_exists(#window) OR #window < :w',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':w': window, ':n': updates },
      }))
    )
      return true;
    // This second is open and its budget spent (or another request opened it a moment ago).
    this.spent.set(principal, window);
    return false;
  }

  private async update(input: ConstructorParameters<typeof UpdateCommand>[0]): Promise<boolean> {
    try {
      const out = await this.doc.send(new UpdateCommand({ ...input, ReturnConsumedCapacity: 'TOTAL' }));
      this.meter?.record('write', out.ConsumedCapacity);
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      // The table is at its ceiling (after the SDK's retries): this client waits, like one over budget.
      if (
        error instanceof ProvisionedThroughputExceededException ||
        (error as Error).name === 'ThrottlingException'
      )
        return false;
      throw error;
    }
  }
}
