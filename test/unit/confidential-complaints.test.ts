import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { exportColumns } from '../../demo/lapor-export';
import { mapExportHeader, mapExportRow, updateFromExportRow } from '../../functions/domain/lapor-export';
import { publicCategories } from '../../functions/domain/small-numbers';
import { laporExportMapping as mapping } from '../../functions/use-cases/import-file';
import { kalsel } from '../support/data';
import { evaluateKotabaru, kotabaruComplaint } from '../support/kotabaru';

/**
 * Complaints LAPOR! keeps confidential (`Tipe Laporan (Anonim/Rahasia)`): counted in every figure,
 * as late or as on time as any other, but their category never published (issue 23, finding 7).
 */
const header = mapExportHeader([...exportColumns], mapping);
const row = (type: string) =>
  exportColumns.map(
    (c) =>
      ({
        'Tracking ID': '5049672',
        'Tanggal Laporan Masuk': '6 Jan 2026',
        'Waktu Laporan Masuk': '10:15',
        'Klasifikasi Laporan': 'Pengaduan',
        Kategori: 'Kepegawaian',
        'Instansi Induk': 'Pemerintah Kabupaten Tanah Laut',
        'Instansi Terdisposisi': 'Dinas PUPR',
        'Status Laporan': 'Terverifikasi',
        Provinsi: 'Kalimantan Selatan',
        'Kota/Kabupaten': 'Kab. Tanah Laut',
        'Tipe Laporan (Anonim/Rahasia)': type,
      })[c as string] ?? '-',
  );

describe('a confidential complaint', () => {
  it.each([
    ['Rahasia', true],
    ['anonim', true],
    ['Anonim/Rahasia', true],
    ['Sesuatu yang belum dikenal', true],
    ['-', false],
  ])(
    'is read from Tipe Laporan %j as data (confidential: %s; an unknown value is, until listed public)',
    (type, confidential) => {
      const mapped = mapExportRow(row(type), 13, header, mapping, kalsel());
      expect(mapped.ok && Boolean(mapped.row.confidential)).toBe(confidential);
      if (mapped.ok && confidential)
        expect(
          updateFromExportRow(
            mapped.row,
            DateTime.fromISO('2026-01-07T23:59:00+08:00', { setZone: true }),
            kalsel().zone,
          ).confidential,
        ).toBe(true);
    },
  );

  it('counts in the total and the on-time shares, but not in the categories', () => {
    const complaints = Array.from({ length: 6 }, (_, i) =>
      kotabaruComplaint(
        `C-${i}`,
        [
          ['2026-03-02T09:00:00+08:00', 'belum-terverifikasi'],
          ['2026-03-03T09:00:00+08:00', 'terdisposisi-belum-ditindaklanjuti'],
        ],
        {
          category: i < 5 ? 'Infrastruktur' : 'Kepegawaian',
        },
      ),
    );
    const secret = { ...(complaints[5] as (typeof complaints)[number]), confidential: true as const };
    const open = evaluateKotabaru([...complaints.slice(0, 5), secret]);
    expect(open.received.total).toBe(6);
    expect(open.verifiedWithinLimit.denominator).toBe(6);
    expect(open.received.byCategory).toEqual([{ category: 'Infrastruktur', count: 5 }]);
    expect(publicCategories(open.received.byCategory)).toEqual([{ category: 'Infrastruktur', count: 5 }]);
  });
});
