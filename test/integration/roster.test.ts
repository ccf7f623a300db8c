import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRosterCsv, RosterFileError, recipientsOn } from '../../functions/domain/roster';
import { runCli } from '../support/cli';
import { localCliEnv } from '../support/cli-env';
import { kalsel } from '../support/data';
import { freshTable } from '../support/local-aws';

const header = 'code,role,name,title,email,from,to,decree';

describe('roster files', () => {
  it('reject every bad row at once, naming row and field, and import nothing', () => {
    const csv = [
      header,
      '6301,admin,Admin A,Diskominfo,admin@a.example,2026-01-01,,SK 1',
      '6399,admin,Admin B,Diskominfo,admin@b.example,2026-01-01,,SK 2',
      '6302,admin,Admin C,Diskominfo,not-an-address,2026-01-01,,SK 3',
      '6303,admin,Admin D,Diskominfo,d@d.example,2026-03-01,2026-02-01,SK 4',
      '6304,province,Tim,Diskominfo,t@t.example,2026-01-01,,SK 5',
    ].join('\n');
    let message = '';
    try {
      parseRosterCsv(csv, kalsel(), 'roster.csv');
    } catch (error) {
      expect(error).toBeInstanceOf(RosterFileError);
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'roster.csv row 3: code: is neither province 63 nor one of its regencies',
      'roster.csv row 4: email: is not an e-mail address',
      'roster.csv row 5: to: is before from',
      'roster.csv row 6: role: the province team is filed under the province code, and only it',
    ]);
  });

  it('reject names that could break an e-mail header (line breaks, commas, angle brackets), naming the row', () => {
    const csv = [
      header,
      '6301,admin,"Admin A\r\nBcc: all@evil.example",Diskominfo,admin@a.example,2026-01-01,,SK 1',
      '6302,admin,"Rahmat, S.T.",Diskominfo,rahmat@a.example,2026-01-01,,SK 2',
      '6303,admin,Budi <budi@evil.example>,Diskominfo,budi@a.example,2026-01-01,,SK 3',
      '6304,head,H. Ahmad Fauzi S.H. M.H. (Plt.),Bupati,bupati@a.example,2026-01-01,,SK 4',
      "6305,admin,Siti Nur'aini-Putri,Diskominfo,siti@a.example,2026-01-01,,SK 5",
    ].join('\n');
    const message = (() => {
      try {
        parseRosterCsv(csv, kalsel(), 'roster.csv');
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    const lines = message.split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(/^roster\.csv row 2: name: must not contain line breaks or control characters/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^roster\.csv row 3: name: must not contain any of , ; : < > " @ \\ \[ \]/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^roster\.csv row 4: name: must not contain any of/));
    // Titles and degrees without commas, apostrophes and hyphens are names people have.
    expect(lines.join('\n')).not.toMatch(/row [56]/);
  });

  it('ship a demo roster for the 13 regencies, with Tapin vacant in March 2026 and Banjar changing admin', () => {
    const entries = parseRosterCsv(
      readFileSync(new URL('../../data/roster/63-demo.csv', import.meta.url), 'utf8'),
      kalsel(),
    );
    expect(new Set(entries.filter((e) => e.role === 'head').map((e) => e.code)).size).toBe(13);
    expect(recipientsOn(entries, '6305', '2026-03-10').vacant).toBe(true);
    expect(recipientsOn(entries, '6305', '2026-03-23').vacant).toBe(false);
    expect(recipientsOn(entries, '6303', '2026-03-10').admins.map((a) => a.email)).toEqual([
      'admin.lama@banjar.lapor-paman.example',
    ]);
    expect(recipientsOn(entries, '6303', '2026-03-11').admins.map((a) => a.email)).toEqual([
      'admin.baru@banjar.lapor-paman.example',
    ]);
  });
});

describe('lapor-paman roster', () => {
  it('imports a roster, lists who is in office on a date, and replaces it on re-import', async () => {
    const tableName = await freshTable('roster');
    const env = localCliEnv(tableName);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'roster-'));
    const file = path.join(dir, 'roster.csv');
    writeFileSync(
      file,
      [
        header,
        '6305,admin,Admin Lama,Diskominfo,lama@tapin.example,2025-01-01,2026-02-27,SK 100/05/2025',
        '6305,admin,Admin Baru,Diskominfo,baru@tapin.example,2026-03-23,,SK 100/09/2026',
        '6305,head,Bupati Tapin,Bupati,bupati@tapin.example,2025-02-20,,Keppres',
      ].join('\n'),
    );
    const imported = runCli(['roster', 'import', file], env);
    expect(imported.stdout).toContain('3 appointments for 1 codes stored, 0 no longer listed removed');

    const march10 = runCli(['roster', 'list', '--regency', '6305', '--at', '2026-03-10', '--json'], env);
    expect(JSON.parse(march10.stdout).map((e: { email: string }) => e.email)).toEqual([
      'bupati@tapin.example',
    ]);
    const march23 = runCli(['roster', 'list', '--regency', '6305', '--at', '2026-03-23'], env);
    expect(march23.stdout).toContain('Admin Baru');
    expect(march23.stdout).not.toContain('Admin Lama');

    writeFileSync(
      file,
      [header, '6305,admin,Admin Baru,Diskominfo,baru@tapin.example,2026-03-23,,SK 100/09/2026'].join('\n'),
    );
    expect(runCli(['roster', 'import', file], env).stdout).toContain(
      '1 appointments for 1 codes stored, 2 no longer listed removed',
    );

    writeFileSync(file, [header, '6305,admin,X,Diskominfo,bad-address,2026-03-23,,SK'].join('\n'));
    const bad = runCli(['roster', 'import', file], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('row 2: email: is not an e-mail address');
  });
});
