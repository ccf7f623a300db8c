import path from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import {
  AccountRootPrincipal,
  AnyPrincipal,
  Effect,
  ManagedPolicy,
  PolicyStatement,
  Role,
} from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { loadRegions } from '../functions/adapters/data-files';
import { type DeployConfig, parseDeployConfig, repoRoot } from './config';
import { acknowledge, wildcardResourceFinding } from './nag';
import { createComplaintsTable } from './table';

/** The prefix admins drop CSV/XLSX exports under (`imports/<code>/`). */
export const importPrefix = 'imports/';
/**
 * The prefix of the import's answers (`results/<code>/<file>.result.csv`): apart from the uploads so
 * that uploads (reporters' names inside) go within days while the answers (none) stay for months.
 */
export const resultPrefix = 'results/';

/**
 * The bulk import's role name. Named (not generated) so that the import bucket's policy, in this
 * stack, can say "nobody but the importer reads uploads" without depending on the stateless stack.
 */
export const importerRoleName = (config: DeployConfig) => `${config.stackPrefix}-BulkImport`;

/** The role that alone may write under the province's folder (`imports/<province>/`). */
export const provinceUploaderRoleName = (config: DeployConfig) => `${config.stackPrefix}-ProvinceUploader`;

/**
 * The export naming the import bucket's ARN. Named (not generated) so that the stateless stack's
 * grant on `<bucket>/imports/*` renders the same for everyone, and its acknowledgement can name it.
 */
export const importBucketArnExport = (config: DeployConfig) => `${config.stackPrefix}-ImportBucketArn`;

export interface StatefulStackProps extends StackProps {
  /** The deployment configuration. @default the defaults of infra/config.ts */
  readonly config?: DeployConfig;
}

/**
 * Everything that holds data and must outlive a redeploy: the table, the import bucket (with the
 * bucket of its access logs) and the SES identity. All retained when the stack is deleted.
 */
export class StatefulStack extends Stack {
  readonly table: TableV2;
  readonly importBucket: Bucket;
  readonly accessLogBucket: Bucket;
  readonly emailIdentity?: EmailIdentity;
  /** One per regency, by code: may upload under `imports/<code>/` and read `results/<code>/`. */
  readonly regencyUploaderPolicies: ReadonlyMap<string, ManagedPolicy>;
  /** The province's: the same on `imports/<province>/`; attached to {@link provinceUploader}. */
  readonly provinceUploaderPolicy: ManagedPolicy;
  /** The only principal the bucket lets write under `imports/<province>/` (every regency's rows). */
  readonly provinceUploader: Role;

  constructor(scope: Construct, id: string, props: StatefulStackProps = {}) {
    super(scope, id, props);
    const config = props.config ?? parseDeployConfig({});
    this.table = createComplaintsTable(this, 'Complaints', {
      maxWriteRequestUnits: config.tableMaxWriteRequestUnits,
    });

    this.accessLogBucket = new Bucket(this, 'AccessLogs', {
      // Server access logs can only be delivered to SSE-S3 buckets.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
    });

    this.importBucket = new Bucket(this, 'Imports', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'imports-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          // Uploads hold reporters' names and complaint texts: the import deletes each one once it
          // has answered it; this is the backstop for a file never answered (an import that failed
          // for good, a function switched off).
          id: 'expire-uploads',
          prefix: importPrefix,
          expiration: Duration.days(config.uploadRetentionDays),
        },
        {
          // Result files hold line numbers, tracking ids, outcomes and reasons: no personal data.
          id: 'expire-results',
          prefix: resultPrefix,
          expiration: Duration.days(config.importRetentionDays),
        },
        {
          // An upload replaced by another under the same name leaves an old version: gone after a
          // day (S3's shortest), never kept longer than the uploads themselves.
          id: 'old-versions',
          noncurrentVersionExpiration: Duration.days(1),
          expiredObjectDeleteMarker: true,
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });

    const roleArn = (name: string) =>
      Stack.of(this).formatArn({ service: 'iam', region: '', resource: 'role', resourceName: name });
    const uploads = this.importBucket.arnForObjects(`${importPrefix}*`);
    // Uploads are read by the importer and nobody else: not an administrator with s3:GetObject on
    // "*", not a regency's uploader (who has the file anyway). Explicit deny beats any allow.
    this.importBucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'OnlyTheImporterReadsUploads',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [uploads],
        conditions: { ArnNotEquals: { 'aws:PrincipalArn': roleArn(importerRoleName(config)) } },
      }),
    );

    // One uploader policy per regency of the province's region data, and the province's own.
    const regions = loadRegions(path.join(repoRoot, 'data'), config.provinceCode);
    const provinceCode = regions.province.code;
    this.provinceUploader = new Role(this, 'ProvinceUploader', {
      roleName: provinceUploaderRoleName(config),
      // Principals of this account that an administrator allows sts:AssumeRole on this role; the
      // session name (a person's name) is what the import's log and result file record.
      assumedBy: new AccountRootPrincipal(),
      description: `Uploads province-wide LAPOR! exports (every regency) under ${importPrefix}${provinceCode}/`,
    });
    // Anyone who may write the folder of the province decides every regency's record: only the
    // province uploader may, whatever other grants say.
    this.importBucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'OnlyTheProvinceUploaderWritesTheProvinceFolder',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['s3:PutObject'],
        resources: [this.importBucket.arnForObjects(`${importPrefix}${provinceCode}/*`)],
        conditions: { ArnNotEquals: { 'aws:PrincipalArn': roleArn(provinceUploaderRoleName(config)) } },
      }),
    );
    const uploaderPolicy = (id: string, code: string, who: string) => {
      const folder = `${importPrefix}${code}/`;
      const answers = `${resultPrefix}${code}/`;
      const policy = new ManagedPolicy(this, id, {
        description: `Uploads LAPOR! exports of ${who} under ${folder} of the import bucket and reads their results under ${answers}`,
        statements: [
          new PolicyStatement({
            sid: 'Upload',
            actions: ['s3:PutObject'],
            resources: [this.importBucket.arnForObjects(`${folder}*`)],
          }),
          new PolicyStatement({
            sid: 'ReadResults',
            actions: ['s3:GetObject'],
            resources: [this.importBucket.arnForObjects(`${answers}*`)],
          }),
          new PolicyStatement({
            sid: 'ListOwnFolders',
            actions: ['s3:ListBucket'],
            resources: [this.importBucket.bucketArn],
            conditions: { StringLike: { 's3:prefix': [`${folder}*`, `${answers}*`] } },
          }),
        ],
      });
      for (const arn of [`${folder}*`, `${answers}*`]) {
        acknowledge(
          policy,
          wildcardResourceFinding(this, this.importBucket.arnForObjects(arn)),
          `Admins name the files they upload: the grant is limited to ${folder} and ${answers} of the one import bucket.`,
        );
      }
      return policy;
    };
    this.regencyUploaderPolicies = new Map(
      regions.regencies.map((r) => {
        const policy = uploaderPolicy(`UploaderPolicy${r.code}`, r.code, r.name);
        new CfnOutput(this, `UploaderPolicyArn${r.code}`, {
          description: `Attach to the admins of ${r.name} who upload exports (imports/${r.code}/)`,
          value: policy.managedPolicyArn,
        });
        return [r.code, policy] as const;
      }),
    );
    this.provinceUploaderPolicy = uploaderPolicy(
      'ProvinceUploaderPolicy',
      provinceCode,
      `the whole province (${regions.province.name})`,
    );
    this.provinceUploader.addManagedPolicy(this.provinceUploaderPolicy);
    new CfnOutput(this, 'ProvinceUploaderPolicyArn', {
      description: `The province uploader's policy (imports/${provinceCode}/), attached to ProvinceUploaderRoleArn`,
      value: this.provinceUploaderPolicy.managedPolicyArn,
    });
    new CfnOutput(this, 'ProvinceUploaderRoleArn', {
      description: `Assume this role to upload province-wide exports (imports/${provinceCode}/): nobody else may write there`,
      value: this.provinceUploader.roleArn,
    });

    if (config.manageSesIdentity) {
      this.emailIdentity = new EmailIdentity(this, 'SenderIdentity', {
        identity: config.sesIdentity.includes('@')
          ? Identity.email(config.sesIdentity)
          : Identity.domain(config.sesIdentity),
      });
      // Re-creating an identity means new DKIM tokens and new DNS records: keep it.
      this.emailIdentity.applyRemovalPolicy(RemovalPolicy.RETAIN);
      if (!config.sesIdentity.includes('@')) {
        this.emailIdentity.dkimRecords.forEach((record, i) => {
          new CfnOutput(this, `DkimRecord${i + 1}`, {
            description: `DNS CNAME ${i + 1} of 3 to verify ${config.sesIdentity} in SES (name = value)`,
            value: `${record.name} CNAME ${record.value}`,
          });
        });
      }
    }

    new CfnOutput(this, 'ImportBucketName', {
      description: `Drop LAPOR! exports (.csv, .xlsx) under s3://<bucket>/${importPrefix}`,
      value: this.importBucket.bucketName,
    });
    new CfnOutput(this, 'ImportBucketArn', {
      value: this.importBucket.bucketArn,
      exportName: importBucketArnExport(config),
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}
