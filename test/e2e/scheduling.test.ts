/**
 * Scheduling next to classes on the demo programme (#7): the coordinator finds the scheduling page
 * from the intake, uploads a broken timetable (line and problem, nothing imported) and a good one,
 * reads the demo proposal (day views, extra trips explained, what moves), overrides a slot by
 * keyboard with its cost shown first, makes a new proposal with progress, publishes it, and the
 * demo coachee's calendar feed holds the sessions at the new time; the monthly coach training and
 * intervision groups are proposed with who can come, and land in the student coach's feed.
 * Dutch and English, axe-clean, 360 px.
 */
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { callApi, e2eSuite, LAPTOP, PHONE } from './support/suite';

const BROKEN_CSV = 'person,day,start,end,location\nSW1A,mon,09:00,10:30,AMS 1.01\nSW1B,maandag,09:00,10:30,AMS 1.01\n';
const GOOD_CSV = 'person,day,start,end,location\nSW1A,mon,08:45,12:15,AMS 02.14\nSW1A,tue,13:15,16:30,AMS 03.01\nSW1A,thu,09:00,12:30,DIE 1.10\n';

describe('scheduling sessions next to classes', () => {
  const suite = e2eSuite();

  async function openScheduling(page: Page, english = false) {
    await suite.menu(page, english ? 'Programmes' : 'Opleidingen');
    await page.getByRole('link', { name: english ? 'Open the September intake 2026-2027' : 'Instroom september 2026-2027 openen' }).first().click();
    await page.getByRole('link', { name: english ? 'Scheduling next to classes (timetables)' : 'Plannen naast de lessen (roosters)' }).click();
    await page.getByRole('heading', { level: 1, name: english ? /Scheduling next to classes/ : /Plannen naast de lessen/ }).waitFor();
  }

  it('uploads timetables per period: a broken file names the line, a good one is read (nl)', async () => {
    // The broken file is answered with 400: expected here.
    const page = await suite.signedIn('coordinator', { allowedStatuses: [400] });
    await openScheduling(page);
    await expectAccessible(page, 'scheduling page');
    await suite.checkPhone(page, 'scheduling page');
    await suite.screenshot(page, 'scheduling-setup-nl');
    await page.getByRole('link', { name: 'Roosters van Periode 3' }).click();
    await page.getByRole('heading', { level: 1, name: 'Roosters · Periode 3' }).waitFor();
    await page.getByLabel('Bestand').setInputFiles({ name: 'rooster.csv', mimeType: 'text/csv', buffer: Buffer.from(BROKEN_CSV) });
    await page.getByRole('button', { name: 'Uploaden' }).click();
    await page.getByRole('alert').filter({ hasText: 'regel 3' }).first().waitFor();
    await page.getByRole('alert').filter({ hasText: 'Er is niets geïmporteerd' }).first().waitFor();
    await page.getByLabel('Bestand').setInputFiles({ name: 'rooster.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) });
    await page.getByRole('button', { name: 'Uploaden' }).click();
    await page.getByRole('status').filter({ hasText: '1 rooster ingelezen' }).first().waitFor();
    await expectAccessible(page, 'timetables page');
    await suite.checkPhone(page, 'timetables page');
    await suite.screenshot(page, 'scheduling-timetables-nl');
    await page.setViewportSize(PHONE);
    await suite.screenshot(page, 'scheduling-timetables-nl-360');
    await page.setViewportSize(LAPTOP);
  });

  it('shows the proposal with day views and explanations, and overrides a slot by keyboard with the cost first (nl)', async () => {
    const page = await suite.signedIn('coordinator');
    await openScheduling(page);
    await page.getByRole('link', { name: /^Periode 3,/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Voorstel · Periode 3' }).waitFor();
    // 7 since the demo's 100-day moment (#21) ends some memberships: who stopped travels no more.
    await page.getByRole('heading', { name: 'SW 4: 7 extra reizen' }).first().waitFor();
    await page.getByText('Met minder extra reizen kan alleen op momenten dat de coach niet kan.').first().waitFor();
    await page.getByRole('heading', { name: /Wat verschuift bij publiceren \(5 community's\)/ }).first().waitFor();
    const sw1 = page.getByRole('article', { name: 'SW 1' });
    await sw1.getByRole('region', { name: /Dagoverzicht van SW 1 op maandag/ }).first().waitFor();
    await sw1.getByText('aansluitend').first().waitFor();
    // The monthly coach training and each senior coach's intervision group, where the coaches are on campus.
    const meetings = page.getByRole('region', { name: 'Coachtraining en intervisie' });
    const training = meetings.getByRole('article', { name: 'Coachtraining' });
    await training.getByText(/^(maandag|dinsdag|woensdag|donderdag|vrijdag) \d\d:\d\d–\d\d:\d\d, /).first().waitFor();
    await training.getByText(/^Data: /).first().waitFor();
    await training.getByText(/coach(es)? (is|zijn) al op de locatie/).first().waitFor();
    expect(await meetings.getByRole('article', { name: /^Intervisie · groep van / }).count()).toBe(2);
    const who = training.getByText('Wie kan er komen');
    await suite.tabTo(page, who);
    await page.keyboard.press('Enter');
    await training.getByText(/: (aansluitend aan een les of de eigen bijeenkomst|op de locatie, \d+ minuten? wachten|komt er extra voor naar de locatie|kan niet, .+)$/).first().waitFor();
    await expectAccessible(page, 'proposal');
    await suite.checkPhone(page, 'proposal');
    await suite.screenshot(page, 'scheduling-run-nl');
    await meetings.scrollIntoViewIfNeeded();
    await suite.screenshot(page, 'scheduling-meetings-nl');
    await page.setViewportSize(PHONE);
    await suite.screenshot(page, 'scheduling-run-nl-360');
    await meetings.scrollIntoViewIfNeeded();
    await suite.screenshot(page, 'scheduling-meetings-nl-360');
    await page.setViewportSize(LAPTOP);

    const open = page.getByRole('button', { name: 'Ander moment kiezen voor SW 1' });
    await suite.tabTo(page, open);
    await page.keyboard.press('Enter');
    const panel = sw1.getByRole('region', { name: 'Ander moment voor SW 1' });
    await panel.getByLabel('Dag', { exact: true }).selectOption('tue');
    await panel.getByLabel('Begintijd', { exact: true }).selectOption('10:00');
    await panel.getByRole('alert').filter({ hasText: 'Dit moment kan niet. De coach kan dan niet (09:00–12:00).' }).first().waitFor();
    expect(await panel.getByRole('button', { name: 'Dit moment kiezen' }).isDisabled()).toBe(true);
    await panel.getByLabel('Dag', { exact: true }).selectOption('wed');
    await panel.getByLabel('Begintijd', { exact: true }).selectOption('12:00');
    await panel.getByText(/duurder dan nu/).first().waitFor();
    await panel.getByText('extra reis').first().waitFor();
    await expectAccessible(page, 'override panel');
    await suite.checkPhone(page, 'override panel');
    await suite.screenshot(page, 'scheduling-override-nl');
    await panel.getByRole('button', { name: 'Dit moment kiezen' }).click();
    await sw1.getByText(/aangepast \(voorstel was maandag 12:30/).first().waitFor();
    await sw1.getByText('woensdag 12:00, Amsterdam Wibautstraat').first().waitFor();
  });

  it('makes a new proposal with progress, publishes it, and the calendar feed has the sessions (en)', async () => {
    const page = await suite.signedIn('coordinator', { english: true });
    await openScheduling(page, true);
    await page.getByRole('button', { name: 'Plan again for Periode 3' }).or(page.getByRole('button', { name: 'Make a proposal for Periode 3' })).click();
    await page.getByRole('heading', { level: 1, name: 'Proposal · Periode 3' }).waitFor();
    await page.getByRole('heading', { name: 'Summary' }).waitFor({ timeout: 30_000 });
    await page.getByText('SW 4: 7 extra trips').first().waitFor();
    const meetings = page.getByRole('region', { name: 'Coach training and intervision' });
    await meetings.getByRole('article', { name: 'Coach training' }).getByText(/^Dates: /).first().waitFor();
    expect(await meetings.getByRole('article', { name: /^Intervision · .+'s group$/ }).count()).toBe(2);
    await page.getByText(/Publishing also puts the coach trainings and intervisions/).first().waitFor();
    await expectAccessible(page, 'proposal (en)');
    await suite.checkPhone(page, 'proposal (en)');
    await suite.screenshot(page, 'scheduling-run-en');
    const runId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const proposal = await callApi<{ communities: { name: string; slot: { day: string; start: string } }[] }>(page, 'GET', `/api/scheduling-runs/${runId}`);
    const sw1 = proposal.communities.find((c) => c.name === 'SW 1')!.slot;
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, publish for 5 communities' }).click();
    await page.getByRole('status').filter({ hasText: /Published: \d+ new sessions, \d+ moved/ }).first().waitFor();
    await page.getByRole('status').filter({ hasText: /Coach training and intervision: \d+ new, \d+ moved/ }).first().waitFor();
    await page.getByText(/Published on/).first().waitFor();
    await suite.screenshot(page, 'scheduling-published-en');

    // The demo coachee (SW 1) sees the sessions at the new time in the calendar feed.
    const coachee = await suite.signedIn('coachee');
    const { url } = await callApi<{ url: string }>(coachee, 'POST', '/api/me/calendar-feed', {});
    const feed = await (await coachee.request.get(`${suite.server.url}${new URL(url).pathname}`)).text();
    const events = new ICAL.Component(ICAL.parse(feed) as unknown[]).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const period3 = events.filter((e) => {
      const d = e.startDate.toJSDate();
      return d >= new Date('2027-02-01') && d <= new Date('2027-04-17') && e.component.getFirstPropertyValue('status') !== 'CANCELLED';
    });
    expect(period3.length).toBeGreaterThan(3);
    const local = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(d);
    const day = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri' }[sw1.day as 'mon'];
    expect(new Set(period3.map((e) => local(e.startDate.toJSDate())))).toEqual(new Set([`${day} ${sw1.start}`]));
    expect(period3.every((e) => e.location.endsWith('Amsterdam Wibautstraat'))).toBe(true);

    // The demo student coach has the monthly coach training and their group's intervision in their feed.
    const coach = await suite.signedIn('studentcoach');
    const coachFeed = await callApi<{ url: string }>(coach, 'POST', '/api/me/calendar-feed', {});
    const coachEvents = new ICAL.Component(ICAL.parse(await (await coach.request.get(`${suite.server.url}${new URL(coachFeed.url).pathname}`)).text()) as unknown[])
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e))
      .filter((e) => e.startDate.toJSDate() >= new Date('2027-02-01') && e.startDate.toJSDate() <= new Date('2027-04-17'));
    expect(coachEvents.filter((e) => /Coachtraining|Coach training/.test(e.summary)).length).toBeGreaterThan(1);
    expect(coachEvents.filter((e) => /Intervisie|Intervision/.test(e.summary)).length).toBeGreaterThan(1);
  });

  it('a student coach declares their own weekly availability on the phone, by keyboard; a wrong time is refused (nl, en)', async () => {
    // The refused window is answered with 400: expected here.
    const page = await suite.signedIn('studentcoach', { allowedStatuses: [400], ...PHONE });
    await page.goto(`${suite.server.url}/me/availability`);
    await page.getByRole('heading', { level: 1, name: 'Wanneer kan ik coachen?' }).waitFor();
    const period = page.getByRole('region', { name: 'Periode 3' });
    await period.getByText('Nog niets opgegeven: je bent beschikbaar op elk moment dat je geen les hebt.').waitFor();
    await expectAccessible(page, 'my availability');
    await suite.checkPhone(page, 'my availability');
    const add = period.getByRole('button', { name: 'Moment toevoegen · Periode 3' });
    await suite.tabTo(page, add);
    await page.keyboard.press('Enter');
    const window1 = period.getByRole('group', { name: 'Moment 1 · Periode 3' });
    await window1.getByLabel('Dag').selectOption('tue');
    await suite.typeDate(window1, 'Van', '14:00');
    await suite.typeDate(window1, 'Tot', '09:00');
    await period.getByRole('button', { name: 'Beschikbaarheid opslaan · Periode 3' }).click();
    await period.getByRole('alert').filter({ hasText: 'Niet alle velden zijn goed ingevuld.' }).first().waitFor();
    await expectAccessible(page, 'my availability with an error');
    await suite.typeDate(window1, 'Van', '09:00');
    await suite.typeDate(window1, 'Tot', '13:00');
    await period.getByRole('button', { name: 'Beschikbaarheid opslaan · Periode 3' }).click();
    await period.getByText(/^Opgegeven: dinsdag 09:00–13:00/).waitFor();
    // The confirmation survives the refetch that brought the summary above.
    await expect(period.getByText('Opgeslagen.', { exact: true }).isVisible()).resolves.toBe(true);
    await suite.screenshot(page, 'scheduling-my-availability-nl-360');

    const english = await suite.signedIn('studentcoach', { english: true, ...PHONE });
    await english.goto(`${suite.server.url}/me/availability`);
    await english.getByRole('heading', { level: 1, name: 'When can I coach?' }).waitFor();
    await english.getByRole('region', { name: 'Periode 3' }).getByText(/^Declared: Tuesday 09:00–13:00/).waitFor();
    await english.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'More' }).waitFor();
    await expectAccessible(english, 'my availability (en)');
    await suite.checkPhone(english, 'my availability (en)');
    await suite.screenshot(english, 'scheduling-my-availability-en-360');
    // Stored as entered: the next scheduling run of the period uses it.
    const declared = await callApi<{ periods: { name: string; windows: unknown }[] }>(english, 'GET', '/api/me/availability');
    expect(declared.periods.find((p) => p.name === 'Periode 3')?.windows).toEqual([{ day: 'tue', start: '09:00', end: '13:00' }]);
  });
});
