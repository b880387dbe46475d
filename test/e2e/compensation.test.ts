/**
 * Coach compensation end to end (#17 item 4), in Debian's Chromium on the demo programme: the
 * coach opens "Mijn vergoeding", confirms one month's statement and disputes a line of the next;
 * the coordinator sees the disputed statement first, approves everything confirmed at once and
 * the disputed statement with a resolution; the coach sees both approved, with the promised pay
 * date (or, for a promised date already past, that it is late).
 * Every screen is checked with axe in Dutch and English and at 360 px.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { e2eSuite, SCREENSHOTS } from './support/suite';

const XSD = path.resolve('src/server/modules/finance/xsd/pain.001.001.03.xsd');

describe('coach compensation', () => {
  const suite = e2eSuite();

  it('the coach confirms a statement (en) and disputes a line (nl); the coordinator approves; the coach sees the pay date', async () => {
    // The coach, in English: the older month's statement, confirmed.
    // An empty dispute or resolution is answered 400 on purpose (the form shows it).
    const coach = await suite.signedIn('studentcoach', { english: true, allowedStatuses: [400] });
    await suite.menu(coach, 'My compensation');
    await coach.getByRole('heading', { level: 1, name: 'My compensation' }).waitFor();
    await coach.getByRole('heading', { name: 'Statements per month' }).waitFor();
    await suite.settled(coach);
    await expectAccessible(coach, 'my compensation (en)');
    await suite.checkPhone(coach, 'my compensation (en)');
    await suite.screenshot(coach, 'compensation-mine-en');
    const views = coach.getByRole('link', { name: /^View: / });
    // This year's two months first (newest first); last year's paid statements (the end-of-year report's demo) follow.
    await expect.poll(() => views.count()).toBeGreaterThanOrEqual(2);
    await views.nth(1).click();
    await coach.getByRole('heading', { level: 1, name: /^Statement / }).waitFor();
    await suite.settled(coach);
    await expectAccessible(coach, 'statement (en)');
    await suite.checkPhone(coach, 'statement (en)');
    await suite.tabTo(coach, coach.getByRole('button', { name: 'Correct, confirm' }));
    await coach.keyboard.press('Enter');
    await coach.getByRole('status').filter({ hasText: 'Confirmed. The coordinator now approves the statement.' }).waitFor();
    await coach.getByText('Confirmed', { exact: true }).waitFor();

    // In Dutch: last month's statement, one line disputed.
    await coach.getByRole('button', { name: 'Nederlands' }).click();
    await coach.getByRole('link', { name: 'Terug' }).click();
    await coach.getByRole('heading', { level: 1, name: 'Mijn vergoeding' }).waitFor();
    await suite.settled(coach);
    await expectAccessible(coach, 'mijn vergoeding (nl)');
    await suite.checkPhone(coach, 'mijn vergoeding (nl)');
    await coach.getByRole('link', { name: /^Bekijken: / }).first().click();
    await coach.getByRole('heading', { level: 1, name: /^Overzicht / }).waitFor();
    await suite.settled(coach);
    const dispute = coach.getByRole('button', { name: /^Klopt niet: / }).first();
    await dispute.click();
    const comment = coach.getByLabel('Wat klopt er niet aan deze regel?');
    await coach.getByRole('button', { name: 'Betwisting versturen' }).click();
    await coach.getByText('Dit veld is verplicht.').waitFor();
    await comment.fill('Deze bijeenkomst duurde korter, we stopten om 16:00.');
    await expectAccessible(coach, 'dispute form (nl)');
    await coach.getByRole('button', { name: 'Betwisting versturen' }).click();
    await coach.getByRole('status').filter({ hasText: 'Je betwisting is verstuurd naar de coördinator.' }).waitFor();
    await coach.getByText('Betwist: Deze bijeenkomst duurde korter, we stopten om 16:00.').waitFor();
    await suite.checkPhone(coach, 'statement with dispute (nl)');
    await suite.screenshot(coach, 'compensation-statement-nl');

    // The coordinator: the disputed statement first; approve all that is confirmed, then the disputed one.
    const coordinator = await suite.signedIn('coordinator', { allowedStatuses: [400] });
    await suite.menu(coordinator, 'Vergoedingen');
    await coordinator.getByRole('heading', { level: 1, name: 'Vergoedingen' }).waitFor();
    await suite.settled(coordinator);
    await expectAccessible(coordinator, 'vergoedingen (nl)');
    await suite.checkPhone(coordinator, 'vergoedingen (nl)');
    await suite.screenshot(coordinator, 'compensation-programme-nl');
    const rows = coordinator.getByRole('region', { name: 'Vergoedingen' }).getByRole('row');
    await expect.poll(async () => (await rows.nth(1).innerText()).includes('Betwist')).toBe(true);
    // The month before: the demo coach just confirmed theirs.
    const monthField = coordinator.getByLabel('Maand', { exact: true });
    const lastMonth = await monthField.inputValue();
    const [y, m] = lastMonth.split('-').map(Number) as [number, number];
    await monthField.fill(m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`);
    await coordinator.getByRole('button', { name: 'Alles wat bevestigd is goedkeuren' }).click();
    await coordinator.getByRole('status').filter({ hasText: '1 overzicht goedgekeurd.' }).waitFor();
    await monthField.fill(lastMonth);
    await suite.settled(coordinator);
    await rows.nth(1).getByRole('link').click();
    await coordinator.getByRole('heading', { level: 1, name: /^Overzicht / }).waitFor();
    await coordinator.getByRole('button', { name: 'Goedkeuren' }).click();
    await coordinator.getByText('Dit veld is verplicht.').waitFor();
    await coordinator.getByLabel(/^Hoe heb je dit opgelost\?/).fill('Klopt, we rekenen de standaardlengte; de bijeenkomst stond twee uur gepland.');
    await expectAccessible(coordinator, 'approve with resolution (nl)');
    await coordinator.getByRole('button', { name: 'Goedkeuren' }).click();
    await coordinator.getByRole('status').filter({ hasText: 'Goedgekeurd.' }).waitFor();
    await coordinator.getByText(/^Oplossing: Klopt, we rekenen/).waitFor();

    // The coach sees both approved: last month with the date it will be paid by; the month before
    // was promised for the 25th of last month, which has passed, so it shows as late.
    await coach.getByRole('link', { name: 'Terug' }).click();
    await suite.settled(coach);
    // (Last month's is promised for the 25th of this month: late too when this runs after the 25th.)
    const statements = coach.getByRole('region', { name: 'Overzichten per maand' });
    await expect.poll(() => statements.getByText('Goedgekeurd', { exact: true }).count()).toBeGreaterThanOrEqual(2); // (+ last year's, from the end-of-year report's demo)
    await expect.poll(() => statements.getByText(/^(Wordt uiterlijk \d+ \w+ \d{4} betaald|Te laat: had op \d+ \w+ \d{4} betaald moeten zijn)$/).count()).toBeGreaterThanOrEqual(2);
    await statements.getByText(/^Te laat: had op \d+ \w+ \d{4} betaald moeten zijn$/).first().waitFor();
    await expectAccessible(coach, 'mijn vergoeding, approved (nl)');
    await suite.screenshot(coach, 'compensation-approved-nl');

    // Finance pays both approved statements in one SEPA batch; the coach then sees "Betaald op …".
    const finance = await suite.signedIn('finance');
    await suite.menu(finance, 'Uitbetalen');
    await finance.getByRole('heading', { level: 1, name: 'Uitbetalen' }).waitFor();
    await suite.settled(finance);
    await finance.getByRole('button', { name: 'Betaalbestand maken' }).click();
    await finance.getByRole('status').filter({ hasText: /Betaalbestand gemaakt: \d+ overboekingen/ }).waitFor();
    const [download] = await Promise.all([finance.waitForEvent('download'), finance.getByRole('link', { name: 'SEPA-bestand (XML)' }).first().click()]);
    const file = path.join(SCREENSHOTS, 'payout-statements-e2e.xml');
    await download.saveAs(file);
    const lint = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
    expect(lint.status, lint.stderr).toBe(0);
    await finance.getByRole('button', { name: 'Markeer als betaald' }).first().click();
    await finance.getByText(/^Betaald op \d+ \w+ \d{4}$/).first().waitFor();
    await coach.reload();
    await suite.settled(coach);
    await expect.poll(() => coach.getByRole('region', { name: 'Overzichten per maand' }).getByText(/^Betaald op \d+ \w+ \d{4}( \(te laat\))?$/).count()).toBeGreaterThanOrEqual(2); // (+ last year's paid ones)
    await expectAccessible(coach, 'mijn vergoeding, paid (nl)');
    await suite.screenshot(coach, 'compensation-paid-nl');
  });

  it('the coordinator sets the rates and lengths of an intake; the beheerder adds a year of fiscal limits', async () => {
    // A rate that is not an amount is answered in the form, before anything is sent.
    const coordinator = await suite.signedIn('coordinator');
    await suite.menu(coordinator, 'Opleidingen');
    // This year's intake: the demo also holds last year's, listed after it (newest first).
    await coordinator.getByRole('link', { name: /^Instroom september \d{4}-\d{4} openen$/ }).first().click();
    await coordinator.getByRole('link', { name: 'Vergoeding van de coaches' }).click();
    await coordinator.getByRole('heading', { level: 1, name: /^Vergoeding coaches · / }).waitFor();
    await suite.settled(coordinator);
    await expectAccessible(coordinator, 'compensation settings (nl)');
    await suite.checkPhone(coordinator, 'compensation settings (nl)');
    await coordinator.getByRole('button', { name: 'Tarief toevoegen' }).click();
    await suite.typeDate(coordinator, 'Tarief 2: geldt vanaf', '2027-01-01');
    await coordinator.getByLabel('Tarief 2: onder 21, in euro per uur').fill('drie');
    await coordinator.getByRole('button', { name: 'Vergoeding opslaan' }).click();
    await coordinator.getByText('Vul een bedrag in, zoals 2,50.').waitFor();
    await coordinator.getByLabel('Tarief 2: onder 21, in euro per uur').fill('3,00');
    await coordinator.getByLabel('Tarief 2: vanaf 21, in euro per uur').fill('5,50');
    await coordinator.getByLabel('Training (minuten)').fill('150');
    await expectAccessible(coordinator, 'compensation settings, edited (nl)');
    await coordinator.getByRole('button', { name: 'Vergoeding opslaan' }).click();
    await coordinator.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    await suite.screenshot(coordinator, 'compensation-settings-nl');
    // The change is in the intake's history, and the form shows what was stored.
    await coordinator.getByRole('link', { name: 'Terug naar de instroom' }).click();
    await coordinator.getByRole('heading', { name: 'Wijzigingen in de instellingen' }).waitFor();
    await coordinator.getByText(/2027-01-01: 3\.00 \/ 5\.50/).first().waitFor();
    await coordinator.getByRole('link', { name: 'Vergoeding van de coaches' }).click();
    await expect.poll(() => coordinator.getByLabel('Training (minuten)').inputValue()).toBe('150');
    await coordinator.getByRole('button', { name: 'English' }).click();
    await coordinator.getByRole('heading', { level: 1, name: /^Coach compensation · / }).waitFor();
    // What was typed stays as typed when the language changes; opened afresh, amounts are in English.
    await coordinator.reload();
    await coordinator.getByRole('heading', { level: 1, name: /^Coach compensation · / }).waitFor();
    await expect.poll(() => coordinator.getByLabel('Rate 2: under 21, in euros an hour').inputValue()).toBe('3.00');
    await expectAccessible(coordinator, 'compensation settings (en)');
    await suite.checkPhone(coordinator, 'compensation settings (en)');
    await coordinator.getByRole('button', { name: 'Nederlands' }).click();

    // The beheerder adds the next year the Belastingdienst published, and removes it again.
    const beheerder = await suite.signedIn('beheerder');
    await suite.menu(beheerder, 'Fiscale grenzen');
    await beheerder.getByRole('heading', { level: 1, name: 'Fiscale grenzen vrijwilligersvergoeding' }).waitFor();
    await beheerder.getByRole('row').filter({ hasText: '2025' }).getByText('Meegeleverd').waitFor();
    await expectAccessible(beheerder, 'fiscal limits (nl)');
    await suite.checkPhone(beheerder, 'fiscal limits (nl)');
    await beheerder.getByLabel('Jaar', { exact: true }).fill('2031');
    await beheerder.getByLabel('Per uur onder 21 (€)').fill('3,50');
    await beheerder.getByLabel('Per uur vanaf 21 (€)').fill('5,90');
    await beheerder.getByLabel('Per maand (€)').fill('220');
    await beheerder.getByRole('button', { name: 'Jaar toevoegen' }).click();
    await beheerder.getByText('Vul een bedrag in, zoals 3,30.').waitFor();
    await beheerder.getByText('Noem de bron van deze cijfers.').waitFor();
    await beheerder.getByLabel('Per jaar (€)').fill('2200');
    await beheerder.getByLabel('Bron', { exact: true }).fill('Belastingdienst, vrijwilligersvergoeding 2031');
    await beheerder.getByRole('button', { name: 'Jaar toevoegen' }).click();
    await beheerder.getByRole('status').filter({ hasText: 'Jaar 2031 is toegevoegd.' }).waitFor();
    const added = beheerder.getByRole('row').filter({ hasText: '2031' });
    await added.getByText('Door jullie toegevoegd').waitFor();
    await added.getByText('€ 3,50').waitFor();
    await suite.screenshot(beheerder, 'compensation-fiscal-years-nl');
    await beheerder.getByRole('button', { name: 'English' }).click();
    await beheerder.getByRole('heading', { level: 1, name: 'Fiscal limits of the volunteer allowance' }).waitFor();
    await expectAccessible(beheerder, 'fiscal limits (en)');
    await suite.checkPhone(beheerder, 'fiscal limits (en)');
    await beheerder.getByRole('button', { name: 'Remove year 2031' }).click();
    await beheerder.getByRole('status').filter({ hasText: 'Year 2031 was removed.' }).waitFor();
    await expect.poll(() => beheerder.getByRole('row').filter({ hasText: '2031' }).count()).toBe(0);
  });
});
