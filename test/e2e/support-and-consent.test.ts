/**
 * Consent, referrals, signals and "who looked at my data" end to end, in Debian's Chromium on the
 * demo programme: a coachee gives and withdraws consents; a coach refers and raises an anonymised
 * signal; the coordinator passes it on and closes the loop; the coachee sees who looked at their
 * data, their map included, and after a withdrawal the coach's next read of the map is refused.
 * Every screen is checked with axe in Dutch and English and at 360 px.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { e2eSuite, LAPTOP, PHONE } from './support/suite';

const SIGNAL_TITLE = 'Opmerking over afkomst in de les';

describe('support and consent', () => {
  const suite = e2eSuite();
  let coacheeName = '';

  it('lets a coachee give and withdraw consents, in Dutch and English', async () => {
    const page = await suite.signedIn('coachee');
    await suite.menu(page, 'Mijn privacy');
    await page.getByRole('heading', { level: 1, name: 'Jouw toestemmingen' }).waitFor();
    await expectAccessible(page, 'consents (nl)');
    const research = page.getByRole('region', { name: 'Je gegevens gebruiken voor onderzoek' });
    await research.getByText('Je hebt nog niets gekozen.').waitFor();
    await research.getByRole('button', { name: 'Ja, mijn gegevens mogen zonder naam gebruikt worden voor onderzoek' }).click();
    await page.getByRole('status').filter({ hasText: 'je hebt toestemming gegeven' }).waitFor();
    await research.getByText(/^Je hebt ja gezegd op/).waitFor();
    await research.getByRole('button', { name: /^Toestemming intrekken/ }).click();
    await page.getByRole('status').filter({ hasText: 'Dit werkt meteen.' }).waitFor();
    await research.getByText(/^Je hebt nee gezegd op/).waitFor();
    const audio = page.getByRole('region', { name: 'Een gesprek opnemen' });
    await audio.getByRole('button', { name: /^Nee, liever niet/ }).click();
    await audio.getByText(/^Je hebt nee gezegd op/).waitFor();
    await page.getByRole('heading', { name: 'Wat je eerder koos' }).waitFor();
    await suite.checkPhone(page, 'consents (nl)');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your consents' }).waitFor();
    await page.getByRole('region', { name: 'Your data in the coaching programme' }).getByText(/^You said yes on/).waitFor();
    await expectAccessible(page, 'consents (en)');
    await suite.checkPhone(page, 'consents (en)');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  it('lets a coach record a referral, answer its follow-up and raise an anonymised signal', async () => {
    const page = await suite.signedIn('studentcoach');
    const coachees = await (await page.request.get(`${suite.server.url}/api/referrals/coachees`)).json();
    // The demo coachee (who said yes to coaching data); the next tests sign in as them.
    const demoCoachee = await suite.signedIn('coachee');
    const { person } = (await (await demoCoachee.request.get(`${suite.server.url}/api/auth/session`)).json()) as { person: { firstName: string; lastName: string } };
    const first = (coachees as { coachees: { firstName: string; lastName: string; consented: boolean }[] }).coachees.find(
      (c) => c.consented && c.firstName === person.firstName && c.lastName === person.lastName,
    )!;
    coacheeName = `${first.firstName} ${first.lastName}`;

    await suite.menu(page, 'Doorverwijzingen');
    await page.getByRole('heading', { level: 1, name: 'Doorverwijzingen' }).waitFor();
    await page.getByRole('heading', { name: 'Door jou vastgelegd' }).waitFor();
    await expectAccessible(page, 'referrals (nl)');
    await page.getByLabel('Student', { exact: true }).selectOption({ label: coacheeName });
    await page.getByLabel('Doorverwezen naar').selectOption({ label: 'Studentpsycholoog' });
    await page.getByLabel('De student vindt het goed dat ik dit vastleg').check();
    await page.getByRole('button', { name: 'Doorverwijzing vastleggen' }).click();
    await page.getByRole('status').filter({ hasText: 'De doorverwijzing is vastgelegd' }).waitFor();
    await page.getByText(`${coacheeName} naar Studentpsycholoog`).waitFor();
    await page.getByLabel(`Heeft het geholpen voor ${coacheeName}?`).first().selectOption({ label: 'Ja, het hielp' });
    await page.getByRole('button', { name: 'Antwoord opslaan' }).first().click();
    await page.getByText('Antwoord: Ja, het hielp').first().waitFor();
    await suite.checkPhone(page, 'referrals (nl)');

    await suite.menu(page, 'Signalen');
    await page.getByRole('heading', { level: 1, name: 'Signalen aan de opleiding' }).waitFor();
    await expectAccessible(page, 'signals (nl)');
    await page.getByLabel('Een incident').check();
    await page.getByLabel('Korte titel').fill(SIGNAL_TITLE);
    await page.getByLabel('Wat wil je doorgeven?').fill('Een docent maakte een kwetsende opmerking over afkomst.');
    await page.getByLabel('Anoniem doorgeven').check();
    await page.getByRole('button', { name: 'Signaal doorgeven' }).click();
    await page.getByRole('status').filter({ hasText: 'is doorgegeven aan de coördinator' }).waitFor();
    await page.getByRole('link', { name: new RegExp(SIGNAL_TITLE) }).waitFor();
    await suite.checkPhone(page, 'signals (nl)');

    // The coach's screens in English too.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Signals to the programme' }).waitFor();
    await expectAccessible(page, 'signals (en)');
    await suite.checkPhone(page, 'signals (en)');
    await page.goto(`${suite.server.url}/support/referrals`);
    await page.getByRole('heading', { level: 1, name: 'Referrals' }).waitFor();
    await page.getByText(new RegExp(`^${coacheeName} to .+, on `)).first().waitFor();
    await expectAccessible(page, 'referrals (en)');
    await suite.checkPhone(page, 'referrals (en)');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  it('lets the coordinator pass the signal on to the degree programme and close the loop', async () => {
    const page = await suite.signedIn('coordinator');
    await suite.menu(page, 'Signalen');
    await page.getByRole('heading', { name: 'Binnengekomen signalen' }).waitFor();
    await page.getByText('Opleidingsmanagement Social Work').first().waitFor();
    await expectAccessible(page, 'signals inbox (nl)');
    await page.getByRole('link', { name: new RegExp(SIGNAL_TITLE) }).click();
    await page.getByRole('heading', { level: 1, name: /^Signaal PK-/ }).waitFor();
    await expect(page.locator('dl').first().innerText()).resolves.toContain('Anoniem');
    await expectAccessible(page, 'signal (nl)');
    await page.getByLabel('Nieuwe status').selectOption({ label: 'Doorgegeven aan de opleiding' });
    await page.getByLabel('Aan wie bij de opleiding?').selectOption({ label: 'Opleidingsmanagement Social Work' });
    await page.getByLabel('Bericht voor de coach').fill('Doorgegeven aan het opleidingsmanagement; zij spreken de docent aan.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De coach krijgt bericht' }).waitFor();
    await page.getByLabel('Nieuwe status').selectOption({ label: 'Afgerond' });
    await page.getByLabel('Bericht voor de coach').fill('De opleiding heeft met de docent gesproken.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('.status-chip').filter({ hasText: 'Afgerond' }).waitFor();
    await suite.checkPhone(page, 'signal (nl)');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /^Signal PK-/ }).waitFor();
    await expectAccessible(page, 'signal (en)');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  it('shows the coach what happened with their signal', async () => {
    const page = await suite.signedIn('studentcoach');
    await page.goto(`${suite.server.url}/support/signals`);
    await page.getByRole('link', { name: new RegExp(SIGNAL_TITLE) }).click();
    await page.getByText('De opleiding heeft met de docent gesproken.').waitFor();
    await page.getByText('aan Opleidingsmanagement Social Work').waitFor();
    await expect(page.getByRole('button', { name: 'Opslaan' }).count()).resolves.toBe(0);
  });

  it('shows the coachee who looked at their data and their map; after withdrawal the coach no longer sees the referral or the map', async () => {
    // The coach opens the map the demo coachee shared with them.
    const coachReading = await suite.signedIn('studentcoach');
    await coachReading.goto(`${suite.server.url}/resilience/coach`);
    await coachReading.getByRole('link', { name: /^Bekijk plaat van / }).first().click();
    await coachReading.getByRole('heading', { level: 1, name: /^Veerkrachtpraatplaat van / }).waitFor();
    const mapUrl = `${suite.server.url}/api/resilience/maps/${coachReading.url().split('/').pop()}`;
    expect((await coachReading.request.get(mapUrl)).status()).toBe(200);

    const coachee = await suite.signedIn('coachee');
    await suite.menu(coachee, 'Mijn privacy');
    await coachee.getByRole('link', { name: 'Bekijk wie je gegevens heeft bekeken' }).click();
    await coachee.getByRole('heading', { level: 1, name: 'Wie heeft mijn gegevens bekeken' }).waitFor();
    const row = coachee.getByRole('row').filter({ hasText: 'Een doorverwijzing' }).first();
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/\S+ \S+/);
    // The coach opened the map twice within the hour (the page, then the API): one line, "2 keer".
    // Opening the page did not read an earlier version of the map on its own.
    const mapRows = coachee.getByRole('row').filter({ hasText: 'Je Veerkrachtpraatplaat' });
    await mapRows.first().waitFor();
    await expect(mapRows.count()).resolves.toBe(1);
    await expect(mapRows.first().innerText()).resolves.toMatch(/\S+ \S+.*2 keer/s);
    await expectAccessible(coachee, 'who looked (nl)');
    await suite.checkPhone(coachee, 'who looked (nl)');
    await coachee.setViewportSize(PHONE);
    await suite.screenshot(coachee, 'who-looked-nl-360');
    await coachee.setViewportSize(LAPTOP);

    await suite.menu(coachee, 'Doorverwijzingen');
    await coachee.getByText(/^Studentpsycholoog, op /).first().waitFor();
    await expectAccessible(coachee, 'my referrals (nl)');

    await suite.menu(coachee, 'Mijn privacy');
    await coachee
      .getByRole('region', { name: 'Je gegevens in de coaching' })
      .getByRole('button', { name: /^Toestemming intrekken/ })
      .click();
    await coachee.getByRole('status').filter({ hasText: 'Dit werkt meteen.' }).waitFor();
    // The check-ins stay shared, but the coach no longer sees them; the page says why.
    await suite.menu(coachee, 'Mijn check-ins');
    await coachee.getByText('Je coach ziet je check-ins nu toch niet', { exact: false }).waitFor();
    await expectAccessible(coachee, 'my check-ins, paused by the withdrawal (nl)');

    const coach = await suite.signedIn('studentcoach');
    await coach.goto(`${suite.server.url}/support/referrals`);
    await coach.getByRole('heading', { name: 'Door jou vastgelegd' }).waitFor();
    await coach.getByText('Je hebt nog geen doorverwijzingen vastgelegd.').waitFor();
    await coach.getByRole('option', { name: `${coacheeName} (geen toestemming)` }).waitFor({ state: 'attached' });
    // The map is shared still, but the coach's next read is refused.
    const refused = await coachReading.request.get(mapUrl);
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('consent_required');

    await coachee.getByRole('button', { name: 'English' }).click();
    await suite.menu(coachee, 'Help');
    await coachee.getByRole('heading', { level: 1, name: 'Help and advice' }).waitFor();
    await expectAccessible(coachee, 'help (en)');
    await suite.checkPhone(coachee, 'help (en)');
    await coachee.goto(`${suite.server.url}/privacy/reads`);
    await coachee.getByRole('heading', { level: 1, name: 'Who looked at my data' }).waitFor();
    await coachee.getByRole('row').filter({ hasText: 'Your resilience map' }).filter({ hasText: '2 times' }).waitFor();
    await expectAccessible(coachee, 'who looked (en)');
    await suite.checkPhone(coachee, 'who looked (en)');
    await coachee.setViewportSize(PHONE);
    await suite.screenshot(coachee, 'who-looked-en-360');
    await coachee.setViewportSize(LAPTOP);
    await coachee.getByRole('button', { name: 'Nederlands' }).click();
  });

  it('lets the coordinator keep the help directory in both languages', async () => {
    // The incomplete form answers 400 on purpose.
    const page = await suite.signedIn('coordinator', { allowedStatuses: [400] });
    await suite.menu(page, 'Hulp');
    await page.getByRole('heading', { level: 1, name: 'Hulp en advies' }).waitFor();
    await expectAccessible(page, 'help with editing (nl)');
    await page.getByRole('link', { name: 'Nieuwe hulpbron toevoegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe hulpbron' }).waitFor();
    await page.getByLabel('Onderwerp').selectOption({ label: 'Geld en studiefinanciering' });
    await page.getByLabel('Naam (Nederlands)').fill('Geldspreekuur');
    await page.getByLabel('Wanneer ga je hierheen? (Nederlands)').fill('Als je geldzorgen hebt.');
    await page.getByLabel('Wanneer ga je hierheen? (Engels)').fill('When you worry about money.');
    await page.getByLabel('Hoe bereik je ze? (Nederlands)').fill('Elke dinsdag in de mediatheek.');
    await page.getByLabel('Hoe bereik je ze? (Engels)').fill('Every Tuesday in the library.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    // The English name is missing: a clear error, nothing saved.
    await page.getByText('Dit veld is verplicht.').first().waitFor();
    await expectAccessible(page, 'help form with errors (nl)');
    await page.getByLabel('Naam (Engels)').fill('Money advice hour');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hulp en advies' }).waitFor();
    await page.getByRole('heading', { name: 'Geldspreekuur' }).waitFor();
    await page.getByRole('button', { name: 'Geldspreekuur archiveren' }).click();
    await page.getByRole('status').filter({ hasText: 'is gearchiveerd' }).waitFor();
    await suite.checkPhone(page, 'help with editing (nl)');
  });
});
