import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { generateUpdates } from '../demo/generate';
import { laporExportTable } from '../demo/lapor-export';
import { sheetXml, writeXlsx, type XlsxCell } from '../demo/xlsx-writer';
import { defaultImportLimits } from '../functions/domain/import-limits';
import { semester } from '../functions/domain/semester';
import { calendar, kalsel } from '../test/support/data';
import { progress, table } from './support';

/** The bulk-import function's memory (infra/stateless-stack.ts); the target is under half of it. */
const functionMemoryMb = 1024;

interface ChildResult {
  ms: number;
  maxRssMb: number;
  written: number;
  outcome: { status: string; stopped?: string };
}

function runChild(dir: string, key: string): ChildResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/import-child.ts', dir, key], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`import child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ChildResult;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Rows of a realistic export, repeated with fresh tracking ids until `bytes` of CSV. */
function exportRows(): XlsxCell[][] {
  const updates = generateUpdates({
    semester: semester(2026, 1, kalsel().zone),
    calendar: calendar(),
    seed: 5,
    complaints: 1400,
    until: '2026-06-30T23:59:00+08:00',
    prefix: 'B',
  });
  return laporExportTable(
    updates,
    { regions: kalsel(), asOf: DateTime.fromISO('2026-06-30T23:59:00+08:00') },
    'csv',
  );
}

const csvLine = (row: readonly XlsxCell[]) =>
  row
    .map((c) =>
      typeof c === 'string' && /[";\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : String(c ?? ''),
    )
    .join(';');

function bigCsv(file: string, targetBytes: number): number {
  const table = exportRows();
  const head = table.slice(0, 5).map(csvLine);
  const body = table.slice(5);
  const lines = [...head];
  let size = lines.reduce((n, l) => n + l.length + 2, 0);
  for (let i = 0; size < targetBytes; i++) {
    const row = [...(body[i % body.length] as XlsxCell[])];
    row[0] = String(10_000_000 + i);
    const line = csvLine(row);
    if (size + line.length + 2 > targetBytes) break;
    lines.push(line);
    size += line.length + 2;
  }
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return lines.length - head.length;
}

/** The largest XLSX the limit accepts: rows until the sheet XML is just under the limit. */
function bigXlsx(file: string, unpackedLimit: number): { rows: number; sheetBytes: number } {
  const table = exportRows();
  const head = table.slice(0, 5);
  const body = table.slice(5);
  const rows: XlsxCell[][] = [...head];
  const perRow = Buffer.byteLength(sheetXml(body.slice(0, 200))) / 200;
  const target = Math.floor((unpackedLimit * 0.97) / perRow);
  for (let i = 0; i < target; i++) {
    const row = [...(body[i % body.length] as XlsxCell[])];
    row[0] = 10_000_000 + i;
    rows.push(row);
  }
  const sheetBytes = Buffer.byteLength(sheetXml(rows));
  writeFileSync(file, writeXlsx(rows));
  return { rows: target, sheetBytes };
}

/** `npm run bench -- import`: peak memory of the bulk import at its limits, each in a child process. */
export async function benchImport(): Promise<string> {
  const limits = defaultImportLimits;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  mkdirSync(path.join(dir, 'imports/63'), { recursive: true });
  const at = (name: string) => path.join(dir, 'imports/63', name);

  progress('import: writing a 20 MB CSV export, the largest accepted XLSX and an oversize file');
  const csvRows = bigCsv(at('largest.csv'), limits.maxBytes);
  const xlsx = bigXlsx(at('largest.xlsx'), limits.maxUnpackedXlsxBytes);
  bigCsv(at('oversize.csv'), limits.maxBytes + 1024 * 1024);
  bigCsv(at('small.csv'), 20_000);

  const cases: [string, string, string][] = [
    ['small.csv', 'a small export (baseline: Node.js, the importer loaded)', ''],
    [
      'largest.csv',
      `the largest accepted CSV (${mb(statSync(at('largest.csv')).size)} MB, ${csvRows.toLocaleString('en')} complaints)`,
      '',
    ],
    [
      'largest.xlsx',
      `the largest accepted XLSX (${mb(statSync(at('largest.xlsx')).size)} MB, sheet XML ${mb(xlsx.sheetBytes)} MB, ${xlsx.rows.toLocaleString('en')} complaints)`,
      '',
    ],
    [
      'oversize.csv',
      `an oversize CSV (${mb(statSync(at('oversize.csv')).size)} MB), refused before reading`,
      '',
    ],
  ];
  const rows: (string | number)[][] = [];
  for (const [name, label] of cases) {
    progress(`import: ${name}`);
    const r = runChild(dir, `imports/63/${name}`);
    rows.push([
      label,
      r.outcome.status,
      r.written.toLocaleString('en'),
      `${r.maxRssMb.toFixed(0)} MB`,
      `${((r.maxRssMb / functionMemoryMb) * 100).toFixed(0)}%`,
      `${(r.ms / 1000).toFixed(1)} s`,
    ]);
  }
  return [
    '## Bulk import: peak memory at the limits',
    '',
    `Limits (defaults, \`IMPORT_MAX_*\`): file ${mb(limits.maxBytes)} MB, ${limits.maxRows.toLocaleString('en')} rows, line ${limits.maxLineChars.toLocaleString('en')} characters, XLSX sheets unpacked ${mb(limits.maxUnpackedXlsxBytes)} MB.`,
    `Each file is imported by \`importStoredFile\` in a child process of its own (bench/import-child.ts), whose peak resident memory (maxRSS) is shown against the function's ${functionMemoryMb} MB; the target is under half. The rows are realistic LAPOR! export rows (the demo generator's fixture: every evidenced column, texts included). The table is a store that keeps nothing, so the figure is the importer's own (stream, map, validate, fold, batches of 500, result file); DynamoDB's share per batch is bounded by the batch size. The time is the importer's CPU on this shared machine, before any write: a file that cannot be imported within the function's 5 minutes stops between batches and says to upload it again, which resumes. A CSV streams; an XLSX is unzipped whole by read-excel-file, which is why its sheets have their own, smaller limit.`,
    '',
    table(['file', 'outcome', 'complaints written', 'peak memory', 'of the function', 'time'], rows),
  ].join('\n');
}
