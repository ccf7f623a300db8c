import { describe, expect, it } from 'vitest';
import { scrubbed, scrubPersonalData } from '../../functions/domain/personal-data';

/**
 * Spellings of contact details and identity numbers as people type them into complaint notes
 * (WhatsApp-style grouping, office landlines, copy-pasted full-width text, labels glued on or
 * wrong), each with what must be left of it. Addresses and numbers are made up.
 */
const mustScrub: [string, string][] = [
  // NIK: 16 digits, however grouped
  ['NIK 6371111512890002', 'NIK [NIK dihapus]'],
  ['NIK 6371 1115 1289 0002', 'NIK [NIK dihapus]'],
  ['NIK: 6371.1115.1289.0002', 'NIK: [NIK dihapus]'],
  ['nik 6371-1115-1289-0002 atas nama pelapor', 'nik [NIK dihapus] atas nama pelapor'],
  ['KTP 637111 151289 0002', 'KTP [NIK dihapus]'],
  ['no ktp 6371/1115/1289/0002', 'no ktp [NIK dihapus]'],
  ['NIK6371111512890002', 'NIK [NIK dihapus]'],
  ['6371111512890002 adalah nomor saya', '[NIK dihapus] adalah nomor saya'],
  ['ＮＩＫ　６３７１１１１５１２８９０００２', 'NIK [NIK dihapus]'],
  // A NIK split, its head mislabelled as a phone number
  ['HP 6371 1115, NIK 1289 0002', 'HP [telepon dihapus], NIK [NIK dihapus]'],
  ['No HP: 6371111512890002', 'No HP: [NIK dihapus]'],
  ['NIK 6371 (sisanya 111512890002)', 'NIK [NIK dihapus] (sisanya [nomor dihapus])'],
  // Mobile numbers
  ['hubungi 081234567890', 'hubungi [telepon dihapus]'],
  ['hubungi 0812-3456-7890', 'hubungi [telepon dihapus]'],
  ['hubungi 0812 3456 7890 segera', 'hubungi [telepon dihapus] segera'],
  ['WA 0812.3456.7890', 'WA [telepon dihapus]'],
  ['+62 812 3456 7890', '[telepon dihapus]'],
  ['+62 (812) 3456 7890', '[telepon dihapus]'],
  ['+62-812-3456-7890', '[telepon dihapus]'],
  ['+6281234567890', '[telepon dihapus]'],
  ['6281234567890', '[telepon dihapus]'],
  ['(+62) 812 3456 7890', '[telepon dihapus]'],
  ['HP081234567890', 'HP [telepon dihapus]'],
  ['telp. 0812 345 678', 'telp. [telepon dihapus]'],
  ['０８１２－３４５６－７８９０', '[telepon dihapus]'],
  ['kontak: 812 3456 7890', 'kontak: [telepon dihapus]'],
  // Landlines (Banjarmasin 0511, Banjarbaru 0511, Kotabaru 0518)
  ['kantor (0511) 3252 123', 'kantor [telepon dihapus]'],
  ['telepon 0511-3252123', 'telepon [telepon dihapus]'],
  ['+62 518 21234', '[telepon dihapus]'],
  // E-mail
  ['email budi.santoso@gmail.com', 'email [email dihapus]'],
  ['email budi.santoso @ gmail.com', 'email [email dihapus]'],
  ['budi＠gmail．com', '[email dihapus]'],
  ['budi(at)yahoo(dot)co(dot)id', '[email dihapus]'],
  ['budi [at] yahoo [dot] com', '[email dihapus]'],
  ['budi at gmail dot com', '[email dihapus]'],
  ['surel: siti_aminah+lapor@kalsel.go.id.', 'surel: [email dihapus].'],
  // Other long identifiers: KK, BPJS, bank account
  ['No KK 6371012502100003', 'No KK [NIK dihapus]'],
  ['rekening BRI 0123 0100 1234 567', 'rekening BRI [nomor dihapus]'],
  ['BPJS 0001234567890', 'BPJS [nomor dihapus]'],
];

/** Text with numbers that are not personal data: it must come out exactly as it went in. */
const mustKeep: string[] = [
  'Jalan rusak sejak 17-03-2026, sudah dilaporkan 2 kali',
  'Tanggal 17/03/2026 pukul 10:00 WITA',
  'Kejadian 2026-03-17T10:00:00+08:00 di depan sekolah',
  'Dana Rp 1.500.000.000 untuk perbaikan jalan',
  'Biaya Rp1.500.000,00 dan IDR 250.000',
  'Anggaran Rp 12.500.000.000.000 tahun 2026',
  'Tiket LAPOR-6302-2026-000123 belum ditindaklanjuti',
  'Lihat laporan LAPOR-6371-2026-004501 dan LAPOR-6302-2026-000123',
  'Wilayah 6302 (Kotabaru) dan 6371 (Banjarmasin)',
  'RT 05 RW 03 Kelurahan Sungai Miai',
  'Jalan Ahmad Yani km 12,5 arah Martapura',
  'SK Bupati Nomor 188.45/123/2026 tanggal 2 Januari 2026',
  'Sebanyak 1.234 warga terdampak, 56 rumah rusak',
  'Tracking ID 3829106 di aplikasi',
  'Pengaduan nomor 20260317-0001',
  'Jam operasional 08.00-16.00 WITA',
  'Jarak 2.500 m, tinggi 1,75 m',
];

describe('the note scrubber', () => {
  it.each(mustScrub)('scrubs %j', (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it('holds at least 30 real-world spellings', () => {
    expect(mustScrub.length).toBeGreaterThanOrEqual(30);
  });

  it.each(mustKeep)('leaves %j as it is', (text) => {
    expect(scrubPersonalData(text)).toBe(text);
  });

  it('leaves no digit run of a NIK or phone number behind in any of the spellings', () => {
    for (const [input] of mustScrub) {
      const out = scrubPersonalData(input);
      expect(out, input).not.toMatch(/\d{4}/);
      expect(out, input).not.toContain('@');
      expect(
        Object.values(scrubbed).some((token) => out.includes(token)),
        input,
      ).toBe(true);
    }
  });
});
