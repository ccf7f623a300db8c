import { Capture, Match, type Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDeployConfig } from '../../infra/config';
import { siteSecurityHeaders } from '../../infra/site-headers';
import { synthTestApp } from './app-fixture';

type Resource = { Type: string; Properties: Record<string, unknown> };
const fast = { bundle: false, cfnValidation: false } as const;
const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';

const publisherEnv = (t: Template) => {
  const fns = Object.values(t.findResources('AWS::Lambda::Function')) as Resource[];
  const publisher = fns.find((f) => String(f.Properties.Description ?? '').includes('public scoreboard'));
  if (!publisher) throw new Error('no publisher function in the template');
  return (publisher.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
};

describe('the public scoreboard, not published (the default)', () => {
  let app: ReturnType<typeof synthTestApp>;
  beforeAll(() => {
    app = synthTestApp({}, fast);
  }, 120_000);

  it('still generates the site into a private, encrypted, TLS-only, logged bucket', () => {
    const t = app.statelessTemplate;
    t.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'site-bucket/' }),
    });
    const env = publisherEnv(t);
    expect(env.SITE_BUCKET).toBeDefined();
    expect(env.SITE_PREFIX).toBe('site');
    expect(env.SITE_DISTRIBUTION_ID).toBeUndefined();
  });

  it('has no distribution and nothing that could make the bucket public', () => {
    const t = app.statelessTemplate;
    t.resourceCountIs('AWS::CloudFront::Distribution', 0);
    t.resourceCountIs('AWS::CloudFront::ResponseHeadersPolicy', 0);
    const policies = Object.values(t.findResources('AWS::S3::BucketPolicy')) as Resource[];
    for (const p of policies) expect(JSON.stringify(p.Properties)).not.toContain('cloudfront.amazonaws.com');
  });

  it('runs the publisher 30 minutes after the daily check and 3 hours after the semester start', () => {
    const t = app.statelessTemplate;
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 8 ? * MON-FRI *)',
      ScheduleExpressionTimezone: 'Asia/Makassar',
    });
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 10 1 1,7 ? *)',
      ScheduleExpressionTimezone: 'Asia/Makassar',
    });
  });
});

describe('the public scoreboard, published (publicScoreboard: true)', () => {
  let app: ReturnType<typeof synthTestApp>;
  let t: Template;
  beforeAll(() => {
    app = synthTestApp({ publicScoreboard: true }, fast);
    t = app.statelessTemplate;
  }, 120_000);

  it('reads the private bucket through origin access control, under the site/ prefix', () => {
    t.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      }),
    });
    const oac = new Capture();
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Origins: [
          Match.objectLike({
            OriginPath: '/site',
            OriginAccessControlId: { 'Fn::GetAtt': [oac, 'Id'] },
            S3OriginConfig: { OriginAccessIdentity: '' },
          }),
        ],
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          AllowedMethods: ['GET', 'HEAD'],
        }),
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
      }),
    });
    expect(Object.keys(t.findResources('AWS::CloudFront::OriginAccessControl'))).toContain(oac.asString());
    // Only CloudFront, only this distribution, may read: the bucket stays private.
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it("lets CloudFront read the site's objects only, not internal/ (the publisher's manifest) or the rest", () => {
    const policies = Object.values(t.findResources('AWS::S3::BucketPolicy')) as Resource[];
    const grants = policies.flatMap((p) =>
      (
        p.Properties.PolicyDocument as {
          Statement: { Effect: string; Principal?: unknown; Resource: unknown }[];
        }
      ).Statement.filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Principal).includes('cloudfront')),
    );
    expect(grants).toHaveLength(1);
    const resource = JSON.stringify(grants[0]!.Resource);
    expect(resource).toMatch(/"\/site\/\*"\]/);
    expect(resource).not.toMatch(/"\/\*"\]/);
    // The bucket reference given to the origin leaves CDK a warning to acknowledge, and nothing else.
    const warnings = app.app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:warning'));
    expect(warnings).toEqual([]);
  });

  it('adds the security headers to every response: CSP, HSTS, no-referrer, nosniff, no framing', () => {
    const policy = new Capture();
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ ResponseHeadersPolicyId: { Ref: policy } }),
      }),
    });
    const headers = t.findResources('AWS::CloudFront::ResponseHeadersPolicy')[policy.asString()] as Resource;
    expect(
      (headers.Properties.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: unknown })
        .SecurityHeadersConfig,
    ).toEqual({
      ContentSecurityPolicy: {
        ContentSecurityPolicy: siteSecurityHeaders.contentSecurityPolicy,
        Override: true,
      },
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: siteSecurityHeaders.strictTransportSecuritySeconds,
        IncludeSubdomains: true,
        Override: true,
      },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
    });
    expect(siteSecurityHeaders.contentSecurityPolicy).toMatch(/default-src 'none'/);
  });

  it('lets the publisher invalidate this distribution only', () => {
    const env = publisherEnv(t);
    expect(env.SITE_DISTRIBUTION_ID).toEqual({ Ref: expect.any(String) });
    const policies = Object.values(t.findResources('AWS::IAM::Policy')) as Resource[];
    const invalidation = policies
      .flatMap(
        (p) =>
          (p.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }).Statement,
      )
      .filter((s) => JSON.stringify(s.Action).includes('cloudfront:CreateInvalidation'));
    expect(invalidation).toHaveLength(1);
    expect(JSON.stringify(invalidation[0]?.Resource)).toContain(':distribution/');
  });

  it('passes cdk-nag, acknowledging only CloudFront rules on the distribution', () => {
    const report = new AwsSolutionsChecks().validateScope(app.app);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });
});

describe('the public scoreboard on its own domain', () => {
  it('serves the domain with its us-east-1 certificate and TLS 1.2 at least', () => {
    const app = synthTestApp(
      {
        publicScoreboard: true,
        scoreboardDomain: 'lapor.kalselprov.go.id',
        scoreboardCertificateArn: certificateArn,
      },
      fast,
    );
    app.statelessTemplate.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['lapor.kalselprov.go.id'],
        ViewerCertificate: {
          AcmCertificateArn: certificateArn,
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      }),
    });
    const report = new AwsSolutionsChecks().validateScope(app.app);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  }, 120_000);

  it('refuses a domain without its certificate, a certificate outside us-east-1, a domain not published', () => {
    expect(() => parseDeployConfig({ publicScoreboard: true, scoreboardDomain: 'a.go.id' })).toThrow(
      /scoreboardDomain and laporPaman.scoreboardCertificateArn go together/,
    );
    expect(() =>
      parseDeployConfig({
        publicScoreboard: true,
        scoreboardDomain: 'a.go.id',
        scoreboardCertificateArn: certificateArn.replace('us-east-1', 'ap-southeast-3'),
      }),
    ).toThrow(/us-east-1/);
    expect(() =>
      parseDeployConfig({ scoreboardDomain: 'a.go.id', scoreboardCertificateArn: certificateArn }),
    ).toThrow(/publicScoreboard is false/);
  });
});
