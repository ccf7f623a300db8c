import path from 'node:path';
import type { Command } from 'commander';
import { LocalFileStore } from '../../functions/adapters/file-store';
import { ImportLimitError, importLimitsFrom } from '../../functions/domain/import-limits';
import { ImportFileError } from '../../functions/domain/import-rows';
import { importFile, refusedResultCsv, resultCsv, resultKeyFor } from '../../functions/use-cases/import-file';
import { importDeps } from '../../handlers/support/compose';
import { loadConfig } from '../../handlers/support/config';
import { CliError } from '../errors';
import { tableEnv } from '../local-env';

/** `lapor-paman ingest <file>`: the bulk import, from the disk into the configured table. */
export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description(
      'Import a LAPOR! export (one row per complaint) or a per-update file (CSV or XLSX) into the table; writes <file>.result.csv beside it.',
    )
    .argument('<file>', 'a .csv or .xlsx file')
    .option(
      '--as-of <instant>',
      "a LAPOR! export's generation time (e.g. 2026-03-17T23:59:00+08:00; without an offset the province's local time; a bare date is the end of that day); overrides the date in its top rows",
    )
    .option(
      '--regency <code>',
      'accept only rows of this regency (or province) code, as an upload under imports/<code>/',
    )
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Talks to the table named by TABLE_NAME at AWS_ENDPOINT_URL_DYNAMODB (or AWS): run',
        '`lapor-paman local` in another shell and paste its export lines first.',
        'A LAPOR! export is a snapshot: each complaint new or in a new status since the last export',
        'loaded becomes an event dated at the export time; load exports daily, in order (README "Bulk import").',
        'Limits: IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, IMPORT_MAX_LINE_CHARS, IMPORT_MAX_XLSX_UNPACKED_BYTES.',
        'Exit code: 0 every row stored, 2 some rows rejected or failed or the file only partly imported',
        '(see the result file), 1 a file refused or unreadable.',
      ].join('\n'),
    )
    .action(async (file: string, opts: { json?: boolean; asOf?: string; regency?: string }) => {
      const env = tableEnv();
      let limits: ReturnType<typeof importLimitsFrom>;
      try {
        limits = importLimitsFrom(env);
      } catch (error) {
        throw new CliError((error as Error).message);
      }
      const deps = importDeps(loadConfig(env));
      if (opts.regency && opts.regency !== deps.regions.province.code && !deps.regions.has(opts.regency)) {
        throw new CliError(
          `--regency ${opts.regency}: not a regency or province code of ${deps.regions.province.name}`,
        );
      }
      const files = new LocalFileStore();
      let size: number;
      try {
        size = (await files.head(file)).size;
      } catch (error) {
        throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
      }
      try {
        const report = await importFile(
          deps,
          { name: path.basename(file), content: await files.stream(file) },
          (done) => {
            if (!opts.json && process.stderr.isTTY) process.stderr.write(`\r${done} rows`);
          },
          {
            limits,
            size,
            ...(opts.asOf ? { asOf: opts.asOf, asOfSource: '--as-of' } : {}),
            ...(opts.regency ? { scope: opts.regency } : {}),
          },
        );
        await files.write(resultKeyFor(file), resultCsv(report, deps.regions.zone), 'text/csv');
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        } else {
          const c = report.counts;
          const e = report.export;
          process.stdout.write(
            (e
              ? `${file}: LAPOR! export as of ${e.asOf} (${e.asOfSource}), ${report.rows} complaints: ${e.counts.new} new, ${e.counts.changed} changed, ${e.counts.unchanged} unchanged, ${e.counts.stale} stale, ${e.counts.rejected} rejected, ${e.counts.failed} failed\n` +
                e.unmapped
                  .map((u) => `unknown ${u.column} "${u.value}" on ${u.lines.length} row(s)\n`)
                  .join('')
              : `${file}: ${report.rows} rows: ${c.created} created, ${c.applied} applied, ${c.stale} stale, ${c.duplicate} duplicate, ${c.rejected} rejected, ${c.failed} failed\n`) +
              (report.stopped ? `stopped: ${report.stopped.message}\n` : '') +
              (report.ignoredColumns.length ? `ignored columns: ${report.ignoredColumns.join(', ')}\n` : '') +
              `result: ${resultKeyFor(file)}\n`,
          );
        }
        if (report.counts.rejected + report.counts.failed > 0 || report.stopped) process.exitCode = 2;
      } catch (error) {
        if (error instanceof ImportFileError || error instanceof ImportLimitError) {
          await files.write(resultKeyFor(file), refusedResultCsv(error.message), 'text/csv');
          throw new CliError(`${error.message} (result: ${resultKeyFor(file)})`);
        }
        throw error;
      }
    });
}
