import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { App, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { repoRoot } from '../infra/config';
import type { HouseFunction } from '../infra/constructs/house-function';
import { defineApp } from '../infra/define-app';
import { fmt, median, progress, table } from './support';

/** Runs of each import; the median is reported. */
const runs = 5;

/** Bytes of every file under a folder. */
function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(dir, entry.name);
    return sum + (entry.isDirectory() ? folderBytes(full) : statSync(full).size);
  }, 0);
}

/**
 * Imports a module in a fresh `node` (with source maps on, as deployed) and returns the process's
 * wall time and the import's own time, in milliseconds.
 */
function timeImport(file: string, env: NodeJS.ProcessEnv): { wallMs: number; importMs: number } {
  const script =
    'const t = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - t));';
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    ['--enable-source-maps', '--input-type=module', '-e', script, pathToFileURL(file).href],
    { cwd: os.tmpdir(), env, encoding: 'utf8', timeout: 60_000 },
  );
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`importing ${file} failed: ${result.stderr}`);
  return { wallMs, importMs: Number(result.stdout) };
}

function medianImport(file: string, env: NodeJS.ProcessEnv) {
  const samples = Array.from({ length: runs }, () => timeImport(file, env));
  return { wallMs: median(samples.map((s) => s.wallMs)), importMs: median(samples.map((s) => s.importMs)) };
}

/**
 * The deployed bundles: synthesizes the CDK app (bundling every function locally, exactly as
 * `cdk synth` does), then reports each bundle's size and the cold import time of each bundle in a
 * fresh Node process, against a baseline importing an empty module in the same run.
 */
export async function benchBundles(): Promise<string> {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'lapor-paman-bench-cdk-'));
  try {
    progress('bundles: synthesizing the CDK app (esbuild, locally)');
    const { context } = JSON.parse(readFileSync(path.join(repoRoot, 'cdk.json'), 'utf8')) as {
      context: Record<string, unknown>;
    };
    // Production's bundles (tracing off there: no Tracer, no X-Ray SDK in them).
    const app = new App({
      outdir,
      context: { ...context, stage: 'production' },
      builtinCloudFormationValidation: false,
    });
    const { stateless } = defineApp(app);
    app.synth();
    const template = JSON.parse(
      readFileSync(path.join(outdir, `${stateless.artifactId}.template.json`), 'utf8'),
    ) as { Resources: Record<string, { Properties: Record<string, unknown> }> };

    const functions: [string, HouseFunction][] = [
      ['ingest-api', stateless.ingestApi],
      ['bulk-import', stateless.bulkImport],
      ['check-deadlines', stateless.deadlineCheck.fn],
      ['semester-start', stateless.semesterStart.fn],
      ['semester-worker', stateless.semesterWorker],
    ];
    const logicalId = (c: IConstruct) => Stack.of(c).getLogicalId(c.node.defaultChild as never);

    const emptyModule = path.join(outdir, 'empty.mjs');
    writeFileSync(emptyModule, 'export {};\n');
    const baseEnv = { PATH: process.env.PATH, AWS_REGION: 'ap-southeast-3' };
    progress(`bundles: baseline (empty module) × ${runs}`);
    const baseline = medianImport(emptyModule, baseEnv);

    const rows: (string | number)[][] = [];
    for (const [name, fn] of functions) {
      const properties = template.Resources[logicalId(fn)]?.Properties;
      if (!properties) throw new Error(`no function ${name} in the template`);
      const assetDir = path.join(
        outdir,
        `asset.${(properties.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '')}`,
      );
      const bundle = readFileSync(path.join(assetDir, 'index.mjs'));
      // The handlers read their configuration at import: the deployed variables, with dummy values
      // for what CloudFormation fills in (table name, queue URL, bucket).
      const variables = (properties.Environment as { Variables: Record<string, unknown> }).Variables;
      const env = {
        ...baseEnv,
        ...Object.fromEntries(
          Object.entries(variables).map(([k, v]) => [
            k,
            typeof v === 'string'
              ? v
              : k === 'SEMESTER_QUEUE_URL'
                ? 'https://sqs.invalid/000000000000/bench'
                : 'bench',
          ]),
        ),
        NODE_OPTIONS: '',
        LAMBDA_TASK_ROOT: assetDir,
      };
      progress(`bundles: ${name} × ${runs}`);
      const timing = medianImport(path.join(assetDir, 'index.mjs'), env);
      rows.push([
        name,
        fmt(bundle.length, 0),
        fmt(gzipSync(bundle).length, 0),
        fmt(folderBytes(assetDir), 0),
        fmt(timing.importMs, 0),
        fmt(timing.wallMs, 0),
        fmt(timing.wallMs / baseline.wallMs, 1),
      ]);
    }

    return [
      '## Function bundles: size and cold import',
      '',
      'Each function as `cdk synth` bundles it (esbuild, locally: ESM, minified, AWS SDK included, source map',
      `beside it), then imported in a fresh \`node --enable-source-maps\` with its deployed environment, median of ${runs}.`,
      'The import runs the cold start: configuration, data files, SDK clients, no network. The package is the',
      'asset folder Lambda receives (bundle, source map, data/, fonts/ for the worker), before zipping.',
      '',
      table(
        [
          'function',
          'index.mjs bytes',
          'gzipped bytes',
          'package bytes',
          'import ms (in process)',
          'process ms',
          'process / baseline',
        ],
        rows,
      ),
      '',
      `Baseline: a process importing an empty module, ${fmt(baseline.wallMs, 0)} ms (import ${fmt(baseline.importMs, 1)} ms), same run.`,
      'Lambda runs nodejs24.x on ARM64; these timings are this machine on Node 20: compare ratios, not milliseconds.',
    ].join('\n');
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
