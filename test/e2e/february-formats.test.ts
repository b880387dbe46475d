/**
 * February formats (#21 item 3) in the browser: the coordinator sets the demo February intake to
 * individual coaching (the settings explain the format in one line and ask what happens to the
 * students already placed), spreads the students over the coaches' caseloads; the demo student
 * coach, on a phone and in English, finds "My coachees" and plans a one-on-one for a coachee.
 * Axe-clean and without sideways scrolling at 360 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StructureResponse } from '../../src/contracts/programme';
import { callApi, e2eSuite, PHONE } from './support/suite';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

describe('February formats', () => {
  const suite = e2eSuite();

  it('the coordinator sets the February intake to individual coaching and assigns caseloads; a coach plans a one-on-one on a phone', async () => {
    // The 409 of the first save is the question being asked, not an error.
    const coordinator = await suite.signedIn('coordinator', { allowedStatuses: [409] });
    const structure = await callApi<StructureResponse>(coordinator, 'GET', '/api/programme/structure');
    const intake = structure.programmes.find((p) => p.nameNl === 'Social Work')!.intakes.find((i) => i.month === 'february')!;
    await coordinator.goto(`${suite.server.url}/programme/intakes/${intake.id}`);
    await coordinator.getByLabel('Vorm').waitFor();
    await coordinator.getByLabel('Vorm').selectOption('individual');
    await coordinator.getByText('Elke coach krijgt een eigen groep coachees (een caseload)', { exact: false }).first().waitFor();
    await coordinator.getByRole('button', { name: 'Instellingen opslaan' }).click();
    // Students are placed already: the screen asks first; nothing changed yet.
    await coordinator.getByRole('heading', { name: 'Wat gebeurt er met de studenten die al een plek hebben?' }).waitFor();
    await suite.checkPhone(coordinator, 'format change question (nl)');
    await suite.screenshot(coordinator, 'february-format-question-nl');
    await coordinator.getByRole('radio', { name: /Haal ze uit hun community of caseload/ }).check();
    await coordinator.getByRole('button', { name: 'Bevestig de nieuwe vorm' }).click();
    await coordinator.getByRole('link', { name: 'Caseloads (individuele coaching)' }).click();
    await h1(coordinator, 'Caseloads');
    await coordinator.getByRole('button', { name: 'Verdeel de studenten zonder coach' }).click();
    await coordinator.getByText(/studenten ingedeeld\./).waitFor();
    await coordinator.getByText('Iedereen heeft een coach.').waitFor();
    await suite.checkPhone(coordinator, 'caseloads of the intake (nl)');
    await suite.screenshot(coordinator, 'february-caseloads-nl');

    // The demo student coach, on a phone in English.
    const coach = await suite.signedIn('studentcoach', { ...PHONE, english: true });
    await suite.menu(coach, 'My coachees');
    await h1(coach, 'My coachees');
    const plan = coach.getByRole('button', { name: /^Plan a conversation with / }).first();
    await plan.waitFor();
    const name = ((await plan.textContent()) ?? '').replace('Plan a conversation with ', '');
    await plan.click();
    const form = coach.getByRole('form', { name: `Plan a conversation with ${name}` });
    await suite.typeDate(form, 'Date', '2027-03-10');
    await suite.typeDate(form, 'Start time', '13:30');
    await form.getByLabel('Place').fill('Kamer 2.14');
    await suite.checkPhone(coach, 'planning a one-on-one (en)');
    await suite.screenshot(coach, 'february-plan-one-on-one-en-360');
    await form.getByRole('button', { name: 'Plan' }).click();
    await coach.getByText('The conversation has been planned.').waitFor();
    await expect.poll(async () => coach.getByRole('link', { name: /2027/ }).count()).toBeGreaterThan(0);
    await suite.checkPhone(coach, 'my coachees after planning (en)');
    await suite.screenshot(coach, 'february-my-coachees-en-360');
  });
});
