/**
 * The questionnaire moments of an intake (#18), in Debian's Chromium on the demo programme: the
 * coordinator opens Programma → intake → "Vragenlijsten en respons", sets T1 with a closing date
 * before its opening date (a field message, nothing saved), corrects it and saves; the screen
 * shows the response per community. Axe in Dutch and English, and at 360 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StructureResponse } from '../../src/contracts/programme';
import { expectAccessible } from './support/browser';
import { callApi, e2eSuite, PHONE } from './support/suite';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

describe('questionnaire moments', () => {
  const suite = e2eSuite();

  it('the coordinator sets a moment, is told when it closes before it opens, and sees the response per community (nl, en, 360 px)', async () => {
    const coordinator = await suite.signedIn('coordinator');
    const structure = await callApi<StructureResponse>(coordinator, 'GET', '/api/programme/structure');
    const intake = structure.programmes.find((p) => p.nameNl === 'Social Work')!.intakes.find((i) => i.month === 'september')!; // newest first: this year's, not last year's
    const first = Number(intake.academicYear.slice(0, 4));
    await suite.menu(coordinator, 'Opleidingen');
    await coordinator.getByRole('link', { name: `Instroom september ${intake.academicYear} openen` }).click();
    await coordinator.getByRole('link', { name: 'Vragenlijsten en respons' }).first().click();
    await h1(coordinator, /^Vragenlijsten /);
    await coordinator.getByRole('heading', { name: 'Respons per community' }).waitFor();
    await suite.settled(coordinator);
    await expectAccessible(coordinator, 'questionnaire moments (nl)');
    await suite.checkPhone(coordinator, 'questionnaire moments (nl)');

    const t1 = coordinator.getByRole('group', { name: 'Na 100 dagen (T1)' });
    const use = t1.getByLabel('Na 100 dagen (T1) gebruiken');
    if (!(await use.isChecked())) await use.check();
    await suite.typeDate(t1, 'Opent op', `${first}-12-10`);
    await suite.typeDate(t1, 'Sluit na', `${first}-12-01`);
    await coordinator.getByRole('button', { name: 'Momenten opslaan' }).click();
    await t1.getByText('De sluitdatum moet na de openingsdatum liggen.').waitFor();
    await coordinator.getByText('Verbeter de velden met een foutmelding. Er is nog niets opgeslagen.').waitFor();
    // From the top: axe counts a checkbox that has scrolled under the sticky header as a too small target.
    await coordinator.evaluate(() => window.scrollTo(0, 0));
    await expectAccessible(coordinator, 'questionnaire moments with an error (nl)');
    const stored = await callApi<StructureResponse>(coordinator, 'GET', '/api/programme/structure');
    const before = stored.programmes.flatMap((p) => p.intakes).find((i) => i.id === intake.id)!.settings.evaluations.find((e) => e.moment === 'T1');
    expect(before?.closesOn).not.toBe(`${first}-12-01`);

    await suite.typeDate(t1, 'Sluit na', `${first}-12-24`);
    await coordinator.getByRole('button', { name: 'Momenten opslaan' }).click();
    await coordinator.getByRole('status').filter({ hasText: 'De momenten zijn opgeslagen.' }).waitFor();
    const saved = await callApi<StructureResponse>(coordinator, 'GET', '/api/programme/structure');
    expect(saved.programmes.flatMap((p) => p.intakes).find((i) => i.id === intake.id)!.settings.evaluations.find((e) => e.moment === 'T1')).toMatchObject({ opensOn: `${first}-12-10`, closesOn: `${first}-12-24` });
    await coordinator.setViewportSize(PHONE);
    await suite.screenshot(coordinator, 'evaluation-moments-nl-360');

    await coordinator.getByRole('button', { name: 'English' }).click();
    await h1(coordinator, /^Questionnaires /);
    await suite.settled(coordinator);
    await expectAccessible(coordinator, 'questionnaire moments (en)');
    await suite.checkPhone(coordinator, 'questionnaire moments (en)');
    await suite.screenshot(coordinator, 'evaluation-moments-en-360');
  });
});
