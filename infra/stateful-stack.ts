import { Stack, type StackProps } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { createComplaintsTable } from './table';

/** Everything that holds data and must outlive a redeploy: the table (and, later, the import bucket). */
export class StatefulStack extends Stack {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.table = createComplaintsTable(this, 'Complaints');
  }
}
