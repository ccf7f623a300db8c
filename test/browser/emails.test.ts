import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../demo/run';
import type { DigestItem } from '../../functions/domain/deadlines';
import { digestView } from '../../functions/domain/digest-view';
import { type LocalStack, startLocalStack } from '../../local/stack';
import { emailKinds, largestOfEachKind, type ReadEmail } from '../../scripts/eml';
import { regencyDigestEmail } from '../../templates/deadline-emails';
import { launchChromium, openPage } from '../support/browser';
import { kalsel } from '../support/data';

/** Phone widths the e-mails must fit: an iPhone-sized screen and the narrowest common one. */
const widths = [390, 320];

interface Measured {
  scrollWidth: number;
  viewport: number;
  /** Visible text smaller than 14 px. */
  small: string[];
  /** Visible text holding a figure (lateness, counts, tracking ids) that reaches past the viewport. */
  offscreen: string[];
  links: { text: string; href: string; left: number; right: number; top: number; bottom: number }[];
  /** Every element's box, for comparing two renderings. */
  boxes: string[];
}

/** What a person sees, measured in the page: widths, font sizes, where figures and links are. */
function measure(): Measured {
  const viewport = document.documentElement.clientWidth;
  const small: string[] = [];
  const offscreen: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    const parent = node.parentElement;
    if (!text || !parent) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (rects.length === 0) continue; // not displayed (the inbox preview line)
    if (Number.parseFloat(getComputedStyle(parent).fontSize) < 14) small.push(text);
    if (/\d/.test(text) && rects.some((r) => r.left < -0.5 || r.right > viewport + 0.5)) offscreen.push(text);
  }
  const links = [...document.querySelectorAll('a')].map((a) => {
    const r = a.getBoundingClientRect();
    return {
      text: a.textContent ?? '',
      href: a.getAttribute('href') ?? '',
      left: r.left,
      right: r.right,
      top: r.top,
      bottom: r.bottom,
    };
  });
  const boxes = [...document.body.querySelectorAll('*')].map((e) => {
    const r = e.getBoundingClientRect();
    return `${e.tagName} ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`;
  });
  return { scrollWidth: document.documentElement.scrollWidth, viewport, small, offscreen, links, boxes };
}

/** Links smaller than 24 px tall whose centre is within 24 px of another link's (WCAG 2.5.8). */
function crampedLinks(links: Measured['links']): string[] {
  const centre = (l: Measured['links'][number]) => ({ x: (l.left + l.right) / 2, y: (l.top + l.bottom) / 2 });
  return links
    .filter((l, i) => {
      if (l.bottom - l.top >= 24) return false;
      const c = centre(l);
      return links.some((m, j) => {
        if (i === j) return false;
        const d = centre(m);
        return Math.hypot(c.x - d.x, c.y - d.y) < 24;
      });
    })
    .map((l) => `${l.text} (${Math.round(l.bottom - l.top)} px tall)`);
}

/** Lines over 78 characters that are not a URL standing alone. */
const longLines = (text: string) =>
  text.split('\n').filter((l) => l.length > 78 && !/^https?:\/\/\S+$/.test(l));

/** A long digest cut to its limit, with the longest unit names: what a big city's admin could get. */
function cutDigest(): ReadEmail {
  const units = [
    'Dinas Pekerjaan Umum dan Penataan Ruang',
    'Dinas Kependudukan dan Pencatatan Sipil',
    'Dinas Koperasi, Usaha Kecil dan Menengah',
    'Bagian Organisasi Sekretariat Daerah',
  ];
  const items: DigestItem[] = Array.from({ length: 120 }, (_, n) => ({
    trackingId: `LP6371-${String(10_000 + n * 7)}`,
    regencyCode: '6371',
    unit: units[n % units.length] as string,
    category: 'Infrastruktur',
    classification: 'pengaduan-berkadar-pengawasan',
    status: 'terdisposisi-belum-ditindaklanjuti',
    stage: 'completion',
    owner: 'unit',
    due: n < 110 ? '2025-07-11T15:59:59.999Z' : '2026-03-06T15:59:59.999Z',
    breached: n < 110,
    workingDaysLate: n < 110 ? 1_234 - n : 0,
    newlyBreached: n === 109,
    workingDaysSinceUpdate: 12,
    expired: false,
    policyId: 'permenpanrb-5-2025',
  }));
  const email = regencyDigestEmail({
    province: kalsel().province,
    regency: kalsel().get('6371')!,
    date: '2026-03-05',
    view: digestView(items, { date: '2026-03-05', nextWorkingDate: '2026-03-06', zone: kalsel().zone }),
    laporBaseUrl: 'https://www.lapor.go.id/laporan/detil',
    policyName: 'Batas waktu nasional PermenPANRB 5/2025 (permenpanrb-5-2025 v1)',
    vacant: true,
  });
  return { file: 'cut digest', kind: 'digest', subject: email.subject, text: email.text, html: email.html };
}

describe('the e-mails as people see them (Chromium, at phone widths)', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let emails: ReadEmail[];
  let outDir: string;
  let stack: LocalStack | undefined;

  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
    outDir = mkdtempSync(path.join(os.tmpdir(), 'emails-'));
    // A stack of its own: the demo test counts all the shared SES emulator received, and two demos
    // on one DynamoDB Local slow each other down past the SDK's retries on a busy machine. The
    // replay takes 20 s alone and several minutes on two shared, loaded cores: a generous hook limit.
    stack = await startLocalStack({ tableName: 'emails' });
    await runDemo({
      stack,
      seed: 7,
      complaints: 160,
      outDir,
      rosterFile: new URL('../../data/roster/63-demo.csv', import.meta.url).pathname,
    });
    emails = [...largestOfEachKind(path.join(outDir, 'mail')), cutDigest()];
  }, 900_000);
  afterAll(async () => {
    await close?.();
    await stack?.stop();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  const name = (e: ReadEmail) => `${e.kind} ${path.basename(e.file)}`;

  /** Each e-mail at each phone width, measured. */
  async function eachRendering(
    check: (e: ReadEmail, width: number, m: Measured) => string[],
  ): Promise<string[]> {
    const problems: string[] = [];
    for (const email of emails) {
      for (const width of widths) {
        const { context, page } = await openPage(browser, width);
        await page.setContent(email.html);
        const measured = await page.evaluate(measure);
        problems.push(...check(email, width, measured).map((p) => `${name(email)} at ${width} px: ${p}`));
        await context.close();
      }
    }
    return problems;
  }

  it('come from the demo in every kind, the largest of each', () => {
    expect(emails.map((e) => e.kind)).toEqual([...Object.keys(emailKinds), 'digest']);
    const digest = emails[0] as ReadEmail;
    // The largest demo digest lists several complaints, so the rows are really tested.
    expect(digest.html.match(/laporan\/detil\//g)?.length ?? 0).toBeGreaterThan(5);
  });

  it('do not overflow at 390 or 320 px, and every figure and tracking id is on screen', async () => {
    const problems = await eachRendering((_, width, m) => [
      ...(m.scrollWidth > width ? [`scrollWidth ${m.scrollWidth}`] : []),
      ...m.offscreen.map((t) => `"${t}" reaches past the viewport`),
      ...m.links.filter((l) => l.left < 0 || l.right > width).map((l) => `link ${l.text} off screen`),
    ]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('set text at 14 px or more, and links at least 24 px tall or spaced apart', async () => {
    const problems = await eachRendering((_, __, m) => [
      ...m.small.map((t) => `"${t.slice(0, 40)}" under 14 px`),
      ...crampedLinks(m.links).map((l) => `link ${l} is cramped`),
    ]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('keep their layout when a mail client drops <style> blocks', async () => {
    const problems: string[] = [];
    for (const email of emails) {
      const stripped = email.html.replace(/<style[\s\S]*?<\/style>/gi, '');
      for (const width of widths) {
        const boxes: string[][] = [];
        for (const html of [email.html, stripped]) {
          const { context, page } = await openPage(browser, width);
          await page.setContent(html);
          boxes.push((await page.evaluate(measure)).boxes);
          await context.close();
        }
        if (boxes[0]?.join('\n') !== boxes[1]?.join('\n')) problems.push(`${name(email)} at ${width} px`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('write plain text for a phone: short lines, and one link for each complaint listed', () => {
    for (const email of emails) {
      expect(longLines(email.text), name(email)).toEqual([]);
      expect(email.text, name(email)).not.toMatch(/ {3,}\S/); // no padded table columns
      const htmlLinks = [...email.html.matchAll(/href="([^"]+\/laporan\/detil\/[^"]+)"/g)].map((m) => m[1]);
      const textLinks = email.text.split('\n').filter((l) => /\/laporan\/detil\//.test(l));
      expect(textLinks.sort(), name(email)).toEqual(htmlLinks.sort());
      // A complaint may stand in two sections of the province digest (escalated and untouched).
      if (email.kind !== 'province') expect(new Set(textLinks).size, name(email)).toBe(textLinks.length);
    }
  });
});
