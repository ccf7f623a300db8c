import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import * as pdfmakeDocumentModule from 'pdfmake/js/PDFDocument.js';

/**
 * The only module that talks to pdfmake (0.3.x, server-side API).
 *
 * Fonts: Roboto 3.014 TTFs (SIL OFL 1.1, see assets/fonts/OFL.txt), read from a folder on disk
 * rather than pdfmake's virtual file system. Two reasons: pdfkit's standard 14 fonts read `.afm`
 * files from beside its own source, which a bundle does not have; and pdfmake's SVG support hands
 * the font *path* straight to pdfkit (`doc.font(path)`), bypassing the virtual file system, so text
 * inside charts only gets Roboto when the fonts are real files. In the repository the folder is
 * assets/fonts; a Lambda bundle ships it beside the bundle (LAMBDA_TASK_ROOT/fonts) or names it in
 * FONTS_DIR.
 */

/** The four Roboto faces; pdfmake's own convention maps bold to Medium. */
export const robotoFiles = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

/** Font family name to use in `defaultStyle.font` and in SVG `font-family` attributes. */
export const pdfFontFamily = 'Roboto';

export class PdfRenderError extends Error {
  override name = 'PdfRenderError';
}

/**
 * Where the font files are: FONTS_DIR, else `fonts/` beside the Lambda bundle, else the
 * repository's assets/fonts.
 * @param env the environment to read (injectable for tests)
 */
export function resolveFontsDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.FONTS_DIR?.trim();
  if (configured) return path.resolve(configured);
  if (env.LAMBDA_TASK_ROOT) return path.join(env.LAMBDA_TASK_ROOT, 'fonts');
  return fileURLToPath(new URL('../../assets/fonts', import.meta.url));
}

let configuredFontsDir: string | undefined;

/**
 * Registers the fonts and the access policies once per container. Fails fast, naming the folder,
 * when a font file is missing (typically: the bundle was deployed without its fonts/ folder).
 */
function configure(): void {
  const fontsDir = resolveFontsDir();
  if (configuredFontsDir === fontsDir) return;
  const faces = Object.fromEntries(
    Object.entries(robotoFiles).map(([face, file]) => [face, path.join(fontsDir, file)]),
  ) as Record<keyof typeof robotoFiles, string>;
  const missing = Object.values(faces).filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new PdfRenderError(
      `font file(s) not found: ${missing.join(', ')}; set FONTS_DIR to the folder holding the Roboto TTFs`,
    );
  }
  const fonts: TFontDictionary = { [pdfFontFamily]: { ...faces } };
  pdfmake.setFonts(fonts);
  // pdfmake fetches http(s) images, fonts and attachments named in a document (CVE-2026-26801):
  // a report never needs the network, so refuse every URL.
  pdfmake.setUrlAccessPolicy(() => false);
  // Images, attachments and files named by path are read from disk too: allow the fonts only.
  const allowed = new Set(Object.values(faces));
  pdfmake.setLocalAccessPolicy((file) => allowed.has(path.resolve(file)));
  parsedFonts.clear();
  cacheable = allowed;
  installFontCache();
  configuredFontsDir = fontsDir;
}

/**
 * The parts of a pdfkit document and of its embedded fonts that the font cache below touches
 * (pdfkit 0.17, `FontsMixin.font` and `EmbeddedFont`).
 */
interface PdfkitDocument {
  _fontFamilies: Record<string, EmbeddedFont | undefined>;
  _fontCount: number;
  font(src: unknown, family?: unknown, size?: unknown): PdfkitDocument;
}
interface EmbeddedFont {
  font: unknown;
  constructor: new (document: PdfkitDocument, font: unknown, id: string) => EmbeddedFont;
}

/**
 * Parsed fonts, per container. pdfkit opens every font afresh for each document: it reads the TTF,
 * fontkit decodes its tables, and each word is shaped again (GSUB/GPOS) for the new font object; a
 * profile of warm renders put a third of the time there. The parsed font depends on the font file
 * only, so it is kept per path and shared; what belongs to a document (the glyph subset it embeds,
 * its widths, its ToUnicode map and its laid-out words) stays per document, in a new EmbeddedFont
 * around the shared font. fontkit also caches glyph objects with the characters they were first
 * seen with; a glyph first created by another document's subset has none, and the next document's
 * ToUnicode map then loses that character (copy and search break). So each document starts with an
 * empty glyph cache. Only the configured faces are cached.
 */
const parsedFonts = new Map<string, { font: unknown; Embedded: EmbeddedFont['constructor'] }>();

/** The font files the cache may hold: the configured faces, by resolved path. */
let cacheable: ReadonlySet<string> = new Set();

/** Installs the cache on pdfmake's document class (the one createPdf instantiates), once. */
function installFontCache(): void {
  const moduleValue = pdfmakeDocumentModule as unknown as { default: { default?: unknown } | unknown };
  const outer = moduleValue.default as { default?: unknown };
  const DocumentClass = (outer.default ?? outer) as {
    prototype: PdfkitDocument & { [cacheInstalled]?: boolean };
  };
  const prototype = DocumentClass.prototype;
  if (prototype[cacheInstalled]) return;
  const open = prototype.font;
  prototype.font = function (this: PdfkitDocument, src, family, size) {
    if (typeof src !== 'string' || !cacheable.has(src) || this._fontFamilies[src]) {
      return open.call(this, src, family, size);
    }
    const parsed = parsedFonts.get(src);
    if (parsed) {
      // fontkit caches glyph objects with the code points they were first looked up by; a glyph the
      // last document's subset created as a component (a period inside an ellipsis) has none, and
      // would leave this document's ToUnicode map without it. Each document starts a fresh glyph
      // cache; the laid-out words keep the glyphs their layout created, code points included.
      (parsed.font as { _glyphs: Record<number, unknown> })._glyphs = {};
      this._fontCount += 1;
      (parsed.font as { _glyphs: unknown })._glyphs = {};
      this._fontFamilies[src] = new parsed.Embedded(this, parsed.font, `F${this._fontCount}`);
      return open.call(this, src, family, size);
    }
    const result = open.call(this, src, family, size);
    const embedded: EmbeddedFont | undefined = this._fontFamilies[src as string];
    if (embedded) parsedFonts.set(src, { font: embedded.font, Embedded: embedded.constructor });
    return result;
  };
  prototype[cacheInstalled] = true;
}
const cacheInstalled = Symbol('lapor-paman font cache');

const refuseSvgImage = (href: string): never => {
  throw new PdfRenderError(`SVG <image> is not allowed in a report (href "${href.slice(0, 80)}")`);
};

/**
 * Copies the definition (pdfmake mutates what it is given) and closes the one path the access
 * policies miss: svg-to-pdfkit opens `<image href>` with pdfkit's `openImage`, which reads local
 * files without asking pdfmake's policy. Every `svg` node gets an image callback that refuses.
 */
function guard<T>(value: T): T {
  if (Array.isArray(value)) return value.map(guard) as T;
  if (value === null || typeof value !== 'object') return value;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value; // Dates, Buffers: as they are
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) copy[key] = guard(child);
  if ('svg' in copy) {
    const options = (copy.options ?? {}) as Record<string, unknown>;
    copy.options = { ...options, imageCallback: refuseSvgImage, documentCallback: undefined };
  }
  return copy as T;
}

/**
 * Renders a pdfmake document definition to PDF bytes.
 *
 * The caller's `info` (title, author, subject, keywords, creator, producer, creationDate) is
 * written to the PDF as given; pass `info.creationDate` for byte-identical output across runs.
 * `language` defaults to 'id-ID' and `displayTitle` to true (viewers show the title, not the file
 * name); `defaultStyle.font` defaults to Roboto.
 */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  configure();
  const definition = guard({
    ...doc,
    language: doc.language ?? 'id-ID',
    displayTitle: doc.displayTitle ?? true,
    defaultStyle: { font: pdfFontFamily, ...doc.defaultStyle },
  });
  // Dynamic header, footer and background return content at layout time: guard that too.
  for (const key of ['header', 'footer', 'background'] as const) {
    const dynamic = doc[key];
    if (typeof dynamic === 'function') {
      const fn = dynamic as (...args: unknown[]) => unknown;
      Object.assign(definition, { [key]: (...args: unknown[]) => guard(fn(...args)) });
    }
  }
  return pdfmake.createPdf(definition).getBuffer();
}
