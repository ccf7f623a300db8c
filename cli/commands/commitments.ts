import type { Command } from 'commander';
import { getDocumentClient } from '../../functions/adapters/clients';
import { CommitmentStore } from '../../functions/adapters/commitment-store';
import { loadRegions } from '../../functions/adapters/data-files';
import {
  type Commitment,
  CommitmentFileError,
  commitmentOn,
  parseCommitmentsCsv,
} from '../../functions/domain/commitments';
import { loadConfig } from '../../handlers/support/config';
import { CliError, importCsvFile } from '../errors';
import { tableEnv } from '../local-env';

function context() {
  const env = tableEnv();
  const config = loadConfig(env);
  return {
    regions: loadRegions(config.dataDir, config.province),
    store: new CommitmentStore(getDocumentClient(), config.tableName),
  };
}

/** "tindak lanjut ≤3 HK untuk 80%, tunggakan ≤20, admin+cadangan, ≥30/100rb" */
function targetsText(c: Commitment): string {
  const t = c.targets;
  return [
    t.followUp ? `follow-up within ${t.followUp.days} HK for ${t.followUp.percent}%` : '',
    t.maxBacklog !== undefined ? `backlog at most ${t.maxBacklog}` : '',
    t.liaisonAlwaysInOffice ? 'admin and backup always in office' : '',
    t.minPerHundredThousand !== undefined ? `at least ${t.minPerHundredThousand} per 100,000` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** `lapor-paman commitments import|list`: the heads' written commitments, as data. */
export function registerCommitmentsCommands(program: Command): void {
  const commitments = program
    .command('commitments')
    .description("Import or list the regency heads' written commitments on handling LAPOR! complaints.");
  commitments
    .command('import')
    .description(
      'Replace the commitments of every regency named in a CSV file (the file holds their whole history).',
    )
    .argument(
      '<file>',
      'CSV with columns code,signatory,signed,document,from,to,follow_up_days,follow_up_percent,max_backlog,liaison,min_per_100k',
    )
    .addHelpText(
      'after',
      [
        '',
        'signatory: the signing office (e.g. "Bupati Tanah Laut"); document: its number or a link.',
        'signed/from/to are dates in the province time zone (YYYY-MM-DD); leave "to" empty: in force until a newer one (a later "from").',
        'Targets (at least one): follow_up_days + follow_up_percent (first follow-up within N HK for X%),',
        'max_backlog (open at the semester end), liaison = ya (an admin and a backup always in office),',
        'min_per_100k (complaints per 100,000 inhabitants in the semester).',
        'Every row is checked first: a file with a bad row changes nothing and names the row.',
      ].join('\n'),
    )
    .action(async (file: string) => {
      const { regions, store } = context();
      await importCsvFile({
        file,
        parse: (text) => parseCommitmentsCsv(text, regions, file),
        store,
        fileError: CommitmentFileError,
        noun: 'commitments',
        codesNoun: 'regencies',
      });
    });
  commitments
    .command('list')
    .description('List the commitments of every regency (or one), and which is in force on a date.')
    .option('--regency <code>', 'regency code')
    .option(
      '--at <date>',
      "the date to say which is in force, the province's zone (YYYY-MM-DD); default today",
    )
    .option('--json', 'print JSON')
    .action(async (opts: { regency?: string; at?: string; json?: boolean }) => {
      const { regions, store } = context();
      if (opts.at && !/^\d{4}-\d{2}-\d{2}$/.test(opts.at))
        throw new CliError(`--at must be a date YYYY-MM-DD, got "${opts.at}"`);
      if (opts.regency && !regions.has(opts.regency))
        throw new CliError(`--regency ${opts.regency} is not a regency of province ${regions.province.code}`);
      const at = opts.at ?? new Date().toISOString().slice(0, 10);
      const codes = opts.regency ? [opts.regency] : regions.regencies.map((r) => r.code);
      const all = await store.listMany(codes);
      if (opts.json) {
        const standings = codes.map((code) => ({
          code,
          ...commitmentOn(all, code, at),
          history: all.filter((c) => c.code === code),
        }));
        process.stdout.write(`${JSON.stringify(standings, null, 2)}\n`);
        return;
      }
      for (const code of codes) {
        const standing = commitmentOn(all, code, at);
        const name = regions.get(code)?.name ?? code;
        process.stdout.write(`${code} ${name}: ${standing.status} on ${at}\n`);
        for (const c of all.filter((x) => x.code === code)) {
          const mark = standing.status !== 'none' && standing.commitment === c ? '*' : ' ';
          process.stdout.write(
            ` ${mark} ${c.from} – ${c.to ?? 'until replaced'}  ${c.signatory}, signed ${c.signed} [${c.document}]  ${targetsText(c)}\n`,
          );
        }
      }
    });
}
