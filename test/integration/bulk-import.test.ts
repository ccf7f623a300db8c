import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { importFile } from '../../functions/use-cases/import-file';
import { importStoredFile } from '../../functions/use-cases/import-stored-file';
import { runCli } from '../support/cli';
import { localCliEnv } from '../support/cli-env';
import { localIngest } from '../support/ingest';
import { freshTable } from '../support/local-aws';
import { memoryFiles } from '../support/memory-files';

/** A LAPOR! dashboard export as Excel writes it in Indonesia: semicolons, WITA wall-clock times. */
const exportCsv = (prefix: string) =>
  [
    'ID Tracking;Kode Wilayah;Instansi Terdisposisi;Kategori;Klasifikasi;Status;Waktu Status;Tanggal Laporan;Nama Pelapor;Catatan',
    `${prefix}-1;6302;Dinas PUPR;Infrastruktur;Pengaduan tidak berkadar pengawasan;Belum Terverifikasi;2026-06-01 09:00;2026-06-01 09:00;Budi;Jalan rusak`,
    `${prefix}-1;6302;Dinas PUPR;Infrastruktur;Pengaduan tidak berkadar pengawasan;Terdisposisi Belum Ditindaklanjuti;2026-06-02 10:00;2026-06-01 09:00;Budi;`,
    `${prefix}-2;6371;Dinas Kesehatan;Kesehatan;Aspirasi;Belum Terverifikasi;02/06/2026 08:30;;Siti;Hubungi 0812 3456 7890`,
    `${prefix}-3;6399;Dinas Sosial;Sosial;Aspirasi;Belum Terverifikasi;2026-06-03 11:00;;Ani;`,
    `${prefix}-4;6303;Dinas Sosial;Sosial;Aspirasi;Selesai Sekali;2026-06-03 11:00;;Ani;`,
  ].join('\r\n');

describe('bulk import of a LAPOR! export', () => {
  it('imports the valid rows of a CSV, rejects the bad ones with line numbers, and reads times as WITA', async () => {
    const { deps, store } = await localIngest();
    const report = await importFile(deps, {
      name: 'ekspor-juni.csv',
      content: Buffer.from(exportCsv('CSV')),
    });
    expect(report.counts).toMatchObject({ created: 2, applied: 1, rejected: 2 });
    expect(report.ignoredColumns).toEqual(['Nama Pelapor (personal data: not read)']);
    const rejected = report.results.filter((r) => r.result === 'rejected');
    expect(rejected.map((r) => r.line)).toEqual([5, 6]);
    expect(JSON.stringify(rejected)).toContain('regencyCode');
    expect(JSON.stringify(rejected)).toContain('status');
    const { snapshot, events } = await store.getHistory('CSV-1');
    expect(snapshot?.status).toBe('terdisposisi-belum-ditindaklanjuti');
    expect(events[0]?.occurredAt).toBe('2026-06-01T09:00:00+08:00');
    const other = await store.getHistory('CSV-2');
    expect(other.events[0]?.note).toBe('Hubungi [telepon dihapus]');
  });

  it('changes nothing when the same file is imported again', async () => {
    const { deps, allItems } = await localIngest();
    const file = { name: 'ekspor.csv', content: Buffer.from(exportCsv('AGAIN')) };
    await importFile(deps, file);
    const before = await allItems();
    const second = await importFile(deps, file);
    expect(second.counts).toMatchObject({ created: 0, applied: 0, stale: 0, duplicate: 3, rejected: 2 });
    expect(await allItems()).toEqual(before);
  });

  it('imports an XLSX workbook whose date cells carry WITA wall-clock times', async () => {
    const { deps, store } = await localIngest();
    const content = await writeXlsxFile([
      ['No. Tracking', 'Kode Wilayah', 'Instansi', 'Kategori', 'Jenis Laporan', 'Status', 'Tanggal Status'],
      [
        'XLSX-1',
        '6309',
        'Dinas Pendidikan',
        'Pendidikan',
        'Permintaan Informasi',
        'Belum Terverifikasi',
        { value: new Date(Date.UTC(2026, 5, 4, 14, 30)), format: 'yyyy-mm-dd hh:mm' },
      ],
    ]).toBuffer();
    const report = await importFile(deps, { name: 'ekspor.xlsx', content });
    expect(report.counts.created).toBe(1);
    const { events } = await store.getHistory('XLSX-1');
    expect(events[0]).toMatchObject({
      occurredAt: '2026-06-04T14:30:00+08:00',
      classification: 'permintaan-informasi',
    });
  });

  it('refuses a file without the required columns, naming them', async () => {
    const { deps } = await localIngest();
    await expect(
      importFile(deps, { name: 'x.csv', content: Buffer.from('ID Tracking,Status\nA,Arsip\n') }),
    ).rejects.toThrow(
      /x\.csv line 1: missing column\(s\) "Kode Wilayah", "Instansi Terdisposisi", "Kategori", "Klasifikasi", "Waktu Status"/,
    );
  });

  it("writes the result file under results/, on the upload's path, and never imports a result file", async () => {
    const { deps } = await localIngest();
    const objects = new Map<string, string | Buffer>([
      ['imports/63/2026-06/ekspor.csv', Buffer.from(exportCsv('S3'))],
    ]);
    const files = memoryFiles(objects);
    const outcome = await importStoredFile({ ...deps, files }, 'imports/63/2026-06/ekspor.csv');
    expect(outcome).toMatchObject({ status: 'imported', counts: { created: 2, rejected: 2 } });
    const result = String(objects.get('results/63/2026-06/ekspor.csv.result.csv'));
    expect(result.split('\n')[0]).toBe('"line","trackingId","result","reason"');
    expect(result).toMatch(/^"5","S3-3","rejected","regencyCode: is not a regency of province 63/m);
    expect(await importStoredFile({ ...deps, files }, 'imports/63/2026-06/ekspor.csv.result.csv')).toEqual({
      status: 'skipped',
    });
  });
});

describe('files of any name under imports/', () => {
  /** An in-memory bucket holding one upload. */
  const bucket = (key: string, content: Buffer) => {
    const objects = new Map<string, string | Buffer>([[key, content]]);
    return { objects, files: memoryFiles(objects) };
  };
  const workbook = () =>
    writeXlsxFile([
      [
        'ID Tracking',
        'Kode Wilayah',
        'Instansi Terdisposisi',
        'Kategori',
        'Klasifikasi',
        'Status',
        'Waktu Status',
      ],
      ['XL-1', '6302', 'Dinas PUPR', 'Infrastruktur', 'Aspirasi', 'Belum Terverifikasi', '2026-06-01 09:00'],
    ]).toBuffer();

  it.each(['imports/63/EKSPOR.CSV', 'imports/63/Ekspor.Csv'])(
    'imports %s whatever the case of its extension',
    async (key) => {
      const { deps } = await localIngest();
      const { files } = bucket(key, Buffer.from(exportCsv('UP')));
      expect(await importStoredFile({ ...deps, files }, key)).toMatchObject({ status: 'imported' });
    },
  );

  it('imports a workbook saved with an .xls or .XLSX name when it is one (a zip)', async () => {
    for (const key of ['imports/63/laporan.xls', 'imports/63/LAPORAN.XLSX']) {
      const { deps } = await localIngest();
      const { files } = bucket(key, await workbook());
      expect(await importStoredFile({ ...deps, files }, key)).toMatchObject({
        status: 'imported',
        counts: { created: 1 },
      });
    }
  });

  it('answers an Excel 97-2003 .xls, and a file of another kind, with a result saying what to upload', async () => {
    const { deps } = await localIngest();
    const biff = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const old = bucket('imports/63/laporan.xls', biff);
    expect(await importStoredFile({ ...deps, files: old.files }, 'imports/63/laporan.xls')).toMatchObject({
      status: 'file-rejected',
    });
    expect(String(old.objects.get('results/63/laporan.xls.result.txt'))).toMatch(
      /Excel 97-2003[\s\S]*Simpan Sebagai[\s\S]*\.xlsx/,
    );
    const pdf = bucket('imports/63/surat.pdf', Buffer.from('%PDF-1.7'));
    expect(await importStoredFile({ ...deps, files: pdf.files }, 'imports/63/surat.pdf')).toMatchObject({
      status: 'file-rejected',
    });
    expect(String(pdf.objects.get('results/63/surat.pdf.result.txt'))).toMatch(/\.csv atau \.xlsx/);
  });
});

describe('lapor-paman ingest', () => {
  it('imports a file into the configured table, writes the result file and exits 2 for rejected rows', async () => {
    const tableName = await freshTable('cli');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ingest-'));
    const file = path.join(dir, 'ekspor.csv');
    writeFileSync(file, exportCsv('CLI'));
    const env = localCliEnv(tableName);
    const first = runCli(['ingest', file], env);
    expect(first.stdout).toContain(
      '5 rows: 2 created, 1 applied, 0 stale, 0 duplicate, 2 rejected, 0 failed',
    );
    expect(first.status).toBe(2);
    expect(readFileSync(`${file}.result.csv`, 'utf8')).toContain(
      '"6","CLI-4","rejected","status: must be one of',
    );
    const again = runCli(['ingest', file], env);
    expect(again.stdout).toContain('0 created, 0 applied, 0 stale, 3 duplicate, 2 rejected');
  });

  it('says what to do when no table is configured', () => {
    const { status, stderr } = runCli(['ingest', 'x.csv'], { TABLE_NAME: '' });
    expect(status).toBe(1);
    expect(stderr).toContain('TABLE_NAME is not set');
  });
});
