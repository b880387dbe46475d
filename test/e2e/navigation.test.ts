/**
 * Navigation per role (issue 20, item 1), the style guide and the date fields (item 2), end to end
 * on the demo programme in Debian's Chromium: at most five places in the bar (four destinations
 * and "Meer"), everything else under "Meer", every destination a real page with content (no empty
 * or missing pages for a role), usable by keyboard, axe-clean, and at 360 px a compact header and
 * a bottom bar that leave the page's content in the first screen.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll } from './support/browser';
import { e2eSuite, PHONE } from './support/suite';

const ROLES = ['coachee', 'studentcoach', 'seniorcoach', 'coordinator', 'leercoach', 'onderzoeker', 'beheerder', 'finance'] as const;
/** Who must not see the sessions page: it would be empty for them. */
const NO_SESSIONS = new Set(['leercoach', 'onderzoeker', 'beheerder', 'finance']);

describe('navigation per role', () => {
  const suite = e2eSuite();
  const nav = (page: Page) => page.getByRole('navigation', { name: /^(Hoofdmenu|Main menu)$/ });
  const more = (page: Page) => nav(page).getByRole('button', { name: /^(Meer|More)$/ });

  /** The bar's links, then those under "Meer", as [name, href]. */
  async function destinations(page: Page) {
    const read = (selector: string) => nav(page).locator(selector).evaluateAll((links) => links.map((a) => [a.textContent?.trim() ?? '', a.getAttribute('href') ?? ''] as const));
    return { primary: await read('.nav-primary a'), more: await read('.nav-more-list a') };
  }

  it.each(ROLES)('%s: at most five places in the bar, the rest under Meer, every destination a page with content', async (role) => {
    const page = await suite.signedIn(role);
    await suite.settled(page);
    const { primary, more: under } = await destinations(page);
    expect(primary.length, `${role}: primary destinations`).toBeGreaterThanOrEqual(1);
    expect(primary.length + 1, `${role}: places in the bar (with Meer)`).toBeLessThanOrEqual(5);
    expect(primary[0]?.[0]).toBe('Start');
    const names = [...primary, ...under].map(([name]) => name);
    if (NO_SESSIONS.has(role)) expect(names, `${role} sees no empty sessions page`).not.toContain('Bijeenkomsten');
    if (role === 'coordinator') expect(primary.map(([name]) => name).slice(1)).toEqual(['Groepen', 'Rooster', 'Signalen']);
    if (role === 'leercoach') expect(names).toContain('Mijn klas');
    if (role === 'beheerder') expect(names).toContain('Stijlgids');
    expect(new Set(names).size, `${role}: no destination twice`).toBe(names.length);
    // Meer opens, holds the rest and who is signed in, and is axe-clean open.
    await more(page).click();
    await expect(more(page).getAttribute('aria-expanded')).resolves.toBe('true');
    await nav(page).getByRole('button', { name: 'Uitloggen' }).waitFor();
    await expectAccessible(page, `${role}: Meer open`);
    // Every destination is a page of the app with a heading, not "not found".
    for (const [name, href] of [...primary, ...under]) {
      if (href.startsWith('/api/')) continue;
      await page.goto(`${suite.server.url}${href}`);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      await expect(heading.innerText(), `${role}: ${name} (${href})`).resolves.not.toMatch(/bestaat niet|niet gevonden/i);
    }
  }, 180_000);

  /** The bar's labels as shown (the short one where a place has two), each cut inside a word or not, and inside its place or not. */
  const barLabels = (page: Page) =>
    nav(page)
      .locator('.nav-primary')
      .evaluate((bar) => {
        const places = [...bar.querySelectorAll<HTMLElement>('a, button')];
        const labels = places.flatMap((place) => {
          const box = place.getBoundingClientRect();
          return [...place.querySelectorAll<HTMLElement>('.nav-label')]
            .filter((label) => getComputedStyle(label).display !== 'none' && label.getBoundingClientRect().width > 1)
            .map((label) => {
              // A word the line breaker cut in two has a box on each line.
              const text = label.firstChild as Text;
              let at = 0;
              const cut: string[] = [];
              for (const word of text.data.split(' ')) {
                const range = document.createRange();
                range.setStart(text, at);
                range.setEnd(text, at + word.length);
                if (range.getClientRects().length > 1) cut.push(word);
                at += word.length + 1;
              }
              const own = label.getBoundingClientRect();
              const inside = own.left >= box.left - 0.5 && own.right <= box.right + 0.5 && own.bottom <= box.bottom + 0.5;
              return { label: text.data, cut, inside };
            });
        });
        // Every place, "Meer" last, within the screen's width: none pushed off the edge.
        const offScreen = places.filter((place) => place.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((place) => place.textContent);
        return { labels, offScreen };
      });

  it.each(ROLES)('%s at 360 and 320 px, nl and en: every label in the bar whole, broken only between words, nothing cut off or pushed off', async (role) => {
    for (const english of [false, true]) {
      const page = await suite.signedIn(role, { ...PHONE, english });
      await suite.settled(page);
      for (const width of [PHONE.width, 320]) {
        await page.setViewportSize({ width, height: PHONE.height });
        const { labels, offScreen } = await barLabels(page);
        const where = `${role} (${english ? 'en' : 'nl'}, ${width} px)`;
        expect(labels.length, `${where}: labels in the bar`).toBeGreaterThanOrEqual(2);
        for (const { label, cut, inside } of labels) {
          expect(cut, `${where}: "${label}" broken inside a word`).toEqual([]);
          expect(inside, `${where}: "${label}" inside its place`).toBe(true);
        }
        expect(offScreen, `${where}: places past the screen's edge`).toEqual([]);
      }
      if (english) {
        // The choice of language is kept in the profile: give the later tests their Dutch back.
        await page.getByRole('button', { name: 'Nederlands' }).click();
        await nav(page).getByRole('button', { name: 'Meer' }).waitFor();
        await suite.settled(page);
      }
    }
  }, 90_000);

  it('coordinator: groups, schedule and signals one tap from home, at 1280 and 360 px', async () => {
    const page = await suite.signedIn('coordinator');
    await nav(page).getByRole('link', { name: 'Groepen' }).click();
    await page.waitForURL(/\/programme\/intakes\/[^/]+\/grouping$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.setViewportSize(PHONE);
    await nav(page).getByRole('link', { name: 'Rooster' }).click();
    await page.waitForURL(/\/programme\/intakes\/[^/]+\/scheduling$/);
    await nav(page).getByRole('link', { name: 'Signalen' }).click();
    await page.waitForURL(/\/support\/signals$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
  }, 60_000);

  it('works by keyboard: Tab to Meer, open it, Tab into its links, Escape closes and returns focus', async () => {
    const page = await suite.signedIn('studentcoach');
    await suite.tabTo(page, more(page));
    await page.keyboard.press('Enter');
    await expect(more(page).getAttribute('aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, inPanel: Boolean(document.activeElement?.closest('.nav-panel')) }));
    expect(focused).toEqual({ tag: 'A', inPanel: true });
    await page.keyboard.press('Escape');
    await expect(more(page).getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(more(page).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // Enter on a link under Meer goes there and closes Meer.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const target = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === target);
    await expect(more(page).getAttribute('aria-expanded')).resolves.toBe('false');
  }, 60_000);

  it.each([
    ['coachee', false],
    ['studentcoach', false],
    ['coordinator', true],
  ] as const)('%s at 360 px: compact header, bottom bar, content in the first screen (english: %s)', async (role, english) => {
    const page = await suite.signedIn(role, { ...PHONE, english });
    await suite.settled(page);
    const bar = await nav(page).boundingBox();
    expect(bar, 'the bar').not.toBeNull();
    expect(bar!.y + bar!.height).toBeCloseTo(PHONE.height, 0);
    expect(bar!.height, 'the bar: icons with at most two lines of text').toBeLessThanOrEqual(88);
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(80);
    const h1 = await page.getByRole('heading', { level: 1 }).boundingBox();
    const firstCard = await page.locator('main .card').first().boundingBox();
    expect(h1!.y).toBeLessThan(200);
    expect(firstCard!.y, 'the first card starts in the first screen').toBeLessThan(PHONE.height - bar!.height - 60);
    await expectNoHorizontalScroll(page, `${role} home at 360 px`);
    await expectAccessible(page, `${role} home at 360 px`);
    await suite.screenshot(page, `nav-${role}-360`);
    await more(page).click();
    await expectAccessible(page, `${role} Meer at 360 px`);
    await suite.screenshot(page, `nav-${role}-360-more`);
    // Meer's panel fits above the bar and scrolls if needed; signing out is in it.
    await nav(page).getByRole('button', { name: english ? 'Sign out' : 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: english ? 'Sign in' : 'Inloggen' }).waitFor();
  }, 60_000);
});

describe('style guide and date fields', () => {
  const suite = e2eSuite();

  it('the beheerder opens the style guide from Meer; every component in each state, axe-clean in nl and en, at 360 px', async () => {
    const page = await suite.signedIn('beheerder');
    await page.getByRole('button', { name: 'Meer' }).click();
    await page.getByRole('link', { name: 'Stijlgids' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stijlgids' }).waitFor();
    for (const heading of ['Knoppen', 'Invoervelden', 'Keuzechips en labels', 'Kaarten', 'Tabellen', 'Meldingen', 'Dialoog']) await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    // Pressed state: aria-pressed, one at a time.
    const yes = page.getByRole('button', { name: 'Ik kom', exact: true });
    const no = page.getByRole('button', { name: 'Ik kom niet' });
    await expect(yes.getAttribute('aria-pressed')).resolves.toBe('true');
    await no.click();
    await expect(no.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(yes.getAttribute('aria-pressed')).resolves.toBe('false');
    // Disabled buttons look disabled: not the colours of the enabled ones.
    const look = (name: string, disabled: boolean) =>
      page.locator(`button.primary${disabled ? ':disabled' : ':enabled'}`, { hasText: name }).first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await look('Opslaan', true)).not.toBe(await look('Opslaan', false));
    // The dialog: opens, traps focus, Escape closes.
    await page.getByRole('button', { name: 'Dialoog openen' }).click();
    await page.getByRole('dialog', { name: 'Weet je het zeker?' }).waitFor();
    await expectAccessible(page, 'style guide dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expectAccessible(page, 'style guide (nl)');
    await suite.screenshot(page, 'style-guide-nl-1280');
    await suite.checkPhone(page, 'style guide');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Style guide' }).waitFor();
    await expectAccessible(page, 'style guide (en)');
    // The switch saved English to the profile; the next test signs the beheerder in afresh in Dutch.
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stijlgids' }).waitFor();
    await suite.settled(page);
  }, 90_000);

  it('date and time fields: dd-mm-jjjj and 24 hours in Dutch, typed segment by segment', async () => {
    const page = await suite.signedIn('beheerder');
    await page.goto(`${suite.server.url}/style`);
    // The segments' text, without the separators' line breaks and direction marks.
    const text = (group: Locator) => group.innerText().then((v) => v.replace(/[\s\u2066-\u2069]/g, ''));
    const when = page.getByRole('group', { name: 'Datum en tijd' });
    await expect(text(when)).resolves.toMatch(/dd-mm-jjjj,––:––/);
    await expect(text(when)).resolves.not.toMatch(/AM|PM/);
    await when.getByRole('spinbutton').first().click();
    await page.keyboard.type('241220261730');
    const values = page.getByTestId('sg-values');
    await expect.poll(() => values.innerText()).toContain('2026-12-24T17:30');
    await expect(text(when)).resolves.toBe('24-12-2026,17:30');
    // The date field shows its value the Dutch way, and takes a new one typed over it.
    const date = page.getByRole('group', { name: 'Datum', exact: true });
    await expect(text(date)).resolves.toMatch(/^0?6-10-2026$/);
    await date.getByRole('spinbutton').first().click();
    await page.keyboard.type('01022027');
    await expect.poll(() => values.innerText()).toContain('2027-02-01 ·');
    // In English: dd/mm/yyyy, still 24 hours.
    await page.getByRole('button', { name: 'English' }).click();
    const whenEn = page.getByRole('group', { name: 'Date and time' });
    await expect(text(whenEn)).resolves.toBe('24/12/2026,17:30');
    await expect(text(whenEn)).resolves.not.toMatch(/AM|PM/);
  }, 60_000);
});
