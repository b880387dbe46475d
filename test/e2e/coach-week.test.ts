/**
 * A coach's week on a 360 px phone, end to end on the real server with the demo programme:
 * coachees answer whether they come (one sends notice with a reason), the coach sees who is
 * coming, marks attendance (everyone present by default, only the exceptions tapped), writes the
 * logbook, coachees answer the check-in, and the coach's secret calendar feed holds the session.
 * Every screen is checked with axe and for sideways scrolling, in Dutch and in English.
 */
import fs from 'node:fs';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { QuestionsFile } from '../../src/contracts/content/questions';
import type { LogbookEntryResponse, SessionDetailResponse } from '../../src/contracts/sessions';
import type { HomeResponse } from '../../src/contracts/home';
import { expectAccessible, expectNoHorizontalScroll } from './support/browser';
import { callApi, DEMO_DOMAIN as DOMAIN, demoStudentEmail, e2eSuite, PHONE } from './support/suite';

const questions = JSON.parse(fs.readFileSync('content/questions.json', 'utf8')) as QuestionsFile;

/** Today's date and the current minute in Amsterdam (the programme's wall clock). */
function amsterdamNow() {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

describe("a coach's week", () => {
  const suite = e2eSuite();
  const open = () => suite.open(PHONE);
  const call = callApi;

  /** axe and 360 px in the current language, then in the other one, and back. */
  async function checkBothLanguages(page: Page, label: string, heading: { nl: string | RegExp; en: string | RegExp }) {
    const lang = await page.locator('html').getAttribute('lang');
    const [first, second] = lang === 'en' ? (['en', 'nl'] as const) : (['nl', 'en'] as const);
    for (const language of [first, second, first]) {
      await page.getByRole('button', { name: language === 'en' ? 'English' : 'Nederlands' }).click();
      await page.getByRole('heading', { level: 1, name: heading[language] }).waitFor();
      await expectNoHorizontalScroll(page, `${label} (${language})`);
      await expectAccessible(page, `${label} (${language})`);
    }
  }

  it('runs from RSVP to logbook, check-in and calendar feed, in Dutch and English at 360 px', async () => {
    // The coach plans a session that has just started (attendance opens an hour before).
    const coach = await open();
    await suite.signIn(coach, `studentcoach@${DOMAIN}`);
    // The coach's home: the next session, attendance still to mark, logbooks due, the programme's news.
    await coach.getByRole('heading', { level: 2, name: 'Volgende bijeenkomst' }).waitFor();
    await coach.getByRole('heading', { level: 3, name: 'Aanwezigheid opnemen' }).waitFor();
    await coach.getByRole('heading', { level: 3, name: 'Logboeken te schrijven' }).waitFor();
    await coach.getByRole('heading', { level: 3, name: 'Tentamenweek komt eraan' }).waitFor();
    await checkBothLanguages(coach, 'home (coach)', { nl: /^Welkom/, en: /^Welcome/ });
    const home = await call<HomeResponse>(coach, 'GET', '/api/home');
    const community = home.communities.find((c) => c.relation === 'coach');
    expect(community?.name).toBe('SW 1');
    const now = amsterdamNow();
    const created = await call<{ id: string }>(coach, 'POST', `/api/communities/${community!.id}/sessions`, {
      type: 'community',
      communityId: community!.id,
      date: now.date,
      startTime: now.time,
      durationMinutes: 90,
      location: 'Lokaal 2.14',
    });
    const sessionId = created.id;
    const before = await call<SessionDetailResponse>(coach, 'GET', `/api/sessions/${sessionId}`);
    const coachee = await open();
    await suite.signIn(coachee, `coachee@${DOMAIN}`);
    const me = await call<{ person: { id: string } }>(coachee, 'GET', '/api/auth/session');
    // The coachee's home: the next session with one-tap RSVP.
    const nextCard = coachee.getByRole('region', { name: 'Volgende bijeenkomst' });
    await nextCard.getByRole('button', { name: 'Ik kom' }).waitFor();
    await checkBothLanguages(coachee, 'home (coachee)', { nl: /^Welkom/, en: /^Welcome/ });
    const others = (before.participants ?? []).filter((p) => p.id !== me.person.id);
    const [absentee, late] = others;
    expect(absentee && late).toBeTruthy();

    // Coachee 1 (Dutch) says "Ik kom" with one tap on the list of sessions.
    await suite.menu(coachee, 'Bijeenkomsten');
    await coachee.getByRole('heading', { level: 1, name: 'Bijeenkomsten' }).waitFor();
    const item = coachee.locator('li.session-item').filter({ has: coachee.locator(`a[href="/sessions/${sessionId}"]`) });
    await item.getByRole('button', { name: 'Ik kom' }).click();
    await item.getByRole('status').filter({ hasText: 'Je komt.' }).waitFor();
    await checkBothLanguages(coachee, 'sessions list (coachee)', { nl: 'Bijeenkomsten', en: 'Sessions' });

    // Coachee 2 (English) sends notice with a reason.
    const second = await open();
    await second.goto(`${suite.server.url}/sign-in`);
    await second.getByRole('button', { name: 'English' }).click();
    await suite.signIn(second, demoStudentEmail(absentee!.firstName, absentee!.lastName));
    await second.goto(`${suite.server.url}/sessions/${sessionId}`);
    await second.getByRole('heading', { level: 2, name: 'Are you coming?' }).waitFor();
    await second.getByRole('button', { name: "I can't come" }).click();
    await second.getByLabel(/^Reason/).fill('Dentist');
    await second.getByRole('button', { name: 'Send notice' }).click();
    await second.getByRole('status').filter({ hasText: 'You sent notice.' }).waitFor();
    await checkBothLanguages(second, 'session (coachee, notice)', { nl: /^Communitybijeenkomst/, en: /^Community session/ });

    // The coach sees who is coming; everyone stands on present, the notice on "afgemeld".
    await coach.goto(`${suite.server.url}/sessions/${sessionId}`);
    await coach.getByRole('heading', { level: 2, name: 'Aanwezigheid' }).waitFor();
    const row = (p: { firstName: string; lastName?: string }) => coach.getByRole('group', { name: new RegExp(`^${p.firstName} ${p.lastName ?? ''}`) });
    await expect(row(absentee!).innerText()).resolves.toContain('afgemeld: Dentist');
    const meRow = coach.getByRole('group').filter({ hasText: '(komt)' });
    await expect(meRow.count()).resolves.toBe(1);
    await expect(meRow.getByRole('radio', { name: 'Aanwezig' }).isChecked()).resolves.toBe(true);
    await expect(row(absentee!).getByRole('radio', { name: 'Afgemeld' }).isChecked()).resolves.toBe(true);
    await expect(row(late!).getByRole('radio', { name: 'Aanwezig' }).isChecked()).resolves.toBe(true);
    await checkBothLanguages(coach, 'session (coach)', { nl: /^Communitybijeenkomst/, en: /^Community session/ });
    // The one exception: a tap.
    await row(late!).getByText('Te laat').click();
    await coach.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
    await coach.getByRole('status').filter({ hasText: 'Aanwezigheid opgeslagen.' }).waitFor();
    // Once marked, the summary tells who was there, no longer who said they would come.
    const attendance = coach.getByRole('region', { name: 'Aanwezigheid' });
    await attendance.getByText(/^\d+ aanwezig, 1 te laat, 1 afgemeld \(van \d+ deelnemers\)$/).waitFor();
    await expect(attendance.getByText(/komen, .* afgemeld, van/).count()).resolves.toBe(0);

    // The logbook, from the content questions.
    const q = Object.fromEntries(questions.logbook.questions.map((x) => [x.id, x]));
    await coach.getByLabel(q['logbook-what-we-did']!.label.nl).fill('Werkvorm "Mijn week in drie woorden", daarna een rondje over de planning.');
    await coach.getByRole('group', { name: q['logbook-how-it-went']!.label.nl }).getByText('4', { exact: true }).click();
    const need = q['logbook-need']!;
    const nothing = need.kind === 'choice' ? need.options.find((o) => o.id === 'nothing')!.label.nl : '';
    await coach.getByRole('group', { name: need.label.nl }).getByLabel(nothing).check();
    // The activities actually used: the coach's own one with a tap, another picked from the library.
    const used = coach.getByRole('group', { name: 'Gebruikte werkvormen' });
    await used.getByRole('checkbox', { name: /^Speeddaten met vragen · eigen werkvorm/ }).check();
    await used.getByLabel('Andere werkvorm').selectOption({ label: 'Over de streep' });
    await used.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(used.getByRole('checkbox', { name: 'Over de streep' }).isChecked()).resolves.toBe(true);
    await expectAccessible(coach, 'logbook with activities used (nl)');
    await suite.screenshot(coach, 'coach-week-logbook-activities-nl');
    await expectNoHorizontalScroll(coach, 'logbook with activities used (nl)');
    await coach.getByRole('button', { name: 'Logboek opslaan' }).click();
    await coach.getByRole('status').filter({ hasText: 'Logboek opgeslagen.' }).waitFor();
    await expectAccessible(coach, 'session with logbook (nl)');
    await expectNoHorizontalScroll(coach, 'session with logbook (nl)');
    const logbook = await call<LogbookEntryResponse>(coach, 'GET', `/api/sessions/${sessionId}/logbook`);
    expect(logbook.entry?.activities.map((a) => a.title)).toEqual(['Speeddaten met vragen', 'Over de streep']);
    // In English the same picker speaks English.
    await coach.getByRole('button', { name: 'English' }).click();
    await coach.getByRole('group', { name: 'Activities used' }).getByRole('checkbox', { name: 'Cross the line' }).waitFor();
    await expectAccessible(coach, 'logbook with activities used (en)');
    await coach.getByRole('button', { name: 'Nederlands' }).click();
    await coach.getByRole('heading', { level: 2, name: 'Aanwezigheid' }).waitFor();

    // Coachee 1 answers the check-in in the room.
    await coachee.goto(`${suite.server.url}/sessions/${sessionId}`);
    const checkin = coachee.getByRole('region', { name: questions.checkin.label.nl });
    await checkin.getByRole('button', { name: '7', exact: true }).click();
    await coachee.getByRole('status').filter({ hasText: 'Jouw check-in: 7' }).waitFor();
    await checkBothLanguages(coachee, 'session with check-in (coachee)', { nl: /^Communitybijeenkomst/, en: /^Community session/ });

    // The coach sees the marks, the notice and the shared check-in.
    await coach.reload();
    await coach.getByRole('heading', { level: 2, name: 'Aanwezigheid' }).waitFor();
    await expect(row(late!).getByRole('radio', { name: 'Te laat' }).isChecked()).resolves.toBe(true);
    await coach.getByRole('group').filter({ hasText: 'Check-in: 7' }).waitFor();
    const after = await call<SessionDetailResponse>(coach, 'GET', `/api/sessions/${sessionId}`);
    const marks = Object.fromEntries((after.participants ?? []).map((p) => [p.id, p.attendance]));
    expect(marks[me.person.id]).toBe('present');
    expect(marks[absentee!.id]).toBe('absentWithNotice');
    expect(marks[late!.id]).toBe('late');
    expect(Object.values(marks).filter((m) => m === 'present')).toHaveLength((after.participants ?? []).length - 2);
    // A later correction: the change history keeps it next to the first mark.
    await call(coach, 'POST', `/api/sessions/${sessionId}/attendance`, { marks: [{ personId: late!.id, status: 'present' }] });
    await coach.reload();
    await coach.getByText('Wijzigingen in de aanwezigheid').click();
    await coach.locator('.attendance-history').getByText(`${late!.firstName} ${late!.lastName}: Te laat → Aanwezig`).waitFor();
    await expectAccessible(coach, 'attendance history (nl)');
    await expectNoHorizontalScroll(coach, 'attendance history (nl)');

    // The calendar feed: made on the sessions page, fetched with the secret URL, parsed.
    await coach.getByRole('link', { name: 'Terug naar bijeenkomsten' }).click();
    await coach.getByRole('heading', { level: 1, name: 'Bijeenkomsten' }).waitFor();
    await checkBothLanguages(coach, 'sessions list (coach)', { nl: 'Bijeenkomsten', en: 'Sessions' });
    await coach.getByRole('button', { name: /^Maak een (agendalink|nieuwe link)/ }).click();
    const feedUrl = new URL(await coach.getByLabel('Je agendalink').inputValue());
    await expectAccessible(coach, 'sessions list with feed link (nl)');
    const response = await fetch(`${suite.server.url}${feedUrl.pathname}${feedUrl.search}`);
    expect(response.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()) as unknown[]);
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const event = events.find((e) => e.startDate.toJSDate().getTime() === new Date(after.startsAt).getTime());
    expect(event, 'the session in the feed').toBeDefined();
    expect(event!.location).toBe('Lokaal 2.14');
  }, 300_000);
});
