import type { Command } from 'commander';
import { startLocalStack } from '../../local/stack';
import { printStack, waitForSignal } from './local';

/** `lapor-paman demo` (what `npm start` runs): the main job end to end on the embedded stack. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Run the pipeline end to end on the embedded local stack (what `npm start` runs).')
    .option('--keep', 'keep the local servers up afterwards to browse the received mail')
    .action(async (opts: { keep?: boolean }) => {
      process.stdout.write('Starting the embedded stack (DynamoDB Local, SES emulator)...\n');
      const stack = await startLocalStack();
      try {
        process.stdout.write(`Table ${stack.tableName} is ready at ${stack.dynamodb.endpoint}.\n`);
        if (opts.keep) {
          printStack(stack);
          await waitForSignal();
        }
      } finally {
        await stack.stop();
      }
    });
}
