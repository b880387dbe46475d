/**
 * Coach compensation end to end (#17 item 4), in Debian's Chromium on the demo programme: the
 * coach opens "Mijn vergoeding", confirms one month's statement and disputes a line of the next;
 * the coordinator sees the disputed statement first, approves everything confirmed at once and
 * the disputed statement with a resolution; the coach sees both approved, with the promised pay
 * date (or, for a promised date already past, that it is late).
 * Every screen is checked with axe in Dutch and English and at 360 px.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { e2eSuite } from './support/suite';

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
    await expect.poll(() => views.count()).toBe(2);
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
    await expect.poll(() => statements.getByText('Goedgekeurd', { exact: true }).count()).toBe(2);
    await expect.poll(() => statements.getByText(/^(Wordt uiterlijk \d+ \w+ \d{4} betaald|Te laat: had op \d+ \w+ \d{4} betaald moeten zijn)$/).count()).toBe(2);
    await statements.getByText(/^Te laat: had op \d+ \w+ \d{4} betaald moeten zijn$/).first().waitFor();
    await expectAccessible(coach, 'mijn vergoeding, approved (nl)');
    await suite.screenshot(coach, 'compensation-approved-nl');
  });
});
