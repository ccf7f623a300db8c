import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3FileStore } from '../../functions/adapters/file-store';
import {
  type ImportDeps,
  importStoredFile,
  storedResultKey,
} from '../../functions/use-cases/import-stored-file';
import { localResources, localS3Client, type S3AndSqs, startS3AndSqs } from '../../local/stack';
import { afterEachCall, injectFaults } from '../support/faults';
import { localIngest } from '../support/ingest';

/**
 * The bulk import as deployed (upload, S3 event, the handler's use case, result file), with the
 * function dying in the middle of the file; Lambda's asynchronous retry then delivers the same
 * event again. The retry completes the file, stores nothing twice, and writes the result file.
 */
let storage: S3AndSqs;
beforeAll(async () => {
  storage = await startS3AndSqs();
});
afterAll(async () => {
  await storage?.stop();
});

class Crash extends Error {}

const rows = 60;
const csv = [
  'ID Tracking;Kode Wilayah;Instansi Terdisposisi;Kategori;Klasifikasi;Status;Waktu Status;ID Pembaruan',
  ...Array.from(
    { length: rows },
    (_, i) =>
      `CRASH-${i};6302;Dinas PUPR;Infrastruktur;Aspirasi;Belum Terverifikasi;2026-06-01 09:${String(i % 60).padStart(2, '0')};CRASH-${i}-1`,
  ),
].join('\r\n');

describe('bulk import: the function dies in the middle of a file, then S3 delivers the event again', () => {
  it('imports every row once and writes the result file on the retry', async () => {
    const { deps, doc, allItems } = await localIngest();
    const s3 = localS3Client(storage.s3.endpoint);
    const importDeps: ImportDeps = { ...deps, files: new S3FileStore(s3, localResources.importBucket) };
    const events: S3Event[] = [];
    storage.s3.onObjectCreated('imports/6302/crash', (event) => events.push(event));
    const key = 'imports/6302/crash/ekspor.csv';
    await s3.send(new PutObjectCommand({ Bucket: localResources.importBucket, Key: key, Body: csv }));
    await storage.s3.idle(); // S3 notifies asynchronously
    const [event] = events.splice(0);
    expect(event).toBeDefined();
    const keyOf = (e: S3Event) => decodeURIComponent(String(e.Records[0]?.s3.object.key).replace(/\+/g, ' '));

    // First invocation: after 20 stored updates the process is gone; every later write fails.
    let writes = 0;
    afterEachCall(doc, (command) => {
      if (/TransactWrite|Put|Update/.test(command)) writes += 1;
    });
    const dying = injectFaults(doc, () =>
      writes >= 20 ? { kind: 'throw', error: () => new Crash('process gone') } : undefined,
    );
    await importStoredFile(importDeps, keyOf(event as S3Event)).catch(() => undefined);
    dying.remove();
    // Not answered: the upload stays for the retry.
    const listed = async () =>
      (
        (
          await s3.send(
            new ListObjectsV2Command({ Bucket: localResources.importBucket, Prefix: 'imports/6302/crash/' }),
          )
        ).Contents ?? []
      ).map((o) => o.Key);
    expect(await listed()).toEqual([key]);
    const stored = (await allItems()).filter((i) => i.type === 'event').length;
    expect(stored).toBeGreaterThanOrEqual(20);
    expect(stored).toBeLessThan(rows);

    // Lambda's retry: the same event.
    const retry = await importStoredFile(importDeps, keyOf(event as S3Event));
    expect(retry).toMatchObject({ status: 'imported' });
    if (retry.status !== 'imported') throw new Error('unreachable');
    expect(retry.counts.failed).toBe(0);
    expect(retry.counts.created + retry.counts.duplicate).toBe(rows);
    expect(retry.counts.duplicate).toBe(stored);
    const events2 = (await allItems()).filter((i) => i.type === 'event');
    expect(new Set(events2.map((i) => i.trackingId)).size).toBe(rows);
    expect(events2).toHaveLength(rows);
    const result = await s3.send(
      new GetObjectCommand({ Bucket: localResources.importBucket, Key: storedResultKey(key) }),
    );
    const text = (await result.Body?.transformToString()) ?? '';
    expect(text.split(/\r?\n/).filter((l) => l.includes('CRASH-'))).toHaveLength(rows);
    // Answered: the upload is gone.
    expect(retry).toMatchObject({ removed: true });
    expect(await listed()).toEqual([]);
    s3.destroy();
  }, 120_000); // two imports of 60 rows, one through injected faults: past 30 s on a loaded machine
});
