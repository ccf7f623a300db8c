import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe-core's browser build, evaluated in the page (CSP does not apply to DevTools evaluation). */
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface PageCheck {
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
  /** document width beyond the viewport, CSS px (0 = no horizontal overflow). */
  overflow: number;
  /** Text (outside the charts' SVG images) smaller than 14 px: "13px: text". */
  smallText: string[];
  /** Links and buttons smaller than 24 x 24 px: "20x18: text". */
  smallTargets: string[];
  /** axe-core violations of impact serious or critical: "rule-id: help (n nodes)". */
  seriousViolations: string[];
}

/**
 * Opens one page of the site at a width and checks what a phone user meets: console errors,
 * failed or foreign requests, horizontal overflow, text size, tap-target size, and axe-core.
 */
export async function checkPage(browser: Browser, url: string, width: number): Promise<PageCheck> {
  const context = await browser.newContext({ viewport: { width, height: 844 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const result: PageCheck = {
    consoleErrors: [],
    failedRequests: [],
    foreignRequests: [],
    overflow: 0,
    smallText: [],
    smallTargets: [],
    seriousViolations: [],
  };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') result.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => result.consoleErrors.push(e.message));
  page.on('requestfailed', (r) => result.failedRequests.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) result.failedRequests.push(`${r.url()} ${r.status()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) result.foreignRequests.push(r.url());
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    const measured = await page.evaluate(() => {
      const overflow = document.documentElement.scrollWidth - window.innerWidth;
      const smallText: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const parent = node.parentElement;
        // The charts are images (role="img") whose numbers stand in the table beside them.
        if (!text || !parent || parent.closest('svg')) continue;
        const size = Number.parseFloat(getComputedStyle(parent).fontSize);
        if (size < 14) smallText.push(`${size}px: ${text.slice(0, 40)}`);
      }
      const smallTargets: string[] = [];
      for (const el of document.querySelectorAll('a[href], button, summary, input, select')) {
        const r = el.getBoundingClientRect();
        if (r.right <= 0 || r.bottom <= 0) continue; // the skip link, off screen until focused
        if (r.width < 24 || r.height < 24)
          smallTargets.push(
            `${Math.round(r.width)}x${Math.round(r.height)}: ${el.textContent?.trim().slice(0, 40)}`,
          );
      }
      return { overflow, smallText, smallTargets };
    });
    Object.assign(result, measured);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              c: Document,
              o: object,
            ) => Promise<{ violations: { id: string; impact: string; help: string; nodes: unknown[] }[] }>;
          };
        }
      ).axe;
      const run = await axe.run(document, { resultTypes: ['violations'] });
      return run.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
    });
    result.seriousViolations = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes} nodes)`);
  } finally {
    await context.close();
  }
  return result;
}
