/**
 * Programme, people and communities end to end on the demo programme: a coordinator sets up an
 * intake, imports a CSV with bad rows, creates a community with a coach and a member; a coach
 * leaves and the warm handover completes; the coachee sees the new coach. Dutch and English,
 * axe-clean, and at 360 px.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, newPage, type TrackedPage } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const DOMAIN = 'hogeschool-zuidas.example';
const PASSWORD = 'peerkracht-demo';
const FIXTURE = 'test/fixtures/import/osiris-sw-2027.csv';
const SHOTS = '.tmp/screenshots';

describe('programme, import, communities and handover', () => {
  let server: RunningServer;
  let browser: Browser;
  let tracked: TrackedPage[] = [];
  let leavingCoach = '';
  let newCoach = '';

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async () => {
    const errors = tracked.flatMap((t) => t.errors);
    await Promise.all(tracked.map((t) => t.context.close()));
    tracked = [];
    expect(errors, 'browser console errors').toEqual([]);
  });

  const open = async (options: Parameters<typeof newPage>[1] = {}) => {
    const t = await newPage(browser, options);
    tracked.push(t);
    return t.page;
  };
  async function signIn(page: Page, role: string, english = false) {
    await page.goto(`${server.url}/sign-in`);
    if (english) await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel(/E-mailadres|E-mail address/).fill(`${role}@${DOMAIN}`);
    await page.getByLabel(/^(Wachtwoord|Password)$/).fill(PASSWORD);
    await page.getByRole('button', { name: /^(Inloggen|Sign in)$/ }).click();
    await page.getByRole('heading', { level: 1, name: /^(Welkom|Welcome)/ }).waitFor();
  }
  const narrow = async (page: Page, label: string) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page, label);
    await expectAccessible(page, `${label} at 360 px`);
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  it('sets up an intake and imports students from CSV, reporting the bad rows (nl)', async () => {
    const page = await open();
    await signIn(page, 'coordinator');
    await page.getByRole('link', { name: 'Opleidingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opleidingen en instroom' }).waitFor();
    await expectAccessible(page, 'programmes (nl)');
    const form = page.getByRole('form', { name: 'Instroom toevoegen: Social Work' });
    await form.getByLabel('Studiejaar').fill('2027-2028');
    await form.getByRole('button', { name: 'Instroom toevoegen' }).click();
    await page.getByRole('status').filter({ hasText: 'De instroom is toegevoegd.' }).waitFor();
    await page.getByRole('link', { name: 'Instroom september 2027-2028 openen' }).click();
    await page.getByRole('heading', { name: 'Instellingen van deze instroom' }).waitFor();
    await page.getByLabel('Bijeenkomsten per maand').fill('2');
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    await expectAccessible(page, 'intake (nl)');
    await narrow(page, 'intake (nl)');

    await page.getByRole('link', { name: 'Studenten importeren' }).click();
    await page.getByRole('region', { name: 'CSV-bestand' }).locator('input[type=file]').setInputFiles(FIXTURE);
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page.getByText('13 rijen: 9 goed, 4 met fouten.').waitFor();
    await expect(page.getByLabel('Studentnummer').inputValue()).resolves.toBe('0');
    await expectAccessible(page, 'import preview (nl)');
    await narrow(page, 'import preview (nl)');
    await page.getByRole('button', { name: '9 goede rijen importeren' }).click();
    await page.getByText('Klaar: 9 nieuw, 0 bijgewerkt, 4 niet geïmporteerd.').waitFor();
    await page.getByRole('cell', { name: 'e-mailadres klopt niet' }).last().waitFor();
    await expectAccessible(page, 'import done (nl)');
    await page.screenshot({ path: `${SHOTS}/import-nl.png`, fullPage: true });
  });

  it('creates a community with a coach and a member (nl)', async () => {
    const page = await open();
    await signIn(page, 'coordinator');
    await page.getByRole('link', { name: 'Opleidingen' }).click();
    await page.getByRole('link', { name: 'Instroom september 2027-2028 openen' }).click();
    await page.getByRole('link', { name: "Community's van deze instroom" }).click();
    await page.getByText('9 studenten zijn nog niet ingedeeld.').waitFor();
    await page.getByLabel('Naam', { exact: true }).fill('Noord');
    await page.getByLabel('Coach', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Community aanmaken' }).click();
    await page.getByRole('status').filter({ hasText: 'De community is aangemaakt.' }).waitFor();
    await expectAccessible(page, 'communities (nl)');
    await page.getByRole('link', { name: 'Community Noord bewerken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Community Noord beheren' }).waitFor();
    await page.getByLabel('Student', { exact: true }).selectOption({ label: 'Amira Bennani (SW1C) — nog niet ingedeeld' });
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByRole('status').filter({ hasText: 'De student is toegevoegd.' }).waitFor();
    await page.getByRole('heading', { name: 'Deelnemers (1 van max. 8)' }).waitFor();
    await expectAccessible(page, 'community manage (nl)');
    await narrow(page, 'community manage (nl)');
  });

  it('lets the coach leave and hands SW 1 over warmly: note, completion, e-mails', async () => {
    const coach = await open({ allowedStatuses: [404] });
    await signIn(coach, 'studentcoach', true);
    const me = await coach.evaluate(async () => (await (await fetch('/api/auth/session')).json()) as { person: { firstName: string; lastName: string } });
    leavingCoach = me.person.firstName;

    const page = await open();
    await signIn(page, 'coordinator');
    await page.getByRole('link', { name: 'Coaches' }).click();
    await page.getByRole('heading', { name: 'Aanmeldingen' }).waitFor();
    await expectAccessible(page, 'coaches (nl)');
    await page.getByRole('button', { name: `Stopt als coach (${leavingCoach})` }).click();
    await page.getByRole('link', { name: 'Overdracht van SW 1 starten' }).click();
    await page.getByRole('heading', { name: 'Warme overdracht starten' }).waitFor();
    const select = page.getByLabel('Nieuwe coach');
    newCoach = (await select.locator('option').first().innerText()).trim();
    await page.getByLabel('Voorstel kennismakingsbijeenkomst').fill('2027-10-07T15:30');
    await page.getByRole('button', { name: 'Warme overdracht starten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overdracht van SW 1' }).waitFor();
    await page.getByText('De stoppende coach heeft nog geen notitie geschreven.').first().waitFor();

    // The leaving coach writes the note, in English.
    await coach.getByRole('link', { name: 'My coach profile' }).click();
    await coach.getByRole('link', { name: 'Handover of SW 1' }).click();
    await coach.getByRole('textbox', { name: 'Handover note' }).fill('A close group. Start with a check-in; two members work a lot, so avoid Fridays.');
    await coach.getByRole('button', { name: 'Save the note' }).click();
    await coach.getByRole('status').filter({ hasText: 'The note has been saved.' }).waitFor();
    await expectAccessible(coach, 'handover note (en)');
    await narrow(coach, 'handover note (en)');

    await page.reload();
    await page.getByText('De notitie is alleen voor de nieuwe coach.').waitFor();
    await page.getByRole('button', { name: 'Overdracht afronden' }).click();
    await page.getByRole('status').filter({ hasText: 'De overdracht is afgerond.' }).waitFor();
    await expectAccessible(page, 'handover completed (nl)');
  });

  it('shows the coachee their new coach, in Dutch and English, at 360 px', async () => {
    const page = await open({ width: 360, height: 740 });
    await signIn(page, 'coachee');
    await page.getByRole('link', { name: 'Mijn community', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mijn community: SW 1' }).waitFor();
    await page.getByText(newCoach, { exact: true }).waitFor();
    await page.getByText(/Voorstel om kennis te maken:/).waitFor();
    await page.getByText(/Bijeenkomsten staan nog niet in peerkracht/).waitFor();
    await expectNoHorizontalScroll(page, 'my community (nl)');
    await expectAccessible(page, 'my community (nl)');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My community: SW 1' }).waitFor();
    await page.getByRole('heading', { name: 'Your coach', exact: true }).waitFor();
    await expectAccessible(page, 'my community (en)');
    await page.screenshot({ path: `${SHOTS}/my-community-en-360.png`, fullPage: true });
    expect(newCoach).not.toContain(leavingCoach);
  });

  it('takes a coach application on the public form (en)', async () => {
    const page = await open();
    await page.goto(`${server.url}/apply`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Become a student coach' }).waitFor();
    await page.getByLabel('Programme').selectOption({ index: 1 });
    await page.getByLabel('First name').fill('Sam');
    await page.getByLabel('Last name').fill('de Groot');
    await page.getByLabel('E-mail address').fill('sam.degroot@student.hogeschool-zuidas.example');
    await page.getByLabel('Why do you want to become a coach?').fill('I want to help first-years find their way.');
    await page.getByLabel(/When are you available/).fill('Tuesdays');
    await expectAccessible(page, 'apply (en)');
    await narrow(page, 'apply (en)');
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.getByRole('status').filter({ hasText: 'Your application has arrived.' }).waitFor();
  });
});
