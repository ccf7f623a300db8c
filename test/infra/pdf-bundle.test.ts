import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HouseFunction, houseBundlingOptions } from '../../infra/constructs/house-function';
import { cdkJsonContext } from './app-fixture';

/**
 * Proves that pdfmake works bundled: the house construct bundles a tiny entry that calls the real
 * renderer (same esbuild options, same after-bundling copies as the semester worker), and a child
 * `node` process runs the bundle from its asset folder, as Lambda would.
 */
let assetDir: string;

beforeAll(() => {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'lapor-paman-pdf-'));
  const app = new App({ outdir, context: cdkJsonContext(), builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'PdfBundle', { env: { region: 'ap-southeast-3' } });
  const fn = new HouseFunction(stack, 'Render', {
    entry: 'test/infra/fixtures/render-pdf.ts',
    description: 'a one-page render',
    logRetention: RetentionDays.ONE_DAY,
    shipFonts: true,
  });
  const template = Template.fromStack(stack);
  const resource = template.findResources('AWS::Lambda::Function')[
    stack.getLogicalId(fn.node.defaultChild as never)
  ] as { Properties: { Code: { S3Key: string } } };
  const key = resource.Properties.Code.S3Key;
  assetDir = path.join(outdir, `asset.${key.replace(/\.zip$/, '')}`);
}, 120_000);

/** Runs the bundle's handler in a fresh Node process, with LAMBDA_TASK_ROOT as Lambda sets it. */
function runBundle(taskRoot: string) {
  const { FONTS_DIR: _ignored, ...env } = process.env;
  const script =
    'const m = await import(process.argv[1]); const r = await m.handler(); process.stdout.write(r.pdfBase64);';
  return spawnSync(
    process.execPath,
    [
      '--enable-source-maps',
      '--input-type=module',
      '-e',
      script,
      pathToFileURL(path.join(assetDir, 'index.mjs')).href,
    ],
    // Outside the repository, so that nothing resolves back to assets/ or node_modules/.
    { cwd: os.tmpdir(), env: { ...env, LAMBDA_TASK_ROOT: taskRoot }, encoding: 'utf8', timeout: 60_000 },
  );
}

describe('the bundled PDF renderer', () => {
  it('is an ESM bundle with the __dirname banner, its source map, and the fonts beside it', () => {
    expect(houseBundlingOptions.format).toBe('esm');
    expect(houseBundlingOptions.banner).toContain('createRequire');
    expect(readdirSync(assetDir).sort()).toEqual(['data', 'fonts', 'index.mjs', 'index.mjs.map']);
    expect(readdirSync(path.join(assetDir, 'fonts')).filter((f) => f.endsWith('.ttf'))).toHaveLength(4);
  });

  it('leaves out the WOFF2 decoder (brotli): the fonts are TrueType', () => {
    const bundle = readFileSync(path.join(assetDir, 'index.mjs'), 'utf8');
    expect(bundle.includes('WOFF2 fonts are not supported in this bundle')).toBe(true);
    // brotli's decoder carries its static dictionary; its size alone gives it away.
    expect(Buffer.byteLength(bundle)).toBeLessThan(1_200_000);
  });

  it('renders a page with text and a chart in Roboto, read from fonts/ beside the bundle', () => {
    const result = runBundle(assetDir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const pdf = Buffer.from(result.stdout, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1024);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+Roboto-Medium/);
  }, 60_000);

  it('fails fast, naming the folder, when the fonts were not shipped', () => {
    const result = runBundle(mkdtempSync(path.join(os.tmpdir(), 'no-fonts-')));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/font file\(s\) not found: .*no-fonts-.*Roboto-Regular\.ttf/);
  }, 60_000);
});
