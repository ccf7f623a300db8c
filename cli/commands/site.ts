import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { DirectorySiteTarget } from '../../functions/adapters/site-target';
import { publishSite } from '../../functions/use-cases/publish-site';
import { siteDeps } from '../../handlers/support/compose';
import { loadConfig } from '../../handlers/support/config';
import { siteView } from '../../templates/site';
import { atOption, tableEnv } from '../local-env';

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
      const at = atOption(opts.at);
      const env = tableEnv();
      const dir = path.resolve(opts.out);
      const result = await publishSite(
        siteDeps(loadConfig(env), { view: siteView, target: new DirectorySiteTarget(dir) }),
        {
          ...(at ? { at } : {}),
        },
      );
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
