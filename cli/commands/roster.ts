import type { Command } from 'commander';
import { getDocumentClient } from '../../functions/adapters/clients';
import { loadRegions } from '../../functions/adapters/data-files';
import { RosterStore } from '../../functions/adapters/roster-store';
import { isActive, parseRosterCsv, RosterFileError, roleLabels } from '../../functions/domain/roster';
import { loadConfig } from '../../handlers/support/config';
import { CliError, importCsvFile } from '../errors';
import { tableEnv } from '../local-env';

function context() {
  const env = tableEnv();
  const config = loadConfig(env);
  return {
    config,
    regions: loadRegions(config.dataDir, config.province),
    store: new RosterStore(getDocumentClient(), config.tableName),
  };
}

/** `lapor-paman roster import|list`: who receives alerts and reports, as data. */
export function registerRosterCommands(program: Command): void {
  const roster = program
    .command('roster')
    .description('Import or list the roster: regency heads, liaison admins, backups, province team.');
  roster
    .command('import')
    .description('Replace the roster of every regency (and the province team) named in a CSV file.')
    .argument('<file>', 'CSV with columns code,role,name,title,email,from,to,decree')
    .addHelpText(
      'after',
      '\nroles: head, admin, backup, province (the province team, under the province code).\nfrom/to are dates in the province time zone (YYYY-MM-DD), inclusive; leave "to" empty while in office.\nEvery row is checked first: a file with a bad row changes nothing.',
    )
    .action(async (file: string) => {
      const { regions, store } = context();
      await importCsvFile({
        file,
        parse: (text) => parseRosterCsv(text, regions, file),
        store,
        fileError: RosterFileError,
        noun: 'appointments',
        codesNoun: 'codes',
      });
    });
  roster
    .command('list')
    .description('List appointments, optionally only one regency and only those in office on a date.')
    .option('--regency <code>', 'regency code (or the province code for the province team)')
    .option('--at <date>', "only those in office on this date, the province's zone (YYYY-MM-DD)")
    .option('--json', 'print JSON')
    .action(async (opts: { regency?: string; at?: string; json?: boolean }) => {
      const { regions, store } = context();
      if (opts.at && !/^\d{4}-\d{2}-\d{2}$/.test(opts.at))
        throw new CliError(`--at must be a date YYYY-MM-DD, got "${opts.at}"`);
      const codes = opts.regency
        ? [opts.regency]
        : [regions.province.code, ...regions.regencies.map((r) => r.code)];
      if (opts.regency && opts.regency !== regions.province.code && !regions.has(opts.regency)) {
        throw new CliError(`--regency ${opts.regency} is not a regency of province ${regions.province.code}`);
      }
      const entries = (await store.listMany(codes)).filter((e) => !opts.at || isActive(e, opts.at));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
        return;
      }
      for (const code of codes) {
        const mine = entries.filter((e) => e.code === code);
        const name =
          code === regions.province.code
            ? `Provinsi ${regions.province.name}`
            : (regions.get(code)?.name ?? code);
        process.stdout.write(`${code} ${name}${mine.length === 0 ? ': (nobody)' : ''}\n`);
        for (const e of mine) {
          process.stdout.write(
            `  ${roleLabels[e.role].padEnd(16)} ${e.name} (${e.title ?? '-'}) <${e.email}>  ${e.from} – ${e.to ?? 'sekarang'}  [${e.decree}]\n`,
          );
        }
      }
    });
}
