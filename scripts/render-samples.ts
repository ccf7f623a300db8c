import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { renderPdf } from '../functions/adapters/pdf-renderer';
import type { ProvinceSemester } from '../functions/domain/semester-metrics';
import { provinceSummaryPdf } from '../templates/province-summary-pdf';
import { semesterReportPdf } from '../templates/semester-report-pdf';
import { launchChromium, openPage } from '../test/support/browser';
import { type EmailKind, largestOfEachKind, type ReadEmail } from './eml';
import { pdfFileToPngFiles } from './pdf-to-png';

/**
 * Renders sample semester PDFs, one regency report and the province summary, plus one PNG per
 * page, with stable file names (so docs/samples diffs stay readable):
 *
 *   npx tsx scripts/render-samples.ts [--input <province-semester.json>] [--out docs/samples]
 *                                     [--regency 6302] [--scale 1.5]
 *
 * Without --input it renders the test fixture (test/support/semester-fixture.ts). With --mail (by
 * default the `mail` folder beside --input, as `npm run samples` leaves it) it also screenshots the
 * largest e-mail of each kind at phone width (390 px) and at desktop width (1280 px).
 */

export interface RenderSamplesOptions {
  /** Folder to write into; created when missing. */
  outDir: string;
  /** Kemendagri code of the regency whose report to render. @default '6302' (Kotabaru) */
  regency?: string;
  /** Pixels per PDF point for the PNGs. @default 1.5 */
  scale?: number;
}

export interface RenderedSample {
  pdf: string;
  pngs: string[];
  bytes: number;
}

/** A name safe in a file name: "2026-H1" stays, anything odd becomes "_". */
const safe = (text: string) => text.replace(/[^A-Za-z0-9-]/g, '_');

async function write(pdf: Buffer, file: string, scale: number): Promise<RenderedSample> {
  await writeFile(file, pdf);
  const pngs = await pdfFileToPngFiles(file, path.dirname(file), { scale });
  return { pdf: file, pngs, bytes: pdf.length };
}

/**
 * Renders `evaluasi-<semester>-<code>.pdf` and `ringkasan-provinsi-<semester>.pdf` into
 * options.outDir, each with `-01.png`, `-02.png`, ... beside it.
 */
export async function renderSamples(
  province: ProvinceSemester,
  options: RenderSamplesOptions,
): Promise<{ regency: RenderedSample; province: RenderedSample }> {
  const code = options.regency ?? '6302';
  const scale = options.scale ?? 1.5;
  const report = province.regencies.find((r) => r.regencyCode === code);
  if (!report) {
    const known = province.regencies.map((r) => r.regencyCode).join(', ');
    throw new Error(`regency ${code} is not in the semester data (known: ${known || 'none'})`);
  }
  await mkdir(options.outDir, { recursive: true });
  const semester = safe(province.semester);
  const regencyPdf = await renderPdf(semesterReportPdf({ report, province }));
  const regency = await write(
    regencyPdf,
    path.join(options.outDir, `evaluasi-${semester}-${safe(code)}.pdf`),
    scale,
  );
  const summaryPdf = await renderPdf(provinceSummaryPdf(province));
  const summary = await write(
    summaryPdf,
    path.join(options.outDir, `ringkasan-provinsi-${semester}.pdf`),
    scale,
  );
  return { regency, province: summary };
}

/** File names of the e-mail screenshots, by kind. */
export const emailSampleNames: Record<EmailKind, string> = {
  digest: 'email-digest-admin',
  escalation: 'email-eskalasi-bupati',
  province: 'email-ringkasan-harian-provinsi',
  handover: 'email-serah-terima-admin',
  'handover-notice': 'email-serah-terima-pemberitahuan',
  report: 'email-laporan-semester',
  'province-report': 'email-ringkasan-semester-provinsi',
};

/** Widths the e-mails are shown at: an iPhone-sized phone and a desktop. */
export const emailSampleWidths = [390, 1280] as const;

/**
 * Screenshots each e-mail's HTML part in Chromium, whole length, at each width:
 * `<name>-390.png`, `<name>-1280.png`; and the phone's first screen of the digest,
 * `email-digest-admin-390-layar-pertama.png`, for the README.
 */
export async function renderEmailSamples(emails: readonly ReadEmail[], outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const { browser, close } = await launchChromium();
  const written: string[] = [];
  try {
    for (const email of emails) {
      if (email.kind === 'other') continue;
      for (const width of emailSampleWidths) {
        const { context, page } = await openPage(browser, width, width < 800 ? 844 : 900);
        await page.setContent(email.html);
        const base = path.join(outDir, `${emailSampleNames[email.kind]}-${width}`);
        await page.screenshot({ path: `${base}.png`, fullPage: true });
        written.push(`${base}.png`);
        if (email.kind === 'digest' && width < 800) {
          await page.screenshot({ path: `${base}-layar-pertama.png` });
          written.push(`${base}-layar-pertama.png`);
        }
        await context.close();
      }
    }
  } finally {
    await close();
  }
  return written;
}

/** Reads a ProvinceSemester JSON file, checking the parts the templates cannot do without. */
export async function readProvinceSemester(file: string): Promise<ProvinceSemester> {
  const data: unknown = JSON.parse(await readFile(file, 'utf8'));
  const value = data as Partial<ProvinceSemester> | null;
  const problems = [
    typeof value?.semester === 'string' ? '' : 'semester',
    Array.isArray(value?.regencies) ? '' : 'regencies',
    value?.totals && typeof value.totals === 'object' ? '' : 'totals',
    value?.method && typeof value.method === 'object' ? '' : 'method',
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(`${file} is not a province semester: missing or wrong ${problems.join(', ')}`);
  }
  return value as ProvinceSemester;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      input: { type: 'string' },
      mail: { type: 'string' },
      out: { type: 'string', default: 'docs/samples' },
      regency: { type: 'string', default: '6302' },
      scale: { type: 'string', default: '1.5' },
    },
  });
  const province = values.input
    ? await readProvinceSemester(values.input)
    : (await import('../test/support/semester-fixture')).fixtureProvince();
  const result = await renderSamples(province, {
    outDir: values.out,
    regency: values.regency,
    scale: Number(values.scale),
  });
  for (const sample of [result.regency, result.province]) {
    console.log(`${sample.pdf} (${sample.bytes} bytes, ${sample.pngs.length} pages)`);
    for (const png of sample.pngs) console.log(`  ${png}`);
  }
  const mailDir = values.mail ?? (values.input ? path.join(path.dirname(values.input), 'mail') : undefined);
  if (mailDir) {
    for (const png of await renderEmailSamples(largestOfEachKind(mailDir), values.out)) console.log(png);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
