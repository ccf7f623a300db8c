import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tableDefinition } from '../functions/adapters/table-definition';

const str = (name: string) => ({ name, type: AttributeType.STRING });

/**
 * The complaints table, built from the one table definition shared with the local stack:
 * on-demand, PITR on, deletion protection, retained when the stack goes.
 */
export function createComplaintsTable(scope: Construct, id: string): TableV2 {
  const d = tableDefinition;
  return new TableV2(scope, id, {
    partitionKey: str(d.partitionKey),
    sortKey: str(d.sortKey),
    billing: Billing.onDemand(),
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
