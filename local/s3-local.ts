import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { S3Event } from 'aws-lambda';
import { pickPort } from './ports';

/**
 * The S3 emulator of the local stack: `s3rver` (npm, runs on Node 20, serves the SDK v3 client
 * path-style). Its objects live in a temporary directory removed at stop. It emits an S3 event
 * notification for every object written; `onObjectCreated` hands those under a prefix to a
 * listener, as S3 invokes the bulk-import function in AWS.
 */
export interface S3Local {
  endpoint: string;
  port: number;
  bucket: string;
  /** Calls `listener` with each ObjectCreated notification whose key starts with `prefix`. */
  onObjectCreated(prefix: string, listener: (event: S3Event) => void): void;
  stop(): Promise<void>;
}

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  on(event: 'event', listener: (event: S3Event) => void): void;
}

const require = createRequire(import.meta.url);

/**
 * S3 URL-encodes keys in notifications ("+" for a space); s3rver passes them raw. Encoded here, so
 * the handler decodes exactly what it decodes in AWS.
 */
function encodeKey(key: string): string {
  return key
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/%20/g, '+'))
    .join('/');
}

/** Credentials the local stack signs with (local/stack.ts), accepted next to s3rver's own S3RVER pair. */
export async function startS3Local(options: {
  port?: number;
  bucket: string;
  accessKeyId: string;
}): Promise<S3Local> {
  const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;
  // s3rver knows one key pair (S3RVER/S3RVER) and does not check SigV4 signatures, only the key id.
  const account = require('s3rver/lib/models/account') as {
    DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void };
  };
  account.DUMMY_ACCOUNT.createKeyPair(options.accessKeyId, options.accessKeyId);
  const directory = mkdtempSync(path.join(os.tmpdir(), 'lapor-paman-s3-'));
  const port = await pickPort(options.port ?? 0);
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory,
    resetOnClose: true,
    vhostBuckets: false,
    configureBuckets: [{ name: options.bucket }],
  });
  const listeners: { prefix: string; listener: (event: S3Event) => void }[] = [];
  server.on('event', (event) => {
    for (const record of event.Records) {
      if (!record.eventName.startsWith('ObjectCreated:')) continue;
      const key = record.s3.object.key;
      const encoded: S3Event = {
        Records: [{ ...record, s3: { ...record.s3, object: { ...record.s3.object, key: encodeKey(key) } } }],
      };
      for (const l of listeners) if (key.startsWith(l.prefix)) l.listener(encoded);
    }
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    bucket: options.bucket,
    onObjectCreated: (prefix, listener) => listeners.push({ prefix, listener }),
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
