import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { type DeployConfig, parseDeployConfig } from './config';
import { createComplaintsTable } from './table';

/** The prefix admins drop CSV/XLSX exports under; results are written beside them. */
export const importPrefix = 'imports/';

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
          // Exports are working files: the table holds what was imported, and the import ledger
          // makes a re-upload harmless. Keep them (and their .result.csv) for a while, then go.
          id: 'expire-imports',
          prefix: importPrefix,
          expiration: Duration.days(config.importRetentionDays),
        },
        {
          id: 'old-versions',
          noncurrentVersionExpiration: Duration.days(30),
          expiredObjectDeleteMarker: true,
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
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
