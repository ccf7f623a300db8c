import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resultPrefix, importPrefix as uploadPrefix } from '../../functions/use-cases/import-stored-file';
import {
  importerRoleName,
  importPrefix,
  resultPrefix as infraResults,
  provinceUploaderRoleName,
} from '../../infra/stateful-stack';
import { kalsel } from '../support/data';
import { synthTestApp } from './app-fixture';

/**
 * Who may read and write the import bucket, proven from the synthesized templates (issue 23,
 * findings 1, 4 and 8): uploads are read by the importer only, the province's folder is written by
 * the province uploader only, each regency gets an uploader policy of its own folder, uploads go
 * within days and results stay, and the importer writes results only.
 */
type Statement = {
  Sid?: string;
  Effect: string;
  Principal?: unknown;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};
type Resource = { Type: string; Properties: Record<string, unknown> };

const fast = { bundle: false, cfnValidation: false } as const;
let app: ReturnType<typeof synthTestApp>;
let stateful: Template;
let stateless: Template;
const province = kalsel().province.code;

beforeAll(() => {
  app = synthTestApp({}, fast);
  stateful = app.statefulTemplate;
  stateless = app.statelessTemplate;
}, 120_000);

const list = <T>(v: T | T[]) => (Array.isArray(v) ? v : [v]);
const logicalId = (c: IConstruct) => Stack.of(c).getLogicalId(c.node.defaultChild as never);
/** The object ARN pattern a statement names, as text: `/imports/*`, `/results/6302/*`. */
const objectPaths = (s: Statement) =>
  list(s.Resource).map((r) => {
    const text = JSON.stringify(r);
    const m = /"(\/[^"]*)"\]\]\}$/.exec(text) ?? /"(\/[^"]*)"\]\}$/.exec(text);
    return m ? m[1]! : text;
  });

function bucketPolicy(): Statement[] {
  const policies = Object.values(stateful.findResources('AWS::S3::BucketPolicy')) as Resource[];
  const mine = policies.filter(
    (p) =>
      JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: logicalId(app.stateful.importBucket) }),
  );
  expect(mine).toHaveLength(1);
  return (mine[0]!.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
}

/** `arn:<partition>:iam::<account>:role/<name>` as the template renders it. */
const roleArnText = (name: string) => new RegExp(`:iam::",\\{"Ref":"AWS::AccountId"\\},":role/${name}"`);

describe('the import bucket policy', () => {
  it('denies reading uploads (imports/*) to every principal but the bulk import role', () => {
    const denies = bucketPolicy().filter(
      (s) => s.Effect === 'Deny' && list(s.Action).some((a) => a.startsWith('s3:GetObject')),
    );
    expect(denies).toHaveLength(1);
    const deny = denies[0]!;
    expect(deny.Principal).toEqual({ AWS: '*' });
    expect(list(deny.Action).sort()).toEqual(['s3:GetObject', 's3:GetObjectVersion']);
    expect(objectPaths(deny)).toEqual(['/imports/*']);
    expect(Object.keys(deny.Condition ?? {})).toEqual(['ArnNotEquals']);
    expect(Object.keys(deny.Condition!.ArnNotEquals!)).toEqual(['aws:PrincipalArn']);
    expect(JSON.stringify(deny.Condition!.ArnNotEquals!['aws:PrincipalArn'])).toMatch(
      roleArnText(importerRoleName(app.config)),
    );
    // ... and that name is the bulk import's role.
    stateless.hasResourceProperties('AWS::IAM::Role', {
      RoleName: importerRoleName(app.config),
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })],
      }),
    });
    expect(
      (
        stateless.findResources('AWS::IAM::Role')[
          logicalId(app.stateless.bulkImport.executionRole)
        ] as Resource
      ).Properties.RoleName,
    ).toBe(importerRoleName(app.config));
    // Nothing in the policy allows anything: same-account grants stay in IAM.
    expect(bucketPolicy().filter((s) => s.Effect === 'Allow')).toEqual([]);
  });

  it("denies writing under the province's folder (from the region data) to every principal but the province uploader role", () => {
    const denies = bucketPolicy().filter(
      (s) => s.Effect === 'Deny' && list(s.Action).includes('s3:PutObject'),
    );
    expect(denies).toHaveLength(1);
    const deny = denies[0]!;
    expect(deny.Principal).toEqual({ AWS: '*' });
    expect(list(deny.Action)).toEqual(['s3:PutObject']);
    expect(objectPaths(deny)).toEqual([`/imports/${province}/*`]);
    expect(JSON.stringify(deny.Condition?.ArnNotEquals?.['aws:PrincipalArn'])).toMatch(
      roleArnText(provinceUploaderRoleName(app.config)),
    );
    const role = stateful.findResources('AWS::IAM::Role')[
      logicalId(app.stateful.provinceUploader)
    ] as Resource;
    expect(role.Properties.RoleName).toBe(provinceUploaderRoleName(app.config));
    expect(role.Properties.ManagedPolicyArns).toEqual([
      { Ref: logicalId(app.stateful.provinceUploaderPolicy) },
    ]);
  });
});

describe('the uploader policies', () => {
  const statementsOf = (policy: IConstruct) =>
    (
      (stateful.findResources('AWS::IAM::ManagedPolicy')[logicalId(policy)] as Resource).Properties
        .PolicyDocument as { Statement: Statement[] }
    ).Statement;

  it('ship one per regency of the region data, each writing its own folder and reading its own results, with its ARN as an output', () => {
    const codes = kalsel().regencies.map((r) => r.code);
    expect([...app.stateful.regencyUploaderPolicies.keys()]).toEqual(codes);
    const outputs = stateful.findOutputs('*');
    for (const code of codes) {
      const statements = statementsOf(app.stateful.regencyUploaderPolicies.get(code)!);
      const by = (action: string) => statements.filter((s) => list(s.Action).includes(action));
      expect(by('s3:PutObject').flatMap(objectPaths)).toEqual([`/imports/${code}/*`]);
      expect(by('s3:GetObject').flatMap(objectPaths)).toEqual([`/results/${code}/*`]);
      expect(by('s3:ListBucket')[0]?.Condition).toEqual({
        StringLike: { 's3:prefix': [`imports/${code}/*`, `results/${code}/*`] },
      });
      // Nothing else: no delete, no reading of uploads, no other folder.
      expect(statements.flatMap((s) => list(s.Action)).sort()).toEqual([
        's3:GetObject',
        's3:ListBucket',
        's3:PutObject',
      ]);
      expect(outputs[`UploaderPolicyArn${code}`]?.Value).toEqual({
        Ref: logicalId(app.stateful.regencyUploaderPolicies.get(code)!),
      });
    }
  });

  it("ship the province's, attached to the province uploader role, with both ARNs as outputs", () => {
    const statements = statementsOf(app.stateful.provinceUploaderPolicy);
    expect(statements.filter((s) => list(s.Action).includes('s3:PutObject')).flatMap(objectPaths)).toEqual([
      `/imports/${province}/*`,
    ]);
    const outputs = stateful.findOutputs('*');
    expect(outputs.ProvinceUploaderPolicyArn?.Value).toEqual({
      Ref: logicalId(app.stateful.provinceUploaderPolicy),
    });
    expect(outputs.ProvinceUploaderRoleArn?.Value).toEqual({
      'Fn::GetAtt': [logicalId(app.stateful.provinceUploader), 'Arn'],
    });
  });
});

describe('the import bucket lifecycle', () => {
  const rules = () =>
    (
      (stateful.findResources('AWS::S3::Bucket')[logicalId(app.stateful.importBucket)] as Resource).Properties
        .LifecycleConfiguration as { Rules: Record<string, unknown>[] }
    ).Rules;

  it('expires uploads never answered within days, results after months, old versions after a day', () => {
    expect(importPrefix).toBe(uploadPrefix);
    expect(infraResults).toBe(resultPrefix);
    const byPrefix = (prefix: string) => rules().filter((r) => r.Prefix === prefix);
    expect(byPrefix('imports/')).toEqual([
      expect.objectContaining({ ExpirationInDays: 7, Status: 'Enabled' }),
    ]);
    expect(byPrefix('results/')).toEqual([
      expect.objectContaining({ ExpirationInDays: 180, Status: 'Enabled' }),
    ]);
    const versions = rules().filter((r) => r.NoncurrentVersionExpiration);
    expect(versions).toEqual([
      expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 1 }, Status: 'Enabled' }),
    ]);
    // The old-versions rule covers the whole bucket (uploads included).
    expect(versions[0]!.Prefix).toBeUndefined();
  });

  it('follows the configuration (uploadRetentionDays, importRetentionDays)', () => {
    const other = synthTestApp({ uploadRetentionDays: 2, importRetentionDays: 365 }, fast);
    const bucket = other.statefulTemplate.findResources('AWS::S3::Bucket')[
      logicalId(other.stateful.importBucket)
    ] as Resource;
    const rs = (bucket.Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    expect(rs.find((r) => r.Prefix === 'imports/')?.ExpirationInDays).toBe(2);
    expect(rs.find((r) => r.Prefix === 'results/')?.ExpirationInDays).toBe(365);
  }, 120_000);
});

describe("the bulk import's S3 grants", () => {
  const grants = () => {
    const role = { Ref: logicalId(app.stateless.bulkImport.executionRole) };
    return (Object.values(stateless.findResources('AWS::IAM::Policy')) as Resource[])
      .filter((p) =>
        (p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify(role)),
      )
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
      .filter((s) => list(s.Action).some((a) => a.startsWith('s3:')));
  };

  it('write result files only (results/*): no upload can be changed or planted', () => {
    const writes = grants().filter((s) => list(s.Action).includes('s3:PutObject'));
    expect(writes.flatMap(objectPaths)).toEqual(['/results/*']);
  });

  it('read uploads (the version the event names) and delete them once answered, and nothing else', () => {
    const onUploads = grants().filter((s) => objectPaths(s).includes('/imports/*'));
    expect(onUploads.flatMap((s) => list(s.Action)).sort()).toEqual([
      's3:DeleteObject',
      's3:DeleteObjectVersion',
      's3:GetObject',
      's3:GetObjectVersion',
    ]);
    expect(grants().flatMap(objectPaths).sort()).toEqual(['/imports/*', '/results/*']);
  });
});

describe('cdk-nag', () => {
  it('passes with the bucket policy and the uploader policies', () => {
    const report = new AwsSolutionsChecks().validateScope(app.app);
    expect(
      report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath)}`),
    ).toEqual([]);
  });
});
