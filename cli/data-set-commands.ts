import type { Command } from 'commander';
import { getDocumentClient } from '../functions/adapters/clients';
import { loadRegions } from '../functions/adapters/data-files';
import { type ProvinceDataKind, ProvinceDataStore } from '../functions/adapters/province-data-store';
import type { Regions } from '../functions/domain/regions';
import { loadConfig } from '../handlers/support/config';
import { CliError, importCsvFile } from './errors';
import { tableEnv } from './local-env';

/**
 * What one province data set's commands say and do (`roster`, `commitments`, `outreach`): the
 * builder below gives each the same `import <file>` and `list [--regency] [--at] [--json]`.
 */
export interface DataSetCommands<T extends { code: string }> {
  name: string;
  description: string;
  kind: ProvinceDataKind<T>;
  import: {
    description: string;
    /** The file argument's description (its columns). */
    file: string;
    /** Help after the options: the columns' meaning. */
    help: string;
    parse: (text: string, regions: Regions, file: string) => T[];
    /** The parser's error for a bad file, which becomes a message at the terminal. */
    fileError: new (
      ...args: never[]
    ) => Error;
    /** What is stored, and what the codes are, for the summary line ("appointments", "codes"). */
    noun: string;
    codesNoun: string;
  };
  list: {
    description: string;
    /** The description of `--regency`. */
    regency: string;
    /** Whether the province's own code is listed too (the province team). @default false */
    withProvince?: boolean;
    /** The description of `--at`; without it the list takes no date. */
    at?: string;
    /** Prints the entries of these codes (as JSON with `--json`); `at` as given, if given. */
    print: (input: {
      entries: T[];
      codes: string[];
      regions: Regions;
      at: string | undefined;
      json: boolean;
      write: (text: string) => void;
    }) => void;
  };
}

/** Registers `<name> import <file>` and `<name> list` for one province data set. */
export function registerDataSetCommands<T extends { code: string }>(
  program: Command,
  spec: DataSetCommands<T>,
): void {
  const context = () => {
    const config = loadConfig(tableEnv());
    return {
      regions: loadRegions(config.dataDir, config.province),
      store: new ProvinceDataStore(spec.kind, getDocumentClient(), config.tableName),
    };
  };
  const command = program.command(spec.name).description(spec.description);
  command
    .command('import')
    .description(spec.import.description)
    .argument('<file>', spec.import.file)
    .addHelpText('after', spec.import.help)
    .action(async (file: string) => {
      const { regions, store } = context();
      await importCsvFile({
        file,
        parse: (text) => spec.import.parse(text, regions, file),
        store,
        fileError: spec.import.fileError,
        noun: spec.import.noun,
        codesNoun: spec.import.codesNoun,
      });
    });
  const list = command
    .command('list')
    .description(spec.list.description)
    .option('--regency <code>', spec.list.regency);
  if (spec.list.at) list.option('--at <date>', spec.list.at);
  list
    .option('--json', 'print JSON')
    .action(async (opts: { regency?: string; at?: string; json?: boolean }) => {
      const { regions, store } = context();
      if (opts.at && !/^\d{4}-\d{2}-\d{2}$/.test(opts.at))
        throw new CliError(`--at must be a date YYYY-MM-DD, got "${opts.at}"`);
      const province = spec.list.withProvince ? [regions.province.code] : [];
      if (opts.regency && !province.includes(opts.regency) && !regions.has(opts.regency))
        throw new CliError(`--regency ${opts.regency} is not a regency of province ${regions.province.code}`);
      const codes = opts.regency ? [opts.regency] : [...province, ...regions.regencies.map((r) => r.code)];
      spec.list.print({
        entries: await store.listMany(codes),
        codes,
        regions,
        at: opts.at,
        json: opts.json === true,
        write: (text) => process.stdout.write(text),
      });
    });
}
