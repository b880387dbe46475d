/**
 * The accessibility crawl (issue 20, item 8): every page each demo role can reach, in Dutch and
 * English, at 1280 and 360 px, checked by axe with the WCAG 2.0/2.1/2.2 A and AA rules; any
 * violation fails, named by role, route, locale, width, rule and target.
 *
 * What the crawl visits needs no list to maintain: it starts from the links in the role's own main
 * menu (src/web/app/navigation.ts draws it) and follows every link inside the pages it finds,
 * breadth first, checking each route pattern of src/web/app/router.tsx once per role (the first
 * record the role's pages link to fills the parameters: a community, a session, a person …; while
 * a page's sub-pages are not all found, more of its records are opened only to follow their links).
 * A route no role reaches through links fails the coverage test at the end, unless it is a page
 * that only opens from a secret link in an e-mail (TOKEN_PAGES), which is visited signed out, or
 * one linked only after a date the demo has not reached (DATED_PAGES), visited directly.
 *
 * On the core pages it also checks reflow at 320 CSS px (WCAG 1.4.10: no sideways scrolling) and
 * text spacing (WCAG 1.4.12: with the text-spacing bookmarklet's CSS no text is clipped).
 */
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_THEMES } from '../../src/contracts/content/activities';
import type { CommunityManageResponse, IntakeCommunitiesResponse } from '../../src/contracts/communities';
import type { IntakeClassCoachesResponse } from '../../src/contracts/classwide';
import type { SessionResponse } from '../../src/contracts/identity';
import type { StructureResponse } from '../../src/contracts/programme';
import type { MyCoacheesResponse } from '../../src/contracts/resilience';
import { callApi, e2eSuite, type E2eSuite } from './support/suite';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [1280, 360] as const;
/** At most this many records of one route pattern are opened to find its sub-pages (axe checks the first). */
const RECORDS_PER_PATTERN = 40;
const HEIGHT = { 1280: 900, 360: 740 } as const;
const ROLES = ['coachee', 'studentcoach', 'seniorcoach', 'coordinator', 'leercoach', 'onderzoeker', 'beheerder', 'finance', 'opleidingsmanagement'] as const;
/** Demo students crawled like a role: `meedoen` is in an opt-in intake whose sign-up is open (/meedoen and its home task). */
const STUDENTS = ['meedoen'] as const;
/** Pages for people who are not signed in, visited as such. */
const PUBLIC_PAGES = ['/sign-in', '/forgot-password', '/sign-in/email-link', '/apply', '/100-dagen'];
/**
 * Pages that only open from a secret link (a token in the address, sent by e-mail) or in the
 * middle of signing in: no page links to them. Visited signed out, without a token, they show
 * their "this link does not work" state, which is checked like any page.
 */
const TOKEN_PAGES = ['/reset-password', '/sign-in/link', '/activate', '/sign-in/code', '/sign-in/sso', '/rsvp', '/questionnaire', '/doe-je-mee'];
/**
 * Pages that are linked only after a date the demo has not reached, visited directly by the role
 * that will find the link then (filled in by `recordsTheDemoLacks`). The regrouping is linked from
 * the 100-day totals once the time to answer is over; the demo's 100-day moment is still open, so
 * its coachees can answer.
 */
const DATED_PAGES: { role: (typeof ROLES)[number]; pattern: string; path?: string }[] = [{ role: 'coordinator', pattern: '/programme/intakes/:intakeId/regrouping' }];

/** The route patterns of the client router, read from its source so a new page is crawled without a list to update. */
function routePatterns(): string[] {
  const source = fs.readFileSync('src/web/app/router.tsx', 'utf8');
  const patterns = [...source.matchAll(/path:\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!).filter((p) => p !== '*');
  if (patterns.length < 20) throw new Error(`read only ${patterns.length} routes from src/web/app/router.tsx: has the way routes are declared changed?`);
  return patterns;
}
const PATTERNS = routePatterns();
const MATCHERS = PATTERNS.map((pattern) => ({
  pattern,
  params: (pattern.match(/:/g) ?? []).length,
  regex: new RegExp(`^${pattern.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`),
}));
/** The router's pattern for a path; a static route wins over a parameter (/sessions/new over /sessions/:id). */
function patternOf(pathname: string): string | null {
  return MATCHERS.filter((m) => m.regex.test(pathname)).sort((a, b) => a.params - b.params)[0]?.pattern ?? null;
}

type Violation = string;

/** axe with the WCAG A and AA tags; each violation as one line naming where and what. */
async function axe(page: Page, where: string): Promise<Violation[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = result.violations.flatMap((v) => v.nodes.map((n) => `${where} · ${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${n.target.join(' ')}`));
  // Shown as they are found, so a long crawl's findings can be read before it ends.
  for (const line of found) console.log(`a11y violation: ${line}`);
  return found;
}

/** Until the page has drawn its heading and answered its requests (or shows its error state). */
async function ready(page: Page, settled: (page: Page) => Promise<void>): Promise<void> {
  await page.locator('main h1, h1').first().waitFor();
  await settled(page);
  // A page may chain requests (the list, then its details): settle twice.
  await settled(page);
}

/** The app's own language setting: the switch in the header. */
async function chooseLocale(page: Page, locale: 'nl' | 'en', settled: (page: Page) => Promise<void>): Promise<void> {
  const button = page.getByRole('button', { name: locale === 'en' ? 'English' : 'Nederlands', exact: true });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.waitForFunction((lng) => document.documentElement.lang === lng, locale);
  await settled(page);
}

/** In-app links on the page (menu and content), as paths. */
async function linksOn(page: Page, origin: string): Promise<string[]> {
  const hrefs = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.flatMap((href) => {
    const url = new URL(href);
    if (url.origin !== origin || url.pathname.startsWith('/api/')) return [];
    return [url.pathname + url.search];
  });
}

/**
 * Applies the text-spacing bookmarklet's CSS (line height 1.5, paragraph spacing 2em, letters
 * 0.12em, words 0.16em) and lists elements whose text no longer fits a box that hides overflow.
 * Visually hidden text (1 px boxes for screen readers) is meant to be clipped and is left out.
 */
async function textSpacingClips(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    let style = document.getElementById('a11y-text-spacing');
    if (!style) {
      style = document.createElement('style');
      style.id = 'a11y-text-spacing';
      style.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
      document.head.append(style);
    }
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    const hides = (value: string) => value === 'hidden' || value === 'clip';
    const found: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const css = getComputedStyle(el);
      const x = hides(css.overflowX);
      const y = hides(css.overflowY);
      if (!x && !y) continue;
      if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;
      if (!(el.innerText ?? '').trim()) continue;
      if ((y && el.scrollHeight > el.clientHeight + 1) || (x && el.scrollWidth > el.clientWidth + 1)) {
        const name = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
        found.push(`${name} "${el.innerText.trim().slice(0, 40)}" (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
      }
    }
    return found;
  });
}

/**
 * Records some pages need and the demo does not hold, made through the API as the people who
 * would make them, so those pages are reached through links like any other: a one-on-one
 * conversation the coach started (→ /resilience/conversations/:id), an activity of the coach's
 * own (→ /activities/:id/edit) and a coach change the coordinator started (→ /handovers/:id).
 */
async function recordsTheDemoLacks(suite: E2eSuite): Promise<void> {
  const coach = await suite.signedIn('studentcoach');
  const coachPerson = (await callApi<SessionResponse>(coach, 'GET', '/api/auth/session')).person!;
  const { coachees } = await callApi<MyCoacheesResponse>(coach, 'GET', '/api/resilience/my-coachees');
  const consented = coachees.find((c) => c.consented);
  if (!consented) throw new Error('the demo coach has no coachee who consented to coaching data: no conversation to start');
  await callApi(coach, 'POST', `/api/resilience/coachees/${consented.id}/conversations`);
  await callApi(coach, 'POST', '/api/activities', {
    title: 'Kennismakingsbingo',
    goal: 'Elkaar leren kennen in de eerste week.',
    theme: ACTIVITY_THEMES[0],
    phases: ['start'],
    durationMinutes: 20,
    groupSize: { min: 4, max: 8 },
    steps: ['Iedereen krijgt een kaart met vragen.', 'Zoek voor elk vak iemand die past.'],
    shared: false,
  });
  await coach.context().close();

  const coordinator = await suite.signedIn('coordinator');
  const structure = await callApi<StructureResponse>(coordinator, 'GET', '/api/programme/structure');
  const intake = structure.programmes.flatMap((p) => p.intakes).find((i) => i.communityCount > 0);
  if (!intake) throw new Error('the demo coordinator has no intake with communities: no coach change to start');
  const { communities } = await callApi<IntakeCommunitiesResponse>(coordinator, 'GET', `/api/intakes/${intake.id}/communities`);
  const community = communities.find((c) => c.coach && !c.openHandover);
  if (!community) throw new Error('no community with a coach and no open coach change in the demo');
  const manage = await callApi<CommunityManageResponse>(coordinator, 'GET', `/api/communities/${community.id}/manage`);
  const toCoach = manage.coaches.find((c) => c.id !== manage.coach?.id);
  if (!toCoach) throw new Error('no other coach in the demo to hand a community over to');
  await callApi(coordinator, 'POST', `/api/communities/${community.id}/handovers`, { mode: 'newCoach', toCoachId: toCoach.id, introProposedAt: null, version: manage.version });

  // Class-wide coaching (#21 item 3): last year's Social Work intake made class-wide (its members
  // kept), the demo student coach linked to its first class (→ /programme/intakes/:id/classes,
  // /my-classes). This year's intakes stay as the demo has them.
  const socialWork = structure.programmes.find((p) => p.nameNl === 'Social Work');
  const lastYear = socialWork?.intakes.filter((i) => i.classes.length > 0).sort((a, b) => a.academicYear.localeCompare(b.academicYear))[0];
  if (!socialWork || !lastYear || lastYear.academicYear === socialWork.intakes.map((i) => i.academicYear).sort().at(-1)) throw new Error('the demo holds no earlier Social Work intake with classes to make class-wide');
  await callApi(coordinator, 'PUT', `/api/intakes/${lastYear.id}/settings`, { settings: { ...lastYear.settings, format: 'classWide' }, formatChange: { confirmed: true, existing: 'keep' } });
  const classCoaches = await callApi<IntakeClassCoachesResponse>(coordinator, 'GET', `/api/intakes/${lastYear.id}/class-coaches`);
  const demoCoach = classCoaches.coaches.find((c) => c.firstName === coachPerson.firstName && c.lastName === coachPerson.lastName);
  if (!demoCoach) throw new Error('the demo student coach is not an available coach of Social Work');
  await callApi(coordinator, 'PUT', `/api/intakes/${lastYear.id}/classes/${classCoaches.classes[0]!.classId}/coach`, { coachId: demoCoach.id, currentCoachId: classCoaches.classes[0]!.coach?.id ?? null });

  // Individual coaching (#21 item 3): last year's February intake of Social Work, added with
  // individual coaching as its format (→ /programme/intakes/:id/caseloads). Older than this
  // year's intakes, so the intake pages checked first stay this year's.
  await callApi(coordinator, 'POST', `/api/programmes/${socialWork.id}/intakes`, { academicYear: lastYear.academicYear, month: 'february' });
  const added = (await callApi<StructureResponse>(coordinator, 'GET', '/api/programme/structure')).programmes
    .find((p) => p.id === socialWork.id)!
    .intakes.find((i) => i.academicYear === lastYear.academicYear && i.month === 'february')!;
  await callApi(coordinator, 'PUT', `/api/intakes/${added.id}/settings`, { settings: { ...added.settings, format: 'individual' } });

  // The regrouping of this year's September intake, linked once its 100-day moment has closed.
  const thisYear = socialWork.intakes.find((i) => i.academicYear !== lastYear.academicYear && i.month === 'september');
  if (!thisYear) throw new Error("the demo holds no Social Work intake of this year's September");
  DATED_PAGES.find((d) => d.pattern === '/programme/intakes/:intakeId/regrouping')!.path = `/programme/intakes/${thisYear.id}/regrouping`;
  await coordinator.context().close();
}

let visits = 0;
const visitedPatterns = new Set<string>();

describe('accessibility crawl: every page each role reaches, nl and en, 1280 and 360 px', () => {
  const suite = e2eSuite();

  beforeAll(() => recordsTheDemoLacks(suite), 120_000);

  afterAll(() => {
    console.log(`a11y crawl: ${visits} (role, route, locale, width) visits; ${visitedPatterns.size} of ${PATTERNS.length} routes`);
  });

  /**
   * Breadth first from the signed-in home and its menu, following in-app links: one path per
   * route pattern. Calls `onPage` on each page once it is ready; stops early once `until` holds.
   */
  async function crawl(page: Page, onPage: (path: string) => Promise<void>, until?: (chosen: Map<string, string>) => boolean): Promise<Map<string, string>> {
    const origin = new URL(suite.server.url).origin;
    const queue = ['/'];
    const chosen = new Map<string, string>();
    // Records differ in what they link to (this year's intake has no classes, last year's has;
    // only one's own activity links to its edit page): while the pages of a record (the routes
    // under its last parameter, /programme/intakes/:intakeId/…) are not all found, more records are
    // opened, only to follow their links; axe checks the first.
    const opened = new Map<string, Set<string>>();
    const moreRecords = (pattern: string, seen: Set<string>) => {
      const record = pattern.match(/^(.*\/:[A-Za-z]+)(\/|$)/)?.[1];
      return record !== undefined && seen.size < RECORDS_PER_PATTERN && PATTERNS.some((p) => p.startsWith(`${record}/`) && !chosen.has(p));
    };
    while (queue.length > 0 && !until?.(chosen)) {
      const path = queue.shift()!;
      const pattern = patternOf(path.split('?')[0]!);
      if (!pattern || PUBLIC_PAGES.includes(pattern) || TOKEN_PAGES.includes(pattern)) continue;
      const seen = opened.get(pattern) ?? new Set<string>();
      if (seen.has(path) || (chosen.has(pattern) && !moreRecords(pattern, seen))) continue;
      opened.set(pattern, seen.add(path));
      await page.goto(`${suite.server.url}${path}`);
      await ready(page, (p) => suite.settled(p));
      queue.push(...(await linksOn(page, origin)));
      if (chosen.has(pattern)) continue;
      chosen.set(pattern, path);
      visitedPatterns.add(pattern);
      await onPage(path);
    }
    return chosen;
  }

  /** axe on the page as it is, at both widths. */
  async function atBothWidths(page: Page, where: string): Promise<Violation[]> {
    const violations: Violation[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT[width] });
      await suite.settled(page);
      violations.push(...(await axe(page, `${where} · ${width} px`)));
      visits++;
    }
    await page.setViewportSize({ width: 1280, height: HEIGHT[1280] });
    return violations;
  }

  /** Visits `paths` in the given locale, switched through the app's own setting. */
  async function check(page: Page, who: string, paths: string[], locale: 'nl' | 'en'): Promise<Violation[]> {
    const violations: Violation[] = [];
    for (const path of paths) {
      await page.goto(`${suite.server.url}${path}`);
      await ready(page, (p) => suite.settled(p));
      await chooseLocale(page, locale, (p) => suite.settled(p));
      violations.push(...(await atBothWidths(page, `${who} · ${path} · ${locale}`)));
    }
    return violations;
  }

  it.each([...ROLES, ...STUDENTS])(
    '%s: every reachable page is axe-clean',
    async (role) => {
      const page = await suite.signedIn(role);
      await suite.settled(page);
      // Breadth first from the menu, in Dutch: one path per route pattern.
      const violations: Violation[] = [];
      const chosen = await crawl(page, async (path) => {
        console.log(`a11y crawl: ${role} visits ${path}`);
        violations.push(...(await atBothWidths(page, `${role} · ${path} · nl`)));
      });
      // Pages linked only after a date the demo has not reached, visited directly.
      const dated = DATED_PAGES.filter((d) => d.role === role && !chosen.has(d.pattern));
      for (const { pattern, path } of dated) {
        if (!path) throw new Error(`no record for ${pattern}: recordsTheDemoLacks did not fill it in`);
        violations.push(...(await check(page, role, [path], 'nl')));
        chosen.set(pattern, path);
        visitedPatterns.add(pattern);
      }
      // The same pages in English.
      violations.push(...(await check(page, role, [...chosen.values()], 'en')));
      // Leave the person's language as the demo had it.
      await chooseLocale(page, 'nl', (p) => suite.settled(p));
      console.log(`a11y crawl: ${role}: ${[...chosen.keys()].join(' ')}`);
      expect(violations, `axe violations for ${role} on ${chosen.size} routes`).toEqual([]);
    },
    900_000,
  );

  it('signed out: the public pages and the pages behind secret links are axe-clean', async () => {
    const page = await suite.open({ allowedStatuses: [400, 401, 404, 410] });
    const paths = [...PUBLIC_PAGES, ...TOKEN_PAGES];
    const violations = [...(await check(page, 'signed out', paths, 'nl')), ...(await check(page, 'signed out', paths, 'en'))];
    for (const path of paths) visitedPatterns.add(path);
    expect(violations, 'axe violations signed out').toEqual([]);
  }, 600_000);

  it('core pages: reflow at 320 px (WCAG 1.4.10) and text spacing without clipped text (WCAG 1.4.12), nl and en', async () => {
    const problems: string[] = [];
    const examine = async (page: Page, who: string, path: string) => {
      for (const locale of ['nl', 'en'] as const) {
        await page.setViewportSize({ width: 1280, height: HEIGHT[1280] });
        await page.goto(`${suite.server.url}${path}`);
        await ready(page, (p) => suite.settled(p));
        await chooseLocale(page, locale, (p) => suite.settled(p));
        const where = `${who} · ${path} · ${locale}`;
        await page.setViewportSize({ width: 320, height: 740 });
        await suite.settled(page);
        const { scrollWidth, wide } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          // The innermost elements that reach past the screen's right edge: what to fix.
          wide: [
            ...Array.from(document.body.querySelectorAll<HTMLElement>('*'))
              .filter((el) => el.getBoundingClientRect().right > 320.5 && !Array.from(el.children).some((child) => child.getBoundingClientRect().right > 320.5))
              .map((el) => `${el.tagName.toLowerCase()}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`),
            // Text that runs out of its box (a word too long to wrap) does not widen the box itself.
            ...(() => {
              const texts: string[] = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const range = document.createRange();
                range.selectNodeContents(node);
                const right = range.getBoundingClientRect().right;
                if (right > 320.5) texts.push(`text "${(node.textContent ?? '').trim().slice(0, 40)}" in ${node.parentElement?.tagName.toLowerCase() ?? '?'} (right edge ${Math.round(right)} px)`);
              }
              return texts;
            })(),
          ].slice(0, 6),
        }));
        if (scrollWidth > 320) problems.push(`${where} · 320 px: reflow — the page is ${scrollWidth} px wide (sideways scrolling): ${wide.join(', ')}`);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: HEIGHT[width] });
          await suite.settled(page);
          const clipped = await textSpacingClips(page);
          problems.push(...clipped.map((c) => `${where} · ${width} px: text spacing clips ${c}`));
        }
        // The bookmarklet's style goes with the next navigation.
      }
    };

    const signedOut = await suite.open();
    await examine(signedOut, 'signed out', '/sign-in');

    const wantCoachee = ['/', '/sessions/:sessionId', '/resilience', '/communities/:communityId'];
    const coachee = await suite.signedIn('coachee');
    const coacheePaths = await crawl(coachee, async () => undefined, (chosen) => wantCoachee.every((p) => chosen.has(p)));
    const wantCoordinator = ['/', '/programme/intakes/:intakeId/grouping', '/programme/intakes/:intakeId/scheduling'];
    const coordinator = await suite.signedIn('coordinator');
    const coordinatorPaths = await crawl(coordinator, async () => undefined, (chosen) => wantCoordinator.every((p) => chosen.has(p)));
    for (const [who, page, want, paths] of [
      ['coachee', coachee, wantCoachee, coacheePaths],
      ['coordinator', coordinator, wantCoordinator, coordinatorPaths],
    ] as const) {
      for (const pattern of want) {
        const path = paths.get(pattern);
        expect(path, `${who} reaches ${pattern} through a link`).toBeDefined();
        await examine(page, who, path!);
      }
      await chooseLocale(page, 'nl', (p) => suite.settled(p));
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('every route of the router is visited by some role', () => {
    const missing = PATTERNS.filter((p) => !visitedPatterns.has(p));
    expect(missing, 'routes no role reaches through a link: link them from a page, or give the demo a record they show').toEqual([]);
  });
});
