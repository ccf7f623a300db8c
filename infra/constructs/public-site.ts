import { Annotations, CfnOutput, Duration, TimeZone } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { type IScheduleGroup, Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import type { Zone } from '../../functions/domain/zone';
import { acknowledge, wildcardResourceFinding } from '../nag';
import type { StageTimes } from '../place';
import { siteSecurityHeaders } from '../site-headers';
import { tableAccess } from '../table-access';
import type { HouseFunctionProps } from './house-function';
import { ScheduledJob } from './scheduled-job';

/** Where the site lives in its bucket (CloudFront's origin path), and the publisher's manifest. */
export const sitePrefix = 'site';
export const siteManifestKey = 'internal/site-manifest.json';

/** Props of {@link PublicSite}. */
export interface PublicSiteProps {
  /**
   * Serve the site to everyone through CloudFront (`publicScoreboard`). Without it the site is
   * still written, daily, to the private bucket, for the province team. @default false
   */
  readonly publish?: boolean;
  /** A custom domain for the distribution; needs `certificateArn`. @default the cloudfront.net name */
  readonly domainName?: string;
  /** An ACM certificate in us-east-1 covering `domainName`. */
  readonly certificateArn?: string;
  /** The complaints table the publisher reads. */
  readonly table: ITableV2;
  /** The house defaults of the stack's functions (environment, logs, tracing); entry is set here. */
  readonly function: Omit<HouseFunctionProps, 'entry' | 'description'>;
  readonly scheduleGroup: IScheduleGroup;
  /** Whether the schedules run. @default true */
  readonly enabled?: boolean;
  /**
   * When the site is published, in the province's zone (infra/place.ts `stageTimes`, from the place
   * profile's schedule): 30 minutes after the daily check, and 3 hours after the semester start.
   */
  readonly times: Pick<StageTimes, 'sitePublish' | 'siteAfterSemester'>;
  /** The province's time zone (its place profile), in which the times above are read. */
  readonly zone: Pick<Zone, 'id' | 'abbreviation'>;
}

/**
 * The public scoreboard: a private, encrypted S3 bucket that the publisher function writes the
 * static site into after each daily check and after the semester run; when published, a
 * CloudFront distribution reads it through origin access control (the bucket stays private) and
 * adds the security headers (CSP, HSTS, no-referrer, nosniff, frame denial) to every response.
 */
export class PublicSite extends Construct {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  readonly publisher: ScheduledJob;
  readonly afterSemester: Schedule;
  readonly distribution?: Distribution;
  readonly headers?: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: PublicSiteProps) {
    super(scope, id);
    if (Boolean(props.domainName) !== Boolean(props.certificateArn)) {
      throw new Error('PublicSite: a custom domain needs its certificate, and a certificate its domain');
    }
    // CloudFront standard logs need a bucket with ACLs (object writer); the site bucket's own
    // server access logs go there too.
    this.logBucket = new Bucket(this, 'Logs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      enforceSSL: true,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(365) }],
    });
    acknowledge(
      this.logBucket,
      'AwsSolutions-S1',
      "This bucket receives the site bucket's and the distribution's access logs; logging it too would log into itself.",
    );
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'site-bucket/',
    });

    this.publisher = new ScheduledJob(this, 'Publisher', {
      description: `Public scoreboard, ${props.times.sitePublish.text} ${props.zone.abbreviation} Monday to Friday (after the deadline check)`,
      scheduleGroup: props.scheduleGroup,
      enabled: props.enabled ?? true,
      schedule: ScheduleExpression.cron({
        minute: props.times.sitePublish.minute,
        hour: props.times.sitePublish.hour,
        weekDay: 'MON-FRI',
        timeZone: TimeZone.of(props.zone.id),
      }),
      function: {
        ...props.function,
        entry: 'handlers/publish-site.ts',
        description: 'the public scoreboard (static site) after the daily check and the semester run',
        memorySize: 1024,
        timeout: Duration.minutes(5),
      },
    });
    const fn = this.publisher.fn;
    this.afterSemester = new Schedule(this, 'AfterSemester', {
      description: `Public scoreboard with the new ranking, ${props.times.siteAfterSemester.text} ${props.zone.abbreviation} on 1 January and 1 July (after the semester run)`,
      scheduleGroup: props.scheduleGroup,
      enabled: props.enabled ?? true,
      schedule: ScheduleExpression.cron({
        minute: props.times.siteAfterSemester.minute,
        hour: props.times.siteAfterSemester.hour,
        day: '1',
        month: '1,7',
        timeZone: TimeZone.of(props.zone.id),
      }),
      target: new LambdaInvoke(this.publisher.alias, {
        deadLetterQueue: this.publisher.deadLetterQueue,
        retryAttempts: 3,
        maxEventAge: Duration.hours(1),
      }),
    });
    fn.bindTable(props.table, tableAccess['publish-site']);
    fn.addEnvironment('SITE_BUCKET', this.bucket.bucketName);
    fn.addEnvironment('SITE_PREFIX', sitePrefix);
    const siteObjects = this.bucket.arnForObjects(`${sitePrefix}/*`);
    fn.addToRolePolicy(
      new PolicyStatement({
        sid: 'WriteSite',
        actions: ['s3:PutObject', 's3:DeleteObject'],
        resources: [siteObjects],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        sid: 'SiteManifest',
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: [this.bucket.arnForObjects(siteManifestKey)],
      }),
    );
    // Without ListBucket S3 answers a missing manifest (the first run) with 403 instead of 404.
    fn.addToRolePolicy(
      new PolicyStatement({
        sid: 'FindManifest',
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
      }),
    );
    acknowledge(
      fn.executionRole,
      wildcardResourceFinding(this, siteObjects),
      'The site is a set of generated pages (one per regency): the grant is limited to objects under site/ of the one site bucket.',
    );

    if (props.publish) {
      this.headers = new ResponseHeadersPolicy(this, 'Headers', {
        comment: 'LAPOR Paman scoreboard: CSP, HSTS, no-referrer, nosniff, no framing',
        securityHeadersBehavior: {
          contentSecurityPolicy: {
            contentSecurityPolicy: siteSecurityHeaders.contentSecurityPolicy,
            override: true,
          },
          strictTransportSecurity: {
            accessControlMaxAge: Duration.seconds(siteSecurityHeaders.strictTransportSecuritySeconds),
            includeSubdomains: true,
            override: true,
          },
          referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
          contentTypeOptions: { override: true },
          frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        },
      });
      const distribution = new Distribution(this, 'Distribution', {
        comment: 'LAPOR Paman public scoreboard',
        defaultBehavior: {
          // The origin is given the bucket as a reference, so that CDK does not grant CloudFront
          // the whole bucket (its grant is on "<bucket>/*", internal/ included): the grant below
          // names the site's objects only.
          origin: S3BucketOrigin.withOriginAccessControl(
            Bucket.fromBucketAttributes(this, 'Origin', {
              bucketArn: this.bucket.bucketArn,
              bucketName: this.bucket.bucketName,
              bucketRegionalDomainName: this.bucket.bucketRegionalDomainName,
            }),
            { originPath: `/${sitePrefix}` },
          ),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: this.headers,
          compress: true,
        },
        defaultRootObject: 'index.html',
        httpVersion: HttpVersion.HTTP2_AND_3,
        // Edge locations in Asia (Jakarta among them), without the most expensive regions.
        priceClass: PriceClass.PRICE_CLASS_200,
        enableLogging: true,
        logBucket: this.logBucket,
        logFilePrefix: 'cloudfront/',
        ...(props.domainName && props.certificateArn
          ? {
              minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
              domainNames: [props.domainName],
              certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
            }
          : {}),
      });
      this.distribution = distribution;
      this.bucket.addToResourcePolicy(
        new PolicyStatement({
          sid: 'CloudFrontReadsTheSiteOnly',
          principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
          actions: ['s3:GetObject'],
          resources: [this.bucket.arnForObjects(`${sitePrefix}/*`)],
          conditions: { StringEquals: { 'AWS:SourceArn': distribution.distributionArn } },
        }),
      );
      Annotations.of(this).acknowledgeWarning(
        '@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
        'The site bucket grants this distribution read access to site/* itself (CloudFrontReadsTheSiteOnly).',
      );
      fn.addEnvironment('SITE_DISTRIBUTION_ID', distribution.distributionId);
      distribution.grantCreateInvalidation(fn);
      acknowledge(
        distribution,
        'AwsSolutions-CFR1',
        'The scoreboard is public information for citizens and journalists wherever they are: no geographic restriction.',
      );
      acknowledge(
        distribution,
        'AwsSolutions-CFR2',
        'Static pages only, GET and HEAD, no forms, no API behind them, cached at the edge: a WAF would have nothing to inspect.',
      );
      if (!props.domainName) {
        acknowledge(
          distribution,
          'AwsSolutions-CFR4',
          'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose minimum TLS version cannot be set; with scoreboardDomain the distribution requires TLS 1.2 (2021 policy).',
        );
      }
      new CfnOutput(this, 'Url', {
        description: 'The public scoreboard',
        value: `https://${props.domainName ?? distribution.distributionDomainName}/`,
      });
      new CfnOutput(this, 'DistributionId', { value: distribution.distributionId });
    }
    new CfnOutput(this, 'BucketName', {
      description: `The scoreboard as generated (s3://<bucket>/${sitePrefix}/index.html), published or not`,
      value: this.bucket.bucketName,
    });
    new CfnOutput(this, 'PublisherFunction', { value: fn.functionName });
  }
}
