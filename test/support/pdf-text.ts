import { createCanvas, loadImage } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a test reads back from a rendered PDF. */
export interface PdfContent {
  numPages: number;
  /** The text of each page, in page order; a line break where pdf.js reports one. */
  pages: string[];
  /** The document information dictionary (Title, Author, Language, CreationDate, ...). */
  info: Record<string, unknown>;
}

/**
 * Extracts the text of every page and the metadata with pdf.js (legacy build, the one for Node).
 * The bytes are copied first: pdf.js detaches the buffer it is given.
 */
export async function readPdf(pdf: Uint8Array): Promise<PdfContent> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
      );
      page.cleanup();
    }
    const { info } = await document.getMetadata();
    return { numPages: document.numPages, pages, info: info as Record<string, unknown> };
  } finally {
    await document.destroy();
  }
}

/** Collapses runs of white space (line breaks from wrapping included) into one space. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Decodes a PNG and counts its pixels that match a predicate. */
export async function countPixels(png: Buffer, match: (r: number, g: number, b: number) => boolean) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (match(data[i] as number, data[i + 1] as number, data[i + 2] as number)) count++;
  }
  return { count, width: image.width, height: image.height };
}
