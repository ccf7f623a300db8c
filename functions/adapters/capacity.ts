import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';

/**
 * Adds up the capacity units DynamoDB reports (ReturnConsumedCapacity), split into reads and writes
 * by the operation that consumed them (DynamoDB Local reports only `CapacityUnits` for single-item
 * and query calls). The adapters report into one; benchmarks and logs read it: cost figures that do
 * not depend on the machine.
 */
export class CapacityMeter {
  readCapacityUnits = 0;
  writeCapacityUnits = 0;
  requests = 0;
  /** Per index name (and "table"), the units each consumed. */
  readonly byTarget = new Map<string, number>();

  record(kind: 'read' | 'write', consumed: ConsumedCapacity | ConsumedCapacity[] | undefined): void {
    this.requests += 1;
    for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
      const units = c.CapacityUnits ?? (c.ReadCapacityUnits ?? 0) + (c.WriteCapacityUnits ?? 0);
      if (kind === 'read') this.readCapacityUnits += units;
      else this.writeCapacityUnits += units;
      const targets: [string, { CapacityUnits?: number } | undefined][] = [
        ['table', c.Table],
        ...Object.entries(c.GlobalSecondaryIndexes ?? {}),
      ];
      for (const [name, cap] of targets) {
        if (cap?.CapacityUnits) this.byTarget.set(name, (this.byTarget.get(name) ?? 0) + cap.CapacityUnits);
      }
    }
  }

  reset(): void {
    this.readCapacityUnits = 0;
    this.writeCapacityUnits = 0;
    this.requests = 0;
    this.byTarget.clear();
  }

  totals() {
    return {
      readCapacityUnits: this.readCapacityUnits,
      writeCapacityUnits: this.writeCapacityUnits,
      requests: this.requests,
    };
  }
}
