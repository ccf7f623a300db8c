import { strToU8, unzipSync, type Zippable, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sheetXml, writeXlsx } from '../../demo/xlsx-writer';
import { defaultImportLimits } from '../../functions/domain/import-limits';
import { importStoredFile } from '../../functions/use-cases/import-stored-file';
import { localIngest } from '../support/ingest';
import { memoryFiles } from '../support/memory-files';

/**
 * Issue 23, finding 6: an XLSX's size checks could be bypassed three ways (a sheet outside
 * xl/worksheets/, large entries the workbook never references, a zip directory understating sizes).
 * Each crafted workbook is built here with fflate and imported through the bulk import; each gets
 * an answer (a result file), none is read past the limit.
 */
const limit = 200_000;
const limits = { ...defaultImportLimits, maxUnpackedXlsxBytes: limit };
const ns = 'http://schemas.openxmlformats.org';

/** A valid LAPOR!-style header and a few rows, then `padding` rows of filler to make it large. */
function rows(padding = 0): string[][] {
  return [
    [
      'Tracking ID',
      'Tanggal Laporan Masuk',
      'Klasifikasi Laporan',
      'Kategori',
      'Status Laporan',
      'Kota/Kabupaten',
    ],
    ['7000001', '3 Jun 2026', 'Aspirasi', 'Infrastruktur', 'Belum Terverifikasi', 'Kab. Kotabaru'],
    ...Array.from({ length: padding }, () => ['', '', '', '', '', 'x'.repeat(200)]),
  ];
}

/** writeXlsx's parts, to rearrange. */
const parts = (padding = 0): Zippable => unzipSync(writeXlsx(rows(padding)));

async function upload(name: string, content: Uint8Array) {
  const { deps } = await localIngest();
  const key = `imports/6302/${name}`;
  const objects = new Map<string, string | Buffer>([[key, Buffer.from(content)]]);
  // The export's time as S3 metadata (these workbooks have no "Tanggal Generate" row).
  const files = memoryFiles(objects, { metadata: { 'as-of': '2026-06-17T23:59:00+08:00' } });
  const outcome = await importStoredFile({ ...deps, files, limits }, key);
  const answer = [...objects].find(([k]) => k.startsWith('results/'));
  return { outcome, answer: answer ? { key: answer[0], text: String(answer[1]) } : undefined };
}

/** Moves the sheet to another path and points the workbook's relationship at it. */
function sheetElsewhere(padding: number, path: string): Uint8Array {
  const p = parts(padding);
  const sheet = p['xl/worksheets/sheet1.xml'];
  delete p['xl/worksheets/sheet1.xml'];
  p[path] = sheet as Uint8Array;
  p['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="/${path}"/><Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  return zipSync(p);
}

/** Sets every declared uncompressed size (local headers and central directory) to `size`. */
function understate(zip: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, size, true); // local file header
    if (signature === 0x02014b50) view.setUint32(i + 24, size, true); // central directory entry
  }
  return out;
}

describe('an XLSX within the limits', () => {
  it('is read wherever the workbook keeps its sheet (not only under xl/worksheets/)', async () => {
    const { outcome, answer } = await upload('di-tempat-lain.xlsx', sheetElsewhere(0, 'data/lembar.xml'));
    expect({ ...outcome, answer: answer?.text }).toMatchObject({
      status: 'imported',
      counts: { created: 1 },
    });
    expect(answer?.key).toBe('results/6302/di-tempat-lain.xlsx.result.csv');
  });

  it('never inflates a large part the workbook refers to but the import does not need', async () => {
    const p = parts();
    // 5 MB of custom XML, referred to by the workbook as Excel does: 25 times the limit.
    p['customXml/item1.xml'] = strToU8(`<a>${' '.repeat(5_000_000)}</a>`);
    p['xl/_rels/workbook.xml.rels'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${ns}/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>`,
    );
    const { outcome, answer } = await upload('dengan-customxml.xlsx', zipSync(p));
    expect({ ...outcome, answer: answer?.text }).toMatchObject({
      status: 'imported',
      counts: { created: 1 },
    });
  });
});

describe('an XLSX that would get around the limit', () => {
  it('is refused when its sheet, stored outside xl/worksheets/, unpacks over the limit', async () => {
    const zip = sheetElsewhere(2000, 'data/lembar.xml');
    expect(zip.length).toBeLessThan(limit); // small on disk, ~450 KB unpacked
    const { outcome, answer } = await upload('lembar-tersembunyi.xlsx', zip);
    expect(outcome).toMatchObject({ status: 'file-rejected' });
    expect(answer?.key).toBe('results/6302/lembar-tersembunyi.xlsx.result.csv');
    expect(answer?.text).toContain('simpan sebagai CSV');
  });

  it('is refused, naming the entry, when it holds a large part the workbook never refers to', async () => {
    const p = parts();
    p['customXml/item1.xml'] = strToU8(`<a>${' '.repeat(50_000_000)}</a>`);
    const zip = zipSync(p);
    expect(zip.length).toBeLessThan(200_000); // 50 MB of XML in ~50 KB
    const before = process.memoryUsage().rss;
    const { outcome, answer } = await upload('customxml.xlsx', zip);
    expect(outcome).toMatchObject({ status: 'file-rejected' });
    expect(answer?.key).toBe('results/6302/customxml.xlsx.result.txt');
    expect(answer?.text).toMatch(/tidak dirujuk oleh buku kerjanya \(customXml\/item1\.xml\)/);
    // The 50 MB were never inflated.
    expect(process.memoryUsage().rss - before).toBeLessThan(40_000_000);
  });

  it('is refused when its zip directory and headers understate the sheet: bytes are counted as they inflate', async () => {
    const zip = understate(writeXlsx(rows(2000)), 100);
    const { outcome, answer } = await upload('ukuran-palsu.xlsx', zip);
    expect(outcome).toMatchObject({ status: 'file-rejected' });
    expect(answer?.key).toBe('results/6302/ukuran-palsu.xlsx.result.csv');
    expect(answer?.text).toContain('simpan sebagai CSV');
  });

  it('counts every part inflated against one cap: many parts each under the limit are refused together', async () => {
    const p = parts();
    const sheets = Array.from({ length: 4 }, (_, i) => `worksheets/sheet${i + 2}.xml`);
    for (const s of sheets) p[`xl/${s}`] = strToU8(sheetXml(rows(300)));
    p['xl/_rels/workbook.xml.rels'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${sheets.map((s, i) => `<Relationship Id="rId${i + 3}" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="${s}"/>`).join('')}<Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    );
    for (const s of sheets) expect((p[`xl/${s}`] as Uint8Array).length).toBeLessThan(limit);
    const { outcome, answer } = await upload('banyak-lembar.xlsx', zipSync(p));
    expect(outcome).toMatchObject({ status: 'file-rejected' });
    expect(answer?.text).toContain('simpan sebagai CSV');
  });
});
