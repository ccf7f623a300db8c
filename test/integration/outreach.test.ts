import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { localCliEnv } from '../support/cli-env';
import { freshTable } from '../support/local-aws';

const demoFile = path.join(import.meta.dirname, '../../data/outreach/63-demo.csv');

describe('lapor-paman outreach import and list (DynamoDB Local)', () => {
  it('imports the demo events, lists them, and a re-import changes nothing', async () => {
    const env = localCliEnv(await freshTable('outreach'));
    const imported = runCli(['outreach', 'import', demoFile], env);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('4 outreach events for 4 regencies stored, 0 no longer listed removed');
    const listed = JSON.parse(runCli(['outreach', 'list', '--regency', '6311', '--json'], env).stdout);
    expect(listed).toEqual([
      {
        date: '2026-02-12',
        code: '6311',
        district: 'Paringin',
        kind: 'sosialisasi-masyarakat',
        peopleReached: 180,
        source: 'Laporan kegiatan Diskominfo Balangan 045/DKI/II/2026 (fiktif)',
      },
    ]);
    expect(runCli(['outreach', 'list'], env).stdout).toContain(
      '2026-02-19  6305 Tapin, Kec. Binuang  sosialisasi masyarakat, 150 people',
    );
    expect(runCli(['outreach', 'import', demoFile], env).stdout).toContain('0 no longer listed removed');
  }, 120_000);

  it('names the bad row and changes nothing', async () => {
    const env = localCliEnv(await freshTable('outreach'));
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'outreach-')), 'o.csv');
    writeFileSync(
      file,
      [
        'date,regency,kecamatan,kind,people_reached,source',
        '2026-02-12,6311,,media,,Siaran',
        '2026-02-12,6311,,pameran,,X',
      ].join('\n'),
    );
    const result = runCli(['outreach', 'import', file], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file} row 3: kind: "pameran" is not one of`);
    expect(JSON.parse(runCli(['outreach', 'list', '--json'], env).stdout)).toEqual([]);
  }, 120_000);
});
