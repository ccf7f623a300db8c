import path from 'node:path';
import type { Command } from 'commander';
import { type LocalStack, startLocalStack } from '../../local/stack';

/** `lapor-paman local`: the embedded AWS stack, kept up until Ctrl-C. */
export function registerLocalCommand(program: Command): void {
  program
    .command('local')
    .description('Start DynamoDB Local and the SES emulator with the table, and keep them up until Ctrl-C.')
    .option(
      '--dynamodb-port <port>',
      'preferred DynamoDB Local port (another is used if taken)',
      toPort,
      8000,
    )
    .option('--ses-port <port>', 'preferred SES emulator port (another is used if taken)', toPort, 8005)
    .option('--db-path <dir>', 'folder where DynamoDB Local keeps its data', '.local/dynamodb')
    .option('--in-memory', 'keep no data on disk')
    .option('--table <name>', 'table name', 'lapor-paman')
    .action(
      async (opts: {
        dynamodbPort: number;
        sesPort: number;
        dbPath: string;
        inMemory?: boolean;
        table: string;
      }) => {
        const stack = await startLocalStack({
          tableName: opts.table,
          sesPort: opts.sesPort,
          dynamodb: {
            port: opts.dynamodbPort,
            dbPath: opts.inMemory ? undefined : path.resolve(opts.dbPath),
          },
        });
        printStack(stack);
        await waitForSignal();
        process.stdout.write('\nStopping the local stack...\n');
        await stack.stop();
        process.stdout.write('Stopped.\n');
      },
    );
}

export function printStack(stack: LocalStack): void {
  const lines = [
    'Local AWS stack is up.',
    `  DynamoDB Local  ${stack.dynamodb.endpoint}  (table ${stack.tableName}; ${stack.dynamodb.dbPath ? `data in ${stack.dynamodb.dbPath}` : 'in memory'})`,
    `  SES emulator    ${stack.ses.endpoint}`,
    `  Received mail   ${stack.ses.mailPageUrl}`,
    '',
    'To use it from another shell:',
    ...Object.entries(stack.env).map(([k, v]) => `  export ${k}=${v}`),
    '',
    'Press Ctrl-C to stop.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const done = (signal: NodeJS.Signals) => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

export function toPort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`not a port number: ${value}`);
  return port;
}
