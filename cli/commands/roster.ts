import type { Command } from 'commander';
import { rosterKind } from '../../functions/adapters/province-data-store';
import { isActive, parseRosterCsv, RosterFileError, roleLabels } from '../../functions/domain/roster';
import { registerDataSetCommands } from '../data-set-commands';

/** `lapor-paman roster import|list`: who receives alerts and reports, as data. */
export function registerRosterCommands(program: Command): void {
  registerDataSetCommands(program, {
    name: 'roster',
    description: 'Import or list the roster: regency heads, liaison admins, backups, province team.',
    kind: rosterKind,
    import: {
      description: 'Replace the roster of every regency (and the province team) named in a CSV file.',
      file: 'CSV with columns code,role,name,title,email,from,to,decree',
      help: '\nroles: head, admin, backup, province (the province team, under the province code).\nfrom/to are dates in the province time zone (YYYY-MM-DD), inclusive; leave "to" empty while in office.\nEvery row is checked first: a file with a bad row changes nothing.',
      parse: parseRosterCsv,
      fileError: RosterFileError,
      noun: 'appointments',
      codesNoun: 'codes',
    },
    list: {
      description: 'List appointments, optionally only one regency and only those in office on a date.',
      regency: 'regency code (or the province code for the province team)',
      withProvince: true,
      at: "only those in office on this date, the province's zone (YYYY-MM-DD)",
      print: ({ entries: all, codes, regions, at, json, write }) => {
        const entries = all.filter((e) => !at || isActive(e, at));
        if (json) {
          write(`${JSON.stringify(entries, null, 2)}\n`);
          return;
        }
        for (const code of codes) {
          const mine = entries.filter((e) => e.code === code);
          const name =
            code === regions.province.code
              ? `Provinsi ${regions.province.name}`
              : (regions.get(code)?.name ?? code);
          write(`${code} ${name}${mine.length === 0 ? ': (nobody)' : ''}\n`);
          for (const e of mine) {
            write(
              `  ${roleLabels[e.role].padEnd(16)} ${e.name} (${e.title ?? '-'}) <${e.email}>  ${e.from} – ${e.to ?? 'sekarang'}  [${e.decree}]\n`,
            );
          }
        }
      },
    },
  });
}
