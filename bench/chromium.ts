import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProvinceSemester, RankedMetrics } from '../functions/domain/semester-metrics';
import { chromiumArgs, chromiumPath } from '../test/support/browser';
import { reportHtml } from './report-html';
import { median, time } from './support';

export type ChromiumResult =
  | { ok: true; version: string; coldMs: number; warmMs: number; peakMb: number; pdfBytes: number }
  | { ok: false; reason: string };

const executable = chromiumPath;

/**
 * Prints the report's HTML with Debian's headless Chromium through playwright-core, the usual
 * alternative to pdfmake. Skipped, with how to install it, where Chromium is missing.
 */
export async function benchChromium(input: {
  report: RankedMetrics;
  province: ProvinceSemester;
}): Promise<ChromiumResult> {
  if (!existsSync(executable)) {
    return {
      ok: false,
      reason: `no Chromium at ${executable}: install it with \`sudo apt-get install -y chromium\` (Debian) or set CHROMIUM_PATH`,
    };
  }
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'bench-chromium-'));
  const html = reportHtml(input);
  const cold = await time(async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: executable,
      args: chromiumArgs,
    });
    const page = await context.newPage();
    await page.setContent(html);
    const pdf = await page.pdf({ format: 'A4' });
    return { context, page, pdf };
  });
  const { context, page } = cold.value;
  const warm: number[] = [];
  let bytes = cold.value.pdf.length;
  for (let i = 0; i < 10; i++) {
    const t = await time(async () => {
      await page.setContent(html);
      return page.pdf({ format: 'A4' });
    });
    warm.push(t.ms);
    bytes = t.value.length;
  }
  const peakMb = peakMemoryOf(profile);
  const version = spawnSync(executable, ['--version'], { encoding: 'utf8' }).stdout.trim();
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  return {
    ok: true,
    version,
    coldMs: cold.ms,
    warmMs: median(warm),
    peakMb,
    pdfBytes: bytes,
  };
}

/** Sum of the peak resident memory (VmHWM) of the browser processes using this profile. */
function peakMemoryOf(profile: string): number {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes(profile) && !cmdline.includes('--type=')) continue;
      if (!cmdline.includes('chromium')) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) kb += Number(hwm[1]);
    } catch {
      // The process ended while we looked.
    }
  }
  return kb / 1024;
}
