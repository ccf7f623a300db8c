import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from '../support/browser';

describe('Chromium prerequisite', () => {
  let close: () => Promise<void>;
  let browser: Awaited<ReturnType<typeof launchChromium>>['browser'];
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(async () => close?.());

  it('renders a page at phone width and measures it', async () => {
    const { context, page } = await openPage(browser, 390);
    await page.setContent('<!doctype html><p style="width:500px">wide</p>');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeGreaterThan(390);
    await context.close();
  });
});
