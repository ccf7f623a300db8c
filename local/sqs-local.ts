import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pickPort } from './ports';
import { LocalQueue, type LocalQueueOptions, VirtualClock } from './queue';

/**
 * The SQS stand-in behind the SQS API: an HTTP server speaking the JSON 1.0 protocol the SDK v3
 * uses (`X-Amz-Target: AmazonSQS.<Operation>`), for the operations the pipeline and its event
 * source need, over `LocalQueue` (visibility timeout, redelivery, receive count, redrive to a
 * dead-letter queue). It is a stand-in, not an emulator: no SQS emulator on npm runs on Node 20
 * with the JSON protocol (sqslite answers 415 to it; fauxqs needs node:sqlite from Node 22), and
 * ElasticMQ is neither on npm nor in Debian. Queues are declared at start; there is no CreateQueue.
 */
export interface SqsLocal {
  endpoint: string;
  port: number;
  /** The queue URL of a declared queue, as SEMESTER_QUEUE_URL takes it. */
  url(name: string): string;
  queue(name: string): LocalQueue;
  stop(): Promise<void>;
}

export interface SqsLocalOptions {
  port?: number;
  /** Queues to declare; a queue with `deadLetter` names another declared (earlier) queue. */
  queues: (Omit<LocalQueueOptions, 'deadLetter' | 'clock'> & { deadLetter?: string })[];
  clock?: VirtualClock;
}

const accountId = '000000000000';

class SqsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

export async function startSqsLocal(options: SqsLocalOptions): Promise<SqsLocal> {
  const clock = options.clock ?? new VirtualClock(Date.now());
  const queues = new Map<string, LocalQueue>();
  for (const q of options.queues) {
    const deadLetter = q.deadLetter ? queues.get(q.deadLetter) : undefined;
    if (q.deadLetter && !deadLetter) throw new Error(`declare the dead-letter queue ${q.deadLetter} first`);
    const { deadLetter: _name, ...rest } = q;
    queues.set(q.name, new LocalQueue({ ...rest, clock, ...(deadLetter ? { deadLetter } : {}) }));
  }
  const port = await pickPort(options.port ?? 0);
  const endpoint = `http://127.0.0.1:${port}`;
  const url = (name: string) => `${endpoint}/${accountId}/${name}`;
  const byUrl = (queueUrl: unknown): LocalQueue => {
    const name = typeof queueUrl === 'string' ? queueUrl.split('/').pop() : undefined;
    const queue = name ? queues.get(name) : undefined;
    if (!queue)
      throw new SqsError('AWS.SimpleQueueService.NonExistentQueue', `no such queue: ${String(queueUrl)}`);
    return queue;
  };

  const operations: Record<string, (input: Record<string, unknown>) => unknown> = {
    GetQueueUrl: (input) => {
      byUrl(input.QueueName);
      return { QueueUrl: url(String(input.QueueName)) };
    },
    SendMessage: (input) => {
      const body = String(input.MessageBody ?? '');
      const id = byUrl(input.QueueUrl).sendBody(body);
      return { MessageId: id, MD5OfMessageBody: md5(body) };
    },
    SendMessageBatch: (input) => {
      const queue = byUrl(input.QueueUrl);
      const entries = (input.Entries ?? []) as { Id: string; MessageBody: string }[];
      if (entries.length === 0 || entries.length > 10)
        throw new SqsError('AWS.SimpleQueueService.TooManyEntriesInBatchRequest', 'send 1 to 10 entries');
      return {
        Successful: entries.map((e) => ({
          Id: e.Id,
          MessageId: queue.sendBody(e.MessageBody),
          MD5OfMessageBody: md5(e.MessageBody),
        })),
        Failed: [],
      };
    },
    ReceiveMessage: (input) => {
      const queue = byUrl(input.QueueUrl);
      const messages = queue.receive(Number(input.MaxNumberOfMessages ?? 1));
      return {
        Messages: messages.map((m) => ({
          MessageId: m.messageId,
          ReceiptHandle: m.receiptHandle,
          Body: m.body,
          MD5OfBody: md5(m.body),
          Attributes: { ApproximateReceiveCount: String(m.receiveCount), SentTimestamp: String(m.sentAt) },
        })),
      };
    },
    DeleteMessage: (input) => {
      byUrl(input.QueueUrl).delete(String(input.ReceiptHandle));
      return {};
    },
    ChangeMessageVisibility: (input) => {
      byUrl(input.QueueUrl).changeVisibility(
        String(input.ReceiptHandle),
        Number(input.VisibilityTimeout ?? 0) * 1000,
      );
      return {};
    },
    GetQueueAttributes: (input) => {
      const queue = byUrl(input.QueueUrl);
      return {
        Attributes: {
          ApproximateNumberOfMessages: String(queue.visible),
          ApproximateNumberOfMessagesNotVisible: String(queue.depth - queue.visible),
          VisibilityTimeout: String(queue.visibilityTimeoutMs / 1000),
        },
      };
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-requestid': md5(String(Math.random())),
      });
      res.end(JSON.stringify(body));
    };
    try {
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = operations[target.replace(/^AmazonSQS\./, '')];
      if (req.method !== 'POST' || !target.startsWith('AmazonSQS.') || !operation)
        throw new SqsError(
          'UnsupportedOperation',
          `the local SQS stand-in does not support ${target || req.method}`,
        );
      const input = chunks.length
        ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
        : {};
      reply(200, operation(input));
    } catch (error) {
      const e = error instanceof SqsError ? error : new SqsError('InternalError', String(error), 500);
      reply(e.status, { __type: `com.amazonaws.sqs#${e.type}`, message: e.message });
    }
  };

  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    endpoint,
    port,
    url,
    queue: (name) => {
      const q = queues.get(name);
      if (!q) throw new Error(`no such queue: ${name}`);
      return q;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
