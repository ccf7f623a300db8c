import { readdirSync, readFileSync } from 'node:fs';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { houseBundlingOptions } from '../../infra/constructs/house-function';

// The project runs, tests and bundles for the one Node that Lambda runs (nodejs24.x, stacks.test.ts):
// a silent fallback to the machine's own Node (20 on this kind of machine) fails here.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

describe('the runtime', () => {
  it('is Node 24 for the tests themselves', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });

  it('is what package.json engines says, and the Node the project brings is the same major', () => {
    expect(pkg.engines.node).toBe('>=24 <25');
    for (const version of Object.values(pkg.optionalDependencies as Record<string, string>)) {
      expect(version.split('.')[0]).toBe('24');
    }
  });

  it('is the esbuild target of every function bundle', () => {
    expect(houseBundlingOptions.target).toBe('node24');
  });

  it('is what every GitHub workflow sets up', () => {
    const dir = '.github/workflows';
    const versions = readdirSync(dir).flatMap((file) =>
      [...readFileSync(`${dir}/${file}`, 'utf8').matchAll(/node-version:\s*"?([^"\s]+)/g)].map((m) => m[1]),
    );
    expect(versions.length).toBeGreaterThan(0);
    expect(new Set(versions)).toEqual(new Set(['24']));
  });

  it("is the newest Node.js runtime aws-cdk-lib knows, which cdk-nag's AwsSolutions-L1 demands", () => {
    // aws-cdk-lib 2.277 added nodejs26.x: on it every synth fails L1 until the functions move to 26,
    // a change of its own (package.json pins 2.276.0, README "What npm ci installs").
    const node = Object.keys(Runtime).filter((k) => /^NODEJS_\d+_X$/.test(k));
    const newest = node.sort((a, b) => Number(a.split('_')[1]) - Number(b.split('_')[1])).at(-1);
    expect(newest).toBe('NODEJS_24_X');
  });
});
