import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tableDefinition } from '../functions/adapters/table-definition';

const str = (name: string) => ({ name, type: AttributeType.STRING });

/** Limits of the complaints table. */
export interface TableLimits {
  /** On-demand write ceiling (request units a second; the indexes inherit it). */
  readonly maxWriteRequestUnits: number;
}

/**
 * The complaints table, built from the one table definition shared with the local stack:
 * on-demand with a write ceiling, PITR on, deletion protection, retained when the stack goes.
 */
export function createComplaintsTable(scope: Construct, id: string, limits: TableLimits): TableV2 {
  const d = tableDefinition;
  return new TableV2(scope, id, {
    partitionKey: str(d.partitionKey),
    sortKey: str(d.sortKey),
    // A runaway writer (a looping client, a flood of files) is throttled here instead of billed.
    billing: Billing.onDemand({ maxWriteRequestUnits: limits.maxWriteRequestUnits }),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: d.pointInTimeRecovery },
    encryption: TableEncryptionV2.awsManagedKey(),
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
    globalSecondaryIndexes: d.globalSecondaryIndexes.map((g) => ({
      indexName: g.indexName,
      partitionKey: str(g.partitionKey),
      sortKey: str(g.sortKey),
      projectionType: ProjectionType[g.projection],
    })),
  });
}
