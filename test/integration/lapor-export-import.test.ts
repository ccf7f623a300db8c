import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  fictionalReporter,
  fictionalTitle,
  laporExportCsv,
  laporExportXlsx,
  numericTrackingId,
} from '../../demo/lapor-export';
import { writeXlsx } from '../../demo/xlsx-writer';
import { defaultImportLimits } from '../../functions/domain/import-limits';
import type { ComplaintUpdate } from '../../functions/domain/update';
import type { FileStore } from '../../functions/ports/file-store';
import { importFile, resultCsv } from '../../functions/use-cases/import-file';
import { importStoredFile } from '../../functions/use-cases/import-stored-file';
import { runCli } from '../support/cli';
import { localCliEnv } from '../support/cli-env';
import { kalsel } from '../support/data';
import { localIngest } from '../support/ingest';
import { freshTable } from '../support/local-aws';
import { memoryFiles } from '../support/memory-files';

const regions = kalsel();
const wita = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Makassar' });

/** A few complaints' histories, as the per-update format would carry them. */
function histories(prefix: string): ComplaintUpdate[] {
  const u = (
    n: number,
    regencyCode: string,
    status: ComplaintUpdate['status'],
    occurredAt: string,
    extra: Partial<ComplaintUpdate> = {},
  ): ComplaintUpdate => ({
    trackingId: `${prefix}${n}`,
    regencyCode,
    unit: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    category: 'Infrastruktur',
    classification: 'pengaduan-tidak-berkadar-pengawasan',
    status,
    occurredAt,
    submittedAt: '2026-06-01T09:00:00+08:00',
    sourceUpdateId: `${prefix}${n}-${status}`,
    ...extra,
  });
  return [
    u(1, '6301', 'belum-terverifikasi', '2026-06-01T09:00:00+08:00'),
    u(1, '6301', 'terdisposisi-belum-ditindaklanjuti', '2026-06-02T10:00:00+08:00'),
    u(1, '6301', 'terdisposisi-sedang-diproses', '2026-06-04T10:00:00+08:00'),
    u(2, '6371', 'belum-terverifikasi', '2026-06-01T11:00:00+08:00', { classification: 'aspirasi' }),
    u(3, '6372', 'belum-terverifikasi', '2026-06-02T08:30:00+08:00', {
      classification: 'permintaan-informasi',
    }),
    u(3, '6372', 'terdisposisi-selesai', '2026-06-03T14:00:00+08:00', {
      classification: 'permintaan-informasi',
    }),
    u(4, '6303', 'belum-terverifikasi', '2026-06-02T09:00:00+08:00'),
    u(4, '6303', 'arsip', '2026-06-03T09:00:00+08:00', { bukanWewenang: true }),
    u(5, '6306', 'belum-terverifikasi', '2026-06-03T09:00:00+08:00'),
    u(5, '6306', 'tertunda', '2026-06-04T09:00:00+08:00'),
    u(6, '6308', 'belum-terverifikasi', '2026-06-04T13:00:00+08:00'),
  ];
}

const day = (d: number) => wita(`2026-06-0${d}T23:59:00`);

describe('import of a LAPOR! export (one row per complaint)', () => {
  it.each(['csv', 'xlsx'] as const)(
    'imports a realistic %s export with preamble rows with no row rejected, and no personal data or text stored',
    async (kind) => {
      const { deps, store, allItems } = await localIngest();
      const updates = histories(`9${kind === 'csv' ? 1 : 2}00`);
      const make = kind === 'csv' ? laporExportCsv : laporExportXlsx;
      const report = await importFile(deps, {
        name: `laporan.${kind}`,
        content: make(updates, { regions, asOf: day(4), seed: 3 }),
      });
      expect(report.format).toBe('lapor-export');
      expect(report.export?.counts).toEqual({
        new: 6,
        changed: 0,
        unchanged: 0,
        stale: 0,
        rejected: 0,
        failed: 0,
      });
      expect(report.export?.asOf).toBe('2026-06-04T23:59:00+08:00');
      expect(report.export?.asOfSource).toBe('preamble');
      expect(report.export?.headerLine).toBe(5);
      const id = numericTrackingId(`9${kind === 'csv' ? 1 : 2}001`);
      const { snapshot, events } = await store.getHistory(id);
      expect(snapshot).toMatchObject({
        regencyCode: '6301',
        status: 'terdisposisi-sedang-diproses',
        submittedAt: '2026-06-01T01:00:00.000Z',
      });
      expect(events).toHaveLength(1);
      expect(events[0]?.occurredAt).toBe('2026-06-04T23:59:00+08:00');
      const archived = await store.getSnapshot(numericTrackingId(`9${kind === 'csv' ? 1 : 2}004`));
      expect(archived?.timeline.at(-1)?.bukanWewenang).toBe(true);
      const stored = JSON.stringify(await allItems());
      for (const text of [fictionalReporter, fictionalTitle, 'Isi laporan fiktif', '0812-0000'])
        expect(stored).not.toContain(text);
    },
  );

  it('imports an export written by hand the way offices do: row numbers, day names, WIB times, odd spacing', async () => {
    const { deps, store } = await localIngest();
    const content = Buffer.from(
      [
        'LAPORAN PENGADUAN SP4N-LAPOR!;;;;;;;;;',
        'Tanggal Generate : Senin, 16 Maret 2026 23:00 WITA;;;;;;;;;',
        ';;;;;;;;;',
        'No;Tracking ID;Tanggal Laporan Masuk;Waktu Laporan Masuk;Klasifikasi Laporan;Kategori;Instansi Induk;Instansi Terdisposisi;Status Laporan;Provinsi;Kota/Kabupaten',
        '1;7100001;16/3/2026;9.05;PENGADUAN;Infrastruktur;Pemkab Tanah Bumbu;Dinas PUPR;Terverifikasi;Prov. Kalimantan Selatan;Kab. Tanahbumbu',
        '2;7100002;Jumat, 13 Mar 2026;23:30 WIB;Aspirasi;Pendidikan;Pemkot Banjarbaru;-;Belum Terverifikasi;Kalsel;KOTA BANJAR BARU',
      ].join('\r\n'),
    );
    const report = await importFile(deps, { name: 'manual.csv', content });
    expect(report.export?.rows.filter((r) => r.outcome === 'rejected')).toEqual([]);
    expect(report.export?.counts).toMatchObject({ new: 2, rejected: 0 });
    expect(report.export?.asOf).toBe('2026-03-16T23:00:00+08:00');
    expect(await store.getSnapshot('7100001')).toMatchObject({
      regencyCode: '6310',
      submittedAt: '2026-03-16T01:05:00.000Z',
    });
    // 23:30 WIB on the 13th is 00:30 WITA on the 14th.
    expect(await store.getSnapshot('7100002')).toMatchObject({
      regencyCode: '6372',
      submittedAt: '2026-03-13T16:30:00.000Z',
    });
  });

  it('skips note rows under the table (totals, a printed-by line), saying so in the result, and rejects no row', async () => {
    const { deps } = await localIngest();
    const content = Buffer.from(
      [
        'Laporan SP4N-LAPOR!',
        'Tanggal Generate;05 Jun 2026 23:59',
        '',
        'Tracking ID;Tanggal Laporan Masuk;Klasifikasi Laporan;Kategori;Instansi Terdisposisi;Status Laporan;Kota/Kabupaten',
        '7200001;3 Jun 2026;Pengaduan;Infrastruktur;Dinas PUPR;Terverifikasi;Kab. Tapin',
        '7200002;4 Jun 2026;Aspirasi;Pendidikan;Dinas Pendidikan;Belum Terverifikasi;Kab. Balangan',
        ';;;;;;',
        'Jumlah laporan: 2;;;;;;',
        'Dicetak oleh sistem SP4N-LAPOR!;;;;;;',
      ].join('\r\n'),
    );
    const report = await importFile(deps, { name: 'dengan-catatan.csv', content });
    expect(report.export?.counts).toMatchObject({ new: 2, rejected: 0 });
    expect(report.rows).toBe(2);
    const result = resultCsv(report, kalsel().zone);
    expect(result).toMatch(/"8","","dilewati","","bukan baris laporan/);
    expect(result).toMatch(/"9","","dilewati"/);
    // A row that looks like data but lacks its Tracking ID is still refused, naming the column.
    const broken = Buffer.from(
      [
        'Tanggal Generate;05 Jun 2026 23:59',
        'Tracking ID;Tanggal Laporan Masuk;Klasifikasi Laporan;Kategori;Instansi Terdisposisi;Status Laporan;Kota/Kabupaten',
        ';3 Jun 2026;Pengaduan;Infrastruktur;Dinas PUPR;Terverifikasi;Kab. Tapin',
      ].join('\r\n'),
    );
    const refused = await importFile(deps, { name: 'rusak.csv', content: broken });
    expect(refused.export?.counts).toMatchObject({ rejected: 1 });
  });

  it('turns daily exports into history: new and changed complaints become events, unchanged rows write nothing', async () => {
    const { deps, store, allItems } = await localIngest();
    const updates = histories('9300');
    const first = await importFile(deps, {
      name: 'd2.csv',
      content: laporExportCsv(updates, { regions, asOf: day(2) }),
    });
    expect(first.export?.counts).toMatchObject({ new: 4, changed: 0, unchanged: 0 });
    const second = await importFile(deps, {
      name: 'd3.csv',
      content: laporExportCsv(updates, { regions, asOf: day(3) }),
    });
    // 93003 completed, 93004 archived, 93005 new; 93001 and 93002 as they were.
    expect(second.export?.counts).toMatchObject({ new: 1, changed: 2, unchanged: 2, rejected: 0 });
    const { events } = await store.getHistory('93003');
    expect(events.map((e) => [e.status, e.occurredAt])).toEqual([
      ['belum-terverifikasi', '2026-06-02T23:59:00+08:00'],
      ['terdisposisi-selesai', '2026-06-03T23:59:00+08:00'],
    ]);

    // The same export again changes nothing.
    const before = await allItems();
    const again = await importFile(deps, {
      name: 'd3.csv',
      content: laporExportCsv(updates, { regions, asOf: day(3) }),
    });
    expect(again.export?.counts).toMatchObject({ new: 0, changed: 0, unchanged: 5 });
    expect(await allItems()).toEqual(before);

    // An older export after a newer one changes nothing either: rows whose complaint the table
    // knows in a later state are stale, the others unchanged.
    const older = await importFile(deps, {
      name: 'd2.csv',
      content: laporExportCsv(updates, { regions, asOf: day(2) }),
    });
    expect(older.export?.counts).toMatchObject({ new: 0, changed: 0, stale: 2, unchanged: 2 });
    expect(await allItems()).toEqual(before);
  });

  it('takes the export time from --as-of / metadata when given, and refuses a file with none', async () => {
    const { deps } = await localIngest();
    const content = laporExportCsv(histories('9400'), { regions, asOf: day(2), withGeneratedAt: false });
    await expect(importFile(deps, { name: 'x.csv', content })).rejects.toThrow(
      /tidak ada "Tanggal Generate"/,
    );
    const report = await importFile(deps, { name: 'x.csv', content }, undefined, {
      asOf: '2026-06-02T23:00:00+08:00',
    });
    expect(report.export).toMatchObject({ asOf: '2026-06-02T23:00:00+08:00', asOfSource: 'command line' });
    await expect(
      importFile(deps, { name: 'x.csv', content }, undefined, { asOf: '2026-07-09T08:00:00+08:00' }),
    ).rejects.toThrow(/di masa depan/);
  });

  it.each([
    ['2026-06-02T23:00', '2026-06-02T23:00:00+08:00'],
    ['2026-06-02T15:00:00Z', '2026-06-02T23:00:00+08:00'],
    ['2026-06-02', '2026-06-02T23:59:59+08:00'],
    ['2 Jun 2026 23:00', '2026-06-02T23:00:00+08:00'],
  ])(
    'reads --as-of %s without an offset as WITA, a bare date as the end of that day',
    async (given, asOf) => {
      const { deps } = await localIngest();
      const content = laporExportCsv(histories('9410'), { regions, asOf: day(2), withGeneratedAt: false });
      const report = await importFile(deps, { name: 'x.csv', content }, undefined, { asOf: given });
      expect(report.export?.asOf).toBe(asOf);
    },
  );

  it('refuses an --as-of it cannot read, naming it', async () => {
    const { deps } = await localIngest();
    const content = laporExportCsv(histories('9420'), { regions, asOf: day(2), withGeneratedAt: false });
    await expect(
      importFile(deps, { name: 'x.csv', content }, undefined, { asOf: 'kemarin' }),
    ).rejects.toThrow(/as-of "kemarin"/);
  });

  it('reports unknown labels and regions in the result file in the export’s terms, and neutralizes formulas', async () => {
    const objects = new Map<string, string | Buffer>();
    const lines = [
      'Laporan SP4N-LAPOR!',
      'Tanggal Generate;05 Jun 2026 23:59',
      '',
      'Tracking ID;Tanggal Laporan Masuk;Waktu Laporan Masuk;Nama Pelapor;Klasifikasi Laporan;Kategori;Instansi Terdisposisi;Status Laporan;Kota/Kabupaten',
      '9500001;3 Jun 2026;09:00;Budi;Pengaduan;Infrastruktur;Dinas PUPR;Dialihkan;Kab. Tanah Laut',
      '9500002;3 Jun 2026;09:00;Budi;Pengaduan;Infrastruktur;Dinas PUPR;Dialihkan;KOTA BANJARMASIN',
      '9500003;3 Jun 2026;09:00;Budi;Pengaduan;Infrastruktur;Dinas PUPR;Terverifikasi;Kab. Tanah Datar',
      '=HYPERLINK("http://x");3 Jun 2026;09:00;Budi;Pengaduan;Infrastruktur;Dinas PUPR;Terverifikasi;Kab. Tapin',
      '9500005;3 Jun 2026;09:00;Budi;Pengaduan;Infrastruktur;Dinas PUPR;Terverifikasi;Kab. Tapin',
    ];
    objects.set('imports/63/juni.csv', Buffer.from(lines.join('\n')));
    const { deps } = await localIngest();
    const files = memoryFiles(objects);
    const outcome = await importStoredFile({ ...deps, files }, 'imports/63/juni.csv');
    expect(outcome).toMatchObject({ status: 'imported', exportCounts: { new: 1, rejected: 4 } });
    const result = String(objects.get('results/63/juni.csv.result.csv'));
    expect(result).toContain('"","","tidak dikenal","Status Laporan","""Dialihkan"" di 2 baris (5, 6)');
    expect(result).toContain('"","","tidak dikenal","Kota/Kabupaten","""Kab. Tanah Datar"" di 1 baris (7)');
    expect(result).toContain('"8","\'=HYPERLINK(""http://x"")","ditolak"');
    expect(result).toContain('"9","9500005","baru","Terverifikasi",""');
    expect(result).toContain('"","","kolom tidak dibaca","Nama Pelapor"');
    expect(result).toMatch(
      /ringkasan.*5 laporan: 1 baru, 0 berubah, 0 tidak berubah, 0 lebih lama.*, 4 ditolak/,
    );
  });
});

describe('uploads under imports/<code>/', () => {
  const store = (objects: Map<string, string | Buffer>) =>
    memoryFiles(objects, { metadata: { 'as-of': '2026-06-04T20:00:00+08:00' } });

  it('rejects the rows of another regency, naming the reason, and writes none of them', async () => {
    const { deps, store: complaints } = await localIngest();
    const objects = new Map<string, string | Buffer>([
      [
        'imports/6301/juni.csv',
        laporExportCsv(histories('9600'), { regions, asOf: day(4), withGeneratedAt: false }),
      ],
    ]);
    const outcome = await importStoredFile({ ...deps, files: store(objects) }, 'imports/6301/juni.csv');
    expect(outcome).toMatchObject({ status: 'imported', exportCounts: { new: 1, rejected: 5 } });
    const result = String(objects.get('results/6301/juni.csv.result.csv'));
    expect(result).toContain('waktu ekspor dari metadata S3 ""as-of""');
    expect(result).toMatch(
      /"96002","ditolak",.*Kota Banjarmasin \(6371\), padahal berkas diunggah ke folder 6301 \(Kabupaten Tanah Laut\)/,
    );
    expect(await complaints.getSnapshot('96001')).toBeDefined();
    expect(await complaints.getSnapshot('96002')).toBeUndefined();
  });

  it('refuses a file outside a regency or province folder, saying where to upload', async () => {
    const { deps } = await localIngest();
    const objects = new Map<string, string | Buffer>([['imports/juni.csv', 'x']]);
    const outcome = await importStoredFile({ ...deps, files: store(objects) }, 'imports/juni.csv');
    expect(outcome).toMatchObject({ status: 'file-rejected' });
    expect(String(objects.get('results/juni.csv.result.csv'))).toContain('imports/6302/ untuk Kotabaru');
  });
});

describe('import limits', () => {
  const files = (objects: Map<string, string | Buffer>, size?: number) =>
    memoryFiles(objects, size === undefined ? {} : { size });

  it('refuses an oversize object before reading it, with a result file that says what to do', async () => {
    const { deps } = await localIngest();
    const objects = new Map<string, string | Buffer>([['imports/63/besar.csv', 'x']]);
    const reading: FileStore = {
      ...files(objects, 21 * 1024 * 1024),
      read: () => Promise.reject(new Error('read')),
    };
    const outcome = await importStoredFile({ ...deps, files: reading }, 'imports/63/besar.csv');
    expect(outcome).toMatchObject({ status: 'file-rejected' });
    expect(String(objects.get('results/63/besar.csv.result.csv'))).toMatch(
      /Berkas ditolak: ukurannya 21 MB, melebihi batas 20 MB\. Tidak ada baris yang diimpor\. Yang perlu dilakukan: ekspor ulang/,
    );
  });

  it('refuses an XLSX whose sheet unpacks over the limit', async () => {
    const { deps } = await localIngest();
    const rows = Array.from({ length: 2000 }, (_, i) => ['Tracking ID', `baris ${i}`, 'x'.repeat(200)]);
    const objects = new Map<string, string | Buffer>([['imports/63/bom.xlsx', Buffer.from(writeXlsx(rows))]]);
    const outcome = await importStoredFile(
      { ...deps, files: files(objects), limits: { ...defaultImportLimits, maxUnpackedXlsxBytes: 100_000 } },
      'imports/63/bom.xlsx',
    );
    expect(outcome).toMatchObject({ status: 'file-rejected' });
    expect(String(objects.get('results/63/bom.xlsx.result.csv'))).toContain('simpan sebagai CSV');
  });

  it('imports the first rows up to the row limit and says where it stopped', async () => {
    const { deps } = await localIngest();
    const objects = new Map<string, string | Buffer>([
      ['imports/63/banyak.csv', laporExportCsv(histories('9700'), { regions, asOf: day(4) })],
    ]);
    const outcome = await importStoredFile(
      { ...deps, files: files(objects), limits: { ...defaultImportLimits, maxRows: 4 } },
      'imports/63/banyak.csv',
    );
    expect(outcome).toMatchObject({ status: 'imported', exportCounts: { new: 4 } });
    expect(String(objects.get('results/63/banyak.csv.result.csv'))).toMatch(
      /Sebagian diimpor: berkas memuat lebih dari 4 baris data; 4 baris pertama diimpor, sisanya mulai baris 10 tidak/,
    );
  });

  it('stops at a line longer than the limit, keeping what came before', async () => {
    const { deps } = await localIngest();
    const csv = laporExportCsv(histories('9800'), { regions, asOf: day(4) }).toString();
    const broken = `${csv}9800099;3 Jun 2026;"${'x'.repeat(5000)}\n`;
    const objects = new Map<string, string | Buffer>([['imports/63/rusak.csv', broken]]);
    const outcome = await importStoredFile(
      { ...deps, files: files(objects), limits: { ...defaultImportLimits, maxLineChars: 4096 } },
      'imports/63/rusak.csv',
    );
    expect(outcome).toMatchObject({ status: 'imported', exportCounts: { new: 6 } });
    expect(String(objects.get('results/63/rusak.csv.result.csv'))).toMatch(
      /lebih panjang dari 4\.096 karakter/,
    );
  });

  it('answers an unreadable file with a .result.txt in plain Indonesian', async () => {
    const { deps } = await localIngest();
    const objects = new Map<string, string | Buffer>([['imports/63/rusak.xlsx', 'bukan zip']]);
    const outcome = await importStoredFile({ ...deps, files: files(objects) }, 'imports/63/rusak.xlsx');
    expect(outcome).toMatchObject({ status: 'file-rejected', resultKey: 'results/63/rusak.xlsx.result.txt' });
    expect(String(objects.get('results/63/rusak.xlsx.result.txt'))).toMatch(
      /^Berkas tidak dapat dibaca sebagai CSV atau XLSX.*\n[\s\S]*Yang perlu dilakukan: unduh ulang ekspor dari LAPOR!/,
    );
    expect(
      await importStoredFile({ ...deps, files: files(objects) }, 'imports/63/rusak.xlsx.result.txt'),
    ).toEqual({
      status: 'skipped',
    });
  });
});

describe('lapor-paman ingest export.xlsx --as-of', () => {
  it('imports an export from the disk as of the given instant', async () => {
    const tableName = await freshTable('cli-export');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ingest-export-'));
    const file = path.join(dir, 'export.xlsx');
    writeFileSync(
      file,
      laporExportXlsx(histories('9900'), { regions, asOf: day(4), withGeneratedAt: false }),
    );
    const run = runCli(['ingest', file, '--as-of', '2026-06-04T23:59:00+08:00'], localCliEnv(tableName));
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      'LAPOR! export as of 2026-06-04T23:59:00+08:00 (--as-of), 6 complaints: 6 new, 0 changed, 0 unchanged, 0 stale, 0 rejected',
    );
    expect(run.status).toBe(0);
    expect(readFileSync(`${file}.result.csv`, 'utf8')).toContain('"kolom tidak dibaca","Nama Pelapor"');
    const missing = runCli(['ingest', file], localCliEnv(tableName));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('--as-of');
  });
});

describe('an import that runs out of time', () => {
  it('stops between batches before the function times out, and the result says to upload it again', async () => {
    const { deps } = await localIngest();
    const updates: ComplaintUpdate[] = Array.from({ length: 26 }, (_, i) => ({
      trackingId: `97${String(i).padStart(4, '0')}`,
      regencyCode: '6371',
      unit: 'Dinas Kesehatan',
      category: 'Kesehatan',
      classification: 'aspirasi',
      status: 'belum-terverifikasi',
      occurredAt: '2026-06-02T09:00:00+08:00',
      sourceUpdateId: `t${i}`,
    }));
    const objects = new Map<string, string | Buffer>([
      ['imports/6371/besar.csv', laporExportCsv(updates, { regions, asOf: day(4) })],
    ]);
    const files = memoryFiles(objects);
    let left = 120_000;
    const timeLeftMs = () => (left -= 100_000);
    const first = await importStoredFile({ ...deps, files }, 'imports/6371/besar.csv', {
      timeLeftMs,
      batchSize: 10,
    });
    expect(first).toMatchObject({ status: 'imported', exportCounts: { new: 10 } });
    expect(String(objects.get('results/6371/besar.csv.result.csv'))).toMatch(
      /Sebagian diimpor: waktu proses habis setelah 10 baris \(sampai sebelum baris 16\)\. Yang perlu dilakukan: unggah lagi berkas yang sama/,
    );
    // Uploaded again: the rows already imported are unchanged, the rest is imported.
    const again = await importStoredFile({ ...deps, files }, 'imports/6371/besar.csv');
    expect(again).toMatchObject({ status: 'imported', exportCounts: { new: 16, unchanged: 10 } });
  });
});
