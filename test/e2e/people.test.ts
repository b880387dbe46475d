/**
 * People and roles (issue 16, items 1 and 6) in Chromium on the demo: the beheerder sets up a
 * leercoach (creates the person, grants leercoach with a class); a coordinator promotes a coach to
 * senior coach and picks whom they supervise; the coach sees it on Mijn rollen / My roles; a person
 * signs out another session from "Waar ben ik ingelogd". Dutch and English, 360 px, axe-clean.
 */
import { describe, expect, it } from 'vitest';
import type { MyRolesResponse } from '../../src/contracts/people';
import { callApi, DEMO_DOMAIN, e2eSuite, PHONE } from './support/suite';

describe('people and roles', () => {
  const suite = e2eSuite();

  it('lets the beheerder create a teacher and make them leercoach of a class (nl, 360 px)', async () => {
    const page = await suite.signedIn('beheerder');
    await suite.menu(page, 'Mensen en rollen');
    await page.getByRole('heading', { level: 1, name: 'Mensen en rollen' }).waitFor();
    await page.getByLabel('Voornaam').fill('Lotte');
    await page.getByLabel('Achternaam').fill('Leraar');
    await page.getByLabel('E-mailadres', { exact: true }).fill(`l.leraar@${DEMO_DOMAIN}`);
    await page.getByRole('button', { name: 'Medewerker aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: /Lotte Leraar/ }).waitFor();
    await page.getByText('Lotte Leraar is aangemaakt.').waitFor();
    await expect(page.locator('dl.facts').getByText('Nog niet geactiveerd').isVisible()).resolves.toBe(true);

    await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Leercoach' });
    await page.getByLabel('Voor', { exact: true }).selectOption({ label: 'Social Work' });
    await page.getByRole('checkbox', { name: /SW1B/ }).check();
    await page.getByLabel('Reden (mag leeg blijven)').fill('Nieuwe docent van SW1B');
    await page.getByRole('button', { name: 'Rol geven' }).click();
    await page.getByText('De rol is gegeven.').waitFor();
    const card = page.locator('.people-roles > li').filter({ hasText: 'Leercoach · Social Work' });
    await card.getByText(/SW1B/).waitFor();
    await page.locator('.people-history').getByText('Reden: Nieuwe docent van SW1B').waitFor();
    await suite.settled(page);
    await suite.screenshot(page, 'people-person-leercoach-nl');
    await suite.checkPhone(page, 'a person with a new leercoach role (nl)');

    // Back on the list, the teacher is found by e-mail and marked as not activated yet.
    await page.getByRole('link', { name: 'Terug naar Mensen en rollen' }).click();
    await page.getByLabel('Zoek op naam, e-mailadres of studentnummer').fill('l.leraar');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const row = page.getByRole('list', { name: 'Gevonden mensen' }).getByRole('listitem');
    await expect.poll(() => row.count()).toBe(1);
    await expect(row.getByText('Nog niet geactiveerd').isVisible()).resolves.toBe(true);
    await suite.screenshot(page, 'people-directory-nl');
    await suite.checkPhone(page, 'Mensen en rollen (nl)');
  });

  it('lets a coordinator promote a coach to senior coach and pick whom they supervise; the coach sees it on My roles (en, 360 px)', async () => {
    const page = await suite.signedIn('coordinator', { english: true, ...PHONE });
    await page.goto(`${suite.server.url}/people?q=studentcoach%40`);
    await page.getByRole('list', { name: 'People found' }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 2, name: 'Grant a role' }).waitFor();
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Senior coach' });
    await expect(page.getByLabel('For', { exact: true }).inputValue()).resolves.not.toBe('institution');
    const group = page.getByRole('group', { name: 'Which student coaches does this senior coach supervise?' });
    await group.getByRole('checkbox').first().waitFor();
    const supervised = (await group.getByRole('checkbox').first().locator('xpath=..').innerText()).split(' (')[0]!.trim();
    await group.getByRole('checkbox').first().check();
    await page.getByLabel('Reason (may stay empty)').fill('Ready to supervise');
    await suite.checkPhone(page, 'grant form with the supervision choice (en)');
    await page.getByRole('button', { name: 'Grant role' }).click();
    await page.getByText('The role has been granted.').waitFor();
    const card = page.locator('.people-roles > li').filter({ hasText: 'Senior coach · Social Work' });
    await card.getByText(supervised).waitFor();
    await suite.settled(page);
    await suite.screenshot(page, 'people-promoted-senior-en');

    const coach = await suite.signedIn('studentcoach', { english: true, ...PHONE });
    await suite.menu(coach, 'My roles');
    await coach.getByRole('heading', { level: 2, name: 'Senior coach · Social Work' }).waitFor();
    await coach.getByText(`Supervises: ${supervised}`).waitFor();
    await coach.getByText('Reason: Ready to supervise').waitFor();
    await coach.getByText(/By .+ \(Coordinator\)/).first().waitFor();
    const mine = await callApi<MyRolesResponse>(coach, 'GET', '/api/me/roles');
    expect(mine.heldRoles.map((r) => r.role).sort()).toEqual(['seniorcoach', 'studentcoach']);
    await suite.settled(coach);
    await suite.screenshot(coach, 'people-my-roles-en');
    await suite.checkPhone(coach, 'My roles (en)');
  });

  it('shows Mijn rollen in Dutch with who granted the role', async () => {
    const page = await suite.signedIn('leercoach');
    await suite.menu(page, 'Mijn rollen');
    await page.getByRole('heading', { level: 2, name: 'Leercoach · Social Work' }).waitFor();
    await page.getByText(/Door .+ \(Beheerder\)/).first().waitFor();
    await suite.checkPhone(page, 'Mijn rollen (nl)');
  });

  it('signs out another session from "Waar ben ik ingelogd" (nl, 360 px), and that browser is signed out', async () => {
    const laptop = await suite.signedIn('coachee');
    const phone = await suite.signedIn('coachee', { ...PHONE });
    await suite.menu(phone, 'Waar ben ik ingelogd');
    const list = phone.getByRole('list', { name: 'Apparaten waarop je bent ingelogd' });
    await expect.poll(() => list.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    await expect(list.getByText('Dit apparaat', { exact: true }).count()).resolves.toBe(1);
    await expect(list.getByRole('heading', { level: 2 }).first().innerText()).resolves.toMatch(/ op /);
    await suite.settled(phone);
    await suite.screenshot(phone, 'people-sign-in-sessions-nl');
    await suite.checkPhone(phone, 'Waar ben ik ingelogd (nl)');
    const before = await list.getByRole('listitem').count();
    // Sign out one session that is not this one.
    await list.getByRole('listitem').filter({ hasNotText: 'Dit apparaat' }).first().getByRole('button', { name: /^Uitloggen: / }).click();
    await phone.getByText(/Je bent uitgelogd op /).waitFor();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(before - 1);
    // The laptop's session was the other one (the only other coachee sessions are this test's).
    await expect.poll(async () => {
      await laptop.reload();
      return laptop.url();
    }).toMatch(/\/sign-in$/);

    await suite.settled(phone);
    await phone.getByRole('button', { name: 'Overal uitloggen, ook hier' }).click();
    await phone.waitForURL(/\/sign-in$/);
  });
});
