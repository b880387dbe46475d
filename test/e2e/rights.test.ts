/**
 * The data subject's rights end to end (#19 items 2 and 3), in Debian's Chromium on the demo: a
 * coachee downloads their data (JSON and the readable page) and asks for erasure; the coordinator
 * sees the request with its due date and carries it out; the coachee gets the confirmation by
 * mail (over SMTP to a real mailbox) and can no longer sign in. Every screen in Dutch and English,
 * axe-clean, at 360 px.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { DEMO_DOMAIN, DEMO_PASSWORD, e2eSuite, LAPTOP, SCREENSHOTS } from './support/suite';

const COACHEE = `coachee@${DEMO_DOMAIN}`;

describe('rights', () => {
  const suite = e2eSuite({ mailbox: true });

  it('a coachee downloads their data and asks for erasure; the coordinator carries it out', async () => {
    const coachee = await suite.signedIn('coachee', LAPTOP);
    await suite.menu(coachee, 'Mijn gegevens');
    await coachee.getByRole('heading', { level: 1, name: 'Mijn gegevens' }).waitFor();
    await coachee.getByRole('button', { name: 'Vraag om mijn gegevens te wissen' }).waitFor();
    await suite.settled(coachee);
    await expectAccessible(coachee, 'my data (nl)');
    await suite.checkPhone(coachee, 'my data (nl)');

    // Both downloads: everything held about the coachee, as JSON and as a page to read.
    const [json] = await Promise.all([coachee.waitForEvent('download'), coachee.getByRole('button', { name: 'Download als JSON' }).click()]);
    expect(json.suggestedFilename()).toMatch(/^mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
    const jsonFile = path.join(SCREENSHOTS, 'rights-e2e.json');
    await json.saveAs(jsonFile);
    const data = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as { person: { email: string }; tables: { table: string; parts: { count: number }[] }[] };
    expect(data.person.email).toBe(COACHEE);
    expect(data.tables.find((t) => t.table === 'people')).toBeDefined();
    expect(data.tables.some((t) => t.table !== 'people' && t.parts.some((p) => p.count > 0))).toBe(true);
    fs.rmSync(jsonFile);
    const [html] = await Promise.all([coachee.waitForEvent('download'), coachee.getByRole('button', { name: 'Download als leesbare pagina' }).click()]);
    expect(html.suggestedFilename()).toMatch(/^mijn-gegevens-\d{4}-\d{2}-\d{2}\.html$/);
    const htmlFile = path.join(SCREENSHOTS, 'rights-e2e.html');
    await html.saveAs(htmlFile);
    const page = fs.readFileSync(htmlFile, 'utf8');
    expect(page).toMatch(/<h1>Gegevens van .+ in peerkracht<\/h1>/);
    expect(page).not.toMatch(/<script/i);
    fs.rmSync(htmlFile);

    // Asking without ticking the box: a clear message, nothing asked.
    await coachee.getByLabel('Waarom wil je dit? (mag je leeg laten)').fill('Ik stop met de opleiding.');
    await coachee.getByRole('button', { name: 'Vraag om mijn gegevens te wissen' }).click();
    await coachee.getByText('Vink eerst aan dat je dit begrijpt.').waitFor();
    await coachee.getByRole('checkbox', { name: 'Ik begrijp dat mijn account en gegevens worden gewist' }).check();
    await coachee.getByRole('button', { name: 'Vraag om mijn gegevens te wissen' }).click();
    await coachee.getByText(/^Je hebt op .+ gevraagd om je gegevens te wissen\. Dat gebeurt uiterlijk op .+\./).waitFor();
    await suite.settled(coachee);
    await expectAccessible(coachee, 'my data, asked (nl)');
    await suite.screenshot(coachee, 'rights-my-data-nl');
    await coachee.getByRole('button', { name: 'English' }).click();
    await coachee.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
    await coachee.getByRole('button', { name: 'Download as JSON' }).waitFor();
    await suite.settled(coachee);
    await expectAccessible(coachee, 'my data, asked (en)');
    await suite.checkPhone(coachee, 'my data, asked (en)');

    // The coordinator sees the request with its due date and carries it out.
    const coordinator = await suite.signedIn('coordinator', LAPTOP);
    await suite.menu(coordinator, 'Verzoeken om te wissen');
    await coordinator.getByRole('heading', { level: 1, name: 'Verzoeken om te wissen' }).waitFor();
    await coordinator.getByText(/^Uitvoeren vóór .+/).first().waitFor();
    await coordinator.getByText('Reden: Ik stop met de opleiding.').waitFor();
    await suite.settled(coordinator);
    await expectAccessible(coordinator, 'erasure requests (nl)');
    await suite.checkPhone(coordinator, 'erasure requests (nl)');
    await suite.screenshot(coordinator, 'rights-erasure-requests-nl');
    const since = suite.mailbox.count();
    await coordinator.getByRole('button', { name: /^Wis de gegevens van / }).click();
    await coordinator.getByText('Weet je het zeker? Dit kan niet ongedaan worden gemaakt.').waitFor();
    await coordinator.getByRole('button', { name: 'Ja, wis nu' }).click();
    await coordinator.getByText(/^Uitgevoerd\. \d+ rij(en)? gewist of losgekoppeld\.$/).first().waitFor();
    await coordinator.getByText('Er zijn geen open verzoeken.').waitFor();
    await suite.settled(coordinator);
    await expectAccessible(coordinator, 'erasure carried out (nl)');
    await coordinator.getByRole('button', { name: 'English' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Erasure requests' }).waitFor();
    await suite.settled(coordinator);
    await expectAccessible(coordinator, 'erasure carried out (en)');
    await suite.checkPhone(coordinator, 'erasure carried out (en)');
    await suite.screenshot(coordinator, 'rights-erasure-done-en');

    // The confirmation reaches the coachee's address (in the language they last chose: English
    // above, which the server keeps with the account); then they can no longer sign in.
    await suite.mailbox.find(COACHEE, /(Dat is nu gedaan|This is now done)/, { since });
    const again = await suite.open({ ...LAPTOP, allowedStatuses: [401] });
    await again.goto(`${suite.server.url}/sign-in`);
    await again.getByLabel('E-mailadres').fill(COACHEE);
    await again.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await again.getByRole('button', { name: 'Inloggen' }).click();
    await again.getByRole('alert').waitFor();
    expect(await again.getByRole('heading', { level: 1, name: /^Welkom/ }).count()).toBe(0);
  });
});
