/**
 * Class-wide coaching (#21 item 3, ADR 0027) in the browser: the coordinator, in Dutch at laptop
 * width, sets the demo February intake to class-wide (asked first, students were placed) and
 * links the demo student coach to a class on "Klassen en coaches"; the coach, on a phone in
 * English, finds "My classes", plans a session with the whole class and takes attendance for it
 * ("everyone present", one exception, one compact line per student). Axe-clean and without sideways scrolling at 360 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../src/contracts/identity';
import type { StructureResponse } from '../../src/contracts/programme';
import { callApi, e2eSuite, PHONE } from './support/suite';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

/** Yesterday in Amsterdam as yyyy-mm-dd: a session that took place, so attendance is open. */
function yesterday(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  return new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

describe('Class-wide coaching', () => {
  const suite = e2eSuite();

  it('the coordinator sets the February intake to class-wide and links a coach to a class; the coach plans a class session and takes attendance on a phone', async () => {
    // The 409 of the first save is the question being asked, not an error.
    const coordinator = await suite.signedIn('coordinator', { allowedStatuses: [409] });
    const structure = await callApi<StructureResponse>(coordinator, 'GET', '/api/programme/structure');
    const intake = structure.programmes.find((p) => p.nameNl === 'Social Work')!.intakes.find((i) => i.month === 'february')!;
    const coach = await suite.signedIn('studentcoach', { ...PHONE, english: true });
    const me = (await callApi<SessionResponse>(coach, 'GET', '/api/auth/session')).person!;
    const coachName = `${me.firstName} ${me.lastName}`;

    await coordinator.goto(`${suite.server.url}/programme/intakes/${intake.id}`);
    await coordinator.getByLabel('Vorm').waitFor();
    await coordinator.getByLabel('Vorm').selectOption('classWide');
    await coordinator.getByText('De coach werkt met een hele klas tegelijk', { exact: false }).first().waitFor();
    await coordinator.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await coordinator.getByRole('heading', { name: 'Wat gebeurt er met de studenten die al een plek hebben?' }).waitFor();
    await coordinator.getByRole('radio', { name: /Haal ze uit hun community of caseload/ }).check();
    await coordinator.getByRole('button', { name: 'Bevestig de nieuwe vorm' }).click();
    await coordinator.getByRole('link', { name: 'Klassen en coaches (klasbreed)' }).click();
    await h1(coordinator, 'Klassen en coaches');
    await coordinator.getByText(/(klas heeft|klassen hebben) nog geen coach\./).waitFor();
    // The largest demo class (22 students): its attendance form is the compact one.
    const card = coordinator.locator('section.card').filter({ hasText: '22 studenten' });
    const code = ((await card.getByRole('heading', { level: 2 }).textContent()) ?? '').split(' · ')[0]!;
    const select = card.getByLabel(`Kies een coach voor ${code}`);
    await select.selectOption({ label: `${coachName} (0 klassen)` });
    await card.getByRole('button', { name: 'Koppel coach' }).click();
    await coordinator.getByText(`${coachName} is nu de coach van ${code}.`).waitFor();
    await card.getByRole('button', { name: 'Wissel van coach' }).waitFor();
    await suite.screenshot(coordinator, 'classwide-intake-classes-nl');
    await suite.checkPhone(coordinator, 'classes and coaches (nl)');

    // The coach, on a phone in English: "My classes" is in the menu once they have a class.
    await coach.reload();
    await suite.menu(coach, 'My classes');
    await h1(coach, 'My classes');
    await coach.getByRole('heading', { level: 2, name: `Class ${code}` }).waitFor();
    await coach.getByRole('button', { name: `Plan a session with ${code}` }).click();
    const form = coach.getByRole('form', { name: `Plan a session with ${code}` });
    await suite.typeDate(form, 'Date', yesterday());
    await suite.typeDate(form, 'Start time', '10:00');
    await form.getByLabel('Place').fill('Lokaal 3.12');
    await suite.checkPhone(coach, 'planning a class session (en)');
    await suite.screenshot(coach, 'classwide-plan-en-360');
    await form.getByRole('button', { name: 'Plan' }).click();
    await coach.getByText('The session is planned. The class gets an invitation.').waitFor();
    await expect.poll(async () => coach.getByRole('listitem').filter({ hasText: 'Lokaal 3.12' }).count()).toBe(1);
    await suite.screenshot(coach, 'classwide-my-classes-en-360');
    await suite.checkPhone(coach, 'my classes (en)');

    // Attendance: everyone present by default; one exception, then save.
    await coach.getByRole('listitem').filter({ hasText: 'Lokaal 3.12' }).getByRole('link').click();
    await coach.getByRole('heading', { level: 2, name: 'Attendance' }).waitFor();
    await coach.getByText('Everyone is marked present. Tap only the exceptions and save.').waitFor();
    // A whole class on a phone: one compact line per student, present unless changed.
    const rows = coach.locator('li.attendance-compact');
    expect(await rows.count()).toBe(22);
    await rows.first().getByRole('combobox').selectOption('absent');
    await coach.getByRole('button', { name: 'Save attendance' }).click();
    await coach.getByText('Attendance saved.').waitFor();
    await suite.screenshot(coach, 'classwide-attendance-en-360');
    await suite.checkPhone(coach, 'class attendance (en)');
  });
});
