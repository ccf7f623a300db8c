import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type DeployConfigInput, parseDeployConfig, repoRoot } from '../../infra/config';
import { defineApp } from '../../infra/define-app';

/** The context of cdk.json (feature flags and the `laporPaman` configuration), as `cdk synth` sees it. */
export function cdkJsonContext(): Record<string, unknown> {
  return (
    JSON.parse(readFileSync(path.join(repoRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }
  ).context;
}

export interface TestAppOptions {
  /** Run esbuild; false skips bundling (assets are placeholders). @default true */
  bundle?: boolean;
  /** CDK's built-in CloudFormation validation (several seconds a synthesis). @default true */
  cfnValidation?: boolean;
}

/**
 * Defines the app as infra/app.ts does, in a temporary output folder, with cdk.json's context.
 * @param overrides configuration values on top of cdk.json's `laporPaman`
 */
export function defineTestApp(
  overrides: Partial<DeployConfigInput> = {},
  { bundle = true, cfnValidation = true }: TestAppOptions = {},
) {
  const context = cdkJsonContext();
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'lapor-paman-cdk-'));
  const app = new App({
    outdir,
    context: { ...context, ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
    builtinCloudFormationValidation: cfnValidation,
  });
  const config = parseDeployConfig({ ...(context.laporPaman as object), ...overrides });
  return { app, outdir, ...defineApp(app, config) };
}

/** Synthesizes the app once and returns both templates. */
export function synthTestApp(overrides: Partial<DeployConfigInput> = {}, options: TestAppOptions = {}) {
  const defined = defineTestApp(overrides, options);
  return {
    ...defined,
    statefulTemplate: Template.fromStack(defined.stateful),
    statelessTemplate: Template.fromStack(defined.stateless),
  };
}
