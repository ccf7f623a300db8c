import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { localCliEnv } from '../support/cli-env';
import { freshTable } from '../support/local-aws';

const demoFile = path.join(import.meta.dirname, '../../data/commitments/63-demo.csv');

describe('lapor-paman commitments import and list (DynamoDB Local)', () => {
  it('imports the demo commitments, says which is in force, and a re-import changes nothing', async () => {
    const env = localCliEnv(await freshTable('commitments'));
    const imported = runCli(['commitments', 'import', demoFile], env);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('13 commitments for 12 regencies stored, 0 no longer listed removed');

    // Banjar: the 2026 commitment replaced the 2025 one from 11 March.
    const before = JSON.parse(
      runCli(['commitments', 'list', '--regency', '6303', '--at', '2026-03-10', '--json'], env).stdout,
    );
    expect(before[0]).toMatchObject({ status: 'in-force', commitment: { from: '2025-01-01' } });
    const after = JSON.parse(
      runCli(['commitments', 'list', '--regency', '6303', '--at', '2026-03-11', '--json'], env).stdout,
    );
    expect(after[0]).toMatchObject({ status: 'in-force', commitment: { from: '2026-03-11' } });
    expect(after[0].history).toHaveLength(2);

    const all = runCli(['commitments', 'list', '--at', '2026-06-30'], env).stdout;
    expect(all).toContain('6305 Tapin: expired on 2026-06-30');
    expect(all).toContain('6308 Hulu Sungai Utara: none on 2026-06-30');
    expect(all).toMatch(/\* 2026-01-01 – until replaced {2}Bupati Tanah Laut/);

    expect(runCli(['commitments', 'import', demoFile], env).stdout).toContain('0 no longer listed removed');
  }, 120_000);

  it('names the bad row and changes nothing', async () => {
    const env = localCliEnv(await freshTable('commitments'));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'commitments-'));
    const file = path.join(dir, 'k.csv');
    writeFileSync(
      file,
      [
        'code,signatory,signed,document,from,to,follow_up_days,follow_up_percent,max_backlog,liaison,min_per_100k',
        '6301,Bupati Tanah Laut,2025-12-18,No 1,2026-01-01,,5,90,,,',
        '6302,Bupati Kotabaru,2025-12-18,No 2,2026-01-01,,5,,,,',
      ].join('\n'),
    );
    const result = runCli(['commitments', 'import', file], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${file} row 3: follow_up_percent: follow_up_days and follow_up_percent go together`,
    );
    const listed = JSON.parse(runCli(['commitments', 'list', '--regency', '6301', '--json'], env).stdout);
    expect(listed[0]).toMatchObject({ status: 'none', history: [] });
  }, 120_000);
});
