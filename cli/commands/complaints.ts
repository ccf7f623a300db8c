import type { Command } from 'commander';
import { reassignComplaint } from '../../functions/use-cases/reassign-complaint';
import { ingestDeps } from '../../handlers/support/compose';
import { loadConfig } from '../../handlers/support/config';
import { CliError } from '../errors';
import { tableEnv } from '../local-env';

/** `lapor-paman complaints reassign`: the province moves a complaint to its rightful regency. */
export function registerComplaintsCommands(program: Command): void {
  const complaints = program.command('complaints').description('Province commands on single complaints.');
  complaints
    .command('reassign')
    .description(
      'Move a complaint to its rightful regency (e.g. one filed first by another regency), keeping its history; the move is an event in that history naming who decided it and why.',
    )
    .argument('<trackingId>', 'the LAPOR! tracking id')
    .requiredOption('--to <code>', 'the regency code it belongs to, e.g. 6302')
    .requiredOption('--by <who>', 'who decided the move (an office or an official), recorded in the history')
    .requiredOption('--reason <text>', 'why it moves, recorded in the history (scrubbed of personal data)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Talks to the table named by TABLE_NAME at AWS_ENDPOINT_URL_DYNAMODB (or AWS).',
        "No deadline moves: the complaint's status history is unchanged; its figures count for the new",
        'regency from now on (the semester evaluation reads the regency at the time it runs).',
      ].join('\n'),
    )
    .action(async (trackingId: string, opts: { to: string; by: string; reason: string; json?: boolean }) => {
      const deps = ingestDeps(loadConfig(tableEnv()));
      const result = await reassignComplaint(deps, {
        trackingId,
        to: opts.to.trim(),
        by: opts.by,
        reason: opts.reason,
      });
      if (!result.ok) throw new CliError(result.problem);
      const { move, at } = result;
      process.stdout.write(
        opts.json
          ? `${JSON.stringify({ trackingId, ...move, at })}\n`
          : `complaint ${trackingId} moved from regency ${move.from} to ${move.to} by ${move.by} at ${at}\n`,
      );
    });
}
