/** Debian's Chromium driven by playwright-core; axe for accessibility; console errors fail tests. */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { expect } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export type TrackedPage = {
  page: Page;
  context: BrowserContext;
  errors: string[];
  /** API requests the page has sent that have not been answered yet. */
  pendingApiRequests: () => number;
};

/**
 * A fresh context (no cookies) with a page that records console errors and uncaught exceptions.
 * Expected failed requests (a 401 on a wrong password) are listed in `allowedStatuses`.
 */
export async function newPage(
  browser: Browser,
  options: { width?: number; height?: number; locale?: string; allowedStatuses?: number[] } = {},
): Promise<TrackedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: options.locale ?? 'nl-NL',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const allowed = options.allowedStatuses ?? [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const status = /status of (\d{3})/.exec(text)?.[1];
    if (status && allowed.includes(Number(status))) return;
    // A failed request's message does not name it; its location does.
    const url = message.location().url;
    errors.push(status && url ? `${text} (${new URL(url).pathname})` : text);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const pending = new Set<Request>();
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) pending.add(request);
  });
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
  return { page, context, errors, pendingApiRequests: () => pending.size };
}

/** axe-core with the WCAG 2.x A and AA rules (including 2.2). */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // From the top: axe counts a target partly under the sticky header as too small, which depends on
  // where the test last scrolled, not on the page.
  await page.evaluate(() => window.scrollTo(0, 0));
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`).join(', ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** The page fits the viewport: nothing wider than the screen (no sideways scrolling on a phone). */
export async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `horizontal scroll on ${label}`).toBeLessThanOrEqual(clientWidth);
}
