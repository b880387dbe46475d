/**
 * February formats (#21 item 3) in the browser: the coordinator sets the demo February intake to
 * individual coaching (the settings explain the format in one line and ask what happens to the
 * students already placed), spreads the students over the coaches' caseloads; the demo student
 * coach, on a phone and in English, finds "My coachees", plans a one-on-one for a coachee and a
 * round with proposed times (one changed by hand); the coachee of the first signs in on a phone and
 * sees it on home and in Bijeenkomsten with the coach's name and time, and answers "Ik kom"; a
 * coachee of the round does the same in English. Axe-clean and without sideways scrolling at 360 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StructureResponse } from '../../src/contracts/programme';
import type { MyCaseloadsResponse } from '../../src/contracts/caseloads';
import { intakeYearDates } from '../../src/domain/sessions/round-proposals';
import { addDays, weekdayOf, zonedParts, zonedToInstant } from '../../src/domain/sessions/zoned-time';
import { callApi, demoStudentEmail, e2eSuite, PHONE } from './support/suite';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

/**
 * The Wednesday the coach plans on: at least 7 days from today (Amsterdam) and inside the intake's
 * year, so the coachee's home (10 weeks ahead) lists it whenever the test runs.
 */
function planningWednesday(intake: { academicYear: string; month: 'september' | 'february' }): string {
  const soonest = addDays(zonedParts(new Date()).date, 7);
  const from = intakeYearDates(intake.academicYear, intake.month).from;
  const start = soonest > from ? soonest : from;
  return addDays(start, (3 - weekdayOf(start) + 7) % 7);
}

/** "10 feb" / "12 Feb": how the screens write a date, as a pattern. */
function dayMonth(date: string, locale: 'nl-NL' | 'en-GB'): string {
  const text = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('February formats', () => {
  const suite = e2eSuite();

  it('the coordinator sets the February intake to individual coaching and assigns caseloads; a coach plans a one-on-one on a phone', async () => {
    // The 409 of the first save is the question being asked, not an error.
    const coordinator = await suite.signedIn('coordinator', { allowedStatuses: [409] });
    const structure = await callApi<StructureResponse>(coordinator, 'GET', '/api/programme/structure');
    const intake = structure.programmes.find((p) => p.nameNl === 'Social Work')!.intakes.find((i) => i.month === 'february')!;
    const wednesday = planningWednesday(intake);
    const friday = addDays(wednesday, 2);
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
    // The compact screen: counts per coach against the target, a filter by coach, one table per coach with a move per row.
    await coordinator.getByRole('heading', { level: 2, name: 'Aantal coachees per coach' }).waitFor();
    const filter = coordinator.getByLabel('Laat zien');
    const firstCoach = (await filter.locator('option').nth(1).textContent()) ?? '';
    await filter.selectOption({ label: firstCoach });
    await expect.poll(async () => coordinator.getByRole('heading', { level: 2, name: new RegExp(`coachees?$`) }).count()).toBe(1);
    const moveButton = coordinator.getByRole('button', { name: /^Verplaats / }).first();
    const moved = ((await moveButton.getAttribute('aria-label')) ?? '').replace('Verplaats ', '');
    await moveButton.click();
    await coordinator.getByText(`${moved} is verplaatst.`).waitFor();
    await filter.selectOption({ label: 'Alle coaches' });
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
    await suite.typeDate(form, 'Date', wednesday);
    await suite.typeDate(form, 'Start time', '13:30');
    await form.getByLabel('Place').fill('Kamer 2.14');
    await suite.checkPhone(coach, 'planning a one-on-one (en)');
    await suite.screenshot(coach, 'february-plan-one-on-one-en-360');
    await form.getByRole('button', { name: 'Plan' }).click();
    await coach.getByText('The conversation has been planned.').waitFor();
    await expect.poll(async () => coach.getByRole('link', { name: new RegExp(wednesday.slice(0, 4)) }).count()).toBeGreaterThan(0);
    await suite.checkPhone(coach, 'my coachees after planning (en)');
    await suite.screenshot(coach, 'february-my-coachees-en-360');

    // A round in the same week with proposed times: the one already planned is skipped, one time is changed by hand.
    await coach.getByRole('button', { name: 'Plan a round' }).click();
    const ask = coach.getByRole('form', { name: 'Propose times for a round' });
    await suite.typeDate(ask, 'Week (choose a day in that week)', wednesday);
    await ask.getByRole('button', { name: 'Propose times' }).click();
    const proposed = coach.getByRole('form', { name: 'Proposed times' });
    await proposed.getByText(`Already has a conversation this week:`, { exact: false }).waitFor();
    const legend = proposed.locator('legend').first();
    await legend.waitFor();
    const changed = ((await legend.textContent()) ?? '').trim();
    await suite.typeDate(proposed, `Date for ${changed}`, friday);
    await suite.typeDate(proposed, `Start time for ${changed}`, '15:00');
    await suite.checkPhone(coach, 'round with proposed times (en)');
    await suite.screenshot(coach, 'february-round-proposal-en-360');
    await proposed.getByRole('button', { name: /^Plan \d+ conversations?$/ }).click();
    await coach.getByText(/^\d+ conversations? planned\.$/).waitFor();
    const mine = await callApi<MyCaseloadsResponse>(coach, 'GET', '/api/caseloads/mine');
    const coachees = mine.caseloads.flatMap((c) => c.coachees);
    const first = coachees.find((c) => `${c.firstName} ${c.lastName}` === name)!;
    const ofRound = coachees.find((c) => `${c.firstName} ${c.lastName}` === changed)!;
    expect(first.nextOneOnOne?.startsAt).toBe(zonedToInstant(wednesday, '13:30').toISOString());
    expect(ofRound.nextOneOnOne?.startsAt).toBe(zonedToInstant(friday, '15:00').toISOString());
    const me = await callApi<{ person: { firstName: string; lastName: string } }>(coach, 'GET', '/api/auth/session');
    const coachName = `${me.person.firstName} ${me.person.lastName}`;

    // The coachee of the first one-on-one, on a phone in Dutch: home and Bijeenkomsten show it with the coach's name and time; "Ik kom".
    const coachee = await suite.signedIn(demoStudentEmail(first.firstName, first.lastName), PHONE);
    const card = coachee.getByRole('region', { name: 'Volgende bijeenkomst' });
    await card.getByRole('link', { name: new RegExp(`${dayMonth(wednesday, 'nl-NL')}.* 13:30 · Gesprek met ${coachName}$`) }).waitFor();
    await suite.checkPhone(coachee, 'coachee home with the one-on-one (nl)');
    await suite.screenshot(coachee, 'february-coachee-home-nl-360');
    await suite.menu(coachee, 'Bijeenkomsten');
    await h1(coachee, 'Bijeenkomsten');
    const item = coachee.locator('li.session-item').filter({ hasText: new RegExp(`${dayMonth(wednesday, 'nl-NL')}.* 13:30 · Gesprek met ${coachName}`) });
    await item.getByRole('button', { name: 'Ik kom' }).click();
    await item.getByRole('status').filter({ hasText: 'Je komt.' }).waitFor();
    await suite.checkPhone(coachee, 'coachee sessions after "Ik kom" (nl)');
    await suite.screenshot(coachee, 'february-coachee-sessions-nl-360');

    // A coachee of the round, on a phone in English.
    const second = await suite.signedIn(demoStudentEmail(ofRound.firstName, ofRound.lastName), { ...PHONE, english: true });
    await second.getByRole('region', { name: 'Next session' }).getByRole('link', { name: new RegExp(`${dayMonth(friday, 'en-GB')}.* 15:00 · Conversation with ${coachName}$`) }).waitFor();
    await suite.menu(second, 'Sessions');
    await h1(second, 'Sessions');
    const theirs = second.locator('li.session-item').filter({ hasText: `Conversation with ${coachName}` });
    await theirs.getByRole('button', { name: "I'm coming" }).click();
    await theirs.getByRole('status').first().waitFor();
    await suite.checkPhone(second, 'coachee sessions after "I\'m coming" (en)');
    await suite.screenshot(second, 'february-coachee-sessions-en-360');
  });
});
