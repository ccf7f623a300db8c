import path from 'node:path';
import type { Command } from 'commander';
import { handleApiRequest } from '../../functions/api/ingest-routes';
import { ingestDeps } from '../../handlers/support/compose';
import { localCredentials, localKeys, registerLocalClients } from '../../local/clients';
import { type LocalApi, startLocalApi } from '../../local/http-api';
import { type LocalSite, startSiteServer } from '../../local/site-server';
import { type LocalStack, localResources, startLocalStack } from '../../local/stack';
import { localAppConfig, localClients } from '../local-env';

/** `lapor-paman local`: the embedded AWS stack, kept up until Ctrl-C. */
export function registerLocalCommand(program: Command): void {
  program
    .command('local')
    .description(
      'Start the local stack and keep it up until Ctrl-C: DynamoDB Local with the table, the SES emulator, S3 and SQS (fauxqs) with the import bucket and the semester queues, the signed ingest API, and the public scoreboard served over HTTP.',
    )
    .option(
      '--dynamodb-port <port>',
      'preferred DynamoDB Local port (another is used if taken)',
      toPort,
      8000,
    )
    .option('--ses-port <port>', 'preferred SES emulator port (another is used if taken)', toPort, 8005)
    .option('--db-path <dir>', 'folder where DynamoDB Local keeps its data', '.local/dynamodb')
    .option('--in-memory', 'keep no data on disk')
    .option(
      '--api-port <port>',
      'preferred port of the ingest HTTP API (another is used if taken)',
      toPort,
      3000,
    )
    .option('--table <name>', 'table name', 'lapor-paman')
    .option(
      '--site <dir>',
      'folder of the public scoreboard to serve (`npm start` writes it)',
      'out/demo/site',
    )
    .option('--site-port <port>', 'preferred port of the scoreboard (another is used if taken)', toPort, 8080)
    .action(async (opts: LocalOptions) => {
      const stack = await startLocalStack({
        tableName: opts.table,
        sesPort: opts.sesPort,
        dynamodb: { port: opts.dynamodbPort, dbPath: opts.inMemory ? undefined : path.resolve(opts.dbPath) },
      });
      const clients = localClients(stack);
      const api = await startIngestApi(stack, clients.doc, opts.apiPort);
      const site = await startSiteServer(path.resolve(opts.site), opts.sitePort);
      printStack(stack, api, site);
      await waitForSignal();
      process.stdout.write('\nStopping the local stack...\n');
      await site.stop();
      await api.stop();
      clients.destroy();
      await stack.stop();
      process.stdout.write('Stopped.\n');
    });
}

interface LocalOptions {
  dynamodbPort: number;
  sesPort: number;
  apiPort: number;
  dbPath: string;
  inMemory?: boolean;
  table: string;
  site: string;
  sitePort: number;
}

/** The ingest API on localhost: the Lambda's own request handler behind a SigV4 check. */
export async function startIngestApi(
  stack: LocalStack,
  doc: ReturnType<typeof localClients>['doc'],
  port?: number,
): Promise<LocalApi> {
  const deps = ingestDeps(localAppConfig(stack), { doc });
  const keys = localKeys(deps.regions);
  await registerLocalClients(deps.clients, keys);
  return startLocalApi({
    handle: (event) => handleApiRequest(deps, event),
    credentials: localCredentials(keys),
    port,
  });
}

export function printStack(stack: LocalStack, api?: LocalApi, site?: LocalSite): void {
  const lines = [
    'Local AWS stack is up.',
    `  DynamoDB Local  ${stack.dynamodb.endpoint}  (table ${stack.tableName}; ${stack.dynamodb.dbPath ? `data in ${stack.dynamodb.dbPath}` : 'in memory'})`,
    `  SES emulator    ${stack.ses.endpoint}`,
    `  S3 and SQS      ${stack.s3.endpoint}  (fauxqs; bucket ${stack.s3.bucket}, queues ${localResources.semesterQueue}, ${localResources.semesterDeadLetters})`,
    `  Received mail   ${stack.ses.mailPageUrl}`,
    ...(api
      ? [
          `  Ingest API      ${api.url}  (POST /v1/updates, GET /v1/complaints/{trackingId}; SigV4)`,
          '                  keys (secret "local"): local = the whole province; local-6302 etc. = that regency only',
          '',
          'Try it:',
          `  curl --aws-sigv4 "aws:amz:${stack.env.AWS_REGION}:execute-api" --user local:local \\`,
          `    -H 'content-type: application/json' --data @examples/update.json ${api.url}/v1/updates`,
        ]
      : []),
    ...(site
      ? [
          '',
          `  Scoreboard      ${site.url}/  (the folder ${site.dir}; \`npm start\` or \`lapor-paman site --out <dir>\` writes it)`,
        ]
      : []),
    '',
    'To use it from another shell:',
    ...Object.entries(stack.env).map(([k, v]) => `  export ${k}=${v}`),
    ...(api ? [`  export LAPOR_PAMAN_API_URL=${api.url}`] : []),
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
