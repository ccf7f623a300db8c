import path from 'node:path';
import type { Command } from 'commander';
import { LocalFileStore } from '../../functions/adapters/file-store';
import { loadConfig } from '../../functions/config';
import { ImportFileError } from '../../functions/domain/import-rows';
import { importFile, resultCsv, resultKeyFor } from '../../functions/use-cases/import-file';
import { ingestDeps } from '../../functions/wiring';
import { CliError } from '../errors';
import { localDefaults } from '../local-env';

/** `lapor-paman ingest <file>`: the bulk import, from the disk into the configured table. */
export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('Import a LAPOR! export (CSV or XLSX) into the table; writes <file>.result.csv beside it.')
    .argument('<file>', 'a .csv or .xlsx export')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Talks to the table named by TABLE_NAME at AWS_ENDPOINT_URL_DYNAMODB (or AWS): run',
        '`lapor-paman local` in another shell and paste its export lines first.',
        'Exit code: 0 every row stored, 2 some rows rejected or failed (see the result file), 1 unreadable file.',
        'Columns: see README "Bulk import".',
      ].join('\n'),
    )
    .action(async (file: string, opts: { json?: boolean }) => {
      const env: NodeJS.ProcessEnv = { ...localDefaults, ...process.env };
      if (!env.TABLE_NAME) {
        throw new CliError(
          'TABLE_NAME is not set: start `lapor-paman local` in another shell and paste its export lines',
        );
      }
      const deps = ingestDeps(loadConfig(env));
      const files = new LocalFileStore();
      let content: Buffer;
      try {
        content = await files.read(file);
      } catch (error) {
        throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
      }
      try {
        const report = await importFile(deps, { name: path.basename(file), content }, (done, total) => {
          if (!opts.json && process.stderr.isTTY) process.stderr.write(`\r${done}/${total} rows`);
        });
        await files.write(resultKeyFor(file), resultCsv(report), 'text/csv');
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        } else {
          const c = report.counts;
          process.stdout.write(
            `${file}: ${report.rows} rows: ${c.created} created, ${c.applied} applied, ${c.stale} stale, ${c.duplicate} duplicate, ${c.rejected} rejected, ${c.failed} failed\n` +
              (report.ignoredColumns.length ? `ignored columns: ${report.ignoredColumns.join(', ')}\n` : '') +
              `result: ${resultKeyFor(file)}\n`,
          );
        }
        if (report.counts.rejected + report.counts.failed > 0) process.exitCode = 2;
      } catch (error) {
        if (error instanceof ImportFileError) throw new CliError(error.message);
        throw error;
      }
    });
}
