import { GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { FauxqsServer } from 'fauxqs';
import { pickPort } from './ports';
import { type S3Notifications, s3Notifications } from './s3-notifications';

/**
 * S3 and SQS of the local stack: `fauxqs` (npm; one server for both, in memory, on real time), holding
 * the import bucket and the queues. It speaks the SDK's protocols (S3 REST path-style, SQS JSON) and
 * does SQS's visibility timeout, receive counts and redrive to a dead-letter queue itself. It has no
 * bucket notifications: `s3-notifications.ts` raises them.
 */
export interface LocalStorage {
  /** S3 and SQS both answer here. */
  endpoint: string;
  port: number;
  region: string;
  server: FauxqsServer;
  createBucket(name: string): void;
  /** Creates a queue; with `deadLetter`, SQS's redrive policy to that (created) queue. */
  createQueue(name: string, options?: QueueOptions): LocalQueue;
  queue(name: string): LocalQueue;
  /** S3 event notifications of one bucket. */
  notifications(bucket: string): S3Notifications;
  stop(): Promise<void>;
}

export interface QueueOptions {
  /** Seconds before a received, undeleted message is visible again. @default 30 */
  visibilityTimeoutSeconds?: number;
  deadLetter?: LocalQueue;
  /** Receives before the message moves to `deadLetter`. @default 3 */
  maxReceiveCount?: number;
}

const accountId = '000000000000';

/** A queue of the local emulator, reached through the SQS API as the handlers reach it. */
export class LocalQueue {
  constructor(
    readonly name: string,
    /** On the endpoint's own host (fauxqs's own URLs name `sqs.<region>.localhost`, which may not resolve). */
    readonly url: string,
    readonly arn: string,
    readonly visibilityTimeoutSeconds: number,
    readonly sqs: SQSClient,
    private readonly server: FauxqsServer,
  ) {}

  async send(body: string): Promise<string> {
    const { MessageId } = await this.sqs.send(
      new SendMessageCommand({ QueueUrl: this.url, MessageBody: body }),
    );
    return MessageId ?? '';
  }

  /** SQS's ApproximateNumberOfMessages, ...NotVisible and ...Delayed. */
  async counts(): Promise<{ visible: number; inFlight: number; delayed: number }> {
    const { Attributes = {} } = await this.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: this.url, AttributeNames: ['All'] }),
    );
    return {
      visible: Number(Attributes.ApproximateNumberOfMessages ?? 0),
      inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
      delayed: Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0),
    };
  }

  /** Messages stored, visible or not. */
  async depth(): Promise<number> {
    const c = await this.counts();
    return c.visible + c.inFlight + c.delayed;
  }

  /** The bodies stored, parsed, without receiving them (the emulator's queue inspection). */
  bodies(): unknown[] {
    const state = this.server.inspectQueue(this.name);
    if (!state) return [];
    const { ready, delayed, inflight } = state.messages;
    return [...ready, ...delayed, ...inflight.map((e) => e.message)].map((m) => JSON.parse(m.body));
  }
}

export async function startLocalStorage(options: {
  port?: number;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}): Promise<LocalStorage> {
  const port = await pickPort(options.port ?? 0);
  // Loaded here, not at the top: fauxqs is a development dependency, and the CLI (which imports this
  // module through its `local` and `demo` commands) also runs from a production install.
  const { startFauxqs } = await import('fauxqs');
  const server = await startFauxqs({
    port,
    logger: false,
    defaultRegion: options.region,
    // The notifications follow uploads through the spy; a large buffer so none is evicted unseen.
    messageSpies: { bufferSize: 10_000 },
  });
  const endpoint = `http://127.0.0.1:${server.port}`;
  const sqs = new SQSClient({ endpoint, region: options.region, credentials: options.credentials });
  const queues = new Map<string, LocalQueue>();
  return {
    endpoint,
    port: server.port,
    region: options.region,
    server,
    createBucket: (name) => void server.createBucket(name),
    createQueue: (name, q = {}) => {
      const visibility = q.visibilityTimeoutSeconds ?? 30;
      const attributes: Record<string, string> = { VisibilityTimeout: String(visibility) };
      if (q.deadLetter)
        attributes.RedrivePolicy = JSON.stringify({
          deadLetterTargetArn: q.deadLetter.arn,
          maxReceiveCount: q.maxReceiveCount ?? 3,
        });
      const { queueArn } = server.createQueue(name, { attributes });
      const queue = new LocalQueue(
        name,
        `${endpoint}/${accountId}/${name}`,
        queueArn,
        visibility,
        sqs,
        server,
      );
      queues.set(name, queue);
      return queue;
    },
    queue: (name) => {
      const q = queues.get(name);
      if (!q) throw new Error(`no such queue: ${name}`);
      return q;
    },
    notifications: (bucket) => s3Notifications(server, bucket, options.region),
    stop: async () => {
      server.spy.clear();
      sqs.destroy();
      await server.stop();
    },
  };
}
