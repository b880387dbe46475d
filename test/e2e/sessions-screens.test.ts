/**
 * The session screens of #4 on the real server with the demo programme, in Dutch and English,
 * axe-clean and without sideways scrolling at 360 px (coaches use them on a phone), with the
 * keyboard where it matters: the activity library and an activity's page, an own activity, a
 * session plan built from activities and used on a session, the coachee's check-in history with
 * the sharing switch (and the coach seeing it only while shared), the leercoach's class page with
 * a programme update the coaches see, the coordinator's year plan with a gap after Christmas,
 * the attendance screens and the senior coach's logbooks.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OutboxResponse } from '../../src/contracts/admin';
import type { HomeResponse } from '../../src/contracts/home';
import type { CommunityManageResponse } from '../../src/contracts/communities';
import type { SessionDetailResponse, SessionListResponse, YearPlanResponse } from '../../src/contracts/sessions';
import { callApi, DEMO_DOMAIN, e2eSuite, LAPTOP, PHONE } from './support/suite';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: /^(Hoofdmenu|Main menu)$/ }).getByRole('link', { name, exact: true });
const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

/** The date and minute of an instant on the Amsterdam wall clock. */
function amsterdam(at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Switches the language with the header buttons and waits for the page in that language. */
async function switchTo(page: Page, language: 'nl' | 'en', heading: string | RegExp) {
  await page.getByRole('button', { name: language === 'en' ? 'English' : 'Nederlands' }).click();
  await h1(page, heading);
}

describe('session screens', () => {
  const suite = e2eSuite({ mailbox: true });

  /** Signs in and picks the language (a person's choice is remembered, so earlier steps may have changed it). */
  async function signedIn(who: string, language: 'nl' | 'en', options: { width: number; height: number } = PHONE) {
    const page = await suite.signedIn(who, { ...options, english: language === 'en' });
    await page.getByRole('button', { name: language === 'en' ? 'English' : 'Nederlands' }).click();
    await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
    await h1(page, language === 'en' ? /^Welcome/ : /^Welkom/);
    return page;
  }

  it('lets a coach find activities, add an own one, build a session plan and use it on a session — on a phone', async () => {
    const page = await signedIn('studentcoach', 'nl');
    await suite.menu(page, 'Werkvormen');
    await h1(page, 'Werkvormen');
    await page.getByRole('status').filter({ hasText: /^\d+ werkvormen gevonden$/ }).waitFor();
    const all = Number((await page.getByRole('status').filter({ hasText: /werkvormen gevonden/ }).textContent())!.split(' ')[0]);
    expect(all).toBeGreaterThanOrEqual(25);
    // Filter: the first weeks, at most 30 minutes; then search.
    await page.getByLabel('Fase van het jaar').selectOption('start');
    await page.getByLabel('Duur', { exact: true }).selectOption('30');
    // Each filter asks the server again: wait for the filtered list, not for whatever is shown first.
    const found = async () => Number((await page.getByRole('status').filter({ hasText: /werkvorm/ }).textContent())!.split(' ')[0]);
    await expect.poll(found).toBeLessThan(all);
    await expect.poll(() => page.getByRole('link', { name: 'Over de streep' }).count()).toBe(0); // 40 minutes
    await page.getByRole('link', { name: 'Klets-kwartiertje (check-in)' }).waitFor();
    await suite.checkPhone(page, 'library, filtered (nl)');
    await suite.screenshot(page, 'sessions-library-nl-360');
    await page.getByLabel('Zoeken').fill('streep');
    await page.getByLabel('Duur', { exact: true }).selectOption('');
    await page.getByLabel('Fase van het jaar').selectOption('');
    await page.getByRole('link', { name: 'Over de streep' }).click();
    await h1(page, 'Over de streep');
    await page.getByRole('heading', { level: 2, name: 'Stappen' }).waitFor();
    expect(await page.locator('ol.steps li').count()).toBeGreaterThan(2);
    await suite.checkPhone(page, 'activity page (nl)');
    await switchTo(page, 'en', 'Cross the line');
    await page.getByRole('heading', { level: 2, name: 'Steps' }).waitFor();
    await suite.checkPhone(page, 'activity page (en)');
    await suite.screenshot(page, 'sessions-activity-en-360');
    await switchTo(page, 'nl', 'Over de streep');

    // An own activity: bad input first (clear error, nothing saved), then shared with the other coaches.
    await page.getByRole('link', { name: 'Terug naar de werkvormen' }).click();
    await page.getByRole('link', { name: 'Eigen werkvorm toevoegen' }).click();
    await h1(page, 'Eigen werkvorm toevoegen');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('alert').waitFor();
    await h1(page, 'Eigen werkvorm toevoegen');
    await page.getByLabel('Naam').fill('Speeddaten');
    await page.getByLabel('Doel', { exact: true }).fill('Snel met iedereen kennismaken');
    await page.getByRole('checkbox', { name: 'Start' }).check();
    await page.getByLabel('Duur in minuten').fill('20');
    await page.getByLabel('Stappen').fill('Zet twee rijen stoelen tegenover elkaar\nWissel elke twee minuten van plek');
    await page.getByLabel('Delen met andere coaches').check();
    await suite.checkPhone(page, 'own activity form (nl)');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await h1(page, 'Speeddaten');
    await page.getByText('Van jou, gedeeld met andere coaches').waitFor();

    // A session plan: two activities in order, minutes adding up, built with the keyboard.
    await page.goto(`${suite.server.url}/session-plans`);
    await h1(page, 'Sessieplannen');
    await page.getByRole('link', { name: 'Nieuw sessieplan' }).click();
    await h1(page, 'Nieuw sessieplan');
    await page.getByLabel('Naam van het plan').fill('Eerste weken');
    const pick = page.getByLabel('Werkvorm', { exact: true });
    await pick.selectOption({ label: 'Speeddaten (20 minuten)' });
    const add = page.getByRole('button', { name: 'Toevoegen' });
    await suite.tabTo(page, add);
    await page.keyboard.press('Enter');
    await pick.selectOption({ label: 'Klets-kwartiertje (check-in) (15 minuten)' });
    await suite.tabTo(page, add);
    await page.keyboard.press('Enter');
    await page.getByText('Totaal: 35 minuten').waitFor();
    const up = page.getByRole('button', { name: 'Klets-kwartiertje (check-in) omhoog' });
    await suite.tabTo(page, up);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('ol.plan-builder li .plan-item-title').first().textContent()).toContain('Klets-kwartiertje');
    await suite.checkPhone(page, 'plan builder (nl)');
    await suite.screenshot(page, 'sessions-plan-builder-nl-360');
    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    await h1(page, 'Eerste weken');
    await page.getByText('Totaal: 35 minuten').waitFor();

    // Used when preparing the next session: the session page shows the plan.
    const sessions = await callApi<SessionListResponse>(page, 'GET', '/api/sessions');
    const next = sessions.sessions.find((s) => s.relation === 'organiser' && s.status === 'planned' && s.type === 'community' && new Date(s.startsAt).getTime() > Date.now());
    expect(next).toBeDefined();
    await page.goto(`${suite.server.url}/sessions/${next!.id}`);
    await page.getByRole('heading', { level: 2, name: 'Sessieplan' }).waitFor();
    await page.getByLabel('Kies een plan').selectOption({ label: 'Eerste weken (35 minuten)' });
    await page.getByRole('button', { name: 'Plan gebruiken' }).click();
    await page.getByRole('status').filter({ hasText: 'Plan opgeslagen bij de bijeenkomst.' }).waitFor();
    await page.getByRole('link', { name: 'Eerste weken' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Verplaatsen of afzeggen' }).waitFor();
    await suite.checkPhone(page, 'session with plan (nl)');
    await suite.screenshot(page, 'sessions-session-plan-nl-360');
    await switchTo(page, 'en', /^Community session/);
    await page.getByRole('heading', { level: 2, name: 'Session plan' }).waitFor();
    await suite.checkPhone(page, 'session with plan (en)');
  });

  it("shows a coachee their check-ins and lets them share them; the coach sees them only while shared", async () => {
    const coachee = await signedIn('coachee', 'en');
    await suite.menu(coachee, 'My check-ins');
    await h1(coachee, 'My check-ins');
    await coachee.getByRole('img', { name: /Chart of your check-ins/ }).waitFor();
    expect(await coachee.getByRole('table').locator('tbody tr').count()).toBeGreaterThan(0);
    // The demo coachee shares their check-ins with their coach.
    await coachee.getByText('You share your check-ins with your coach.').waitFor();
    await suite.checkPhone(coachee, 'my check-ins (en)');
    await suite.screenshot(coachee, 'sessions-checkins-en-360');

    const coach = await signedIn('studentcoach', 'nl');
    const home = await callApi<HomeResponse>(coach, 'GET', '/api/home');
    const community = home.communities.find((c) => c.relation === 'coach')!;
    await coach.getByRole('link', { name: 'Aanwezigheid' }).first().click();
    await h1(coach, `Aanwezigheid · ${community.name}`);
    await coach.getByRole('heading', { level: 2, name: 'Per coachee' }).waitFor();
    await coach.getByRole('heading', { level: 2, name: 'Gedeelde check-ins' }).waitFor();
    await coach.getByText(`1 van de ${community.memberCount} coachees deelt de check-ins met jou.`, { exact: false }).waitFor();
    await coach.getByRole('img', { name: /^Check-ins van / }).waitFor();
    await suite.checkPhone(coach, 'community attendance with shared check-ins (nl)');
    await suite.screenshot(coach, 'sessions-community-attendance-nl-360');
    await switchTo(coach, 'en', `Attendance · ${community.name}`);
    await suite.checkPhone(coach, 'community attendance (en)');

    // The coachee stops sharing (keyboard): the coach no longer sees the history; sharing again brings it back.
    const share = coachee.getByRole('switch', { name: 'Share my check-ins with my coach' });
    await suite.tabTo(coachee, share);
    await coachee.keyboard.press('Space');
    await coachee.getByText('Only you see your check-ins.').waitFor();
    await coach.reload();
    await coach.getByText(`0 of ${community.memberCount} coachees share their check-ins with you.`, { exact: false }).waitFor();
    expect(await coach.getByRole('img', { name: /^Check-ins of / }).count()).toBe(0);
    await switchTo(coachee, 'nl', 'Mijn check-ins');
    await suite.checkPhone(coachee, 'my check-ins, not shared (nl)');
    await coachee.getByRole('switch', { name: 'Deel mijn check-ins met mijn coach' }).click();
    await coachee.getByText('Je deelt je check-ins met je coach.').waitFor();
    await coach.reload();
    await coach.getByText(`1 of ${community.memberCount} coachees shares their check-ins with you.`, { exact: false }).waitFor();
  });

  it("gives the leercoach their class's figures and a programme update the coaches see on their home", async () => {
    const leercoach = await signedIn('leercoach', 'nl');
    expect(await nav(leercoach, 'Logboeken').count()).toBe(0);
    await leercoach.getByRole('link', { name: 'Aanwezigheid en bericht aan coaches' }).first().click();
    await h1(leercoach, /^Klas /);
    await leercoach.getByRole('heading', { level: 2, name: 'Per community' }).waitFor();
    await leercoach.getByRole('heading', { level: 2, name: 'Per student' }).waitFor();
    // Figures only: the demo logbook's words never reach this page.
    expect(await leercoach.content()).not.toContain('De groep praat makkelijker');
    await leercoach.getByRole('button', { name: 'Plaatsen' }).click();
    await leercoach.getByRole('alert').waitFor();
    await leercoach.getByLabel('Onderwerp').fill('Nieuw project in periode 2');
    await leercoach.getByLabel('Wat verandert er deze periode?').fill('Vanaf periode 2 werken de eerstejaars in projectgroepen aan een praktijkvraag.');
    await leercoach.getByRole('button', { name: 'Plaatsen' }).click();
    await leercoach.getByRole('status').filter({ hasText: 'Geplaatst.' }).waitFor();
    await leercoach.getByText('Nieuw project in periode 2').waitFor();
    await suite.checkPhone(leercoach, 'class page (nl)');
    await suite.screenshot(leercoach, 'sessions-class-nl-360');
    await switchTo(leercoach, 'en', /^Class /);
    await leercoach.getByRole('heading', { level: 2, name: 'Per student' }).waitFor();
    await suite.checkPhone(leercoach, 'class page (en)');

    const coach = await signedIn('studentcoach', 'nl');
    await coach.getByRole('heading', { level: 3, name: 'Nieuw project in periode 2' }).waitFor();
  });

  it('shows the coordinator the year plan of an intake: holidays, and a gap after the Christmas break that stands out', async () => {
    const page = await signedIn('coordinator', 'en', LAPTOP);
    const home = await callApi<HomeResponse>(page, 'GET', '/api/home');
    const target = home.communities.find((c) => c.name === 'SW 2')!;
    // Every session of SW 2 after the Christmas break is cancelled: a gap nobody should miss.
    const plan = await callApi<YearPlanResponse>(page, 'GET', `/api/communities/${target.id}/year-plan`);
    const afterChristmas = plan.sessions.filter((s) => s.status === 'planned' && s.startsAt > '2027-01-01');
    expect(afterChristmas.length).toBeGreaterThan(0);
    for (const s of afterChristmas) await callApi(page, 'POST', `/api/sessions/${s.id}/cancel`, { version: 1 });
    // SW 2's own intake (the demo also holds last year's, whose link comes first).
    const { intakeId } = await callApi<CommunityManageResponse>(page, 'GET', `/api/communities/${target.id}/manage`);
    await page.locator(`a[href="/programme/intakes/${intakeId}/year-plan"]`).first().click();
    await h1(page, 'Year plan of the intake');
    await page.getByText(/^1 of \d+ communities has a gap in the plan$/).waitFor();
    await page.getByRole('link', { name: 'SW 2' }).first().click();
    await page.getByText(/^No session after .* until the end/).first().waitFor();
    await page.getByRole('heading', { level: 2, name: 'Holidays 2026-2027' }).waitFor();
    await page.getByText('Kerstvakantie', { exact: false }).first().waitFor();
    await suite.screenshot(page, 'sessions-intake-year-plan-en-1280');
    await suite.checkPhone(page, 'intake year plan (en)');
    await page.setViewportSize(PHONE);
    await suite.screenshot(page, 'sessions-intake-year-plan-en-360');
    await switchTo(page, 'nl', 'Jaarplanning van de instroom');
    await page.getByText(/^1 van de \d+ communities heeft een gat in de planning$/).waitFor();
    await suite.checkPhone(page, 'intake year plan (nl)');

    // A holiday added from the same screen.
    await page.getByLabel('Naam', { exact: true }).fill('Studiedag');
    await suite.typeDate(page, 'Van', '2027-03-10');
    await suite.typeDate(page, 'Tot en met', '2027-03-10');
    await page.getByRole('button', { name: 'Vakanties opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Vakanties opgeslagen' }).waitFor();

    // From there to a community's attendance: trend, per coachee, and the signals.
    await page.getByRole('link', { name: 'Aanwezigheid van SW 1' }).click();
    await h1(page, 'Aanwezigheid · SW 1');
    await page.getByRole('heading', { level: 2, name: 'Per bijeenkomst' }).waitFor();
    await page.getByRole('img', { name: /Staafdiagram/ }).waitFor();
    await suite.checkPhone(page, 'community attendance (coordinator, nl)');
  });

  it('lets a coach plan a one-on-one from the phone; its notes stay private, others see only that it took place', async () => {
    const coach = await signedIn('studentcoach', 'nl');
    await suite.menu(coach, 'Bijeenkomsten');
    await h1(coach, 'Bijeenkomsten');
    await coach.getByRole('link', { name: 'Bijeenkomst plannen' }).click();
    await h1(coach, 'Bijeenkomst plannen');
    await coach.getByRole('radio', { name: 'Eén-op-één gesprek' }).check();
    await coach.getByRole('button', { name: 'Plannen' }).click();
    await coach.getByRole('alert').waitFor();
    await suite.checkPhone(coach, 'plan a session, with the missing date (nl)');
    await suite.screenshot(coach, 'sessions-new-session-nl-360');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await suite.typeDate(coach, 'Datum', tomorrow);
    await suite.typeDate(coach, 'Begintijd', '12:00');
    await coach.getByLabel('Duur (minuten)').fill('30');
    await coach.getByRole('button', { name: 'Plannen' }).click();
    await coach.getByRole('heading', { level: 2, name: /^Gesprek met / }).waitFor();
    await coach.getByLabel('Notities').fill('Zorgen over de stageplek');
    await coach.getByRole('button', { name: 'Notities opslaan' }).click();
    await coach.getByRole('status').filter({ hasText: 'Notities opgeslagen.' }).waitFor();
    await suite.checkPhone(coach, 'one-on-one with private notes (nl)');
    const sessionUrl = coach.url();

    const senior = await signedIn('seniorcoach', 'nl');
    await senior.goto(sessionUrl);
    await senior.getByRole('heading', { level: 2, name: /^Gesprek met / }).waitFor();
    expect(await senior.content()).not.toContain('Zorgen over de stageplek');
    expect(await senior.getByLabel('Notities').count()).toBe(0);

    // A member who has not consented to storing coaching data: the conversation is planned, but
    // the coach gets no notes field, and is told why.
    await suite.menu(coach, 'Bijeenkomsten');
    await coach.getByRole('link', { name: 'Bijeenkomst plannen' }).click();
    await h1(coach, 'Bijeenkomst plannen');
    await coach.getByRole('radio', { name: 'Eén-op-één gesprek' }).check();
    const who = coach.getByLabel('Met wie?');
    await who.selectOption({ index: 1 });
    await suite.typeDate(coach, 'Datum', tomorrow);
    await suite.typeDate(coach, 'Begintijd', '13:00');
    await coach.getByLabel('Duur (minuten)').fill('30');
    await coach.getByRole('button', { name: 'Plannen' }).click();
    await coach.getByRole('heading', { level: 2, name: /^Gesprek met / }).waitFor();
    await coach.getByText(/heeft geen toestemming gegeven om coachinggegevens te bewaren/).waitFor();
    expect(await coach.getByLabel('Notities').count()).toBe(0);
    await suite.checkPhone(coach, 'one-on-one without consent (nl)');

    // Calling it off takes a second click; "Niet afzeggen" leaves it as it was.
    await coach.getByRole('button', { name: 'Bijeenkomst afzeggen' }).click();
    await coach.getByRole('alert').filter({ hasText: 'Weet je het zeker?' }).waitFor();
    await coach.getByRole('button', { name: 'Niet afzeggen' }).click();
    await expect.poll(() => coach.getByRole('alert').filter({ hasText: 'Weet je het zeker?' }).count()).toBe(0);
    await coach.getByRole('button', { name: 'Bijeenkomst afzeggen' }).click();
    await coach.getByRole('alert').filter({ hasText: 'Weet je het zeker?' }).waitFor();
    await suite.checkPhone(coach, 'calling off a one-on-one, the question (nl)');
    await coach.getByRole('alert').filter({ hasText: 'Weet je het zeker?' }).locator('..').getByRole('button', { name: 'Bijeenkomst afzeggen' }).click();
    await coach.getByText('Deze bijeenkomst gaat niet door.').waitFor();
  });

  it("lets a senior coach read their coaches' logbooks and pick out the ones for intervision", async () => {
    const page = await signedIn('seniorcoach', 'nl');
    await suite.menu(page, 'Logboeken');
    await h1(page, 'Logboeken');
    await page.getByText('De groep praat makkelijker dan de vorige keer.').waitFor();
    await page.getByText(/^Geschreven door /).first().waitFor();
    await suite.checkPhone(page, 'logbooks (nl)');
    await suite.screenshot(page, 'sessions-logbooks-nl-360');
    await page.getByLabel('Alleen voor intervisie gemarkeerd').check();
    await page.getByRole('status').filter({ hasText: '0 logboeken' }).waitFor();
    await switchTo(page, 'en', 'Logbooks');
    await suite.checkPhone(page, 'logbooks (en)');
  });

  it("lets a coachee answer the reminder e-mail's link in one tap, without signing in — a token and nothing else in the link", async () => {
    const coach = await signedIn('studentcoach', 'nl');
    const home = await callApi<HomeResponse>(coach, 'GET', '/api/home');
    const community = home.communities.find((c) => c.relation === 'coach')!;
    // A session three hours from now: its day-before reminder is due at once, and the job poller sends it.
    const at = amsterdam(new Date(Date.now() + 3 * 3_600_000));
    const since = suite.mailbox.count();
    const sinceTime = Date.now() - 1_000;
    const { id } = await callApi<{ id: string }>(coach, 'POST', `/api/communities/${community.id}/sessions`, { type: 'community', date: at.date, startTime: at.time, durationMinutes: 60, location: 'Lokaal 3.02' });
    // The coachee's mail has the working link; the beheerder's outbox shows it without the token.
    // The reminder of this session: the coachee may get other reminders meanwhile (the one-on-one
    // planned above, the demo's sessions), each due at its own time of day, so the mail is picked
    // by this session's place and time, not by who got it when.
    const thisSession = new RegExp(`^(?=[\\s\\S]*Lokaal 3\\.02)(?=[\\s\\S]*${at.time})[\\s\\S]*?(\\S+\\/rsvp#[A-Za-z0-9_-]+)`);
    const link = new URL(await suite.mailbox.find(`coachee@${DEMO_DOMAIN}`, thisSession, { since }));
    expect(link.pathname).toBe('/rsvp');
    expect(link.search).toBe('');
    const admin = await signedIn('beheerder', 'nl');
    const { mails } = await callApi<OutboxResponse>(admin, 'GET', '/api/admin/outbox');
    const reminder = mails.find((m) => m.recipient === `coachee@${DEMO_DOMAIN}` && new Date(m.createdAt).getTime() >= sinceTime && m.bodyText.includes('Lokaal 3.02') && m.bodyText.includes(at.time));
    expect(reminder?.bodyText).toContain('/rsvp#[verborgen]');
    expect(JSON.stringify(mails)).not.toContain(link.hash.slice(1));
    // Opened on a phone by someone who is not signed in; the page is about this session.
    const visitor = await suite.open(PHONE);
    await visitor.goto(`${suite.server.url}${link.pathname}${link.hash}`);
    await h1(visitor, /^(Kom je\?|Are you coming\?)$/);
    await visitor.locator('p.lead').filter({ hasText: at.time }).waitFor();
    await switchTo(visitor, 'nl', 'Kom je?');
    await visitor.getByRole('button', { name: 'Ja, ik kom' }).waitFor();
    await suite.checkPhone(visitor, 'rsvp link (nl)');
    await switchTo(visitor, 'en', 'Are you coming?');
    await suite.checkPhone(visitor, 'rsvp link (en)');
    // Opening the link changed nothing; the one tap does.
    expect((await callApi<SessionDetailResponse>(coach, 'GET', `/api/sessions/${id}`)).counts?.coming).toBe(0);
    await visitor.getByRole('button', { name: "Yes, I'm coming" }).click();
    await visitor.getByRole('status').filter({ hasText: 'Thanks, your answer has been passed on.' }).waitFor();
    // Answered means committed (ADR 0007): the coach's next read shows the answer, no waiting.
    await suite.checkPhone(visitor, 'rsvp link answered (en)');
    await suite.screenshot(visitor, 'sessions-rsvp-link-en-360');
    expect((await callApi<SessionDetailResponse>(coach, 'GET', `/api/sessions/${id}`)).counts?.coming).toBe(1);
    // A made-up token: a clear message, nothing else.
    const stranger = await suite.open({ ...PHONE, allowedStatuses: [400] });
    await stranger.goto(`${suite.server.url}/rsvp#${'x'.repeat(43)}`);
    await stranger.getByText(/^(Deze link werkt niet \(meer\)\.|This link does not work \(any more\)\.)$/).waitFor();
    await suite.checkPhone(stranger, 'rsvp link, unknown token');
  }, 180_000);
});
