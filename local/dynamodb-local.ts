import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { findJava } from './java';
import { freePort, pickPort } from './ports';

export interface DynamoDbLocalOptions {
  /** Preferred port; another free port is used when it is taken. @default 8000 */
  port?: number;
  /** Keep data on disk in this folder; in memory when absent. */
  dbPath?: string;
  /** Milliseconds to wait for the first answer (1-2 s on an idle machine; far more on a loaded one). @default 120000 */
  startTimeoutMs?: number;
  /** Environment used to find Java (tests pass one without it). @default process.env */
  env?: NodeJS.ProcessEnv;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  dbPath: string | undefined;
  stop(): Promise<void>;
}

/** Folder holding DynamoDBLocal.jar and DynamoDBLocal_lib, inside the amplify-dynamodb-simulator package. */
export function dynamoDbLocalDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
}

/**
 * Starts AWS's DynamoDB Local (the jar shipped in `amplify-dynamodb-simulator`) with Java 17+ and
 * resolves once it answers a ListTables call. Telemetry is off (it needs both the flag and the
 * variable). `-sharedDb` makes every access key and region see the same tables.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const java = findJava(options.env);
  let port = await pickPort(options.port ?? 8000);
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(java.executable, port, options);
    } catch (error) {
      // Another process may grab the port between our probe and Java's bind: take a new one.
      if (!(error instanceof PortTakenError) || attempt >= 3) throw error;
      port = await freePort();
    }
  }
}

class PortTakenError extends Error {}

async function launch(
  javaExecutable: string,
  port: number,
  options: DynamoDbLocalOptions,
): Promise<DynamoDbLocal> {
  const dir = dynamoDbLocalDir();
  const storage = options.dbPath ? ['-dbPath', options.dbPath] : ['-inMemory'];
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true });
  // It writes dynamodb-local-metadata.json into its working directory: keep that out of the repo.
  const cwd = options.dbPath ?? mkdtempSync(path.join(os.tmpdir(), 'ddb-local-'));
  const child = spawn(
    javaExecutable,
    [
      `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      path.join(dir, 'DynamoDBLocal.jar'),
      ...storage,
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(port),
    ],
    {
      cwd,
      env: { ...(options.env ?? process.env), DDB_LOCAL_TELEMETRY: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => {
      const message = `DynamoDB Local exited (code ${code}) before answering:\n${output.trim()}`;
      reject(
        /address already in use|BindException/i.test(output)
          ? new PortTakenError(message)
          : new Error(message),
      );
    });
  });
  try {
    await Promise.race([waitUntilAnswering(endpoint, options.startTimeoutMs ?? 120_000), exited]);
  } catch (error) {
    await kill(child);
    throw error;
  }
  exited.catch(() => undefined);
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  return {
    endpoint,
    port,
    dbPath: options.dbPath,
    stop: async () => {
      process.off('exit', stopOnExit);
      await kill(child);
    },
  };
}

async function waitUntilAnswering(endpoint: string, timeoutMs: number): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(1000) });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer at ${endpoint}: ${error}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
}
