/**
 * Training feedback per programme (issue 20 follow-up), in Debian's Chromium on the demo: the
 * beheerder makes the Social Work coordinator coordinator of Business too; from the menu she
 * reaches the training feedback of her first programme and chooses the other one on the page
 * (its address changes, so the choice is a link she can share), and back. A coordinator of one
 * programme sees no choice. Dutch and English, axe-clean, at 360 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../src/contracts/identity';
import type { StructureResponse } from '../../src/contracts/programme';
import { expectAccessible } from './support/browser';
import { callApi, e2eSuite, PHONE } from './support/suite';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

describe('training feedback per programme', () => {
  const suite = e2eSuite();

  it('a coordinator of two programmes chooses whose training feedback to read; a coordinator of one sees no choice', async () => {
    const beheerder = await suite.signedIn('beheerder');
    const structure = await callApi<StructureResponse>(beheerder, 'GET', '/api/programme/structure');
    const socialWork = structure.programmes.find((p) => p.nameNl === 'Social Work')!.id;
    const business = structure.programmes.find((p) => p.nameNl === 'Business Innovation')!.id;
    const businessName = structure.programmes.find((p) => p.id === business)!;
    const before = await suite.signedIn('coordinator');
    const me = await callApi<SessionResponse>(before, 'GET', '/api/auth/session');
    await callApi(beheerder, 'POST', `/api/people/${me.person!.id}/roles/coordinator/scopes/${business}`, { reason: 'Vervangt de coördinator van deze opleiding.' });

    // Signed in afresh, with both programmes.
    const coordinator = await suite.signedIn('coordinator', PHONE);
    await suite.menu(coordinator, 'Feedback trainingen');
    await h1(coordinator, 'Feedback op de trainingen');
    const choice = coordinator.getByLabel('Opleiding');
    await choice.waitFor();
    expect(await choice.locator('option').allTextContents()).toEqual(expect.arrayContaining(['Social Work', businessName.nameNl]));
    expect(await choice.inputValue()).toBe(socialWork);
    expect(new URL(coordinator.url()).pathname).toBe(`/programmes/${socialWork}/training-feedback`);
    await coordinator.getByRole('heading', { level: 2, name: 'Meest gevraagde onderwerpen' }).waitFor();
    await expectAccessible(coordinator, 'training feedback with a programme choice (nl)');
    await suite.checkPhone(coordinator, 'training feedback with a programme choice (nl)');
    await suite.screenshot(coordinator, 'training-feedback-programmes-nl-360');

    // The other programme: its own address and its own feedback.
    await choice.selectOption({ label: businessName.nameNl });
    await expect.poll(() => new URL(coordinator.url()).pathname).toBe(`/programmes/${business}/training-feedback`);
    await expect.poll(() => choice.inputValue()).toBe(business);
    await coordinator.getByText(/Er zijn nog geen trainingen geweest|Meest gevraagde onderwerpen/).first().waitFor();
    await expectAccessible(coordinator, 'training feedback of the second programme (nl)');

    // In English, and back to the first programme.
    await coordinator.getByRole('button', { name: 'English' }).click();
    await h1(coordinator, 'Feedback on the trainings');
    const choiceEn = coordinator.getByLabel('Programme');
    expect(await choiceEn.locator('option').allTextContents()).toEqual(expect.arrayContaining([businessName.nameEn]));
    await choiceEn.selectOption({ value: socialWork });
    await expect.poll(() => new URL(coordinator.url()).pathname).toBe(`/programmes/${socialWork}/training-feedback`);
    await coordinator.getByRole('heading', { level: 2, name: 'Most asked-for topics' }).waitFor();
    await expectAccessible(coordinator, 'training feedback with a programme choice (en)');
    await suite.checkPhone(coordinator, 'training feedback with a programme choice (en)');
    await coordinator.getByRole('button', { name: 'Nederlands' }).click();

    // The other demo coordinator has one programme: no choice to make.
    const single = await suite.signedIn('coordinator.bi');
    await suite.menu(single, 'Feedback trainingen');
    await h1(single, 'Feedback op de trainingen');
    await single.getByText(/Er zijn nog geen trainingen geweest|Meest gevraagde onderwerpen/).first().waitFor();
    expect(await single.getByLabel('Opleiding').count()).toBe(0);
  });
});
