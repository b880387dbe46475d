/**
 * The set-up every e2e file shares: the real server and Debian's Chromium started once per file,
 * fresh browser contexts per page, and a check after every test that no page logged a console
 * error. Call `e2eSuite()` inside a `describe`:
 *
 *   const suite = e2eSuite();
 *   it('…', async () => {
 *     const page = await suite.signedIn('coordinator');
 *   });
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, newPage, type TrackedPage } from './browser';
import { startMailbox, type Mailbox } from './mailbox';
import { startServer, type RunningServer } from './server';

export const DEMO_DOMAIN = 'hogeschool-zuidas.example';
export const DEMO_PASSWORD = 'peerkracht-demo';
export const PHONE = { width: 360, height: 740 } as const;
export const LAPTOP = { width: 1280, height: 900 } as const;
export const SCREENSHOTS = '.tmp/screenshots';

/** The demo's e-mail address of a generated student (load-demo.ts): first.last without accents. */
export const demoStudentEmail = (firstName: string, lastName = '') =>
  `${firstName}.${lastName}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z.]/g, '')
    .toLowerCase() + `@student.${DEMO_DOMAIN}`;

/** Calls the API from a signed-in page, with its cookies and its CSRF token; throws on an error status. */
export async function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        // A call without a body sends no content type: an empty body declared as JSON is malformed.
        headers: body === undefined ? { 'x-csrf-token': session.csrfToken } : { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    { method, path, body },
  );
}

export type PageOptions = Parameters<typeof newPage>[1];

export type E2eSuite = {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** The recipients' side of the mail, when the suite was started with `mailbox: true`. */
  readonly mailbox: Mailbox;
  /** A fresh context (no cookies) whose console errors fail the current test. */
  open(options?: PageOptions): Promise<Page>;
  /**
   * Signs in through the sign-in form. `who` is a demo role (`coordinator`) or a full e-mail
   * address; `english` switches the language on the sign-in page first.
   */
  signIn(page: Page, who: string, options?: { english?: boolean; password?: string }): Promise<void>;
  /** `open` then `signIn`. */
  signedIn(who: string, options?: PageOptions & { english?: boolean }): Promise<Page>;
  /** axe-clean and without sideways scrolling at 360 px, then back to the laptop width. */
  checkPhone(page: Page, label: string): Promise<void>;
  /**
   * Waits until every API request the page has sent has been answered and the page has drawn two
   * frames since: what the answers change (a refetch after a save) is on the screen.
   */
  settled(page: Page): Promise<void>;
  /** Presses Tab until `target` has focus: proves it can be reached by keyboard. */
  tabTo(page: Page, target: Locator, limit?: number): Promise<void>;
  screenshot(page: Page, name: string): Promise<void>;
  /**
   * Follows a destination of the main menu by its exact name: clicks it in the bar, or opens
   * "Meer" first when it is one of the destinations there (src/web/app/navigation.ts).
   */
  menu(page: Page, name: string): Promise<void>;
  /**
   * Types a date, time or both into a DateTimeField (react-aria segments) by its label; `value` is
   * what a native input would hold: "2027-03-10", "16:45" or "2027-10-07T15:30".
   */
  typeDate(scope: Page | Locator, label: string, value: string): Promise<void>;
  /** Signs out through "Meer" (where signing out lives), in either language. */
  signOut(page: Page): Promise<void>;
};

export function e2eSuite(options: { env?: Record<string, string>; mailbox?: boolean } = {}): E2eSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let mailbox: Mailbox | undefined;
  let tracked: TrackedPage[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    // The server delivers its mail over SMTP to the mailbox, as it would to the recipients.
    if (options.mailbox) mailbox = await startMailbox();
    const env = { ...options.env, ...(mailbox ? { SMTP_URL: mailbox.smtpUrl } : {}) };
    [server, browser] = await Promise.all([startServer(env), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mailbox?.close();
  });
  afterEach(async (context) => {
    // A failed test leaves what each of its pages showed: the address and text in the log (CI
    // keeps only the log) and a screenshot beside the others.
    if (context.task.result?.state === 'fail') await reportPages(tracked.map((t) => t.page), context.task.name);
    const errors = tracked.flatMap((t) => t.errors);
    await Promise.all(tracked.map((t) => t.context.close()));
    tracked = [];
    expect(errors, 'browser console errors').toEqual([]);
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`The e2e ${what} has not started (use the suite inside a test)`);
    return value;
  };

  const suite: E2eSuite = {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get mailbox() {
      return started(mailbox, 'mailbox (e2eSuite({ mailbox: true }))');
    },
    async open(pageOptions = {}) {
      const t = await newPage(suite.browser, pageOptions);
      // A step that hangs fails on its own line, well before the test's time limit.
      t.context.setDefaultTimeout(20_000);
      tracked.push(t);
      return t.page;
    },
    async signIn(page, who, signInOptions = {}) {
      const email = who.includes('@') ? who : `${who}@${DEMO_DOMAIN}`;
      await page.goto(`${suite.server.url}/sign-in`);
      if (signInOptions.english) await page.getByRole('button', { name: 'English' }).click();
      await page.getByLabel(/E-mailadres|E-mail address/).fill(email);
      await page.getByLabel(/^(Wachtwoord|Password)$/).fill(signInOptions.password ?? DEMO_PASSWORD);
      await page.getByRole('button', { name: /^(Inloggen|Sign in)$/ }).click();
      await page.getByRole('heading', { level: 1, name: /^(Welkom|Welcome)/ }).waitFor();
    },
    async signedIn(who, { english, ...pageOptions } = {}) {
      const page = await suite.open(pageOptions);
      await suite.signIn(page, who, { english });
      return page;
    },
    async checkPhone(page, label) {
      const before = page.viewportSize() ?? LAPTOP;
      await page.setViewportSize(PHONE);
      await expectNoHorizontalScroll(page, `${label} at 360 px`);
      await expectAccessible(page, `${label} at 360 px`);
      await page.setViewportSize(before);
    },
    async settled(page) {
      const t = tracked.find((candidate) => candidate.page === page);
      if (!t) throw new Error('settled() needs a page opened by this suite');
      await expect.poll(() => t.pendingApiRequests(), { message: 'API requests still unanswered' }).toBe(0);
      await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    },
    async tabTo(page, target, limit = 250) {
      for (let i = 0; i < limit; i++) {
        if (await target.evaluate((el) => el === document.activeElement)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`could not reach ${target.toString()} with Tab`);
    },
    async screenshot(page, name) {
      await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
    },
    async menu(page, name) {
      // The menu settles once the home summary is in (destinations that depend on it appear and
      // push others under "Meer"): decide where the link is only then.
      await suite.settled(page);
      const nav = page.getByRole('navigation', { name: /^(Hoofdmenu|Main menu)$/ });
      const more = nav.getByRole('button', { name: /^(Meer|More)$/ });
      await more.waitFor();
      const inBar = nav.locator('.nav-primary').getByRole('link', { name, exact: true });
      const link = nav.getByRole('link', { name, exact: true });
      // "Meer" closes on every navigation (a sign-in that is still on its way home, say), also
      // between seeing the link and clicking it on a busy machine: open it again until the link
      // shows, and try the click within the same wait.
      await expect
        .poll(async () => {
          if (!(await link.isVisible()) && (await inBar.count()) === 0 && (await more.getAttribute('aria-expanded')) !== 'true') await more.click();
          if (!(await link.isVisible())) return false;
          return link.click({ timeout: 2_000 }).then(
            () => true,
            () => false,
          );
        }, { message: `the menu link "${name}"` })
        .toBe(true);
    },
    async typeDate(scope, label, value) {
      const match = /^(?:(\d{4})-(\d{2})-(\d{2}))?T?(?:(\d{2}):(\d{2}))?$/.exec(value);
      if (!match) throw new Error(`typeDate: "${value}" is not a date or time`);
      const [, year = '', month = '', day = '', hour = '', minute = ''] = match;
      const group = scope.getByRole('group', { name: label, exact: true });
      await group.getByRole('spinbutton').first().click();
      const page = 'keyboard' in scope ? scope : scope.page();
      await page.keyboard.type(`${day}${month}${year}${hour}${minute}`);
    },
    async signOut(page) {
      const nav = page.getByRole('navigation', { name: /^(Hoofdmenu|Main menu)$/ });
      const more = nav.getByRole('button', { name: /^(Meer|More)$/ });
      if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
      await nav.getByRole('button', { name: /^(Uitloggen|Sign out)$/ }).click();
    },
  };
  return suite;
}

async function reportPages(pages: Page[], testName: string): Promise<void> {
  const slug = testName.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
  for (const [index, page] of pages.entries()) {
    try {
      const text = (await page.locator('body').innerText({ timeout: 2_000 })).replace(/\s+/g, ' ').slice(0, 1_500);
      process.stderr.write(`[e2e failure] page ${index + 1} of ${pages.length} at ${page.url()}:\n${text}\n`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `failed-${slug}-${index + 1}.png`), timeout: 5_000 });
    } catch (error) {
      process.stderr.write(`[e2e failure] page ${index + 1} could not be read: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
}
