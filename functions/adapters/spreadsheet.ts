import { Readable } from 'node:stream';
import { parse as parseStream } from 'csv-parse';
import { strFromU8, Unzip, UnzipInflate, zipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { ImportLimitError, type ImportLimits } from '../domain/import-limits';
import { UnreadableFileError } from '../domain/import-rows';
import type { FileRow, RowReader } from '../ports/row-reader';

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
  const workbook = unpackWorkbook(fileName, content, limits);
  let rows: unknown[][];
  try {
    rows = (await readSheet(
      Buffer.from(workbook.buffer, workbook.byteOffset, workbook.byteLength),
    )) as unknown[][];
  } catch (error) {
    throw new UnreadableFileError(`${fileName}: not a readable XLSX workbook: ${(error as Error).message}`);
  }
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i] as unknown[];
    rows[i] = []; // let the rows already imported go
    yield { line: i + 1, cells };
  }
}

/** More entries than any workbook of one export has: a zip of many tiny entries is refused early. */
const maxWorkbookEntries = 1000;
/** Inflated in small steps: deflate expands at most ~1,000 times, so one step yields at most ~16 MB. */
const inflateStep = 16 * 1024;

/**
 * The parts of an XLSX that reading its sheets needs, inflated under one running cap, repacked as
 * a new (stored) zip for the sheet reader. Three ways around a cap read from the zip's directory are
 * closed: sizes are counted as they inflate, never taken from the directory (which can understate
 * them); every inflated byte counts, whatever the entry's name (a sheet can live outside
 * xl/worksheets/); and an entry no relationship of the workbook refers to (384 MB of customXml in a
 * 0.4 MB file) is refused, not read. Entries referred to but not needed (themes, images) are never
 * inflated, and the sheet reader sees only the repacked parts.
 */
export function unpackWorkbook(fileName: string, content: Uint8Array, limits: ImportLimits): Uint8Array {
  const budget = { used: 0 };
  const unreadable = (detail: string) =>
    new UnreadableFileError(`${fileName}: not a readable XLSX workbook: ${detail}`);
  // First the relationships (where every part is referred to) and the workbook itself.
  const first = inflateEntries(
    content,
    (name) => name.endsWith('.rels') || name === workbookPart,
    budget,
    limits,
    unreadable,
  );
  const names = first.names.filter((n) => !n.endsWith('/'));
  const present = new Set(names.map((n) => n.toLowerCase()));
  const referenced = new Set(['[content_types].xml']);
  const typesOf = new Map<string, string>();
  for (const [rels, data] of first.files) {
    const source = sourceOfRels(rels);
    if (source === undefined || (source !== '' && !present.has(source.toLowerCase()))) continue;
    referenced.add(rels.toLowerCase());
    for (const { target, type } of relationships(strFromU8(data))) {
      const part = resolvePart(source, target);
      if (part === undefined) continue;
      referenced.add(part.toLowerCase());
      if (rels === workbookRels) typesOf.set(part, type);
    }
  }
  const strays = names.filter((n) => !referenced.has(n.toLowerCase()));
  if (strays.length > 0)
    throw new UnreadableFileError(
      `${fileName}: berkas XLSX ini berisi bagian yang tidak dirujuk oleh buku kerjanya (${strays
        .slice(0, 3)
        .join(
          ', ',
        )}${strays.length > 3 ? `, dan ${strays.length - 3} lagi` : ''}), jadi tidak dibaca; ekspor LAPOR! tidak berisi bagian seperti itu`,
    );
  if (!first.files.has(workbookPart) || !first.files.has(workbookRels))
    throw unreadable(`${workbookPart} or ${workbookRels} is missing`);
  // Then the sheets, the shared strings and the styles, wherever the workbook says they are.
  const needed = new Set(
    [...typesOf].filter(([, type]) => /\/(worksheet|sharedStrings|styles)$/.test(type)).map(([part]) => part),
  );
  const second = inflateEntries(content, (name) => needed.has(name), budget, limits, unreadable);
  return zipSync(
    {
      [workbookPart]: first.files.get(workbookPart) as Uint8Array,
      [workbookRels]: first.files.get(workbookRels) as Uint8Array,
      ...Object.fromEntries(second.files),
    },
    { level: 0 },
  );
}

const workbookPart = 'xl/workbook.xml';
const workbookRels = 'xl/_rels/workbook.xml.rels';

/**
 * Inflates the entries `wanted` picks, in small steps, adding every byte to `budget` and stopping
 * at the limit, whatever sizes the zip declares. Lists every entry's name.
 */
function inflateEntries(
  content: Uint8Array,
  wanted: (name: string) => boolean,
  budget: { used: number },
  limits: ImportLimits,
  unreadable: (detail: string) => Error,
): { names: string[]; files: Map<string, Uint8Array> } {
  const names: string[] = [];
  const files = new Map<string, Uint8Array>();
  const unzip = new Unzip((file) => {
    names.push(file.name);
    if (names.length > maxWorkbookEntries) throw unreadable(`more than ${maxWorkbookEntries} entries`);
    if (!wanted(file.name)) return;
    if (files.has(file.name)) throw unreadable(`${file.name} appears twice`);
    const chunks: Uint8Array[] = [];
    file.ondata = (error, data, final) => {
      // fflate hands an error thrown here back to this callback: keep ours as they are.
      if (error)
        throw error instanceof ImportLimitError || error instanceof UnreadableFileError
          ? error
          : unreadable(error.message);
      budget.used += data.length;
      if (budget.used > limits.maxUnpackedXlsxBytes)
        throw new ImportLimitError(
          'xlsx-too-large',
          `its parts unpack to more than ${limits.maxUnpackedXlsxBytes} bytes (at ${file.name})`,
        );
      chunks.push(data);
      if (final) files.set(file.name, concat(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let i = 0; i < content.length; i += inflateStep)
      unzip.push(content.subarray(i, Math.min(i + inflateStep, content.length)), false);
    unzip.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ImportLimitError || error instanceof UnreadableFileError) throw error;
    throw unreadable((error as Error).message);
  }
  return { names, files };
}

/** The part a relationships entry belongs to: `xl/_rels/workbook.xml.rels` is `xl/workbook.xml`'s, `_rels/.rels` the package's (''). */
function sourceOfRels(name: string): string | undefined {
  const match = /^(.*?)_rels\/([^/]*)\.rels$/.exec(name);
  if (!match) return undefined;
  return `${match[1]}${match[2]}`;
}

/** The targets and types of a relationships part (external targets left out). */
function relationships(xml: string): { target: string; type: string }[] {
  const out: { target: string; type: string }[] = [];
  for (const [tag] of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
    const target = attribute('Target');
    const mode = attribute('TargetMode');
    if (!target || (mode && /external/i.test(mode[1] ?? mode[2] ?? ''))) continue;
    const type = attribute('Type');
    out.push({ target: target[1] ?? target[2] ?? '', type: type?.[1] ?? type?.[2] ?? '' });
  }
  return out;
}

/** A relationship's target as a zip entry name, relative to its source part's folder. */
function resolvePart(source: string, target: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    decoded = target;
  }
  const base = decoded.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (base.length === 0) return undefined;
      base.pop();
    } else base.push(segment);
  }
  return base.join('/');
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  return Buffer.concat(chunks);
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

/** The CSV/XLSX reader as the import use case takes it. */
export const spreadsheetRows: RowReader = readRows;
