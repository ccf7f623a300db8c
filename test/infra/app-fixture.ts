import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { contextKey, type DeployConfigInput, loadDeployConfig, readCdkJsonContext } from '../../infra/config';
import { defineApp } from '../../infra/define-app';
import type { Place } from '../../infra/place';

/** The context of cdk.json (feature flags and the `laporPaman` configuration), as `cdk synth` sees it. */
export function cdkJsonContext(): Record<string, unknown> {
  return readCdkJsonContext();
}

export interface TestAppOptions {
  /** Run esbuild; false skips bundling (assets are placeholders). @default true */
  bundle?: boolean;
  /** CDK's built-in CloudFormation validation (several seconds a synthesis). @default true */
  cfnValidation?: boolean;
  /** The stage, as `-c stage=<name>` selects it. @default 'production' */
  stage?: string;
  /** The province's zone and schedule. @default its place profile in data/regions/ */
  place?: Place;
}

/**
 * Defines the app as infra/app.ts does, in a temporary output folder, with cdk.json's context.
 * @param overrides configuration values on top of the stage's, as `-c laporPaman.<key>=<value>` gives them
 */
export function defineTestApp(
  overrides: Partial<DeployConfigInput> = {},
  { bundle = true, cfnValidation = true, stage = 'production', place }: TestAppOptions = {},
) {
  const context: Record<string, unknown> = { ...cdkJsonContext(), stage };
  for (const [key, value] of Object.entries(overrides)) context[`${contextKey}.${key}`] = value;
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'lapor-paman-cdk-'));
  const app = new App({
    outdir,
    context: { ...context, ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
    builtinCloudFormationValidation: cfnValidation,
  });
  const config = loadDeployConfig((key) => context[key]);
  return { app, outdir, ...defineApp(app, config, place ? { place } : {}) };
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
