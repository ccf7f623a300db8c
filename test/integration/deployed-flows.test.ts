import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Context, S3Event, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { storedResultKey } from '../../functions/use-cases/import-stored-file';
import { drain } from '../../local/event-source';
import { localResources, localS3Client, type S3AndSqs, startS3AndSqs } from '../../local/stack';
import { kalsel } from '../support/data';
import { deployedFlowsSetup } from '../support/flows';
import { receivedMail } from '../support/local-aws';

/**
 * The flows as AWS runs them, on the local emulators, with the Lambda modules themselves (their
 * configuration read from the environment at import): an upload to the import bucket (fauxqs)
 * raises an S3 event that invokes bulk-import, which writes the result file beside it; semester-start
 * queues one unit per regency on the semester queue (fauxqs, over the SQS JSON protocol),
 * the worker takes them through an event source that deletes only what the handler did not report
 * failed, queues the deliveries, and takes those too.
 */
const context = {
  awsRequestId: 'flows',
  functionName: 'flows',
  getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;
// Fourteen PDFs rendered and mailed: on a loaded 2-core machine that is more than the default 30 s.
vi.setConfig({ testTimeout: 180_000 });
let storage: S3AndSqs;
let domain: string;
const uploads: Promise<unknown>[] = [];
/** Who S3 says uploaded each object, by key (as the event names them). */
const uploaders = new Map<string, string>();

beforeAll(async () => {
  storage = await startS3AndSqs();
  ({ domain } = await deployedFlowsSetup(storage, 'flows'));
  // S3 invokes bulk-import asynchronously for each new object under imports/.
  const { handler } = await import('../../handlers/bulk-import');
  storage.s3.onObjectCreated('imports/', (event: S3Event) => {
    for (const r of event.Records) uploaders.set(r.s3.object.key, r.userIdentity.principalId);
    uploads.push(handler(event, context));
  });
});

afterAll(async () => {
  await storage?.stop();
});

const s3 = () => localS3Client(storage.s3.endpoint);

describe('the deployed flows on the local emulators', () => {
  it('imports an uploaded export through the S3 event, writes its result file under results/ naming the uploader, and deletes the upload', async () => {
    const key = 'imports/6302/2026-06/ekspor juni.csv';
    const csv = [
      'ID Tracking;Kode Wilayah;Instansi Terdisposisi;Kategori;Klasifikasi;Status;Waktu Status',
      'FLOW-1;6302;Dinas PUPR;Infrastruktur;Aspirasi;Belum Terverifikasi;2026-06-01 09:00',
      'FLOW-2;6371;Dinas PUPR;Infrastruktur;Aspirasi;Belum Terverifikasi;2026-06-01 09:00',
    ].join('\r\n');
    await s3().send(
      new PutObjectCommand({
        Bucket: localResources.importBucket,
        Key: key,
        Body: csv,
        ContentType: 'text/csv',
      }),
    );
    await storage.s3.idle(); // S3 notifies asynchronously
    await Promise.all(uploads.splice(0));
    const result = await s3().send(
      new GetObjectCommand({ Bucket: localResources.importBucket, Key: storedResultKey(key) }),
    );
    const text = await result.Body?.transformToString();
    expect(text).toContain('FLOW-1');
    // The uploader, as the S3 event names them.
    const uploader = [...uploaders.values()][0];
    expect(uploader).toBeTruthy();
    expect(text).toContain(`"","","uploaded-by","${uploader}"`);
    // The upload (reporters' names in a real export) is gone; only its answer stays.
    const left = await s3().send(new ListObjectsV2Command({ Bucket: localResources.importBucket }));
    const keys = (left.Contents ?? []).map((o) => o.Key);
    expect(keys).not.toContain(key);
    expect(keys).toContain(storedResultKey(key));
    // The Kotabaru folder may not hold a Banjarmasin row.
    expect(text).toMatch(/FLOW-2[^\n]*(ditolak|rejected)/i);
    // Writing the result file raised an event too; the handler skips its own output.
    await storage.s3.idle();
    await Promise.all(uploads.splice(0));
  });

  it('answers a refused upload too, and deletes it', async () => {
    const key = 'imports/6302/surat.pdf';
    await s3().send(
      new PutObjectCommand({ Bucket: localResources.importBucket, Key: key, Body: '%PDF-1.4' }),
    );
    await Promise.all(uploads.splice(0));
    const left = await s3().send(new ListObjectsV2Command({ Bucket: localResources.importBucket }));
    const keys = (left.Contents ?? []).map((o) => o.Key);
    expect(keys).not.toContain(key);
    expect(keys).toContain('results/6302/surat.pdf.result.txt');
  });

  it('runs the semester job from semester-start through the queue and the worker, each head mailed once', async () => {
    const start = await import('../../handlers/semester-start');
    const worker = await import('../../handlers/semester-worker');
    const queue = storage.sqs.queue(localResources.semesterQueue);
    expect(await start.handler({ semester: '2025-H2' }, context)).toMatchObject({ queued: 13 });
    expect(await queue.depth()).toBe(13);
    // A redelivered unit: SQS delivers at least once.
    await queue.send(JSON.stringify({ kind: 'compute', semester: '2025-H2', regency: '6302' }));
    const invocations = await drain(
      queue,
      (event: SQSEvent) => worker.handler(event, context) as Promise<SQSBatchResponse>,
    );
    expect(invocations).toBeGreaterThan(1);
    const mail = (await receivedMail(domain)).filter((m) => m.subject.includes('Semester II 2025'));
    for (const r of kalsel().regencies)
      expect(
        mail.filter((m) => m.destination.to.some((t) => t.includes(`head.${r.code}@`))),
        r.code,
      ).toHaveLength(1);
    expect(mail.filter((m) => m.subject.includes('Ringkasan'))).toHaveLength(1);
    expect(await storage.sqs.queue(localResources.semesterDeadLetters).depth()).toBe(0);
  });

  it('parks a unit the worker cannot parse in the dead-letter queue after three receives', async () => {
    const worker = await import('../../handlers/semester-worker');
    const queue = storage.sqs.queue(localResources.semesterQueue);
    await queue.send('{"kind":"nope"}');
    await drain(queue, (event: SQSEvent) => worker.handler(event, context) as Promise<SQSBatchResponse>);
    expect(storage.sqs.queue(localResources.semesterDeadLetters).bodies()).toEqual([{ kind: 'nope' }]);
  });
});
