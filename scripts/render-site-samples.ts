import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium, openPage } from '../test/support/browser';

/**
 * Screenshots of the public scoreboard for docs/samples and the README: the province page and one
 * regency page, at phone (390 px) and desktop (1280 px) width, full page.
 * Usage: tsx scripts/render-site-samples.ts --site out/demo/site --out docs/samples [--regency 6305]
 */
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const site = path.resolve(arg('site', 'out/demo/site'));
const out = path.resolve(arg('out', 'docs/samples'));
const regency = arg('regency', '6305');
mkdirSync(out, { recursive: true });

const { browser, close } = await launchChromium();
try {
  const { readdirSync } = await import('node:fs');
  const regencyFile = readdirSync(path.join(site, 'daerah')).find((f) => f.startsWith(`${regency}-`));
  if (!regencyFile) throw new Error(`no page for ${regency} in ${site}/daerah`);
  const pages = [
    ['situs-provinsi', 'index.html'],
    [`situs-daerah-${regency}`, `daerah/${regencyFile}`],
  ] as const;
  for (const [name, file] of pages) {
    for (const [suffix, width] of [
      ['ponsel', 390],
      ['desktop', 1280],
    ] as const) {
      const { context, page } = await openPage(browser, width, width < 800 ? 844 : 900);
      await page.goto(pathToFileURL(path.join(site, file)).href);
      const target = path.join(out, `${name}-${suffix}.png`);
      await page.screenshot({ path: target, fullPage: true });
      process.stdout.write(`${target}\n`);
      await context.close();
    }
  }
} finally {
  await close();
}
