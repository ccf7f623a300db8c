import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { DirectorySiteTarget } from '../../functions/adapters/site-target';
import { loadConfig } from '../../functions/config';
import { isoInstantWithOffset } from '../../functions/domain/calendar';
import { publishSite } from '../../functions/use-cases/publish-site';
import { siteDeps } from '../../functions/wiring';
import { CliError } from '../errors';
import { localDefaults } from '../local-env';

/** `lapor-paman site`: writes the public scoreboard from the table into a folder. */
export function registerSiteCommand(program: Command): void {
  program
    .command('site')
    .description(
      'Write the public scoreboard (static pages, CSV, JSON) as of the daily check, from the table, into a folder.',
    )
    .option('--at <instant>', "the daily check's instant the figures are for (default: now)")
    .option('--out <dir>', 'the folder to write', 'out/site')
    .option('--json', 'print the figures (the open-data JSON) instead of a summary')
    .action(async (opts: { at?: string; out: string; json?: boolean }) => {
      if (opts.at && !isoInstantWithOffset.test(opts.at)) {
        throw new CliError(
          `--at must be an ISO-8601 instant with offset (e.g. 2026-07-01T08:00:00+08:00), got "${opts.at}"`,
        );
      }
      const env: NodeJS.ProcessEnv = { ...localDefaults, ...process.env };
      if (!env.TABLE_NAME) {
        throw new CliError(
          'TABLE_NAME is not set: start `lapor-paman local` in another shell and paste its export lines',
        );
      }
      const dir = path.resolve(opts.out);
      const result = await publishSite(siteDeps(loadConfig(env), { target: new DirectorySiteTarget(dir) }), {
        ...(opts.at ? { at: new Date(opts.at) } : {}),
      });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result.board, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        [
          `Scoreboard as of ${result.board.date}${result.board.semester ? `, ranking of ${result.board.semester.id}` : ', no semester evaluated yet'}`,
          `  ${result.files.length} files, ${result.changed.length} changed, ${result.removed.length} removed`,
          `  open ${pathToFileURL(path.join(dir, 'index.html')).href}`,
          '',
        ].join('\n'),
      );
    });
}
