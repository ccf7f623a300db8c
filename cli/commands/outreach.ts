import type { Command } from 'commander';
import { getDocumentClient } from '../../functions/adapters/clients';
import { loadRegions } from '../../functions/adapters/data-files';
import { OutreachStore } from '../../functions/adapters/outreach-store';
import { OutreachFileError, outreachKindLabels, parseOutreachCsv } from '../../functions/domain/outreach';
import { loadConfig } from '../../handlers/support/config';
import { CliError, importCsvFile } from '../errors';
import { tableEnv } from '../local-env';

function context() {
  const config = loadConfig(tableEnv());
  return {
    regions: loadRegions(config.dataDir, config.province),
    store: new OutreachStore(getDocumentClient(), config.tableName),
  };
}

/** `lapor-paman outreach import|list`: sosialisasi, admin training and media events, as data. */
export function registerOutreachCommands(program: Command): void {
  const outreach = program
    .command('outreach')
    .description(
      'Import or list outreach events (sosialisasi, admin training, media) whose effect the reports measure.',
    );
  outreach
    .command('import')
    .description(
      'Replace the outreach events of every regency named in a CSV file (the file holds their whole history).',
    )
    .argument('<file>', 'CSV with columns date,regency,kecamatan,kind,people_reached,source')
    .addHelpText(
      'after',
      [
        '',
        "date: the day of the event in the province's zone (YYYY-MM-DD); regency: its code (e.g. 6305); kecamatan: where, if local;",
        `kind: ${Object.values(outreachKindLabels).join(' | ')}; people_reached: a whole number, if known;`,
        'source: the document that records the event (a report number or a link), required.',
        'Every row is checked first: a file with a bad row changes nothing and names the row.',
      ].join('\n'),
    )
    .action(async (file: string) => {
      const { regions, store } = context();
      await importCsvFile({
        file,
        parse: (text) => parseOutreachCsv(text, regions, file),
        store,
        fileError: OutreachFileError,
        noun: 'outreach events',
        codesNoun: 'regencies',
      });
    });
  outreach
    .command('list')
    .description('List the outreach events of every regency (or one).')
    .option('--regency <code>', 'regency code')
    .option('--json', 'print JSON')
    .action(async (opts: { regency?: string; json?: boolean }) => {
      const { regions, store } = context();
      if (opts.regency && !regions.has(opts.regency))
        throw new CliError(`--regency ${opts.regency} is not a regency of province ${regions.province.code}`);
      const codes = opts.regency ? [opts.regency] : regions.regencies.map((r) => r.code);
      const events = await store.listMany(codes);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(events, null, 2)}\n`);
        return;
      }
      for (const e of events) {
        const name = regions.get(e.code)?.name ?? e.code;
        process.stdout.write(
          `${e.date}  ${e.code} ${name}${e.district ? `, Kec. ${e.district}` : ''}  ${outreachKindLabels[e.kind]}` +
            `${e.peopleReached !== undefined ? `, ${e.peopleReached} people` : ''}  [${e.source}]\n`,
        );
      }
      if (events.length === 0) process.stdout.write('no outreach events\n');
    });
}
