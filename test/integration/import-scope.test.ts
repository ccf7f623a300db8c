import { describe, expect, it } from 'vitest';
import { importFile } from '../../functions/use-cases/import-file';
import { ingestBatch } from '../../functions/use-cases/ingest-updates';
import { anUpdate } from '../support/fixtures';
import { localIngest } from '../support/ingest';

/**
 * A file uploaded under one regency's folder may not touch another regency's complaints: not by a
 * row naming the other regency (the import's own check), and not by a row that names its own
 * regency but carries the tracking id of a complaint filed under another one (moving or closing it).
 */
describe('a file under imports/<regency>/', () => {
  it("cannot take over another regency's complaint by its tracking id", async () => {
    const { deps, store } = await localIngest('2026-06-10T08:00:00+08:00');
    const theirs = anUpdate({ regencyCode: '6301', occurredAt: '2026-06-01T09:00:00+08:00' });
    await ingestBatch(deps, [theirs], 'api');
    const before = await store.getHistory(theirs.trackingId);
    const csv = [
      'ID Tracking;Kode Wilayah;Instansi Terdisposisi;Kategori;Klasifikasi;Status;Waktu Status',
      `${theirs.trackingId};6302;Dinas PUPR;Infrastruktur;Aspirasi;Arsip;2026-06-02 09:00`,
    ].join('\n');
    const report = await importFile(
      deps,
      { name: 'imports/6302/ekspor.csv', content: Buffer.from(csv) },
      undefined,
      {
        scope: '6302',
      },
    );
    expect(report.counts).toMatchObject({ rejected: 1, created: 0, applied: 0 });
    expect(JSON.stringify(report.results[0])).toContain('6301');
    expect(await store.getHistory(theirs.trackingId)).toEqual(before);
  });
});
