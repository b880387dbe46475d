/**
 * The 100-day moment (#21) on a phone, in Dutch and English, axe-clean at 360 px: the demo
 * coachee finds the question on their home, reads it in English, answers it in Dutch — first
 * without a choice (a clear message, nothing sent), then with one and a private reason — and
 * sees their choice in both languages; the coordinator then sees the intake's totals with that
 * answer, and the student coach their community's outcome without the private reason.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { IntakeHundredDayResponse } from '../../src/contracts/year';
import type { StructureResponse } from '../../src/contracts/programme';
import { callApi, e2eSuite, PHONE } from './support/suite';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

describe('the 100-day moment', () => {
  const suite = e2eSuite();

  it('a coachee answers the 100-day question on a phone, in Dutch and English; coordinator and coach see the outcome', async () => {
    const page = await suite.signedIn('coachee', { ...PHONE, english: true });
    // The home card, in English.
    await page.getByRole('heading', { level: 2, name: '100 days: how do you want to go on?' }).waitFor();
    await suite.screenshot(page, 'hundred-day-home-en-360');
    await page.getByRole('link', { name: 'Choose now' }).click();
    await h1(page, 'How do you want to go on?');
    await page.getByRole('radio', { name: 'Continue, one-on-ones only' }).waitFor();
    await suite.checkPhone(page, '100-day question (en)');
    await suite.screenshot(page, 'hundred-day-question-en-360');

    // In Dutch: sending without a choice says what to do and sends nothing.
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await h1(page, 'Hoe wil je verder?');
    await page.getByRole('button', { name: 'Verstuur mijn keuze' }).click();
    await page.getByText('Kies eerst hoe je verder wilt.').waitFor();
    await suite.checkPhone(page, '100-day question with an error (nl)');
    // With the keyboard: Tab into the radio group, arrows to the choice.
    await suite.tabTo(page, page.getByRole('radio', { name: 'Doorgaan zoals nu' }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const choice = page.getByRole('radio', { name: 'Doorgaan, maar minder vaak' });
    await expect.poll(() => choice.isChecked()).toBe(true);
    await page.getByLabel('Waarom? (mag je leeg laten)').fill('Mijn stage kost veel tijd (e2e)');
    await page.getByLabel('Mijn coach mag mijn reden ook lezen').waitFor();
    await suite.screenshot(page, 'hundred-day-question-nl-360');
    await page.getByRole('button', { name: 'Verstuur mijn keuze' }).click();
    await page.getByText('Dank je! We hebben je keuze opgeslagen: Doorgaan, maar minder vaak.').waitFor();
    await suite.checkPhone(page, '100-day answered (nl)');
    await suite.screenshot(page, 'hundred-day-thanks-nl-360');

    // Later, in English: the choice made, no form.
    await page.goto(`${suite.server.url}/100-dagen`);
    await page.getByRole('button', { name: 'English' }).click();
    await h1(page, 'How do you want to go on?');
    await page.getByText('You chose: Continue, less often.').waitFor();
    expect(await page.getByRole('button', { name: 'Send my choice' }).count()).toBe(0);
    await suite.checkPhone(page, '100-day answered (en)');

    // The coordinator: totals and each answer, the reason included.
    const coordinator = await suite.signedIn('coordinator');
    const structure = await callApi<StructureResponse>(coordinator, 'GET', '/api/programme/structure');
    const intakeId = structure.programmes.find((p) => p.nameNl === 'Social Work')!.intakes.find((i) => i.month === 'september')!.id; // newest first: this year's, not last year's
    const outcome = await callApi<IntakeHundredDayResponse>(coordinator, 'GET', `/api/intakes/${intakeId}/hundred-day`);
    expect(outcome.counts.lessOften).toBeGreaterThan(0);
    await coordinator.goto(`${suite.server.url}/programme/intakes/${intakeId}/hundred-day`);
    await h1(coordinator, '100-dagenmoment');
    await coordinator.getByText('Reden: Mijn stage kost veel tijd (e2e)').waitFor();
    await suite.checkPhone(coordinator, '100-day outcome of the intake (nl)');
    await coordinator.setViewportSize(PHONE);
    await suite.screenshot(coordinator, 'hundred-day-intake-nl-360');

    // The student coach: the outcome card on the home, who chose what — not the private reason.
    const coach = await suite.signedIn('studentcoach', PHONE);
    await coach.getByRole('link', { name: 'Alle antwoorden' }).first().click();
    await h1(coach, '100-dagenmoment');
    await coach.getByText('Doorgaan, maar minder vaak').first().waitFor();
    expect(await coach.getByText('Mijn stage kost veel tijd (e2e)').count()).toBe(0);
    await suite.checkPhone(coach, '100-day outcome of a community (nl)');
    await suite.screenshot(coach, 'hundred-day-community-nl-360');
  });
});
