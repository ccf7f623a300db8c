import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Rasterises PDF pages to PNG with pdf.js (legacy build, the one meant for Node) drawing on
 * @napi-rs/canvas (Skia, prebuilt binaries from npm: no system packages, no install scripts).
 * Used by the tests to prove a report renders, and by hand to refresh docs/samples:
 *
 *   npx tsx scripts/pdf-to-png.ts <file.pdf> <outDir> [--scale 1.5]
 */

export interface PdfToPngOptions {
  /** Pixels per PDF point (1 = 72 dpi). @default 1.5 */
  scale?: number;
}

/** Renders every page of a PDF and returns one PNG per page, in page order. */
export async function pdfToPngs(pdf: Uint8Array, options: PdfToPngOptions = {}): Promise<Buffer[]> {
  const scale = options.scale ?? 1.5;
  if (!(scale > 0 && scale <= 8)) throw new RangeError(`scale must be in (0, 8], got ${scale}`);
  // pdf.js takes ownership of (detaches) the bytes it is given: hand it a copy.
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  try {
    const pngs: Buffer[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const viewport = page.getViewport({ scale });
      const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
      // pdf.js types its canvas as a DOM canvas; Skia's canvas implements the part it uses.
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
      pngs.push(await canvas.encode('png'));
      page.cleanup();
    }
    return pngs;
  } finally {
    await document.destroy();
  }
}

/** Writes `<name>-01.png`, `<name>-02.png`, … into outDir and returns their paths. */
export async function pdfFileToPngFiles(
  pdfFile: string,
  outDir: string,
  options: PdfToPngOptions = {},
): Promise<string[]> {
  const pngs = await pdfToPngs(await readFile(pdfFile), options);
  await mkdir(outDir, { recursive: true });
  const name = path.basename(pdfFile, path.extname(pdfFile));
  const width = Math.max(2, String(pngs.length).length);
  const files: string[] = [];
  for (const [i, png] of pngs.entries()) {
    const file = path.join(outDir, `${name}-${String(i + 1).padStart(width, '0')}.png`);
    await writeFile(file, png);
    files.push(file);
  }
  return files;
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { scale: { type: 'string', default: '1.5' } },
  });
  const [pdfFile, outDir] = positionals;
  if (!pdfFile || !outDir || positionals.length > 2) {
    throw new Error('usage: npx tsx scripts/pdf-to-png.ts <file.pdf> <outDir> [--scale 1.5]');
  }
  const scale = Number(values.scale);
  for (const file of await pdfFileToPngFiles(pdfFile, outDir, { scale })) console.log(file);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
