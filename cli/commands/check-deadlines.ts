import type { Command } from 'commander';
import { checkDeadlines, type DeadlineReport } from '../../functions/use-cases/check-deadlines';
import { deadlineDeps } from '../../handlers/support/compose';
import { loadConfig } from '../../handlers/support/config';
import { deadlineViews } from '../../templates/deadline-emails';
import { placeFromEnv } from '../context';
import { atOption, tableEnv } from '../local-env';

/** `lapor-paman check-deadlines`: the daily job, for any day, against the configured table and SES. */
export function registerCheckDeadlinesCommand(program: Command): void {
  program
    .command('check-deadlines')
    .description('Run the daily deadline check: digests to admins, escalations, province digest.')
    .option(
      '--at <instant>',
      'replay the check as of this ISO-8601 instant (default: now): complaints are judged by the updates known then; complaints first seen later are skipped; complaints closed since are shown as they stood; e-mails already sent for that day are not sent again',
    )
    .option('--dry-run', 'compute and print, send nothing, record nothing')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { at?: string; dryRun?: boolean; json?: boolean }) => {
      const at = atOption(opts.at);
      const env = tableEnv();
      const deps = deadlineDeps(loadConfig(env, { email: true }), { views: deadlineViews });
      const report = await checkDeadlines(deps, {
        ...(at ? { at } : {}),
        dryRun: opts.dryRun === true,
      });
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : summary(report));
      if (report.failures > 0) process.exitCode = 2;
    });
}

export function summary(report: DeadlineReport): string {
  if (report.skipped)
    return `${report.date}: not a working day in ${placeFromEnv().zone.id}; nothing checked.\n`;
  const lines = [`Deadline check ${report.date} (${report.policy})`];
  if (report.policiesApplied.length > 0)
    lines.push(`  listed complaints judged by: ${report.policiesApplied.join('; ')}`);
  if (report.missingCalendarYears.length > 0)
    lines.push(`  ! no calendar file for ${report.missingCalendarYears.join(', ')}`);
  for (const r of report.regencies) {
    lines.push(
      `  ${r.code} ${r.name.padEnd(32)} overdue ${String(r.overdue).padStart(4)}  due soon ${String(r.dueSoon).padStart(3)}  reporter's time up ${String(r.expired).padStart(3)}  digest ${r.digest}${
        r.escalationNotice !== 'nothing-to-send' ? `, head ${r.escalationNotice}` : ''
      }${r.vacant ? '  [no active admin]' : ''}${r.error ? `  ERROR ${r.error}` : ''}`,
    );
  }
  lines.push(
    `  province digest ${report.province.digest}: ${report.province.lagging.length} lagging, ${report.province.escalations} escalations`,
  );
  lines.push(`  e-mails sent ${report.emailsSent}, failures ${report.failures}`);
  return `${lines.join('\n')}\n`;
}
