import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arrivalsBetween, vacanciesToReport } from '../../functions/domain/handover';
import { parseRosterCsv } from '../../functions/domain/roster';
import { dataDir, kalsel } from '../support/data';

const roster = parseRosterCsv(readFileSync(join(dataDir, 'roster/63-demo.csv'), 'utf8'), kalsel());

describe('arrivalsBetween', () => {
  it('names the new Banjar admin on the check after their first day, with the outgoing admin', () => {
    // 11 March 2026 is a Wednesday: the check of that morning follows the one of the 10th.
    const [arrival, ...rest] = arrivalsBetween(roster, '6303', '2026-03-10', '2026-03-11');
    expect(rest).toEqual([]);
    expect(arrival?.kind).toBe('admin');
    expect(arrival?.since).toBe('2026-03-11');
    expect(arrival?.person.email).toBe('admin.baru@banjar.lapor-paman.example');
    expect(arrival?.outgoing.map((e) => e.email)).toEqual(['admin.lama@banjar.lapor-paman.example']);
    expect(arrival?.vacancy).toBeUndefined();
  });

  it('owes nothing the day before or the day after the change', () => {
    expect(arrivalsBetween(roster, '6303', '2026-03-09', '2026-03-10')).toEqual([]);
    expect(arrivalsBetween(roster, '6303', '2026-03-11', '2026-03-12')).toEqual([]);
  });

  it('finds an arrival that fell on a weekend at the next working day, with the vacancy before it', () => {
    // Tapin: vacant 28 Feb - 22 Mar 2026; the new admin starts Monday 23 March.
    const [arrival] = arrivalsBetween(roster, '6305', '2026-03-20', '2026-03-23');
    expect(arrival?.person.email).toBe('admin.baru@tapin.lapor-paman.example');
    expect(arrival?.vacancy).toEqual({ from: '2026-02-28', to: '2026-03-22', ongoing: false });
    expect(arrival?.outgoing.map((e) => e.email)).toEqual(['admin.lama@tapin.lapor-paman.example']);
  });

  it('hands a vacant seat to the backup in office on its first day, once', () => {
    const withBackup = [
      ...roster,
      ...parseRosterCsv(
        'code,role,name,title,email,from,to,decree\n6305,backup,Cadangan Tapin,Diskominfo,cadangan@tapin.example,2025-01-01,,SK 1\n',
        kalsel(),
      ),
    ];
    const [arrival] = arrivalsBetween(withBackup, '6305', '2026-02-27', '2026-03-02');
    expect(arrival).toMatchObject({ kind: 'backup', since: '2026-02-28' });
    expect(arrival?.person.email).toBe('cadangan@tapin.example');
    expect(arrivalsBetween(withBackup, '6305', '2026-03-02', '2026-03-03')).toEqual([]);
  });

  it('is nothing for a regency whose admin stays', () => {
    expect(arrivalsBetween(roster, '6301', '2025-12-31', '2026-06-30')).toEqual([]);
  });
});

describe('vacanciesToReport', () => {
  it('reports a running vacancy from its first day, and its final account on the day it ends', () => {
    expect(vacanciesToReport(roster, '6305', '2026-03-09', '2026-03-10')).toEqual([
      { from: '2026-02-28', to: '2026-03-10', ongoing: true },
    ]);
    expect(vacanciesToReport(roster, '6305', '2026-03-20', '2026-03-23')).toEqual([
      { from: '2026-02-28', to: '2026-03-22', ongoing: false },
    ]);
    expect(vacanciesToReport(roster, '6305', '2026-03-23', '2026-03-24')).toEqual([]);
    expect(vacanciesToReport(roster, '6303', '2026-03-10', '2026-03-11')).toEqual([]);
  });
});
