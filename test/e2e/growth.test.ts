/**
 * Coaches' growth and input (#21 item 6) in the browser, at 360 px, axe-clean, in Dutch and
 * English: a leercoach nominates a student of their class; the student opens the mail's link
 * (delivered over SMTP) and lands on the application form, prefilled and marked as nominated; the
 * demo coach gives feedback on last week's training from their home and the coordinator sees it
 * without names; the handbook opens from the menu with a table of contents.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProgrammeNominationsResponse } from '../../src/contracts/growth';
import type { StructureResponse } from '../../src/contracts/programme';
import { callApi, demoStudentEmail, e2eSuite, PHONE } from './support/suite';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

describe("coaches' growth and input", () => {
  const suite = e2eSuite({ mailbox: true });

  it('a leercoach nominates a student of their class; the student opens the invitation and lands on the prefilled application', async () => {
    const leercoach = await suite.signedIn('leercoach', PHONE);
    await suite.menu(leercoach, 'Coaches voordragen');
    await h1(leercoach, 'Coaches voordragen');
    const first = leercoach.getByRole('button', { name: /^Voordragen: / }).first();
    const label = (await first.getAttribute('aria-label')) ?? '';
    const name = label.replace(/^Voordragen: /, '');
    await first.click();
    await leercoach.getByLabel('Waarom denk je aan deze student? (mag je leeg laten)').fill('Je helpt anderen in de les altijd op weg.');
    await suite.checkPhone(leercoach, 'nominate form (nl)');
    await leercoach.setViewportSize(PHONE);
    await suite.screenshot(leercoach, 'growth-nominate-nl-360');
    await leercoach.getByRole('button', { name: 'Verstuur uitnodiging' }).click();
    await leercoach.getByText(`De uitnodiging is verstuurd naar ${name}.`).waitFor();
    await leercoach.getByText('Uitgenodigd (door jou)').first().waitFor();

    // The coordinator sees who was nominated (and the student's name, to find the mail).
    const coordinator = await suite.signedIn('coordinator');
    const structure = await callApi<StructureResponse>(coordinator, 'GET', '/api/programme/structure');
    const programmeId = structure.programmes.find((p) => p.nameNl === 'Social Work')!.id;
    const nominations = await callApi<ProgrammeNominationsResponse>(coordinator, 'GET', `/api/programmes/${programmeId}/nominations`);
    const nominated = nominations.nominations.find((n) => `${n.student.firstName} ${n.student.lastName}` === name)!;
    expect(nominated.nominatorRole).toBe('leercoach');

    // The student's mail (over SMTP) carries the one-tap link and not the note.
    const email = demoStudentEmail(nominated.student.firstName, nominated.student.lastName);
    const link = await suite.mailbox.find(email, /(https?:\/\/\S+\/apply#nomination=[A-Za-z0-9_-]+)/);
    const mail = suite.mailbox.all().find((m) => m.to.includes(email) && m.text.includes('/apply#nomination='))!;
    expect(mail.text).not.toContain('Je helpt anderen');

    const student = await suite.open(PHONE);
    await student.goto(link.replace(/^https?:\/\/[^/]+/, suite.server.url));
    await h1(student, 'Word studentcoach');
    await student.getByText(/Je bent voorgedragen door je leercoach voor Social Work/).waitFor();
    expect(await student.getByLabel('Voornaam').inputValue()).toBe(nominated.student.firstName);
    expect(await student.getByLabel('E-mailadres').inputValue()).toBe(email);
    await suite.checkPhone(student, 'application from a nomination (nl)');
    await student.setViewportSize(PHONE);
    await suite.screenshot(student, 'growth-apply-nominated-nl-360');
    await student.getByRole('button', { name: 'English' }).click();
    await h1(student, 'Become a student coach');
    await student.getByText(/You were nominated by your learning coach for Social Work/).waitFor();
    await student.getByRole('button', { name: 'Decline the invitation' }).waitFor();
    await suite.checkPhone(student, 'application from a nomination (en)');
  });

  it('the demo coach gives feedback after last week’s training; the coordinator sees it without names', async () => {
    const coach = await suite.signedIn('studentcoach', PHONE);
    await coach.getByRole('heading', { level: 2, name: 'Hoe was de training?' }).waitFor();
    await coach.getByRole('link', { name: 'Geef feedback' }).click();
    await h1(coach, 'Feedback op de training');
    await coach.getByText('De coördinator ziet je cijfer en je tekst zonder je naam.', { exact: false }).waitFor();
    // Sending without a rating says what to do.
    await coach.getByRole('button', { name: 'Verstuur feedback' }).click();
    await coach.getByText('Kies een cijfer van 1 tot 5.').waitFor();
    await suite.tabTo(coach, coach.getByRole('button', { name: '4 van 5' }));
    await coach.keyboard.press('Enter');
    await coach.getByLabel('Wat wil je nog kwijt? (mag je leeg laten)').fill('Het oefenen in tweetallen werkte goed (e2e).');
    await coach.getByRole('button', { name: 'Lastige gesprekken' }).click();
    await coach.getByLabel('Eigen onderwerp').fill('Feedback geven');
    await coach.getByRole('button', { name: 'Toevoegen' }).click();
    await suite.checkPhone(coach, 'training feedback form (nl)');
    await coach.setViewportSize(PHONE);
    await suite.screenshot(coach, 'growth-training-feedback-nl-360');
    await coach.getByRole('button', { name: 'Verstuur feedback' }).click();
    await coach.getByText('Dank je wel! Je feedback is verstuurd.').waitFor();
    await suite.checkPhone(coach, 'training feedback sent (nl)');

    const coordinator = await suite.signedIn('coordinator', { ...PHONE, english: true });
    await suite.menu(coordinator, 'Training feedback');
    await h1(coordinator, 'Feedback on the trainings');
    await coordinator.getByText('Het oefenen in tweetallen werkte goed (e2e).').waitFor();
    await coordinator.getByRole('heading', { level: 2, name: 'Most asked-for topics' }).waitFor();
    await coordinator.getByText(/Difficult conversations · \d+ times/).waitFor();
    expect(await coordinator.getByText('Feedback geven · 1 time').count()).toBe(1);
    // No names of coaches on the page.
    expect(await coordinator.getByText(/studentcoach/i).count()).toBe(0);
    await suite.checkPhone(coordinator, 'training feedback overview (en)');
    await coordinator.setViewportSize(PHONE);
    await suite.screenshot(coordinator, 'growth-feedback-overview-en-360');
  });

  it('the handbook opens from the menu at 360 px, with a table of contents, in Dutch and English', async () => {
    const coach = await suite.signedIn('studentcoach', PHONE);
    await suite.menu(coach, 'Handboek');
    await h1(coach, 'Handboek voor studentcoaches');
    const toc = coach.getByRole('navigation', { name: 'Inhoud' });
    await toc.getByRole('link', { name: 'Doorverwijzen: wanneer en hoe' }).click();
    await coach.getByRole('heading', { level: 2, name: 'Doorverwijzen: wanneer en hoe' }).waitFor();
    await coach.getByText(/Bel 112 bij direct gevaar/).waitFor();
    await suite.checkPhone(coach, 'handbook (nl)');
    await coach.setViewportSize(PHONE);
    await suite.screenshot(coach, 'growth-handbook-nl-360');
    await coach.getByRole('button', { name: 'English' }).click();
    await h1(coach, 'Handbook for student coaches');
    await coach.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'Stopping well' }).waitFor();
    await suite.checkPhone(coach, 'handbook (en)');
  });
});
