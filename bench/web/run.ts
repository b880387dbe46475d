/**
 * First load on a phone: `npm run bench:web [-- --runs 3 --write]` (issue 20 item 7).
 *
 * Builds the web client when there is no build (or with --build), starts the real server
 * (src/server/main.ts, production mode, on a throwaway embedded database with the demo loaded —
 * as the e2e tier does, test/e2e/support/server.ts), signs the demo roles in over the API, and runs
 * the pinned Lighthouse 12.2.3 (its Node API) in Debian's Chromium, in Lighthouse's default: a
 * mobile device with simulated throttling (slow 4G, a 4× slower CPU). Pages: sign-in, the
 * coachee's home, a coach's session page, the coachee's resilience map. For a signed-in page the
 * person signs in inside the same Chromium first and Lighthouse keeps the cookies (caches are
 * still cleared: every run is a first load). Each page is measured --runs times; the
 * table shows the median of each figure. The budgets are checked with ✔/✘ and any ✘ makes the exit
 * code 1. `--write` records the table with the machine, the date and the load average in
 * docs/performance/web.md.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import { Command } from 'commander';
import lighthouse from 'lighthouse';
import puppeteer, { type Browser, type Page as BrowserPage } from 'puppeteer-core';
import type { Result } from 'lighthouse';
import { startServer, type RunningServer } from '../../test/e2e/support/server';

const options = new Command()
  .option('--runs <n>', 'Lighthouse runs per page; the table shows the median', '3')
  .option('--build', 'build the web client first even when dist/web exists')
  .option('--chromium <path>', 'the Chromium binary', process.env.CHROME_PATH ?? '/usr/bin/chromium')
  .option('--write', 'write docs/performance/web.md')
  .option('--save <dir>', "keep each run's Lighthouse report (JSON) in this folder, to read its audits")
  .option('--only <pages>', 'measure only these pages (comma-separated: sign-in, home, session, map), to try a change; not with --write')
  .parse()
  .opts<{ runs: string; build?: boolean; chromium: string; write?: boolean; save?: string; only?: string }>();

const ONLY = options.only ? new Set(options.only.split(',').map((p) => p.trim())) : null;
if (ONLY && options.write) throw new Error('--only measures part of the table: it cannot --write docs/performance/web.md');

const RUNS = Math.max(1, Number.parseInt(options.runs, 10) || 3);
const DOMAIN = 'hogeschool-zuidas.example';
const PASSWORD = 'peerkracht-demo';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The budgets of issue 20 item 7. */
const BUDGET = { performance: 0.95, accessibility: 1, bestPractices: 0.95, homeJsKiB: 150 };

type Page = { key: string; name: string; path: string; who: string | null; jsBudget: boolean };
type Measure = { performance: number; accessibility: number; bestPractices: number; fcp: number; lcp: number; tbt: number; cls: number; jsKiB: number; totalKiB: number };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// ---------------------------------------------------------------------------------------------
// The app and its demo people.

/** Signs a demo person in over the API (to look up their data) and answers the Cookie header. */
async function signIn(server: RunningServer, who: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const session = await fetch(`${server.url}/api/auth/session`);
  keep(session);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: cookie() },
    body: JSON.stringify({ email: `${who}@${DOMAIN}`, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`Signing in ${who} failed: ${response.status} ${await response.text()}`);
  keep(response);
  return cookie();
}

/** The coach's community session nearest to now: the page a coach opens on the day. */
async function coachSessionPath(server: RunningServer, cookie: string): Promise<string> {
  const response = await fetch(`${server.url}/api/sessions`, { headers: { cookie } });
  if (!response.ok) throw new Error(`The coach's sessions: ${response.status}`);
  const { sessions } = (await response.json()) as { sessions: { id: string; type: string; startsAt: string }[] };
  const now = Date.now();
  const nearest = sessions.filter((s) => s.type === 'community').sort((a, b) => Math.abs(Date.parse(a.startsAt) - now) - Math.abs(Date.parse(b.startsAt) - now))[0];
  if (!nearest) throw new Error('The demo coach has no community session');
  return `/sessions/${nearest.id}`;
}

/**
 * Signs a demo person in inside Chromium (the sign-in API from the sign-in page), so the browser
 * holds the session cookie as after a real sign-in; signing out first drops the previous person.
 */
async function signInInBrowser(page: BrowserPage, server: RunningServer, who: string | null): Promise<void> {
  await page.goto(`${server.url}/sign-in`, { waitUntil: 'networkidle0' });
  await page.evaluate(
    async (email, password) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'x-csrf-token': session.csrfToken } });
      if (email === null) return;
      const fresh = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': fresh.csrfToken }, body: JSON.stringify({ email, password }) });
      if (!response.ok) throw new Error(`sign-in: ${response.status}`);
    },
    who === null ? null : `${who}@${DOMAIN}`,
    PASSWORD,
  );
}

// ---------------------------------------------------------------------------------------------
// Lighthouse.

function measureOf(lhr: Result): Measure {
  const score = (id: string) => {
    const category = lhr.categories[id];
    if (!category || category.score === null) throw new Error(`Lighthouse gave no ${id} score${lhr.runtimeError ? `: ${lhr.runtimeError.message}` : ''}`);
    return category.score;
  };
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const requests = (lhr.audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
  const bytes = (filter: (r: { resourceType?: string }) => boolean) => requests.filter(filter).reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcp: metric('first-contentful-paint'),
    lcp: metric('largest-contentful-paint'),
    tbt: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    jsKiB: bytes((r) => r.resourceType === 'Script'),
    totalKiB: bytes(() => true),
  };
}

/** What Lighthouse found wrong on the page (audits that count and did not pass), for the log. */
function findings(lhr: Result): string[] {
  const out: string[] = [];
  for (const id of ['performance', 'accessibility', 'best-practices']) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 0.9) continue;
      out.push(`${id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
    }
  }
  return out;
}

class LighthouseRuntimeError extends Error {
  constructor(
    url: string,
    readonly code: string,
    message: string,
  ) {
    super(`Lighthouse could not load ${url}: ${code}: ${message}`);
  }
}

async function run(page: BrowserPage, url: string): Promise<Result> {
  const result = await lighthouse(
    url,
    // The browser keeps its cookies (the signed-in session); caches are still cleared: a first load.
    { output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'], disableStorageReset: true },
    // Lighthouse's default config: mobile (Moto G Power), simulated throttling.
    undefined,
    page,
  );
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  if (result.lhr.runtimeError) throw new LighthouseRuntimeError(url, result.lhr.runtimeError.code, result.lhr.runtimeError.message);
  return result.lhr;
}

/** How often one run is tried again when Lighthouse's trace is broken (NO_NAVSTART, NO_FCP, …). */
const ATTEMPTS = 3;

/**
 * One Lighthouse run in a fresh tab, from a cleared HTTP cache (the cookies stay: every run is a
 * signed-in first load). Lighthouse now and then loses a trace on a busy machine and reports a
 * runtime error such as NO_NAVSTART: that run is tried again, at most ATTEMPTS times, and said so.
 */
async function measureOnce(browser: Browser, url: string): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    const tab = await browser.newPage();
    try {
      const cdp = await tab.createCDPSession();
      await cdp.send('Network.clearBrowserCache');
      await cdp.detach();
      return await run(tab, url);
    } catch (error) {
      if (!(error instanceof LighthouseRuntimeError) || attempt >= ATTEMPTS) throw error;
      process.stdout.write(`(${error.code}, trying again) `);
    } finally {
      await tab.close();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The report.

const mark = (ok: boolean) => (ok ? '✔' : '✘');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function rowsOf(results: { page: Page; m: Measure }[]): { lines: string[]; failed: string[] } {
  const failed: string[] = [];
  const lines = [
    '| page | performance | accessibility | best practices | FCP | LCP | TBT | CLS | JS transferred | all transferred |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { page, m } of results) {
    const perfOk = m.performance >= BUDGET.performance;
    const a11yOk = m.accessibility >= BUDGET.accessibility;
    const bpOk = m.bestPractices >= BUDGET.bestPractices;
    const jsOk = !page.jsBudget || m.jsKiB <= BUDGET.homeJsKiB;
    if (!perfOk) failed.push(`${page.name}: performance ${m.performance.toFixed(2)} < ${BUDGET.performance}`);
    if (!a11yOk) failed.push(`${page.name}: accessibility ${m.accessibility.toFixed(2)} < ${BUDGET.accessibility.toFixed(2)}`);
    if (!bpOk) failed.push(`${page.name}: best practices ${m.bestPractices.toFixed(2)} < ${BUDGET.bestPractices}`);
    if (!jsOk) failed.push(`${page.name}: ${m.jsKiB.toFixed(0)} KiB JavaScript > ${BUDGET.homeJsKiB} KiB`);
    lines.push(
      `| ${page.name} | ${m.performance.toFixed(2)} ${mark(perfOk)} | ${m.accessibility.toFixed(2)} ${mark(a11yOk)} | ${m.bestPractices.toFixed(2)} ${mark(bpOk)} | ${seconds(m.fcp)} | ${seconds(m.lcp)} | ${Math.round(m.tbt)} ms | ${m.cls.toFixed(3)} | ${m.jsKiB.toFixed(1)} KiB${page.jsBudget ? ` ${mark(jsOk)}` : ''} | ${m.totalKiB.toFixed(1)} KiB |`,
    );
  }
  return { lines, failed };
}

async function main() {
  if (options.build || !fs.existsSync('dist/web/index.html')) {
    process.stdout.write('Building the web client (npx vite build)…\n');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  }
  const loadBefore = os.loadavg();
  const started = new Date();
  process.stdout.write('Starting the app on a fresh embedded database with the demo…\n');
  // Production, as deployed: the same headers, caching and compression a real first load gets.
  const server = await startServer({ NODE_ENV: 'production', PEERKRACHT_ALLOW_EMBEDDED: '1', PEERKRACHT_DATA_KEY: randomBytes(32).toString('base64'), PEERKRACHT_DEMO: '1' });
  const chrome = await chromeLauncher.launch({ chromePath: options.chromium, chromeFlags: CHROME_FLAGS });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  let failedBudgets: string[] = [];
  try {
    const coach = await signIn(server, 'studentcoach');
    const pages: Page[] = [
      { key: 'sign-in', name: 'sign-in', path: '/sign-in', who: null, jsBudget: false },
      { key: 'home', name: "the coachee's home", path: '/', who: 'coachee', jsBudget: true },
      { key: 'session', name: "a coach's session page", path: await coachSessionPath(server, coach), who: 'studentcoach', jsBudget: false },
      { key: 'map', name: 'the resilience map', path: '/resilience', who: 'coachee', jsBudget: false },
    ].filter((p) => !ONLY || ONLY.has(p.key));
    if (pages.length === 0) throw new Error(`--only names no page: ${options.only}`);
    const results: { page: Page; m: Measure }[] = [];
    for (const page of pages) {
      const measures: Measure[] = [];
      let lastFindings: string[] = [];
      const signing = await browser.newPage();
      await signInInBrowser(signing, server, page.who);
      await signing.close();
      for (let i = 1; i <= RUNS; i++) {
        process.stdout.write(`  ${page.name} (${page.path}), run ${i} of ${RUNS}… `);
        const lhr = await measureOnce(browser, `${server.url}${page.path}`);
        if (options.save) {
          fs.mkdirSync(options.save, { recursive: true });
          fs.writeFileSync(`${options.save}/${page.path === '/' ? 'home' : page.path.split('/')[1]}-${i}.json`, JSON.stringify(lhr));
        }
        if (new URL(lhr.finalDisplayedUrl).pathname !== page.path) throw new Error(`${page.path} ended on ${lhr.finalDisplayedUrl}: not signed in?`);
        const m = measureOf(lhr);
        measures.push(m);
        lastFindings = findings(lhr);
        process.stdout.write(`performance ${m.performance.toFixed(2)}, LCP ${seconds(m.lcp)}\n`);
      }
      for (const f of lastFindings) process.stdout.write(`    – ${f}\n`);
      const pick = (key: keyof Measure) => median(measures.map((m) => m[key]));
      results.push({
        page,
        m: { performance: pick('performance'), accessibility: pick('accessibility'), bestPractices: pick('bestPractices'), fcp: pick('fcp'), lcp: pick('lcp'), tbt: pick('tbt'), cls: pick('cls'), jsKiB: pick('jsKiB'), totalKiB: pick('totalKiB') },
      });
    }
    const loadAfter = os.loadavg();
    const { lines, failed } = rowsOf(results);
    failedBudgets = failed;
    const machine =
      `Run: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, ` +
      `Lighthouse 12.2.3 in ${execFileSync(options.chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()}, mobile defaults (simulated throttling), median of ${RUNS} run${RUNS === 1 ? '' : 's'} per page. ` +
      `Load average ${loadBefore[0]!.toFixed(1)} before and ${loadAfter[0]!.toFixed(1)} after (the app, Chromium and Lighthouse share the cores with whatever else the machine runs). ` +
      `Budgets: performance ≥ ${BUDGET.performance}, accessibility ${BUDGET.accessibility.toFixed(2)}, best practices ≥ ${BUDGET.bestPractices} on every page; ≤ ${BUDGET.homeJsKiB} KiB JavaScript for the coachee's home.`;
    const table = lines.join('\n');
    process.stdout.write(`\n${table}\n\n${machine}\n`);
    process.stdout.write(failed.length === 0 ? '\nAll budgets met.\n' : `\nBudgets missed:\n${failed.map((f) => `  ✘ ${f}`).join('\n')}\n`);
    if (options.write) {
      const intro = fs.readFileSync('bench/web/report-intro.md', 'utf8');
      fs.mkdirSync('docs/performance', { recursive: true });
      fs.writeFileSync('docs/performance/web.md', `${intro}\n${machine}\n\n${table}\n${failed.length === 0 ? '\nAll budgets met.\n' : `\nBudgets missed:\n\n${failed.map((f) => `- ✘ ${f}`).join('\n')}\n`}`);
      process.stdout.write('Wrote docs/performance/web.md\n');
    }
  } finally {
    await browser.disconnect();
    chrome.kill();
    await server.stop();
  }
  process.exitCode = failedBudgets.length === 0 ? 0 : 1;
}

await main();
