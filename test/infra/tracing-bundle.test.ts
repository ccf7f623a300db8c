import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/config';
import { tracingDefine } from '../../infra/constructs/house-function';

/** A handler module wrapped as the functions are, bundled with the house's tracing switch. */
async function bundle(xray: boolean): Promise<string> {
  const result = await build({
    stdin: {
      contents:
        "import { traced, traceClient } from './functions/adapters/tracing';\n" +
        "export const handler = traced('probe', async () => traceClient({}));\n",
      resolveDir: repoRoot,
      sourcefile: 'probe.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    minify: true,
    write: false,
    logLevel: 'silent',
    define: tracingDefine(xray),
    absWorkingDir: path.resolve(repoRoot),
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('the tracing switch (config `tracing`)', () => {
  it('leaves the Powertools Tracer and the X-Ray SDK out of a bundle when off', async () => {
    const off = await bundle(false);
    expect(off).not.toContain('captureAWSv3Client');
    expect(off).not.toContain('addNewSubsegment');
    expect(off.length).toBeLessThan(2_000);
  });

  it('compiles them in when on', async () => {
    const on = await bundle(true);
    expect(on).toContain('captureAWSv3Client');
    expect(on.length).toBeGreaterThan(50_000);
  });
});
