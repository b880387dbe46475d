/**
 * Group formation in the browser, on the demo: a student discloses attributes (background with
 * consent) on "About me"; the coordinator gets a translated error with the numbers for impossible
 * sizes, runs grouping with a progress bar, sees balance figures but no values, moves a student by
 * keyboard and one by dragging (the figures follow), and accepts — the communities exist. Dutch and
 * English, axe-clean, usable at 360 px. A coach cannot open it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { callApi, e2eSuite, LAPTOP, PHONE } from './support/suite';

type Structure = { programmes: { nameNl: string; intakes: { id: string; month: string; academicYear: string }[] }[] };

async function februaryIntake(page: Page): Promise<string> {
  const structure = await callApi<Structure>(page, 'GET', '/api/programme/structure');
  const sw = structure.programmes.find((p) => p.nameNl === 'Social Work')!;
  return sw.intakes.find((i) => i.month === 'february')!.id;
}

describe('group formation', () => {
  const suite = e2eSuite();

  it('lets a student disclose prior education and, with consent, their background (nl, en)', async () => {
    const page = await suite.signedIn('coachee');
    await suite.menu(page, 'Over mij');
    await page.getByRole('heading', { level: 1, name: 'Over mij' }).waitFor();
    await page.getByText('Wie ziet dit? Niemand, behalve jij.').waitFor();
    await expectAccessible(page, 'about me (nl)');
    const prior = page.getByRole('group', { name: 'Welke vooropleiding heb je gedaan?' });
    await prior.getByRole('radio', { name: 'mbo' }).check();
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    await prior.getByText('Telt mee bij het indelen').waitFor();

    const background = page.getByRole('region', { name: 'Je achtergrond' });
    await background.getByText('Je gaf (nog) geen toestemming.').waitFor();
    const first = page.getByRole('group', { name: /eerste in je familie/ });
    await first.getByRole('radio', { name: 'Ja' }).check();
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await first.getByText('Telt pas mee als je hieronder toestemming geeft').waitFor();
    await background.getByRole('button', { name: 'Ja, mijn achtergrond mag meetellen bij het indelen' }).click();
    await page.getByRole('status').filter({ hasText: 'Je toestemming is vastgelegd.' }).waitFor();
    await first.getByText('Telt mee bij het indelen').waitFor();
    await suite.screenshot(page, 'grouping-about-me-nl');
    await suite.checkPhone(page, 'about me (nl)');
    await page.setViewportSize(PHONE);
    await suite.screenshot(page, 'grouping-about-me-nl-phone');
    await page.setViewportSize(LAPTOP);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'About me' }).waitFor();
    await page.getByRole('group', { name: /first in your family/ }).getByText('Counts when forming groups').waitFor();
    await expectAccessible(page, 'about me (en)');
    await suite.checkPhone(page, 'about me (en)');
    await suite.screenshot(page, 'grouping-about-me-en');
    // Withdrawing deletes the background answers.
    await page.getByRole('button', { name: 'Withdraw consent and delete answers' }).click();
    await page.getByRole('status').filter({ hasText: 'Your consent has been withdrawn' }).waitFor();
    await expect.poll(() => page.getByRole('group', { name: /first in your family/ }).getByRole('radio', { name: "I'd rather not say" }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  it('shows impossible sizes with the numbers, then proposes communities with a progress bar (en)', async () => {
    // The impossible sizes answer 422 on purpose.
    const page = await suite.open({ allowedStatuses: [422] });
    await suite.signIn(page, 'coordinator', { english: true });
    const intakeId = await februaryIntake(page);
    await page.goto(`${suite.server.url}/programme/intakes/${intakeId}`);
    await page.getByRole('link', { name: 'Form groups' }).click();
    await page.getByRole('heading', { level: 1, name: 'Form groups' }).waitFor();
    await page.getByText('22 students are not in a community yet.').waitFor();
    await page.getByText('17 of 22 students disclosed this').waitFor();
    await expectAccessible(page, 'grouping setup (en)');
    await suite.checkPhone(page, 'grouping setup (en)');
    await suite.screenshot(page, 'grouping-setup-en');

    await page.getByLabel('Minimum').fill('9');
    await page.getByLabel('Maximum').fill('10');
    await page.getByLabel('Computing time in seconds').fill('1');
    await page.getByRole('button', { name: 'Make a proposal' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: '22 students do not fit into communities of 9 to 10: 2 communities hold at most 20 students, and 3 communities need at least 27.' })
      .waitFor();
    await page.getByLabel('Minimum').fill('7');
    await page.getByLabel('Maximum').fill('8');
    await page.getByLabel('Weight of Prior education').selectOption('2');
    await page.getByRole('button', { name: 'Make a proposal' }).click();
    await page.getByRole('heading', { name: 'How mixed are the communities?' }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Community 3' }).waitFor();
    // Aggregates only: no student's value appears anywhere on the page.
    const text = await page.locator('main').innerText();
    for (const value of ['MBO', 'HAVO', 'VWO', 'Non-binary']) expect(text).not.toContain(value);
    await expectAccessible(page, 'grouping draft (en)');
    await suite.checkPhone(page, 'grouping draft (en)');
    await suite.screenshot(page, 'grouping-draft-en');
    // Signing in with English saved it to the profile, which the app follows on a fresh load: the
    // next test has the coordinator in Dutch again.
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { name: "Hoe gemengd zijn de community's?" }).waitFor();
    await suite.settled(page);
  });

  it('moves a student by keyboard and one by dragging, the figures follow, and accepting creates the communities (nl)', async () => {
    const page = await suite.signedIn('coordinator');
    const intakeId = await februaryIntake(page);
    await page.goto(`${suite.server.url}/programme/intakes/${intakeId}/grouping`);
    await page.getByRole('heading', { name: "Hoe gemengd zijn de community's?" }).waitFor();
    await expectAccessible(page, 'grouping draft (nl)');
    const community = (n: number) => page.getByRole('region', { name: `Community ${n}`, exact: true });
    const sizes = async () => Promise.all([1, 2, 3].map(async (n) => community(n).locator('p.figure').first().innerText()));
    const before = await sizes();

    // Keyboard: Tab to the first student's move button, Enter, Enter on "Naar community 2".
    const firstMember = community(1).locator('li.member').first();
    const name = (await firstMember.locator('.member-name').innerText()).replace(/\s*\(.*\)$/, '').trim();
    const moveButton = community(1).getByRole('button', { name: `${name} verplaatsen` });
    await suite.tabTo(page, moveButton, 120);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Naar community 2');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: `${name} staat nu in community 2.` }).waitFor();
    await community(2).locator('.member-name', { hasText: name }).waitFor();
    await expect.poll(sizes).not.toEqual(before);
    expect(await page.getByRole('status').filter({ hasText: 'Vooropleiding:' }).count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id.startsWith('move-'))).toBe(true);

    // Drag and drop: a student of community 3 onto community 1.
    const dragged = community(3).locator('li.member').first();
    const draggedName = (await dragged.locator('.member-name').innerText()).replace(/\s*\(.*\)$/, '').trim();
    await dragged.dragTo(community(1));
    await page.getByRole('status').filter({ hasText: `${draggedName} staat nu in community 1.` }).waitFor();
    await community(1).locator('.member-name', { hasText: draggedName }).waitFor();
    await community(1).getByText('Waarom hier?').first().click();
    // Each student has a reason; the solver's placements are mostly the best one for them.
    expect(await page.getByText('Geen andere community zou meer spreiding van deze student krijgen').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'grouping draft after moves (nl)');
    await suite.checkPhone(page, 'grouping draft (nl)');
    await suite.screenshot(page, 'grouping-draft-nl');
    await page.setViewportSize(PHONE);
    await suite.screenshot(page, 'grouping-draft-nl-phone');
    await page.setViewportSize(LAPTOP);

    await page.getByLabel("Naam van de community's (er komt een nummer achter)").fill('SW februari');
    await page.getByLabel(/^Voorkeur voor rolmodellen/).check();
    await page.getByRole('button', { name: "Accepteren en community's aanmaken" }).click();
    await page.getByRole('heading', { name: "Nieuwe community's" }).waitFor();
    // Said once (it was the heading and the message both), and numbered from 1.
    await expect(page.getByText("De community's zijn aangemaakt.").count()).resolves.toBe(1);
    await page.getByRole('link', { name: 'SW februari 1', exact: true }).waitFor();
    await page.getByRole('link', { name: 'SW februari 3', exact: true }).waitFor();
    await suite.screenshot(page, 'grouping-accepted-nl');
    await page.getByRole('link', { name: "Naar de community's van de intake" }).click();
    // The intake's page itself (the link below is also on the page before, shown until this one is ready).
    await page.getByRole('heading', { level: 1, name: /^Community's: instroom februari/ }).waitFor();
    await page.getByRole('link', { name: /SW februari 3/ }).first().waitFor();
    await expectAccessible(page, 'intake communities after grouping (nl)');
  });

  it('is not open to a coach', async () => {
    const coordinator = await suite.signedIn('coordinator');
    const intakeId = await februaryIntake(coordinator);
    const page = await suite.open({ allowedStatuses: [404] });
    await suite.signIn(page, 'studentcoach');
    await page.goto(`${suite.server.url}/programme/intakes/${intakeId}/grouping`);
    await page.getByRole('alert').filter({ hasText: 'Niet gevonden' }).waitFor();
  });
});
