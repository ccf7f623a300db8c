import path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import {
  type BundlingOptions,
  LogLevel,
  NodejsFunction,
  type NodejsFunctionProps,
  OutputFormat,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { repoRoot } from '../config';
import { acknowledge } from '../nag';
import type { TableAccess } from '../table-access';

/**
 * The folders of data/ every function reads at cold start (handlers/support/config.ts defaultDataDir:
 * `${LAMBDA_TASK_ROOT}/data`). data/roster is demo data and is never shipped.
 */
export const shippedDataFolders = ['regions', 'calendar', 'policies', 'population', 'escalation'] as const;

/** Where the Roboto TTFs live in the repository; shipped as fonts/ beside the semester worker's bundle. */
export const fontsSourceDir = 'assets/fonts';

/**
 * An ESM bundle has no `require`, `__filename` or `__dirname`; bundled CommonJS dependencies
 * (pdfkit, fontkit, the SDK's shims) still use them.
 */
export const esmBanner =
  "import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; " +
  "import { dirname as __dn } from 'node:path'; const require = __cr(import.meta.url); " +
  'const __filename = __fu(import.meta.url); const __dirname = __dn(__filename);';

/** The credential provider the bundles use instead of the SDK's default chain (see its JSDoc). */
export const lambdaCredentialsShim = path.join(repoRoot, 'functions/adapters/lambda-credentials.ts');

/** The WOFF2 decoder the bundles use instead of brotli's (see its JSDoc). */
export const noWoff2Shim = path.join(repoRoot, 'functions/adapters/no-woff2.ts');

/**
 * The esbuild options every function is bundled with, locally (never in Docker). Exported so that
 * tests and the benchmark bundle exactly what is deployed.
 */
export const houseBundlingOptions = {
  format: OutputFormat.ESM,
  // The runtime below (nodejs24.x), which the project also runs and tests on (package.json engines).
  target: 'node24',
  mainFields: ['module', 'main'],
  banner: esmBanner,
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  // Bundle the AWS SDK, for every function: the lock file pins the versions the tests ran against,
  // whatever SDK the runtime happens to carry, and it starts faster. Measured (bench/bundles.ts,
  // 2 cores): importing the runtime's copy instead (external @aws-sdk/* and @smithy/*,
  // resolved from node_modules as Lambda resolves /var/runtime/node_modules) halves each bundle but
  // makes the cold import 1.2-3x slower (ingest 178 vs 82 ms, bulk import 493 vs 158 ms), since
  // Node then reads and compiles dozens of package files instead of one.
  bundleAwsSDK: true,
  externalModules: [],
  esbuildArgs: {
    // Lambda passes the role's credentials in environment variables: the default provider chain
    // (SSO, INI, web identity, container; STS and SSO clients) is dead weight in a bundle.
    '--alias:@aws-sdk/credential-provider-node': lambdaCredentialsShim,
    // fontkit decodes WOFF2 with brotli; the PDFs use TTFs only.
    '--alias:brotli/decompress.js': noWoff2Shim,
  },
  forceDockerBundling: false,
  // esbuild's summary of every bundle is noise in `cdk synth` and the tests; warnings still show.
  logLevel: LogLevel.WARNING,
} as const satisfies BundlingOptions;

/**
 * One shell command (bash and cmd alike) that copies folders with Node itself: `node -e` with
 * source and destination pairs as arguments.
 */
export function copyDirsCommand(pairs: readonly (readonly [from: string, to: string])[]): string {
  const script =
    "const a = process.argv; for (let i = 1; i < a.length; i += 2) require('node:fs').cpSync(a[i], a[i + 1], { recursive: true })";
  return `node -e "${script}" ${pairs
    .flat()
    .map((p) => `"${p}"`)
    .join(' ')}`;
}

/** The after-bundling copy: data/ (without the roster), and the fonts when asked. */
export function assetCopyCommands(inputDir: string, outputDir: string, fonts: boolean): string[] {
  const pairs: [string, string][] = shippedDataFolders.map((folder) => [
    path.join(inputDir, 'data', folder),
    path.join(outputDir, 'data', folder),
  ]);
  if (fonts) pairs.push([path.join(inputDir, fontsSourceDir), path.join(outputDir, 'fonts')]);
  return [copyDirsCommand(pairs)];
}

/**
 * The esbuild `define` that compiles tracing in or out: functions/adapters/tracing.ts loads the Powertools
 * Tracer (and the X-Ray SDK it pulls) only behind `process.env.LAPOR_PAMAN_TRACING === 'true'`.
 */
export function tracingDefine(xray: boolean): Record<string, string> {
  return { 'process.env.LAPOR_PAMAN_TRACING': JSON.stringify(xray ? 'true' : 'false') };
}

/** Props of a {@link HouseFunction}: a NodejsFunction's, less what the house decides. */
export interface HouseFunctionProps
  extends Omit<
    NodejsFunctionProps,
    | 'entry'
    | 'runtime'
    | 'architecture'
    | 'bundling'
    | 'logGroup'
    | 'role'
    | 'projectRoot'
    | 'depsLockFilePath'
  > {
  /** The entry point, relative to the repository root (e.g. `handlers/ingest-api.ts`). */
  readonly entry: string;
  /** What the function does, for the console and the alarms. */
  readonly description: string;
  /** Retention of the function's log group. */
  readonly logRetention: RetentionDays;
  /** Ship assets/fonts as fonts/ beside the bundle (pdfmake reads the TTFs from disk). @default false */
  readonly shipFonts?: boolean;
  /**
   * X-Ray tracing with the Powertools Tracer. Off, the Tracer is not even bundled (functions/adapters/tracing.ts
   * is compiled with LAPOR_PAMAN_TRACING=false and esbuild drops the import). @default false
   */
  readonly xray?: boolean;
  /** A fixed name for the function's role, for a resource policy elsewhere to name it. @default generated */
  readonly roleName?: string;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default 30 seconds */
  readonly timeout?: Duration;
}

/**
 * A NodejsFunction with the house defaults: ARM64 on the newest Node.js runtime, an ESM bundle built
 * locally by esbuild with source maps, data/ (and optionally the fonts) beside the bundle, its own
 * log group with a retention, and its own role that may write only to that log group.
 */
export class HouseFunction extends NodejsFunction {
  /** The function's own role (the `role` of a NodejsFunction is optional in its type). */
  readonly executionRole: Role;

  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    const { entry, logRetention, shipFonts = false, xray = false, environment, roleName, ...rest } = props;
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: logRetention });
    // Our own role instead of AWSLambdaBasicExecutionRole: logs go to this log group only.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.description}`,
      ...(roleName ? { roleName } : {}),
    });
    super(scope, id, {
      memorySize: 512,
      timeout: Duration.seconds(30),
      ...rest,
      entry: path.join(repoRoot, entry),
      projectRoot: repoRoot,
      depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      logGroup,
      role,
      tracing: xray ? Tracing.ACTIVE : Tracing.DISABLED,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        ...(xray ? { POWERTOOLS_TRACE_ENABLED: 'true', POWERTOOLS_SERVICE_NAME: id } : {}),
        ...environment,
      },
      bundling: {
        ...houseBundlingOptions,
        define: tracingDefine(xray),
        externalModules: [...houseBundlingOptions.externalModules],
        esbuildArgs: { ...houseBundlingOptions.esbuildArgs },
        mainFields: [...houseBundlingOptions.mainFields],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) => assetCopyCommands(inputDir, outputDir, shipFonts),
        },
      },
    });
    this.executionRole = role;
    logGroup.grantWrite(role);
    if (xray) {
      acknowledge(
        role,
        'AwsSolutions-IAM5[Resource::*]',
        'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions: "*" is the only resource they take.',
      );
    }
  }

  /**
   * Sets TABLE_NAME and grants exactly the table access the function needs (infra/table-access.ts):
   * each statement names its actions and the partition keys they may touch (`dynamodb:LeadingKeys`),
   * and index queries name their index. Nothing in any access list can delete an item.
   */
  bindTable(table: ITableV2, access: TableAccess): void {
    this.addEnvironment('TABLE_NAME', table.tableName);
    for (const grant of access.items) {
      this.addToRolePolicy(
        new PolicyStatement({
          sid: `Table${grant.sid}`,
          actions: grant.actions.map((a) => `dynamodb:${a}`),
          resources: [table.tableArn],
          // ForAllValues: every key a request touches (a batch has several) must match.
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...grant.leadingKeys] } },
        }),
      );
    }
    if (access.indexQueries.length > 0) {
      this.addToRolePolicy(
        new PolicyStatement({
          sid: 'TableIndexQueries',
          actions: ['dynamodb:Query'],
          resources: access.indexQueries.map((name) => `${table.tableArn}/index/${name}`),
        }),
      );
    }
  }
}
