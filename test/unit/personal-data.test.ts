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
  // Digits of other scripts (Unicode decimal digits, which NFKC and \\d leave alone)
  [
    'hubungi \u0660\u0668\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660',
    'hubungi [telepon dihapus]',
  ],
  [
    'NIK \u0666\u0663\u0667\u0661\u0661\u0661\u0661\u0665\u0661\u0662\u0668\u0669\u0660\u0660\u0660\u0662',
    'NIK [NIK dihapus]',
  ],
  ['\u06f0\u06f8\u06f1\u06f2-\u06f3\u06f4\u06f5\u06f6-\u06f7\u06f8\u06f9\u06f0', '[telepon dihapus]'],
  ['WA \u0966\u096e\u0967\u0968 \u0969\u096a\u096b\u096c \u096d\u096e\u096f\u0966', 'WA [telepon dihapus]'],
  ['\u0e50\u0e58\u0e51\u0e52\u0e53\u0e54\u0e55\u0e56\u0e57\u0e58\u0e59\u0e50', '[telepon dihapus]'],
  [
    '\u{1d7ce}\u{1d7d6}\u{1d7cf}\u{1d7d0}\u{1d7d1}\u{1d7d2}\u{1d7d3}\u{1d7d4}\u{1d7d5}\u{1d7d6}\u{1d7d7}\u{1d7ce}',
    '[telepon dihapus]',
  ],
  ['6371\u0661115 1289 0002', '[NIK dihapus]'],
  // Invisible format characters inside a number or an address
  ['0812\u200b3456\u200b7890', '[telepon dihapus]'],
  ['NIK 6371\u00ad1115\u00ad1289\u00ad0002', 'NIK [NIK dihapus]'],
  ['63711115\u206012890002', '[NIK dihapus]'],
  ['\ufeff0812\u200d3456\u200c7890', '[telepon dihapus]'],
  ['bu\u200bdi@gm\u00adail.com', '[email dihapus]'],
  // Separators: dashes of every kind, comma, underscore, newline, several spaces, tab
  ['hubungi 0812\u20133456\u20137890', 'hubungi [telepon dihapus]'],
  ['6371\u20141115\u20141289\u20140002', '[NIK dihapus]'],
  ['0812\u22123456\u22127890', '[telepon dihapus]'],
  ['0812\u20103456\u20107890', '[telepon dihapus]'],
  ['NIK 6371,1115,1289,0002', 'NIK [NIK dihapus]'],
  ['6371,1115,1289,0002', '[NIK dihapus]'],
  ['0812_3456_7890', '[telepon dihapus]'],
  ['hubungi\n0812\n3456\n7890', 'hubungi\n[telepon dihapus]'],
  ['NIK\n6371 1115\n1289 0002', 'NIK\n[NIK dihapus]'],
  ['0812    3456    7890', '[telepon dihapus]'],
  ['6371\t1115\t1289\t0002', '[NIK dihapus]'],
  ['+62 \u2013 812 \u2013 3456 \u2013 7890', '[telepon dihapus]'],
  ['rekening 0123_0100_1234_567', 'rekening [nomor dihapus]'],
  // E-mail, obfuscated
  ['budi at gmail.com', '[email dihapus]'],
  ['kirim ke budi at gmail.com ya', 'kirim ke [email dihapus] ya'],
  ['budi @ gmail . com', '[email dihapus]'],
  ['budi{at}gmail{dot}com', '[email dihapus]'],
  ['budi {at} gmail {dot} co {dot} id', '[email dihapus]'],
  ['budi<at>gmail<dot>com', '[email dihapus]'],
  ['budi(at)gmail.com', '[email dihapus]'],
  ['budi [at] gmail [titik] com', '[email dihapus]'],
  ['budi at gmail titik com', '[email dihapus]'],
  ['budi AT gmail DOT com', '[email dihapus]'],
  ['budi@gmail dot com', '[email dihapus]'],
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
  // Dashes, commas, line breaks and spacing of ordinary text
  'Jam layanan 08.00\u201316.00 WITA',
  'Periode 1\u201315 Maret 2026, 16\u201331 Maret 2026',
  'Tiket LAPOR\u20136302\u20132026\u2013000123 belum ditindaklanjuti',
  'Laporan 5049672, 5049673 dan 5049674 belum selesai',
  'Tracking ID 5049672,\n5049673',
  'Tanggal 17-03-2026\nJam 10:00',
  'RT 05 RW 03\nKelurahan Kuin Utara\nKode 63.71.01',
  'Biaya Rp 1.500.000,- dibayar 2 kali',
  'Nilai kontrak Rp 2,5 miliar untuk 3 ruas jalan',
  'Pada 2026 ada 12 laporan, 3 selesai, 9 diproses',
  'Tahun 2024\n2025\n2026',
  'Ruang_01 di lantai 2',
  'Luas 1 200 m2,  tinggi 3    m',
  // Words that look like an obfuscated address but are not one
  'Bertemu di Hotel A at Jl. Ahmad Yani',
  'Rapat di kantor @ 10.00 WITA',
  'Di titik km 12, dekat pasar',
];

/** Digits of other scripts are read as digits: what is not personal data stays, in ASCII digits. */
const keptAsAscii: [string, string][] = [
  ['Tanggal \u0661\u0667/\u0660\u0663/\u0662\u0660\u0662\u0666', 'Tanggal 17/03/2026'],
  ['Rp \u0661.\u0665\u0660\u0660.\u0660\u0660\u0660', 'Rp 1.500.000'],
  ['Wilayah \u0966\u096c\u0969\u0966\u0968', 'Wilayah 06302'],
  ['pemerin\u00adtahan 1\u200b2 kali', 'pemerintahan 12 kali'],
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

  it.each(keptAsAscii)('keeps %j, reading its digits', (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it('leaves no digit run of a NIK or phone number behind in any of the spellings', () => {
    for (const [input] of mustScrub) {
      const out = scrubPersonalData(input);
      expect(out, input).not.toMatch(/\p{Nd}{4}/u);
      expect(out, input).not.toContain('@');
      expect(
        Object.values(scrubbed).some((token) => out.includes(token)),
        input,
      ).toBe(true);
    }
  });
});
