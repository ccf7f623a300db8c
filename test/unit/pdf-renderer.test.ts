import fs, { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  PdfRenderError,
  renderPdf,
  resolveFontsDir,
  robotoFiles,
} from '../../functions/adapters/pdf-renderer';
import { pdfToPngs } from '../../scripts/pdf-to-png';
import { barChart, histogram, horizontalBarChart } from '../../templates/charts';
import { semesterReportPdf } from '../../templates/semester-report-pdf';
import { countPixels } from '../support/pdf-text';
import { fixtureProvince, fixtureRegency } from '../support/semester-fixture';

const title = 'Laporan Evaluasi Semester I 2026 — Kabupaten Tanah Laut';
const creationDate = new Date('2026-07-15T01:00:00Z');
const regencies = [
  'Tanah Laut',
  'Kotabaru',
  'Banjar',
  'Barito Kuala',
  'Tapin',
  'Hulu Sungai Selatan',
  'Hulu Sungai Tengah',
  'Hulu Sungai Utara',
  'Tabalong',
  'Tanah Bumbu',
  'Balangan',
  'Kota Banjarmasin',
  'Kota Banjarbaru',
];

/** Two A4 pages: heading, text, table and two charts, then the regency ranking. */
function sampleReport(): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    info: {
      title,
      author: 'Pemerintah Provinsi Kalimantan Selatan',
      subject: 'Evaluasi pengelolaan pengaduan SP4N-LAPOR!',
      keywords: 'LAPOR, SP4N, Tanah Laut, 2026',
      creator: 'LAPOR Paman',
      producer: 'LAPOR Paman (pdfmake)',
      creationDate,
    },
    content: [
      { text: title, fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
      { text: 'Rata-rata 3,5 hari kerja', italics: true, margin: [0, 0, 0, 8] },
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto'],
          body: [
            [
              { text: 'Status', bold: true },
              { text: 'Jumlah', bold: true },
              { text: 'Persen', bold: true },
            ],
            ['Terdisposisi Selesai', '1.234', '87,5%'],
            ['Terdisposisi Sedang Diproses', '176', '12,5%'],
          ],
        },
        margin: [0, 0, 0, 12],
      },
      {
        svg: barChart({
          title: 'Jumlah laporan per bulan',
          labels: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni'],
          series: [
            { name: 'Kabupaten Tanah Laut', values: [12, 30, 25, 41, 18, 0] },
            { name: 'Rata-rata provinsi', values: [15.5, 22, 19, 28, 21, 17] },
          ],
          width: 515,
          height: 220,
          yLabel: 'Laporan',
        }),
      },
      {
        svg: histogram({
          bins: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '> 10'].map((label, i) => ({
            label,
            count: [3, 8, 15, 22, 18, 12, 9, 5, 4, 2, 2, 3][i] ?? 0,
          })),
          highlight: 3,
          width: 515,
          height: 190,
          xLabel: 'Waktu tindak lanjut (hari kerja)',
          yLabel: 'Jumlah laporan',
        }),
      },
      {
        svg: horizontalBarChart({
          items: regencies.map((label, i) => ({
            label,
            value: 2 + ((i * 37) % 50) / 10,
            highlight: label === 'Tanah Laut',
          })),
          target: 3,
          targetLabel: 'Target provinsi',
          width: 515,
          height: 320,
        }),
        pageBreak: 'before',
      },
    ],
  };
}

async function openPdf(pdf: Buffer) {
  return getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
}

async function pageTexts(pdf: Buffer): Promise<string[]> {
  const document = await openPdf(pdf);
  try {
    const texts: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      texts.push(
        content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
      );
    }
    return texts;
  } finally {
    await document.destroy();
  }
}

describe('renderPdf', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderPdf(sampleReport());
  });

  it('produces a two-page PDF', async () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const document = await openPdf(pdf);
    expect(document.numPages).toBe(2);
    await document.destroy();
  });

  it('writes the Indonesian text of the body, the table and the charts as real text', async () => {
    const [first = '', second = ''] = await pageTexts(pdf);
    expect(first).toContain(title);
    expect(first).toContain('Rata-rata 3,5 hari kerja');
    expect(first).toContain('Terdisposisi Sedang Diproses');
    expect(first).toContain('87,5%');
    // Chart text, drawn by svg-to-pdfkit in the embedded Roboto.
    expect(first).toContain('Jumlah laporan per bulan');
    expect(first).toContain('Rata-rata provinsi');
    expect(first).toContain('15,5');
    expect(first).toContain('Waktu tindak lanjut (hari kerja)');
    expect(second).toContain('Hulu Sungai Selatan');
    expect(second).toContain('Target provinsi: 3,0');
    expect(second).not.toContain('Jumlah laporan per bulan');
  });

  it('keeps the caller metadata and declares the document Indonesian', async () => {
    const document = await openPdf(pdf);
    const { info } = await document.getMetadata();
    await document.destroy();
    expect(info).toMatchObject({
      Title: title,
      Author: 'Pemerintah Provinsi Kalimantan Selatan',
      Subject: 'Evaluasi pengelolaan pengaduan SP4N-LAPOR!',
      Keywords: 'LAPOR, SP4N, Tanah Laut, 2026',
      Creator: 'LAPOR Paman',
      Producer: 'LAPOR Paman (pdfmake)',
      CreationDate: 'D:20260715010000Z',
      Language: 'id-ID',
    });
  });

  it('embeds Roboto subsets only, no standard PDF font', () => {
    const raw = pdf.toString('latin1');
    const fonts = new Set(raw.match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g)?.map((f) => f.split('+')[1]));
    expect([...fonts].sort()).toEqual(['Roboto-Italic', 'Roboto-Medium', 'Roboto-Regular']);
    expect(raw).not.toMatch(/Helvetica|Times-Roman|Courier/);
  });

  it('gives byte-identical output for the same definition and creation date', async () => {
    const again = await renderPdf(sampleReport());
    expect(again.equals(pdf)).toBe(true);
  });

  it('leaves the caller definition untouched', async () => {
    const doc = sampleReport();
    const before = JSON.stringify(doc);
    await renderPdf(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('rasterises every page to a PNG with ink on it, charts included', async () => {
    const pngs = await pdfToPngs(pdf, { scale: 1 });
    expect(pngs).toHaveLength(2);
    for (const png of pngs) {
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const ink = await countPixels(png, (r, g, b) => r < 200 || g < 200 || b < 200);
      // A4 at 72 dpi.
      expect([ink.width, ink.height]).toEqual([595, 842]);
      expect(ink.count).toBeGreaterThan(5_000);
    }
    // The histogram's highlighted bin is drawn in Okabe-Ito orange (#E69F00): the SVG rendered.
    const orange = (r: number, g: number, b: number) =>
      Math.abs(r - 0xe6) < 12 && Math.abs(g - 0x9f) < 12 && b < 30;
    expect((await countPixels(pngs[0]!, orange)).count).toBeGreaterThan(200);
  });
});

describe('renderPdf font cache (per container)', () => {
  const fontsCopy = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fonts-'));
    cpSync(resolveFontsDir({}), dir, { recursive: true });
    return dir;
  };
  const withFontsDir = async <T>(dir: string, run: () => Promise<T>): Promise<T> => {
    const previous = process.env.FONTS_DIR;
    process.env.FONTS_DIR = dir;
    try {
      return await run();
    } finally {
      if (previous === undefined) delete process.env.FONTS_DIR;
      else process.env.FONTS_DIR = previous;
    }
  };
  const other: TDocumentDefinitions = {
    info: { creationDate },
    content: [
      { text: 'Dokumen lain: kata-kata lain, huruf lain (Ωmega?), angka 0123456789.', bold: true },
      {
        svg: barChart({
          title: 'Lain',
          labels: ['Juli', 'Agustus'],
          series: [{ name: 'Kota Banjarbaru', values: [3, 9] }],
          width: 300,
          height: 150,
        }),
      },
    ],
  };

  it('renders a document byte for byte as on a cold start after other documents warmed it', async () => {
    // A new fonts folder starts the cache over: the first render parses the fonts afresh.
    const cold = await withFontsDir(fontsCopy(), () => renderPdf(sampleReport()));
    const warm = await withFontsDir(fontsCopy(), async () => {
      await renderPdf(other);
      await renderPdf({ ...sampleReport(), content: ['Tanah Laut', 'Kotabaru'] });
      return renderPdf(sampleReport());
    });
    expect(warm.equals(cold)).toBe(true);
  });

  it('keeps the text of a report whole after other reports embedded glyphs of the same fonts', async () => {
    // The Kotabaru and Hulu Sungai Utara reports embed a period as part of other glyphs; the Tapin
    // report's italic sentences end in a period that must still map back to text.
    const province = fixtureProvince();
    const report = (code: string) => semesterReportPdf({ report: fixtureRegency(code), province });
    const cold = await withFontsDir(fontsCopy(), () => renderPdf(report('6305')));
    const warm = await withFontsDir(fontsCopy(), async () => {
      await renderPdf(report('6302'));
      await renderPdf(report('6308'));
      return renderPdf(report('6305'));
    });
    expect(warm.equals(cold)).toBe(true);
  }, 60_000);

  it('reads each font file once, not once per document', async () => {
    const read = vi.spyOn(fs, 'readFileSync');
    try {
      await withFontsDir(fontsCopy(), async () => {
        await renderPdf(sampleReport());
        await renderPdf(other);
        await renderPdf(sampleReport());
      });
      const fontReads = read.mock.calls.filter(([file]) => String(file).endsWith('.ttf'));
      expect(fontReads.length).toBeGreaterThan(0);
      expect(fontReads.length).toBeLessThanOrEqual(Object.keys(robotoFiles).length);
    } finally {
      read.mockRestore();
    }
  });
});

describe('renderPdf resource policy', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'pdf-renderer-'));
  const png = path.join(work, 'logo.png');
  let server: ReturnType<typeof createServer>;
  let requests = 0;
  let baseUrl = '';

  beforeAll(async () => {
    const canvas = createCanvas(4, 4);
    canvas.getContext('2d').fillRect(0, 0, 4, 4);
    writeFileSync(png, await canvas.encode('png'));
    server = createServer((_, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'image/png' }).end(readFileSync(png));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses an http(s) image without sending a request', async () => {
    await expect(
      renderPdf({ content: [{ image: 'logo' }], images: { logo: `${baseUrl}/logo.png` } }),
    ).rejects.toThrow(/Access to URL denied/);
    await expect(
      renderPdf({ content: [{ image: 'logo' }], images: { logo: { url: 'https://example.com/logo.png' } } }),
    ).rejects.toThrow(/Access to URL denied/);
    expect(requests).toBe(0);
  });

  it('refuses a valid local image file outside the fonts folder', async () => {
    await expect(renderPdf({ content: [{ image: png }] })).rejects.toThrow(/Access to local file denied/);
    await expect(renderPdf({ content: [{ image: 'logo' }], images: { logo: png } })).rejects.toThrow(
      /Access to local file denied/,
    );
  });

  it('refuses local files as attachments', async () => {
    await expect(renderPdf({ content: ['x'], files: { data: { src: '/etc/hostname' } } })).rejects.toThrow(
      /Access to local file denied/,
    );
  });

  it('refuses an <image> inside an SVG, which pdfkit would otherwise read from disk', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="50" height="50"><image href="${png}" x="0" y="0" width="50" height="50"/></svg>`;
    await expect(renderPdf({ content: [{ stack: [{ svg }] }] })).rejects.toThrow(
      /SVG <image> is not allowed/,
    );
    await expect(renderPdf({ content: ['x'], footer: () => ({ svg }) })).rejects.toThrow(
      /SVG <image> is not allowed/,
    );
  });

  it('still embeds an image given as a data URL', async () => {
    const dataUrl = `data:image/png;base64,${readFileSync(png).toString('base64')}`;
    const pdf = await renderPdf({ content: [{ image: dataUrl, width: 20 }] });
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
  });
});

describe('resolveFontsDir', () => {
  it('prefers FONTS_DIR, then fonts/ beside the Lambda bundle, then the repository', () => {
    expect(resolveFontsDir({ FONTS_DIR: '/opt/fonts', LAMBDA_TASK_ROOT: '/var/task' })).toBe('/opt/fonts');
    expect(resolveFontsDir({ LAMBDA_TASK_ROOT: '/var/task' })).toBe('/var/task/fonts');
    expect(resolveFontsDir({})).toBe(path.resolve(import.meta.dirname, '../../assets/fonts'));
  });

  it('fails with the folder to fix when the fonts are missing', async () => {
    const previous = process.env.FONTS_DIR;
    process.env.FONTS_DIR = mkdtempSync(path.join(tmpdir(), 'no-fonts-'));
    try {
      const rendering = renderPdf({ content: ['x'] });
      await expect(rendering).rejects.toThrow(PdfRenderError);
      await expect(rendering).rejects.toThrow(/Roboto-Regular\.ttf.*FONTS_DIR/);
    } finally {
      if (previous === undefined) delete process.env.FONTS_DIR;
      else process.env.FONTS_DIR = previous;
    }
    expect((await renderPdf({ content: ['x'] })).subarray(0, 4).toString('latin1')).toBe('%PDF');
  });
});
