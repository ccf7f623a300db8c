import type { S3Event, S3EventRecord } from 'aws-lambda';
import type { FauxqsServer, SpyMessage } from 'fauxqs';

/**
 * S3 event notifications for the local import bucket. fauxqs serves the S3 object API but no bucket
 * notifications, so this adapter raises them as S3 does for the bulk-import trigger: once an object is
 * written (PutObject, CompleteMultipartUpload, CopyObject), asynchronously, one `ObjectCreated` record per
 * object, its key URL-encoded ("+" for a space), to each listener whose prefix matches. It follows the
 * uploads fauxqs reports through its message spy (its documented API for awaiting S3 events).
 */
export interface S3Notifications {
  /**
   * Calls `listener` with an S3 event for each object created under `prefix`, as S3 invokes a function:
   * asynchronously, after the upload has answered.
   */
  onObjectCreated(prefix: string, listener: (event: S3Event) => unknown): void;
  /**
   * Resolves once every object written so far has been notified and the listeners' promises have
   * settled, including notifications of objects those listeners wrote (a result file).
   */
  idle(): Promise<void>;
}

/** S3 URL-encodes keys in notifications ("+" for a space); the handler decodes exactly that. */
export function encodeKey(key: string): string {
  return key
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/%20/g, '+'))
    .join('/');
}

export function s3Notifications(server: FauxqsServer, bucket: string, region: string): S3Notifications {
  const listeners: { prefix: string; listener: (event: S3Event) => unknown }[] = [];
  const raised = new WeakSet<SpyMessage>();
  const running = new Set<Promise<unknown>>();
  const isUpload = (m: SpyMessage) =>
    m.service === 's3' && m.status === 'uploaded' && m.bucket === bucket && !raised.has(m);
  void (async () => {
    for (;;) {
      let upload: SpyMessage;
      try {
        upload = await server.spy.waitForMessage(isUpload);
      } catch {
        return; // the spy was cleared: the server stops
      }
      raised.add(upload);
      if (upload.service !== 's3') continue;
      const event: S3Event = { Records: [record(bucket, region, upload.key, upload.timestamp)] };
      for (const l of listeners) {
        if (!upload.key.startsWith(l.prefix)) continue;
        // Asynchronous, as S3's invocation is: never inside the PutObject that caused it. A listener's
        // failure is its own to report (the test or demo that registered it awaits what it started).
        const invocation = new Promise((resolve) => setImmediate(resolve))
          .then(() => l.listener(event))
          .catch(() => undefined);
        running.add(invocation);
        void invocation.finally(() => running.delete(invocation));
      }
    }
  })();
  return {
    onObjectCreated: (prefix, listener) => {
      listeners.push({ prefix, listener });
    },
    idle: async () => {
      for (;;) {
        if (server.spy.checkForMessage(isUpload)) {
          await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        if (running.size === 0) return;
        await Promise.allSettled([...running]);
      }
    },
  };
}

function record(bucket: string, region: string, key: string, at: number): S3EventRecord {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: region,
    eventTime: new Date(at).toISOString(),
    eventName: 'ObjectCreated:Put',
    userIdentity: { principalId: 'local' },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': 'local', 'x-amz-id-2': 'local' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'bulk-import',
      bucket: { name: bucket, ownerIdentity: { principalId: 'local' }, arn: `arn:aws:s3:::${bucket}` },
      object: { key: encodeKey(key), size: 0, eTag: '', sequencer: at.toString(16) },
    },
  };
}
