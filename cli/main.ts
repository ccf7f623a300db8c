import { Command, CommanderError } from 'commander';
import { registerCalendarCommands } from './commands/calendar';
import { registerCheckDeadlinesCommand } from './commands/check-deadlines';
import { registerClientCommands } from './commands/clients';
import { registerCommitmentsCommands } from './commands/commitments';
import { registerComplaintsCommands } from './commands/complaints';
import { registerDemoCommand } from './commands/demo';
import { registerIngestCommand } from './commands/ingest';
import { registerLocalCommand } from './commands/local';
import { registerOutreachCommands } from './commands/outreach';
import { registerRosterCommands } from './commands/roster';
import { registerSemesterReportCommand } from './commands/semester-report';
import { registerSiteCommand } from './commands/site';
import { registerSmokeCommand } from './commands/smoke';
import { CliError } from './errors';

const program = new Command('lapor-paman')
  .description('LAPOR Paman pipeline: ingest complaint updates, check deadlines, report each semester.')
  .showHelpAfterError()
  .exitOverride();

registerLocalCommand(program);
registerDemoCommand(program);
registerCalendarCommands(program);
registerIngestCommand(program);
registerRosterCommands(program);
registerClientCommands(program);
registerComplaintsCommands(program);
registerCommitmentsCommands(program);
registerOutreachCommands(program);
registerCheckDeadlinesCommand(program);
registerSemesterReportCommand(program);
registerSiteCommand(program);
registerSmokeCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`lapor-paman: ${error instanceof Error ? error.message : String(error)}\n`);
    if (!(error instanceof CliError) && process.env.DEBUG) console.error(error);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  }
}
