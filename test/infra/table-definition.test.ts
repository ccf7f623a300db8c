import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { toCreateTableInput } from '../../functions/adapters/table-definition';
import { StatefulStack } from '../../infra/stateful-stack';
import { cdkJsonContext } from './app-fixture';

function synthTable() {
  // cdk.json's feature flags, as `cdk synth` applies them (the access-log bucket relies on one).
  const app = new App({ context: cdkJsonContext(), builtinCloudFormationValidation: false });
  const template = Template.fromStack(new StatefulStack(app, 'Test'));
  const tables = Object.values(template.findResources('AWS::DynamoDB::GlobalTable'));
  expect(tables).toHaveLength(1);
  return tables[0] as { Properties: Record<string, unknown>; DeletionPolicy: string };
}

describe('the CDK table', () => {
  it('has the keys, attributes and indexes of the shared table definition', () => {
    const { Properties: p } = synthTable();
    const local = toCreateTableInput('any');
    const byName = <T extends { AttributeName?: string; IndexName?: string }>(xs: T[] | undefined) =>
      [...(xs ?? [])].sort((a, b) =>
        String(a.AttributeName ?? a.IndexName).localeCompare(String(b.AttributeName ?? b.IndexName)),
      );

    expect(p.KeySchema).toEqual(local.KeySchema);
    expect(byName(p.AttributeDefinitions as never[])).toEqual(byName(local.AttributeDefinitions));
    expect(
      byName(p.GlobalSecondaryIndexes as never[]).map(
        (g: { IndexName: string; KeySchema: unknown; Projection: unknown }) => ({
          IndexName: g.IndexName,
          KeySchema: g.KeySchema,
          Projection: g.Projection,
        }),
      ),
    ).toEqual(byName(local.GlobalSecondaryIndexes));
    expect(p.BillingMode).toBe(local.BillingMode);
  });

  it('keeps point-in-time recovery on, deletion protection on, and survives stack deletion', () => {
    const table = synthTable();
    const replicas = table.Properties.Replicas as {
      PointInTimeRecoverySpecification?: unknown;
      DeletionProtectionEnabled?: boolean;
    }[];
    expect(replicas[0]?.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(replicas[0]?.DeletionProtectionEnabled).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
  });
});
