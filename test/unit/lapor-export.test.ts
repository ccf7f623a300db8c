import { Readable } from 'node:stream';
import { DateTime } from 'luxon';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { exportColumns } from '../../demo/lapor-export';
import { writeXlsx } from '../../demo/xlsx-writer';
import { readRows } from '../../functions/adapters/spreadsheet';
import { csvCell } from '../../functions/domain/csv-cell';
import { defaultImportLimits, importLimitsFrom } from '../../functions/domain/import-limits';
import { toInstant } from '../../functions/domain/import-rows';
import {
  generatedAtOf,
  isExportHeader,
  mapExportHeader,
  mapExportRow,
  normaliseTrackingId,
  parseExportDate,
  parseExportTime,
} from '../../functions/domain/lapor-export';
import { laporExportMapping as mapping } from '../../functions/use-cases/import-file';
import { kalsel } from '../support/data';

const header = mapExportHeader([...exportColumns], mapping);

/** A data row of the evidenced columns, by name. */
function row(values: Partial<Record<(typeof exportColumns)[number], unknown>>): unknown[] {
  return exportColumns.map((c) => values[c] ?? '-');
}

const good = {
  'Tracking ID': '5049672',
  'Tanggal Laporan Masuk': '6 Jan 2026',
  'Waktu Laporan Masuk': '10:15:00',
  'Klasifikasi Laporan': 'Pengaduan',
  Kategori: 'Infrastruktur',
  'Instansi Induk': 'Pemerintah Kabupaten Tanah Laut',
  'Instansi Terdisposisi': 'Dinas PUPR',
  'Status Laporan': 'Terverifikasi',
  Provinsi: 'Kalimantan Selatan',
  'Kota/Kabupaten': 'Kab. Tanah Laut',
} as const;

describe('the LAPOR! export mapping', () => {
  it('covers every evidenced column: read, or named as not read, never by position', () => {
    expect(header.missing).toEqual([]);
    expect(header.names).toMatchObject({
      trackingId: 'Tracking ID',
      submittedDate: 'Tanggal Laporan Masuk',
      submittedTime: 'Waktu Laporan Masuk',
      classification: 'Klasifikasi Laporan',
      category: 'Kategori',
      parentUnit: 'Instansi Induk',
      unit: 'Instansi Terdisposisi',
      status: 'Status Laporan',
      holdReason: 'Alasan Tunda/Arsip',
      province: 'Provinsi',
      regency: 'Kota/Kabupaten',
      channelSource: 'Sumber Laporan',
      district: 'Kecamatan',
      village: 'Kelurahan',
      rating: 'Rating',
      reportType: 'Tipe Laporan (Anonim/Rahasia)',
    });
    expect(header.notRead).toEqual([
      'Nama Pelapor',
      'Judul Laporan',
      'Isi Laporan Awal',
      'Isi Laporan Akhir',
    ]);
    expect(header.ignored).toEqual(['ID Kategori', 'ID Instansi Terdisposisi', 'Nomor SK', 'Url SK']);
    for (const name of header.ignored) expect(mapping.knownIgnored).toContain(name);
  });

  it('matches headers trimmed and case-insensitively, in any order, with columns missing or added', () => {
    const shuffled = mapExportHeader(
      [
        '  tracking id ',
        'KOTA/KABUPATEN',
        'Kolom Baru',
        'status laporan',
        'Kategori',
        'Klasifikasi Laporan',
        'Tanggal Laporan Masuk',
      ],
      mapping,
    );
    expect(shuffled.missing).toEqual([]);
    expect(shuffled.index).toMatchObject({ trackingId: 0, regency: 1, status: 3 });
    expect(shuffled.ignored).toEqual(['Kolom Baru']);
    expect(mapExportHeader(['Tracking ID', 'Kategori'], mapping).missing.map((m) => m.expected)).toEqual([
      'Tanggal Laporan Masuk',
      'Klasifikasi Laporan',
      'Status Laporan',
      'Kota/Kabupaten',
    ]);
  });

  it('maps a row to the project vocabulary, reading WITA date and time', () => {
    const mapped = mapExportRow(row(good), 13, header, mapping, kalsel());
    expect(mapped).toEqual({
      ok: true,
      row: {
        line: 13,
        trackingId: '5049672',
        regencyCode: '6301',
        unit: 'Dinas PUPR',
        category: 'Infrastruktur',
        classification: 'pengaduan-tidak-berkadar-pengawasan',
        status: 'terdisposisi-belum-ditindaklanjuti',
        statusLabel: 'Terverifikasi',
        submittedAt: '2026-01-06T10:15:00+08:00',
        bukanWewenang: false,
      },
    });
  });

  it('scrubs personal data out of Kategori and Instansi Terdisposisi, as the update will be', () => {
    const mapped = mapExportRow(
      row({
        ...good,
        Kategori: 'Keluhan Budi NIK 6371111512890002 HP 081234567890',
        'Instansi Terdisposisi': 'Dinas PUPR (hubungi budi at gmail.com)',
      }),
      13,
      header,
      mapping,
      kalsel(),
    );
    expect(mapped.ok && mapped.row.category).toBe('Keluhan Budi NIK [NIK dihapus] HP [telepon dihapus]');
    expect(mapped.ok && mapped.row.unit).toBe('Dinas PUPR (hubungi [email dihapus])');
  });

  it('never reads the personal-data and complaint-text columns', () => {
    const cells = row(good);
    const forbidden = new Set(header.notRead.map((name) => exportColumns.indexOf(name as never)));
    const guarded = new Proxy(cells, {
      get(target, key) {
        if (typeof key === 'string' && forbidden.has(Number(key))) throw new Error(`read column ${key}`);
        return Reflect.get(target, key);
      },
    });
    expect(mapExportRow(guarded, 2, header, mapping, kalsel()).ok).toBe(true);
  });

  it.each([
    ['Belum Terverifikasi', 'belum-terverifikasi'],
    ['Terverifikasi', 'terdisposisi-belum-ditindaklanjuti'],
    ['Ditanggapi oleh Pelapor', 'terdisposisi-sedang-diproses'],
    ['Ditutup oleh Admin', 'terdisposisi-selesai'],
    ['Ditutup oleh Sistem', 'terdisposisi-selesai'],
    ['Selesai', 'terdisposisi-selesai'],
    ['Diarsipkan oleh Admin', 'arsip'],
    ['Diarsipkan oleh Sistem', 'arsip'],
    ['ditutup OLEH admin', 'terdisposisi-selesai'],
  ])('maps the status label %s to %s', (label, status) => {
    const mapped = mapExportRow(row({ ...good, 'Status Laporan': label }), 2, header, mapping, kalsel());
    expect(mapped.ok && mapped.row.status).toBe(status);
  });

  it('reports an unknown status label, classification or region instead of guessing', () => {
    const mapped = mapExportRow(
      row({
        ...good,
        'Status Laporan': 'Dialihkan',
        'Klasifikasi Laporan': 'Keluhan',
        'Kota/Kabupaten': 'Kab. Tanah Datar',
      }),
      7,
      header,
      mapping,
      kalsel(),
    );
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    expect(mapped.trackingId).toBe('5049672');
    expect(mapped.problems.map((p) => [p.column, p.value, p.unmapped])).toEqual([
      ['Status Laporan', 'Dialihkan', 'status'],
      ['Klasifikasi Laporan', 'Keluhan', 'classification'],
      ['Kota/Kabupaten', 'Kab. Tanah Datar', 'regency'],
    ]);
  });

  it('rejects a row of another province and names the column', () => {
    const mapped = mapExportRow(row({ ...good, Provinsi: 'Kalimantan Timur' }), 3, header, mapping, kalsel());
    expect(!mapped.ok && mapped.problems[0]).toMatchObject({ column: 'Provinsi', value: 'Kalimantan Timur' });
  });

  it('reads archived "bukan wewenang" from the hold/archive reason, without storing it', () => {
    const mapped = mapExportRow(
      row({
        ...good,
        'Status Laporan': 'Diarsipkan oleh Admin',
        'Alasan Tunda/Arsip': 'Bukan wewenang Pemda',
      }),
      3,
      header,
      mapping,
      kalsel(),
    );
    expect(mapped.ok && mapped.row).toMatchObject({ status: 'arsip', bukanWewenang: true });
  });

  it.each([
    [5049672, '5049672'],
    ['5049672.0', '5049672'],
    ['5049672.00', '5049672'],
    ['5.049672E6', '5049672'],
    [' 5049672 ', '5049672'],
  ])('reads the tracking id %s as %s', (cell, id) => {
    expect(normaliseTrackingId(cell)).toBe(id);
  });

  it.each([
    ['3 Jan 2026', '2026-01-03'],
    ['06 Agu 2026', '2026-08-06'],
    ['6 Agt 2026', '2026-08-06'],
    ['17 Mei 2026', '2026-05-17'],
    ['1 Okt 2026', '2026-10-01'],
    ['2 Nop 2026', '2026-11-02'],
    ['24 Des 2026', '2026-12-24'],
    ['17 Agustus 2026', '2026-08-17'],
    ['17 Mar 2026', '2026-03-17'],
    ['2026-03-17', '2026-03-17'],
    ['17/03/2026', '2026-03-17'],
    ['17/3/2026', '2026-03-17'],
    ['3/1/2026', '2026-01-03'],
    ['17-Mar-2026', '2026-03-17'],
    ['17-Mar-26', '2026-03-17'],
    ['06 Sept 2026', '2026-09-06'],
    ['Senin, 16 Maret 2026', '2026-03-16'],
    ['Jumat, 6 Nov 2026', '2026-11-06'],
  ])('reads the date %s', (text, date) => {
    expect(parseExportDate(text, mapping, kalsel().zone)?.toISODate()).toBe(date);
  });

  it.each([
    ['17/3/2026 9:12', '2026-03-17T09:12:00+08:00'],
    ['17 Mar 2026 09:12 WITA', '2026-03-17T09:12:00+08:00'],
    ['17 Mar 2026 09:12 WIB', '2026-03-17T10:12:00+08:00'],
    ['2026-03-17 09:12:00.000', '2026-03-17T09:12:00+08:00'],
  ])('reads the date and time %s, an Indonesian zone name as its offset', (text, instant) => {
    expect(parseExportDate(text, mapping, kalsel().zone)?.toISO({ suppressMilliseconds: true })).toBe(
      instant,
    );
  });

  it.each([
    ['9.12', { hour: 9, minute: 12, second: 0 }],
    ['09:12 WITA', { hour: 9, minute: 12, second: 0 }],
    ['09.12.05', { hour: 9, minute: 12, second: 5 }],
  ])('reads the time %s', (text, time) => {
    expect(parseExportTime(text, mapping, kalsel().zone)).toEqual(time);
  });

  it('dates a submission written in another Indonesian zone at its WITA instant, across midnight', () => {
    const mapped = mapExportRow(
      row({ ...good, 'Tanggal Laporan Masuk': '5 Jan 2026', 'Waktu Laporan Masuk': '23:30 WIB' }),
      4,
      header,
      mapping,
      kalsel(),
    );
    expect(mapped.ok && mapped.row.submittedAt).toBe('2026-01-06T00:30:00+08:00');
  });

  it.each([
    ['Kab. Tanahbumbu', '6310'],
    ['KOTA BANJAR BARU', '6372'],
    ['Kab. Hulusungai Selatan', '6306'],
  ])('reads the regency %s whatever its spacing, as %s', (name, code) => {
    const mapped = mapExportRow(row({ ...good, 'Kota/Kabupaten': name }), 4, header, mapping, kalsel());
    expect(mapped.ok && mapped.row.regencyCode).toBe(code);
  });

  it.each(['Kalimantan Selatan', 'Prov. Kalimantan Selatan', 'PROVINSI KALIMANTAN SELATAN', 'Kalsel'])(
    'accepts the province written %s',
    (name) => {
      expect(mapExportRow(row({ ...good, Provinsi: name }), 4, header, mapping, kalsel()).ok).toBe(true);
    },
  );

  it('refuses a row of another province, naming it', () => {
    const mapped = mapExportRow(row({ ...good, Provinsi: 'Prov. Jawa Timur' }), 4, header, mapping, kalsel());
    expect(!mapped.ok && mapped.problems).toEqual([
      { column: 'Provinsi', value: 'Prov. Jawa Timur', message: 'bukan Provinsi Kalimantan Selatan' },
    ]);
  });

  it('finds the header row by its Tracking ID cell, also behind a row-number column', () => {
    expect(isExportHeader(['Tracking ID', 'Status Laporan'], mapping)).toBe(true);
    expect(isExportHeader(['No', 'Tracking ID', 'Tanggal Laporan Masuk', 'Status Laporan'], mapping)).toBe(
      true,
    );
    expect(isExportHeader(['No.', ' tracking id ', 'Kota/Kabupaten'], mapping)).toBe(true);
    // A preamble line that merely mentions it is not a header.
    expect(isExportHeader(['Catatan', 'Tracking ID'], mapping)).toBe(false);
    expect(isExportHeader(['Laporan per Tracking ID'], mapping)).toBe(false);
  });

  it.each([
    ['Pemerintah Kabupaten Tanah Laut', '6301'],
    ['Pemkot Banjarbaru', '6372'],
    ['PEMKAB HULU SUNGAI SELATAN', '6306'],
  ])('takes the regency from Instansi Induk %s when the row names no place', (parent, code) => {
    const mapped = mapExportRow(
      row({ ...good, 'Kota/Kabupaten': '-', 'Instansi Induk': parent }),
      4,
      header,
      mapping,
      kalsel(),
    );
    expect(mapped.ok && mapped.row.regencyCode).toBe(code);
  });

  it('still refuses a row with no place whose institution is no regency, naming the column', () => {
    const mapped = mapExportRow(
      row({ ...good, 'Kota/Kabupaten': '-', 'Instansi Induk': 'Pemerintah Provinsi Kalimantan Selatan' }),
      4,
      header,
      mapping,
      kalsel(),
    );
    expect(!mapped.ok && mapped.problems).toEqual([{ column: 'Kota/Kabupaten', message: 'kosong' }]);
  });

  it('never reads an impossible date, or a day name alone', () => {
    expect(parseExportDate('31/02/2026', mapping, kalsel().zone)).toBeUndefined();
    expect(parseExportDate('Senin', mapping, kalsel().zone)).toBeUndefined();
  });

  it('reads "-" and blanks as empty', () => {
    expect(parseExportDate('-', mapping, kalsel().zone)).toBeUndefined();
    const mapped = mapExportRow(row({ ...good, Kategori: '-' }), 4, header, mapping, kalsel());
    expect(!mapped.ok && mapped.problems).toEqual([{ column: 'Kategori', message: 'kosong' }]);
  });

  it('takes the unit from Instansi Induk while no unit is disposed', () => {
    const mapped = mapExportRow(
      row({ ...good, 'Status Laporan': 'Belum Terverifikasi', 'Instansi Terdisposisi': '-' }),
      3,
      header,
      mapping,
      kalsel(),
    );
    expect(mapped.ok && mapped.row.unit).toBe('Pemerintah Kabupaten Tanah Laut');
  });

  it('finds the generation time in the preamble, a bare date read as the end of that day', () => {
    const at = (rows: unknown[][]) =>
      generatedAtOf(rows, mapping, kalsel().zone)?.toISO({ suppressMilliseconds: true });
    expect(at([['Laporan'], ['Tanggal Generate', '17 Mar 2026 16:30']])).toBe(
      '2026-03-17T16:30:00.000+08:00'.replace('.000', ''),
    );
    expect(at([['Tanggal Generate : 06 Agu 2026 07:05']])).toBe('2026-08-06T07:05:00+08:00');
    expect(at([['Tanggal Generate', '', '6 Agu 2026']])).toBe('2026-08-06T23:59:59+08:00');
    expect(at([['Laporan'], ['Nama Instansi', 'Pemprov']])).toBeUndefined();
    // A spreadsheet date cell without a time is a bare date too; one with a time keeps it.
    expect(at([['Tanggal Generate', new Date(Date.UTC(2026, 7, 6))]])).toBe('2026-08-06T23:59:59+08:00');
    expect(at([['Tanggal Generate', new Date(Date.UTC(2026, 7, 6, 7, 5))]])).toBe(
      '2026-08-06T07:05:00+08:00',
    );
  });
});

describe('regency names in exports', () => {
  it.each([
    ['Kab. Tanah Laut', '6301'],
    ['KABUPATEN TANAH LAUT', '6301'],
    ['Tanah Laut', '6301'],
    ['KOTA BANJARMASIN', '6371'],
    ['Kota Banjarbaru', '6372'],
    ['Kota Banjar Baru', '6372'],
    ['Kab. Banjar', '6303'],
    ['Kotabaru', '6302'],
    ['Kota Baru', '6302'],
    ['Kab.  Hulu Sungai  Selatan', '6306'],
    ['HSU', '6308'],
    ['Pemerintah Kabupaten Tabalong', '6309'],
  ])('maps %s to %s', (name, code) => {
    expect(kalsel().byName(name)?.code).toBe(code);
  });

  it('does not guess an unknown name', () => {
    expect(kalsel().byName('Kab. Tanah Datar')).toBeUndefined();
    expect(kalsel().byName('Banjarmasin Utara')).toBeUndefined();
  });
});

describe('XLSX date cells', () => {
  it('rounds 46098.416666666664 (17 Mar 2026 10:00) to 10:00:00 WITA, not 09:59:59', async () => {
    const content = Buffer.from(writeXlsx([['t'], [{ serial: 46098.416666666664, format: 'datetime' }]]));
    const [, [cell] = []] = (await readSheet(content)) as unknown[][];
    expect(cell).toBeInstanceOf(Date);
    expect(toInstant(cell, kalsel().zone)).toBe('2026-03-17T10:00:00+08:00');
    expect(parseExportDate(cell, mapping, kalsel().zone)?.toISO({ suppressMilliseconds: true })).toBe(
      '2026-03-17T10:00:00+08:00',
    );
  });
});

describe('result file cells', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+2', `"'+1+2"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
    ['＝1+1', `"'＝1+1"`],
    ['5049672', '"5049672"'],
    ['a "quote"', '"a ""quote"""'],
  ])('neutralizes %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('import limits', () => {
  it('has defaults and reads each from the environment, refusing a bad value by name', () => {
    expect(importLimitsFrom({})).toEqual(defaultImportLimits);
    expect(defaultImportLimits).toMatchObject({ maxBytes: 20 * 1024 * 1024, maxRows: 100_000 });
    expect(importLimitsFrom({ IMPORT_MAX_ROWS: '10' }).maxRows).toBe(10);
    expect(() => importLimitsFrom({ IMPORT_MAX_BYTES: '20MB' })).toThrow(
      /IMPORT_MAX_BYTES must be a positive whole number/,
    );
  });

  it('keeps DateTime in WITA for export instants', () => {
    expect(DateTime.fromISO('2026-03-17T10:00:00+08:00', { setZone: true }).offset).toBe(480);
  });
});

describe('CSV delimiters', () => {
  it('reads a semicolon CSV whose cells hold commas, as Excel in Indonesia saves it', async () => {
    const csv =
      'Laporan SP4N-LAPOR!\nTracking ID;Instansi Terdisposisi;Status Laporan\n5049672;Dinas Koperasi, Usaha Kecil dan Menengah;Terverifikasi\n';
    const rows = [];
    for await (const r of readRows('x.csv', Buffer.from(csv), defaultImportLimits)) rows.push(r.cells);
    expect(rows[2]).toEqual(['5049672', 'Dinas Koperasi, Usaha Kecil dan Menengah', 'Terverifikasi']);
  });

  it('reads a comma CSV whose cells hold semicolons', async () => {
    const csv = 'Tracking ID,Kategori\n5049672,Sosial; Bantuan\n';
    const rows = [];
    for await (const r of readRows('x.csv', Readable.from([Buffer.from(csv)]), defaultImportLimits))
      rows.push(r.cells);
    expect(rows[1]).toEqual(['5049672', 'Sosial; Bantuan']);
  });
});
