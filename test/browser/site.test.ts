import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSite, startSiteServer } from '../../local/site-server';
import { buildSite } from '../../templates/site';
import { launchChromium, scratchDir } from '../support/browser';
import { fixtureScoreboard } from '../support/scoreboard-fixture';
import { checkPage } from '../support/site-check';

/**
 * Every page of the public scoreboard (built from the hand-made 2026-H1 fixture), served with the
 * production headers, as a phone user meets it.
 */
describe('the public scoreboard in Chromium', () => {
  const files = buildSite(fixtureScoreboard());
  const pages = files.filter((f) => f.path.endsWith('.html')).map((f) => f.path);
  const scratch = scratchDir('site');
  let site: LocalSite;
  let browser: Awaited<ReturnType<typeof launchChromium>>['browser'];
  let close: () => Promise<void>;

  beforeAll(async () => {
    for (const f of files) {
      const target = path.join(scratch.dir, f.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, f.body);
    }
    site = await startSiteServer(scratch.dir, 0);
    ({ browser, close } = await launchChromium());
  });
  afterAll(async () => {
    await close?.();
    await site?.stop();
    scratch.remove();
  });

  it.each(pages)(
    '%s loads cleanly and reads well at 390 px',
    async (file) => {
      const check = await checkPage(browser, `${site.url}/${file}`, 390);
      expect(check.consoleErrors).toEqual([]);
      expect(check.failedRequests).toEqual([]);
      expect(check.foreignRequests).toEqual([]);
      expect(check.overflow).toBeLessThanOrEqual(0);
      expect(check.smallText).toEqual([]);
      expect(check.smallTargets).toEqual([]);
      expect(check.seriousViolations).toEqual([]);
    },
    60_000,
  );

  it('the province page has no serious accessibility violation at desktop width either', async () => {
    const check = await checkPage(browser, `${site.url}/`, 1280);
    expect(check.consoleErrors).toEqual([]);
    expect(check.overflow).toBeLessThanOrEqual(0);
    expect(check.seriousViolations).toEqual([]);
  }, 60_000);

  it('weighs at most 100 KB a page: HTML with its inline SVG, plus the style sheet', () => {
    const css = Buffer.byteLength(files.find((f) => f.path === 'gaya.css')?.body ?? '');
    for (const f of files.filter((x) => x.path.endsWith('.html')))
      expect(Buffer.byteLength(f.body) + css, f.path).toBeLessThanOrEqual(100 * 1024);
  });
});
