/**
 * Proposed class-wide sessions (#21 item 3) in the browser. The demo February intake is set to
 * class-wide and a coach linked to each demo class (through the API, as the class-wide e2e does it
 * through the screens). The demo student coach, on a phone in English, opens "Plan the class
 * sessions" on "My classes": a session per period right after the class's lesson, with the
 * reason; changes one time and plans them. The coordinator, on a phone in Dutch, does the same for
 * the other class from "Klassen en coaches", and finds them on the intake's scheduling page. Axe-clean and without sideways scrolling at 360 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { IntakeClassCoachesResponse, MyClassesResponse } from '../../src/contracts/classwide';
import type { SessionResponse } from '../../src/contracts/identity';
import type { StructureResponse } from '../../src/contracts/programme';
import { callApi, e2eSuite, PHONE } from './support/suite';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

describe('Proposed class-wide sessions', () => {
  const suite = e2eSuite();

  it('a coach (en) and the coordinator (nl) get sessions next to the class’s lessons with the reason, change a time and plan them on a phone', async () => {
    const coordinator = await suite.signedIn('coordinator', PHONE);
    const structure = await callApi<StructureResponse>(coordinator, 'GET', '/api/programme/structure');
    const intake = structure.programmes.find((p) => p.nameNl === 'Social Work')!.intakes.find((i) => i.month === 'february')!;
    await callApi(coordinator, 'PUT', `/api/intakes/${intake.id}/settings`, { settings: { ...intake.settings, format: 'classWide' }, formatChange: { confirmed: true, existing: 'end' } });
    const coach = await suite.signedIn('studentcoach', { ...PHONE, english: true });
    const me = (await callApi<SessionResponse>(coach, 'GET', '/api/auth/session')).person!;
    const screen = await callApi<IntakeClassCoachesResponse>(coordinator, 'GET', `/api/intakes/${intake.id}/class-coaches`);
    const sw1f = screen.classes.find((c) => c.code === 'SW1F')!;
    const sw1g = screen.classes.find((c) => c.code === 'SW1G')!;
    const other = screen.coaches.find((c) => c.id !== me.id)!;
    await callApi(coordinator, 'PUT', `/api/intakes/${intake.id}/classes/${sw1f.classId}/coach`, { coachId: me.id, currentCoachId: null });
    await callApi(coordinator, 'PUT', `/api/intakes/${intake.id}/classes/${sw1g.classId}/coach`, { coachId: other.id, currentCoachId: null });

    // The coach, in English: a proposal per period, each right after one of the class's lessons.
    await coach.reload();
    await suite.menu(coach, 'My classes');
    await h1(coach, 'My classes');
    const card = coach.locator('section.card').filter({ has: coach.getByRole('heading', { level: 2, name: 'Class SW1F' }) });
    await card.getByRole('button', { name: 'Plan the class sessions' }).click();
    await card.getByRole('form', { name: 'Propose sessions for SW1F' }).getByRole('button', { name: 'Propose times' }).click();
    const proposed = card.getByRole('form', { name: 'Proposed sessions for SW1F' });
    await proposed.getByText(/^Right after the class's lesson that ends at \d\d:\d\d: nobody needs to come in specially\.$/).first().waitFor();
    const periods = proposed.locator('fieldset');
    const count = await periods.count();
    expect(count).toBeGreaterThan(0);
    // The last period's time changed by hand, half an hour after the lesson.
    const last = periods.nth(count - 1);
    const period = ((await last.locator('legend').textContent()) ?? '').split(' (')[0]!;
    const reason = (await last.locator('p.help').textContent()) ?? '';
    const lessonEnd = /ends at (\d\d):(\d\d)/.exec(reason);
    expect(lessonEnd).not.toBeNull();
    const later = `${String(Number(lessonEnd![1]) + (Number(lessonEnd![2]) >= 30 ? 1 : 0)).padStart(2, '0')}:${String((Number(lessonEnd![2]) + 30) % 60).padStart(2, '0')}`;
    await suite.typeDate(last, `Start time for ${period}`, later);
    await suite.checkPhone(coach, 'proposed class sessions (en)');
    await suite.screenshot(coach, 'classwide-proposals-en-360');
    await proposed.getByRole('button', { name: count === 1 ? 'Plan 1 session' : `Plan ${count} sessions` }).click();
    await coach.getByText(count === 1 ? '1 session planned with SW1F. The class gets an invitation.' : `${count} sessions planned with SW1F. The class gets an invitation.`).waitFor();
    const mine = await callApi<MyClassesResponse>(coach, 'GET', '/api/classes/mine');
    const upcoming = mine.classes.find((c) => c.code === 'SW1F')!.upcoming;
    expect(upcoming).toHaveLength(count);
    await suite.checkPhone(coach, 'my classes after planning (en)');
    await suite.screenshot(coach, 'classwide-proposals-planned-en-360');

    // The coordinator, in Dutch on a phone, for the other class.
    await coordinator.goto(`${suite.server.url}/programme/intakes/${intake.id}/classes`);
    await h1(coordinator, 'Klassen en coaches');
    await coordinator.getByRole('button', { name: 'Plan de klassikale bijeenkomsten van SW1G' }).click();
    await coordinator.getByRole('form', { name: 'Stel bijeenkomsten voor SW1G voor' }).getByRole('button', { name: 'Stel tijden voor' }).click();
    const voorstel = coordinator.getByRole('form', { name: 'Voorgestelde bijeenkomsten voor SW1G' });
    await voorstel.getByText(/^Direct na de les van de klas die om \d\d:\d\d klaar is: niemand hoeft extra te komen\.$/).first().waitFor();
    await voorstel.getByLabel('Plek').fill('Lokaal 4.05');
    await suite.checkPhone(coordinator, 'proposed class sessions (nl)');
    await suite.screenshot(coordinator, 'classwide-proposals-nl-360');
    await voorstel.getByRole('button', { name: /^Plan \d+ bijeenkomsten?$/ }).click();
    await coordinator.getByText(/^\d+ bijeenkomsten? gepland met SW1G\. De klas krijgt een uitnodiging\.$/).waitFor();
    // Asked again: every period says a session is planned already.
    await coordinator.getByRole('button', { name: 'Plan de klassikale bijeenkomsten van SW1G' }).click();
    await coordinator.getByRole('form', { name: 'Stel bijeenkomsten voor SW1G voor' }).getByRole('button', { name: 'Stel tijden voor' }).click();
    await expect.poll(async () => coordinator.getByText(/^Er is al een bijeenkomst gepland:/).count()).toBeGreaterThan(0);
    const done = coordinator.getByRole('form', { name: 'Voorgestelde bijeenkomsten voor SW1G' });
    await done.getByText('Elke periode heeft al een bijeenkomst met deze klas.').waitFor();
    expect(await done.locator('fieldset').count()).toBe(0);
    expect(await done.getByRole('button').count()).toBe(0);
    await suite.checkPhone(coordinator, 'class sessions planned already (nl)');

    // The intake's scheduling page: no community run, but each class's sessions with the reason.
    await coordinator.goto(`${suite.server.url}/programme/intakes/${intake.id}/scheduling`);
    const perClass = coordinator.getByRole('region', { name: 'Klassikale bijeenkomsten per klas' });
    await perClass.getByRole('heading', { level: 3, name: `SW1G · coach ${other.firstName} ${other.lastName}` }).waitFor();
    await expect.poll(async () => perClass.getByText(/^Er is al een bijeenkomst gepland:/).count()).toBeGreaterThan(1);
    await perClass.getByRole('link', { name: 'Naar Klassen en coaches om ze te plannen' }).waitFor();
    // It says what it does for a class-wide intake, and offers no community proposals.
    await coordinator.getByText(/^Deze intake werkt klasbreed\. Zet per onderwijsperiode de roosters van de klassen klaar/).waitFor();
    expect(await coordinator.getByRole('heading', { level: 2, name: 'Voorstellen' }).count()).toBe(0);
    await suite.checkPhone(coordinator, 'scheduling page of a class-wide intake (nl)');
    await suite.screenshot(coordinator, 'classwide-scheduling-nl-360');
  });
});
