/**
 * Research end to end (#19 items 1 and 5), in Debian's Chromium on the demo: an onderzoeker
 * proposes a study, the programme's coordinator approves it, the onderzoeker makes an export and
 * downloads the zip (data.csv, codebook.json, README.md). Every screen in Dutch and English,
 * axe-clean, at 360 px.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { e2eSuite, SCREENSHOTS } from './support/suite';

const TITLE = 'Coachwissels en aanwezigheid';

describe('research', () => {
  const suite = e2eSuite();

  it('walks a study from proposal through approval to the downloaded export', async () => {
    // The onderzoeker proposes a study.
    const researcher = await suite.signedIn('onderzoeker');
    await suite.menu(researcher, 'Onderzoek');
    await researcher.getByRole('heading', { level: 1, name: 'Onderzoek' }).waitFor();
    await researcher.getByRole('link', { name: 'Aanwezigheid en welbevinden in het eerste jaar' }).waitFor();
    await expectAccessible(researcher, 'research list (nl)');
    await suite.checkPhone(researcher, 'research list (nl)');
    await researcher.getByRole('link', { name: 'Nieuw onderzoek voorstellen' }).click();
    await researcher.getByRole('heading', { level: 1, name: 'Onderzoek voorstellen' }).waitFor();
    await researcher.getByText('Peerkracht bewaart geen geboortedatum van studenten, dus deze variabele kan niet.').waitFor();
    await expectAccessible(researcher, 'propose study (nl)');
    await suite.checkPhone(researcher, 'propose study (nl)');
    await suite.screenshot(researcher, 'research-propose-nl');
    await researcher.getByLabel('Titel').fill(TITLE);
    await researcher.getByLabel('Onderzoeksvraag').fill('Komen studenten minder vaak als hun community een andere coach krijgt?');
    await suite.typeDate(researcher, 'Begin van de periode', '2026-09-01');
    await suite.typeDate(researcher, 'Einde van de periode', '2027-07-31');
    await researcher.getByRole('checkbox', { name: 'Social Work', exact: true }).check();
    await researcher.getByRole('checkbox', { name: 'Opleiding (zegt iets over de groep)' }).check();
    await researcher.getByRole('checkbox', { name: 'Bijeenkomsten aanwezig' }).check();
    await researcher.getByRole('checkbox', { name: 'Coachwissels' }).check();
    await researcher.getByRole('button', { name: 'Voorstel indienen' }).click();
    await researcher.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await researcher.getByText('Wacht op besluit').waitFor();
    await expectAccessible(researcher, 'study (nl)');
    await researcher.getByRole('button', { name: 'English' }).click();
    await researcher.getByText('Awaiting decision').waitFor();
    await expectAccessible(researcher, 'study (en)');
    await suite.checkPhone(researcher, 'study (en)');
    await researcher.getByRole('link', { name: 'Back to research' }).first().click();
    await researcher.getByRole('heading', { level: 1, name: 'Research' }).waitFor();
    await expectAccessible(researcher, 'research list (en)');
    await researcher.getByRole('link', { name: 'Propose a new study' }).click();
    await researcher.getByRole('heading', { level: 1, name: 'Propose a study' }).waitFor();
    await expectAccessible(researcher, 'propose study (en)');
    await suite.checkPhone(researcher, 'propose study (en)');
    await researcher.getByRole('button', { name: 'Nederlands' }).click();

    // The coordinator of Social Work approves it.
    const coordinator = await suite.signedIn('coordinator');
    await suite.menu(coordinator, 'Onderzoek');
    const item = coordinator.getByRole('listitem').filter({ hasText: TITLE });
    await item.getByText('Wacht op jouw besluit').waitFor();
    await item.getByRole('link', { name: TITLE }).click();
    await coordinator.getByRole('heading', { level: 2, name: 'Besluiten' }).waitFor();
    await expectAccessible(coordinator, 'decide study (nl)');
    await suite.checkPhone(coordinator, 'decide study (nl)');
    await coordinator.getByRole('button', { name: 'Goedkeuren' }).click();
    await coordinator.getByText('Goedgekeurd', { exact: true }).waitFor();
    await coordinator.getByText(/goedgekeurd op .* \(door jou\)/).waitFor();
    await expect.poll(() => coordinator.getByRole('button', { name: 'Nieuwe export maken' }).count()).toBe(0);

    // The onderzoeker makes an export and downloads it.
    await suite.menu(researcher, 'Onderzoek');
    await researcher.getByRole('link', { name: TITLE }).click();
    // The study's own page (its chunk may still be loading; the list also says "Goedgekeurd").
    await researcher.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await researcher.getByText('Goedgekeurd', { exact: true }).waitFor();
    await researcher.getByRole('button', { name: 'Nieuwe export maken' }).click();
    await researcher.getByRole('status').filter({ hasText: /De export is klaar: \d+ rij/ }).waitFor();
    await expectAccessible(researcher, 'study with export (nl)');
    await suite.checkPhone(researcher, 'study with export (nl)');
    await suite.screenshot(researcher, 'research-study-nl');
    const [download] = await Promise.all([researcher.waitForEvent('download'), researcher.getByRole('link', { name: 'Download de export (zip)' }).click()]);
    const file = path.join(SCREENSHOTS, 'research-e2e.zip');
    await download.saveAs(file);
    const listing = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(listing).toEqual(['README.md', 'codebook.json', 'data.csv']);
    const csv = execFileSync('unzip', ['-p', file, 'data.csv'], { encoding: 'utf8' });
    expect(csv.split('\r\n')[0]).toBe('pseudonym,programme,sessionsAttended,coachChanges');
    // Every row starts with the study's pseudonym (32 hex characters); no name, e-mail or person id.
    const rows = csv.trimEnd().split('\r\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => /^[0-9a-f]{32},/.test(row))).toBe(true);
    expect(csv).not.toMatch(/@|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-|[A-Z][a-z]+ [A-Z][a-z]+/);
    fs.rmSync(file);
    await researcher.getByRole('button', { name: 'English' }).click();
    await researcher.getByRole('heading', { level: 2, name: 'Exports' }).waitFor();
    await expectAccessible(researcher, 'study with export (en)');
    await suite.checkPhone(researcher, 'study with export (en)');
  });
});
