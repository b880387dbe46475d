/**
 * Issue 21 item 8 end to end, in Debian's Chromium on the demo (two programmes: Social Work and
 * Business Innovation): the Social Work coordinator adds a help entry for Social Work only; a
 * Social Work coachee finds it on a phone, in Dutch and English, with its badge; a Business
 * Innovation coachee does not. Every screen is checked with axe and at 360 px.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { DEMO_DOMAIN, e2eSuite, PHONE, LAPTOP } from './support/suite';

const NAME_NL = 'Stagebureau Social Work';
const NAME_EN = 'Social Work placement office';

describe('programme-only help entries', () => {
  const suite = e2eSuite();

  it('lets a coordinator add a help entry for their programme only, with its badge and a filter', async () => {
    const page = await suite.signedIn('coordinator');
    await suite.menu(page, 'Hulp');
    await page.getByRole('heading', { level: 1, name: 'Hulp en advies' }).waitFor();
    await page.getByRole('link', { name: 'Nieuwe hulpbron toevoegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe hulpbron' }).waitFor();
    // A programme coordinator adds entries for their own programme; the form says so.
    await page.getByText('Alleen voor Social Work').waitFor();
    await expectAccessible(page, 'new help entry for one programme (nl)');
    await page.getByLabel('Onderwerp').selectOption({ label: 'Studievoortgang en begeleiding' });
    await page.getByLabel('Naam (Nederlands)').fill(NAME_NL);
    await page.getByLabel('Naam (Engels)').fill(NAME_EN);
    await page.getByLabel('Wanneer ga je hierheen? (Nederlands)').fill('Als je vragen hebt over je stage.');
    await page.getByLabel('Wanneer ga je hierheen? (Engels)').fill('When you have questions about your placement.');
    await page.getByLabel('Hoe bereik je ze? (Nederlands)').fill('Loop binnen op dinsdag, lokaal 2.14.');
    await page.getByLabel('Hoe bereik je ze? (Engels)').fill('Walk in on Tuesdays, room 2.14.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hulp en advies' }).waitFor();
    const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: NAME_NL }) });
    await entry.getByText('Alleen voor Social Work').waitFor();
    // The filter: only the programme's own entries, or only the institution's.
    await page.getByLabel('Laat zien').selectOption({ label: 'Alleen voor een opleiding' });
    await page.getByRole('heading', { name: NAME_NL }).waitFor();
    expect(await page.getByText('Hele hogeschool', { exact: true }).count()).toBe(0);
    await expectAccessible(page, 'help filtered on the programme (nl)');
    await suite.screenshot(page, 'help-programme-filter-nl');
    await page.getByLabel('Laat zien').selectOption({ label: 'Voor de hele hogeschool' });
    await page.getByText('Hele hogeschool', { exact: true }).first().waitFor();
    expect(await page.getByRole('heading', { name: NAME_NL }).count()).toBe(0);
    // The coordinator cannot edit the institution-wide entries (the beheerder keeps them).
    expect(await page.getByRole('link', { name: /bewerken$/ }).count()).toBe(0);
    await suite.checkPhone(page, 'help filtered on the institution (nl)');
  });

  it("shows the entry to a coachee of the programme on a phone, in Dutch and English, and not to another programme's", async () => {
    const coachee = await suite.signedIn('coachee');
    await coachee.setViewportSize(PHONE);
    await suite.menu(coachee, 'Hulp');
    await coachee.getByRole('heading', { level: 1, name: 'Hulp en advies' }).waitFor();
    const entry = coachee.getByRole('listitem').filter({ has: coachee.getByRole('heading', { name: NAME_NL }) });
    await entry.getByText('Alleen voor Social Work').waitFor();
    await entry.getByText('Loop binnen op dinsdag, lokaal 2.14.').waitFor();
    await expectAccessible(coachee, 'help with a programme entry (nl, 360 px)');
    await suite.screenshot(coachee, 'help-programme-entry-nl-360');
    await coachee.getByRole('button', { name: 'English' }).click();
    await coachee.getByRole('heading', { level: 1, name: 'Help and advice' }).waitFor();
    const english = coachee.getByRole('listitem').filter({ has: coachee.getByRole('heading', { name: NAME_EN }) });
    await english.getByText('Only for Social Work').waitFor();
    await expectAccessible(coachee, 'help with a programme entry (en, 360 px)');
    await suite.checkPhone(coachee, 'help with a programme entry (en)');
    await suite.screenshot(coachee, 'help-programme-entry-en-360');
    await coachee.getByRole('button', { name: 'Nederlands' }).click();
    await coachee.setViewportSize(LAPTOP);

    // A coachee of Business Innovation: found through their coordinator's people search.
    const biCoordinator = await suite.signedIn(`coordinator.bi@${DEMO_DOMAIN}`);
    const found = (await (await biCoordinator.request.get(`${suite.server.url}/api/people?q=student.`)).json()) as { people: { email: string; status: string; roles: { role: string }[] }[] };
    const biCoachee = found.people.find((p) => p.roles.some((r) => r.role === 'coachee') && p.status === 'active');
    expect(biCoachee, 'a Business Innovation coachee in the demo').toBeDefined();
    const other = await suite.signedIn(biCoachee!.email);
    await other.setViewportSize(PHONE);
    await suite.menu(other, 'Hulp');
    await other.getByRole('heading', { level: 1, name: 'Hulp en advies' }).waitFor();
    await other.getByRole('heading', { level: 2 }).first().waitFor();
    await suite.settled(other);
    expect(await other.getByText(NAME_NL).count()).toBe(0);
    expect(await other.getByText('Alleen voor Social Work').count()).toBe(0);
    await expectAccessible(other, 'help of another programme (nl, 360 px)');
  });
});
