import { Readable } from 'node:stream';
import { parse as parseStream } from 'csv-parse';
import { unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { ImportLimitError, type ImportLimits } from '../domain/import-limits';
import { UnreadableFileError } from '../domain/import-rows';

/** One row of a file: its line as a spreadsheet shows it (1-based) and its cells. */
export interface FileRow {
  line: number;
  cells: unknown[];
}

// relax_quotes: a quote inside an unquoted cell is text, as Excel reads it.
const csvOptions = {
  bom: true,
  delimiter: [',', ';'],
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: false,
};

/** A buffer as a stream of small chunks, so rows before a broken one are parsed and kept. */
function chunked(content: Buffer, size = 4 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < content.length; i += size) yield content.subarray(i, i + size);
    })(),
  );
}

/**
 * The rows of a file one at a time, within the limits. A CSV is parsed as it streams (a line
 * longer than the limit stops it); an XLSX, which must be unzipped whole, is first checked from its
 * zip directory: a sheet whose uncompressed XML is over the limit is refused before anything is
 * inflated. The caller caps the number of rows (it stops reading).
 */
export async function* readRows(
  fileName: string,
  input: Buffer | Readable,
  limits: ImportLimits,
): AsyncGenerator<FileRow> {
  const lower = fileName.toLowerCase();
  let kind = lower.endsWith('.csv') ? 'csv' : lower.endsWith('.xlsx') ? 'xlsx' : undefined;
  if (!kind) {
    // Not named as either: a workbook is still read when it is one (an .xls that is really a zip).
    input = Buffer.isBuffer(input) ? input : await collect(input);
    if (startsWith(input, oleMagic))
      throw new UnreadableFileError(
        `${fileName}: berkas Excel 97-2003 (.xls) belum dapat dibaca; buka di Excel, pilih Simpan Sebagai (Save As) "Buku Kerja Excel (.xlsx)" atau CSV, lalu unggah berkas itu`,
      );
    if (!startsWith(input, zipMagic))
      throw new UnreadableFileError(`${fileName}: bukan berkas .csv atau .xlsx (ekspor LAPOR!)`);
    kind = 'xlsx';
  }
  if (kind === 'csv') {
    const { sample, source } = await peek(Buffer.isBuffer(input) ? chunked(input) : input);
    const parser = source.pipe(
      parseStream({
        ...csvOptions,
        delimiter: delimiterOf(sample),
        info: true,
        max_record_size: limits.maxLineChars,
      }),
    );
    source.on('error', (error) => parser.destroy(error));
    try {
      for await (const { record, info } of drain<{ record: unknown[]; info: { records: number } }>(parser)) {
        yield { line: info.records, cells: record };
      }
    } catch (error) {
      const e = error as Error & { code?: string };
      if (e.code === 'CSV_MAX_RECORD_SIZE')
        throw new ImportLimitError(
          'line-too-long',
          `a line is longer than ${limits.maxLineChars} characters`,
          e,
        );
      if (e.name === 'CsvError')
        throw new UnreadableFileError(`${fileName}: not a readable CSV file: ${e.message}`);
      throw error;
    } finally {
      parser.destroy();
    }
    return;
  }
  // An XLSX, by name or by content.
  const content = Buffer.isBuffer(input) ? input : await collect(input);
  checkWorkbookSize(fileName, content, limits);
  let rows: unknown[][];
  try {
    rows = (await readSheet(content)) as unknown[][];
  } catch (error) {
    throw new UnreadableFileError(`${fileName}: not a readable XLSX workbook: ${(error as Error).message}`);
  }
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i] as unknown[];
    rows[i] = []; // let the rows already imported go
    yield { line: i + 1, cells };
  }
}

/**
 * Reads the workbook's zip directory (no inflation) and refuses it when the worksheets and shared
 * strings would unpack to more than the limit: an 8.9 MB XLSX can hold 183 MB of sheet XML.
 */
export function checkWorkbookSize(fileName: string, content: Uint8Array, limits: ImportLimits): void {
  let unpacked = 0;
  try {
    unzipSync(content, {
      filter: (file) => {
        if (/^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/.test(file.name))
          unpacked += file.originalSize;
        return false; // nothing is inflated
      },
    });
  } catch (error) {
    throw new UnreadableFileError(`${fileName}: not a readable XLSX workbook: ${(error as Error).message}`);
  }
  if (unpacked > limits.maxUnpackedXlsxBytes) {
    throw new ImportLimitError(
      'xlsx-too-large',
      `its sheets unpack to ${unpacked} bytes, over the limit of ${limits.maxUnpackedXlsxBytes}`,
    );
  }
}

/**
 * The file's one delimiter: the one a line uses most often (the header row has the most cells);
 * on a tie, the one the first line with either uses more. Both at once would split "Dinas
 * Koperasi, Usaha Kecil dan Menengah" in a semicolon file, as Excel in Indonesia saves it.
 */
export function delimiterOf(sample: string): ';' | ',' {
  const lines = sample
    .split(/\r?\n/)
    .slice(0, 60)
    .map((line) => ({ semicolons: line.split(';').length - 1, commas: line.split(',').length - 1 }));
  const most = (key: 'semicolons' | 'commas') => Math.max(0, ...lines.map((l) => l[key]));
  if (most('semicolons') !== most('commas')) return most('semicolons') > most('commas') ? ';' : ',';
  const first = lines.find((l) => l.semicolons + l.commas > 0);
  return first && first.semicolons > first.commas ? ';' : ',';
}

/** The first 64 KB of a stream as text, and a stream that still yields everything. */
async function peek(stream: Readable): Promise<{ sample: string; source: Readable }> {
  const iterator = stream[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < 64 * 1024) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = Buffer.from(next.value as Uint8Array);
    head.push(chunk);
    size += chunk.length;
  }
  const source = Readable.from(
    (async function* () {
      yield* head;
      if (!done)
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    })(),
  );
  return { sample: Buffer.concat(head).toString('utf8'), source };
}

/**
 * The records of a stream, then its error if any: unlike a stream's own async iterator, records
 * parsed before a broken line are not dropped. Pauses the stream while records wait.
 */
async function* drain<T>(stream: Readable): AsyncGenerator<T> {
  const queue: T[] = [];
  let failure: Error | undefined;
  let ended = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  stream.on('data', (item: T) => {
    queue.push(item);
    if (queue.length >= 1000) stream.pause();
    signal();
  });
  stream.on('error', (error) => {
    failure = error;
    signal();
  });
  stream.on('end', () => {
    ended = true;
    signal();
  });
  stream.on('close', () => {
    ended = true;
    signal();
  });
  for (;;) {
    const item = queue.shift();
    if (item !== undefined) {
      if (queue.length < 100 && stream.isPaused()) stream.resume();
      yield item;
      continue;
    }
    if (failure) throw failure;
    if (ended) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}

/** A zip's local file header (XLSX is a zip) and an OLE2 compound file's (Excel 97-2003 .xls). */
const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (content: Uint8Array, magic: readonly number[]) => magic.every((b, i) => content[i] === b);

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
