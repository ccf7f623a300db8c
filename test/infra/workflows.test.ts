import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/config';

/**
 * The delivery pipeline cannot run here: its files are checked against GitHub's workflow schema
 * (`@action-validator/cli`, offline) and for what the pipeline promises.
 */
const dir = path.join(repoRoot, '.github', 'workflows');
const validator = path.join(repoRoot, 'node_modules', '.bin', 'action-validator');
/** A GitHub Actions expression, `${{ ... }}`. */
const expr = (inner: string) => `\${{ ${inner} }}`;
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');

function validate(file: string) {
  const result = spawnSync(validator, [file], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The text of one job of a workflow (from its key to the next job at the same indentation). */
function job(text: string, name: string): string {
  const start = text.indexOf(`\n  ${name}:\n`);
  expect(start, `job ${name}`).toBeGreaterThan(-1);
  const rest = text.slice(start + 1);
  const next = rest.slice(1).search(/\n {2}[a-z][\w-]*:\n/);
  return next === -1 ? rest : rest.slice(0, next + 1);
}

describe('the workflow files', () => {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

  it('are the three the README describes', () => {
    expect(files.sort()).toEqual(['checks.yml', 'deploy.yml', 'pull-request.yml']);
  });

  it.each(files)('%s validates against the GitHub Actions schema', (file) => {
    const { status, output } = validate(path.join(dir, file));
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('the validator does reject a broken workflow, naming the problem', () => {
    const bad = path.join(mkdtempSync(path.join(os.tmpdir(), 'workflow-')), 'bad.yml');
    writeFileSync(bad, read('checks.yml').replace('runs-on: ubuntu-24.04', 'runs_on: ubuntu-24.04'));
    const { status, output } = validate(bad);
    expect(status).not.toBe(0);
    expect(output).toContain("Additional property 'runs_on' is not allowed");
  });
});

/**
 * Every `uses:` of an action from another repository, with what follows it on the line. Local
 * reusable workflows (`./.github/...`) are part of this repository and need no pin.
 */
function actionReferences(text: string): { ref: string; comment: string; line: number }[] {
  return text.split('\n').flatMap((raw, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*(["']?)([^\s"'#]+)\1\s*(#.*)?$/.exec(raw);
    if (!m?.[2] || m[2].startsWith('./')) return [];
    return [{ ref: m[2], comment: (m[3] ?? '').replace(/^#\s*/, ''), line: i + 1 }];
  });
}

/** Unpinned references: anything but `owner/repo[/path]@<40 hex>` with a version tag in a comment. */
function unpinnedActions(text: string): string[] {
  return actionReferences(text)
    .filter(
      ({ ref, comment }) => !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref) || !/^v\d+(\.\d+)*\b/.test(comment),
    )
    .map(({ ref, line }) => `line ${line}: ${ref}`);
}

describe('the actions the workflows use', () => {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

  it.each(files)('%s pins every action to a full commit SHA, with its tag in a comment', (file) => {
    const text = read(file);
    expect(actionReferences(text).length, file).toBeGreaterThan(0);
    expect(unpinnedActions(text)).toEqual([]);
  });

  it('catches an action pinned by tag, by branch, by a short SHA or without its tag', () => {
    const sha = '11bd71901bbe5b1630ceea73d27597364c9af683';
    expect(unpinnedActions('      - uses: actions/checkout@v4\n')).toEqual(['line 1: actions/checkout@v4']);
    expect(unpinnedActions('    - uses: actions/checkout@main # v4\n')).toHaveLength(1);
    expect(unpinnedActions('  uses: actions/checkout@11bd719 # v4.2.2\n')).toHaveLength(1);
    expect(unpinnedActions(`      - uses: actions/checkout@${sha}\n`)).toHaveLength(1);
    expect(unpinnedActions(`      - uses: "docker://alpine:3"\n`)).toHaveLength(1);
    expect(unpinnedActions(`      - uses: actions/checkout@${sha} # v4.2.2\n`)).toEqual([]);
    expect(unpinnedActions('    uses: ./.github/workflows/checks.yml\n')).toEqual([]);
  });

  it('names the same SHA for one action everywhere, as docs/deploy-access.md lists it', () => {
    const doc = readFileSync(path.join(repoRoot, 'docs', 'deploy-access.md'), 'utf8');
    const seen = new Map<string, string>();
    for (const file of files) {
      for (const { ref, comment } of actionReferences(read(file))) {
        const [name = '', sha = ''] = ref.split('@');
        expect(seen.get(name) ?? sha, `${file}: ${name}`).toBe(sha);
        seen.set(name, sha);
        expect(doc, `${name} ${comment}`).toContain(`${name}@${sha}`);
      }
    }
  });
});

describe('the pipeline', () => {
  it('checks every change as the README says: npm ci, typecheck, lint, npm test with Java and a browser', () => {
    const checks = read('checks.yml');
    for (const step of ['npm ci', 'npm run typecheck', 'npm run lint', 'npm test']) {
      expect(checks).toContain(`- run: ${step}\n`);
    }
    expect(checks).toContain('actions/setup-java@');
    expect(checks).toContain('CHROMIUM_PATH=');
  });

  it('synthesizes every configured stage with cdk-nag', () => {
    const stages = Object.keys(
      (
        JSON.parse(readFileSync(path.join(repoRoot, 'cdk.json'), 'utf8')).context.laporPaman as {
          stages: object;
        }
      ).stages,
    );
    const checks = read('checks.yml');
    expect(checks).toContain(`stage: [${stages.join(', ')}]`);
    expect(checks).toContain(`npx cdk synth --no-notices -q -c stage=${expr('matrix.stage')}`);
  });

  it('posts a cdk diff against staging to the job summary of a pull request', () => {
    const pr = read('pull-request.yml');
    expect(pr).toMatch(/on:\n {2}pull_request:/);
    expect(pr).toContain('uses: ./.github/workflows/checks.yml');
    const diff = job(pr, 'diff');
    expect(diff).toContain('needs: checks');
    expect(diff).toContain('-c stage=staging');
    expect(diff).toContain('npx cdk diff');
    expect(diff).toContain('$GITHUB_STEP_SUMMARY');
  });

  it('deploys main to staging, smoke-tests it, then production behind its environment, smoke-testing again', () => {
    const deploy = read('deploy.yml');
    expect(deploy).toMatch(/\non:\n {2}push:\n {4}branches: \[main\]\n\n/);
    // Bound to main: no other trigger (a manual dispatch could name any branch).
    expect(deploy).not.toMatch(/workflow_dispatch|pull_request|schedule:|repository_dispatch/);
    const staging = job(deploy, 'staging');
    const production = job(deploy, 'production');
    expect(staging).toContain('needs: checks');
    expect(staging).toMatch(/environment:\n {6}name: staging/);
    expect(staging).toContain('-c stage=staging');
    expect(staging).toContain('npx lapor-paman smoke --stage staging');
    expect(production).toContain('needs: staging');
    expect(production).toMatch(/environment:\n {6}name: production/);
    expect(production).toContain('-c stage=production');
    expect(production).toContain('npx lapor-paman smoke --stage production');
    // The smoke test runs after the deploy, in each job.
    for (const j of [staging, production]) {
      expect(j.indexOf('lapor-paman smoke')).toBeGreaterThan(j.indexOf('npx cdk deploy'));
    }
  });

  it('gets AWS credentials by OIDC only: id-token write, a role to assume, no access keys anywhere', () => {
    for (const file of ['deploy.yml', 'pull-request.yml']) {
      const text = read(file);
      const jobs = file === 'deploy.yml' ? ['staging', 'production'] : ['diff'];
      for (const name of jobs) {
        const j = job(text, name);
        expect(j, `${file} ${name}`).toContain('id-token: write');
        expect(j).toContain('aws-actions/configure-aws-credentials@');
        expect(j).toContain('role-to-assume: $' + '{{ vars.');
      }
      expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY|secrets\./i);
      // Only the jobs that talk to AWS may ask for a token.
      expect(text.match(/id-token: write/g)).toHaveLength(jobs.length);
    }
  });
});
