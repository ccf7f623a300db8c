import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProvinceSemester, RankedMetrics } from '../../functions/domain/semester-metrics';
import { runCli } from '../support/cli';
import { localCliEnv } from '../support/cli-env';
import { freshTable } from '../support/local-aws';
import { readPdf } from '../support/pdf-text';

/**
 * An export with every citizens' column (Sumber Laporan, the Setwapres column, Kecamatan, Kelurahan,
 * Rating, the status Ditanggapi oleh Pelapor), and the same export without them: imported through the
 * CLI, the figures read back from `semester-report --json`.
 */
const columns = [
  'Tracking ID',
  'Tanggal Laporan Masuk',
  'Waktu Laporan Masuk',
  'Nama Pelapor',
  'Klasifikasi Laporan',
  'Kategori',
  'Instansi Induk',
  'Instansi Terdisposisi',
  'Status Laporan',
  'Provinsi',
  'Kota/Kabupaten',
  'Sumber Laporan',
  'Laporan yang Masuk melalui Kanal Aduan Setwapres',
  'Kecamatan',
  'Kelurahan',
  'Rating',
];
const citizenColumns = new Set(columns.slice(11));

type Row = {
  status: string;
  source: string;
  setwapres: string;
  kecamatan: string;
  kelurahan: string;
  rating: string;
};
const rows: Row[] = [
  ...Array.from({ length: 6 }, () => ({
    status: 'Selesai',
    source: 'Website',
    setwapres: 'Tidak',
    kecamatan: 'Binuang',
    kelurahan: 'Raya Belanti',
    rating: '5',
  })),
  ...Array.from({ length: 3 }, () => ({
    status: 'Ditanggapi oleh Pelapor',
    source: 'SMS',
    setwapres: '-',
    kecamatan: 'TAPIN UTARA',
    kelurahan: '-',
    rating: '-',
  })),
  {
    status: 'Ditutup oleh Admin',
    source: 'Website',
    setwapres: 'Ya',
    kecamatan: 'Kec. Bakarangan',
    kelurahan: '-',
    rating: '4',
  },
  {
    status: 'Ditindaklanjuti',
    source: 'Kotak Saran',
    setwapres: '-',
    kecamatan: 'Atlantis',
    kelurahan: '-',
    rating: '-',
  },
  { status: 'Terverifikasi', source: '-', setwapres: '-', kecamatan: '-', kelurahan: '-', rating: '-' },
];

function exportCsv(withCitizens: boolean): string {
  const keep = (c: string) => withCitizens || !citizenColumns.has(c);
  const lines = [
    'Laporan Pengaduan SP4N-LAPOR!',
    'Nama Instansi;Pemerintah Provinsi Kalimantan Selatan',
    'Tanggal Generate;30 Jun 2026 23:59',
    '',
    columns.filter(keep).join(';'),
    ...rows.map((r, i) => {
      const cells: Record<string, string> = {
        'Tracking ID': String(7100 + i),
        'Tanggal Laporan Masuk': `${10 + i} Mar 2026`,
        'Waktu Laporan Masuk': '09:00',
        'Nama Pelapor': 'Pelapor Fiktif',
        'Klasifikasi Laporan': 'Pengaduan',
        Kategori: 'Infrastruktur',
        'Instansi Induk': 'Pemerintah Kabupaten Tapin',
        'Instansi Terdisposisi': 'Dinas PUPR',
        'Status Laporan': r.status,
        Provinsi: 'Kalimantan Selatan',
        'Kota/Kabupaten': 'Kab. Tapin',
        'Sumber Laporan': r.source,
        'Laporan yang Masuk melalui Kanal Aduan Setwapres': r.setwapres,
        Kecamatan: r.kecamatan,
        Kelurahan: r.kelurahan,
        Rating: r.rating,
      };
      return columns
        .filter(keep)
        .map((c) => cells[c])
        .join(';');
    }),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'citizens-'));
const withFile = path.join(dir, 'ekspor-lengkap.csv');
const withoutFile = path.join(dir, 'ekspor-lama.csv');
writeFileSync(withFile, exportCsv(true));
writeFileSync(withoutFile, exportCsv(false));

function tapin(env: ReturnType<typeof localCliEnv>): RankedMetrics {
  const run = runCli(['semester-report', '--semester', '2026-H1', '--json', '--out', dir], env, 180_000);
  expect(run.stderr).not.toContain('Error');
  const figures = JSON.parse(run.stdout).figures as ProvinceSemester;
  return figures.regencies.find((r) => r.regencyCode === '6305') as RankedMetrics;
}

let withEnv: ReturnType<typeof localCliEnv>;
let withoutEnv: ReturnType<typeof localCliEnv>;
beforeAll(async () => {
  withEnv = localCliEnv(await freshTable('citizens-with'));
  withoutEnv = localCliEnv(await freshTable('citizens-without'));
}, 120_000);

describe('an export with the citizens columns, read back from semester-report --json', () => {
  it('imports every row, naming the values no data file knows in the result file', () => {
    const run = runCli(['ingest', withFile], withEnv);
    expect(run.stderr).toBe('');
    const result = readFileSync(`${withFile}.result.csv`, 'utf8');
    expect(result).toContain('12 laporan: 12 baru');
    expect(result).toMatch(/"nilai tidak dikenal","Sumber Laporan","""Kotak Saran"" di 1 baris \(16\)/);
    expect(result).toMatch(/"nilai tidak dikenal","Kecamatan","""Atlantis"" di 1 baris/);
    expect(result).toMatch(/"nilai tidak dikenal","Rating","""5"" di 6 baris/);
    expect(result).not.toContain('Pelapor Fiktif');
  }, 120_000);

  it('gives channels, kecamatan, ratings and replies', () => {
    const r = tapin(withEnv);
    expect(r.received.total).toBe(12);
    expect(r.channels).toMatchObject({ total: 12, known: 11 });
    const channel = (key: string) => r.channels?.byChannel.find((c) => c.channel === key);
    expect(channel('website')).toMatchObject({ count: 6, share: { numerator: 6, denominator: 11 } });
    expect(channel('sms')?.count).toBe(3);
    expect(channel('setwapres')?.count).toBe(1);
    expect(channel('lainnya')?.count).toBe(1);
    // Tapin is the only regency with complaints: its mix is the province's.
    expect(channel('website')?.province).toEqual(channel('website')?.share);
    expect(r.districts).toMatchObject({ known: 11, unknown: 1, listed: true });
    expect(r.districts?.byDistrict.find((d) => d.district === 'Tapin Utara')?.count).toBe(3);
    expect(r.districts?.byDistrict.at(-1)).toEqual({ district: 'Atlantis', count: 1, unlisted: true });
    expect(r.districts?.silent).toHaveLength(9);
    expect(r.districts?.silent).toContain('Hatungun');
    expect(r.ratings).toEqual({
      completed: 7,
      rated: { numerator: 7, denominator: 7, value: 1 },
      distribution: [
        { value: '5', count: 6, share: { numerator: 6, denominator: 7, value: 6 / 7 } },
        { value: '4', count: 1, share: { numerator: 1, denominator: 7, value: 1 / 7 } },
      ],
    });
    expect(r.reporterReplies).toEqual({
      followedUp: 11,
      answered: { numerator: 3, denominator: 11, value: 3 / 11 },
    });
  }, 180_000);

  it('changes nothing when the same export, or one without those columns, comes again', () => {
    expect(runCli(['ingest', withFile], withEnv).stderr).toBe('');
    expect(readFileSync(`${withFile}.result.csv`, 'utf8')).toContain(
      '12 laporan: 0 baru, 0 berubah, 12 tidak berubah',
    );
    expect(runCli(['ingest', withoutFile], withEnv).stderr).toBe('');
    expect(readFileSync(`${withoutFile}.result.csv`, 'utf8')).toContain(
      '0 baru, 0 berubah, 12 tidak berubah',
    );
  }, 120_000);
});

describe('the citizens figures where people see them', () => {
  it("measures an outreach event's effect, and the province digest reports it once, when its after-window ends", () => {
    const outreachFile = path.join(dir, 'penjangkauan.csv');
    writeFileSync(
      outreachFile,
      'date,regency,kecamatan,kind,people_reached,source\n2026-02-10,6305,Binuang,sosialisasi masyarakat,150,LPJ 01/2026\n',
    );
    expect(runCli(['outreach', 'import', outreachFile], withEnv).stderr).toBe('');
    const [effect] = tapin(withEnv).outreach ?? [];
    // Before (Nov-Jan) none, after (Mar-May) all 12, the rest of the province none: a rise.
    expect(effect).toMatchObject({
      event: { date: '2026-02-10', code: '6305', kind: 'sosialisasi-masyarakat' },
      before: { months: ['2025-11', '2025-12', '2026-01'], count: 0, rest: { count: 0 } },
      after: { months: ['2026-03', '2026-04', '2026-05'], count: 12 },
      afterEnds: '2026-05-31',
      verdict: 'rose',
    });
    const check = (at: string) => {
      const run = runCli(['check-deadlines', '--at', at, '--dry-run', '--json'], withEnv, 180_000);
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(run.stdout).province;
    };
    // 1 June 2026 is a holiday (Hari Lahir Pancasila): the first working day after is 2 June.
    expect(check('2026-06-02T08:00:00+08:00').outreachResults).toBe(1);
    expect(check('2026-06-03T08:00:00+08:00').outreachResults).toBeUndefined();
  }, 400_000);

  it("prints a page in Tapin's PDF: channels, silent kecamatan, reporters", async () => {
    const pdfDir = path.join(dir, 'pdf');
    const run = runCli(
      ['semester-report', '--semester', '2026-H1', '--regency', '6305', '--out', pdfDir],
      withEnv,
      180_000,
    );
    expect(run.stderr).not.toContain('Error');
    const file = readdirSync(pdfDir).find((f) => f.includes('6305')) as string;
    const text = (await readPdf(readFileSync(path.join(pdfDir, file)))).pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Suara Warga: Kanal, Kecamatan, Penjangkauan');
    expect(text).toContain('Situs web');
    expect(text).toMatch(/Laporan datang dari 3 dari 12 kecamatan/);
    expect(text).toMatch(/Tanpa laporan semester ini: [^.]*Hatungun/);
    expect(text).toMatch(/Laporan selesai yang dinilai pelapor: 100,0% \(7 dari 7\)/);
    expect(text).toMatch(/Pelapor menanggapi tindak lanjut: 27,3% \(3 dari 11\)/);
    expect(text).toMatch(/10 Feb 2026 · sosialisasi masyarakat · Kec\. Binuang · 150 orang/);
    expect(text).toMatch(
      /Naik: 0,0 menjadi [\d,]+ laporan per 100\.000 penduduk per bulan \(0 laporan sebelum, 12 sesudah\)/,
    );
    expect(text).not.toContain('Pelapor Fiktif');
  }, 240_000);

  it("shows Tapin's channels and ratings on the scoreboard, folding values under 5", () => {
    const siteDir = path.join(dir, 'site');
    const run = runCli(['site', '--at', '2026-07-01T08:00:00+08:00', '--out', siteDir], withEnv, 180_000);
    expect(run.status, run.stderr).toBe(0);
    const page = readdirSync(path.join(siteDir, 'daerah')).find((f) => f.startsWith('6305')) as string;
    const html = readFileSync(path.join(siteDir, 'daerah', page), 'utf8');
    expect(html).toContain('Kanal dan penilaian pelapor');
    expect(html).toMatch(/Situs web<\/t[hd]>\s*<td[^>]*>6<\/td>/);
    // SMS (3), Setwapres (1) and lainnya (1): folded into one row of 5.
    expect(html).toMatch(/lainnya \(digabung\)<\/t[hd]>\s*<td[^>]*>5<\/td>/);
    expect(html).not.toContain('SMS 1708');
    // Ratings: "5" six times; "4" once, folded and shown as "< 5".
    expect(html).toMatch(/Pelapor menanggapi tindak lanjut: 27,3% \(3 dari 11\)/);
    expect(html).toContain('&lt; 5');
    const method = readFileSync(path.join(siteDir, 'metode.html'), 'utf8');
    expect(method).toContain('terlalu sedikit untuk disimpulkan');
  }, 240_000);
});

describe('the same export without the citizens columns', () => {
  it('imports as before: the same figures, and no channel, kecamatan or rating known', () => {
    expect(runCli(['ingest', withoutFile], withoutEnv).stderr).toBe('');
    const result = readFileSync(`${withoutFile}.result.csv`, 'utf8');
    expect(result).toContain('12 laporan: 12 baru');
    expect(result).not.toContain('nilai tidak dikenal');
    const without = tapin(withoutEnv);
    const withCitizens = tapin(withEnv);
    const { channels, districts, ratings, reporterReplies, ...rest } = without;
    // (The first table also has an outreach event, imported above.)
    const {
      channels: _c,
      districts: _d,
      ratings: _r,
      reporterReplies: _p,
      outreach: _o,
      ...restWith
    } = withCitizens;
    expect(rest).toEqual(restWith);
    expect(channels?.known).toBe(0);
    expect(districts).toMatchObject({ known: 0, silent: [] });
    expect(ratings?.rated).toEqual({ numerator: 0, denominator: 7, value: 0 });
    // The reply is a status (Ditanggapi oleh Pelapor), not one of the dropped columns: still counted.
    expect(reporterReplies).toEqual(withCitizens.reporterReplies);
  }, 300_000);
});
