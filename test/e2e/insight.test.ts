/**
 * The programme dashboard and the impact report end to end (issue 18), in Debian's Chromium on the
 * demo programme: the coordinator opens the dashboard, switches a chart to its table, and downloads
 * the impact report — the PDF's text (pdftotext) holds the same numbers as the dashboard. In Dutch
 * and English, axe-clean, at 360 px.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { e2eSuite } from './support/suite';

function pdfText(file: string): string {
  const out = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
  return out.stdout;
}

describe('programme dashboard and impact report', () => {
  const suite = e2eSuite();

  it('the coordinator reads the dashboard, switches a chart to its table and downloads the impact report with the same numbers', async () => {
    const page = await suite.signedIn('coordinator');
    await suite.menu(page, 'Programmacijfers');
    await page.getByRole('heading', { level: 1, name: 'Programmacijfers' }).waitFor();
    const reach = page.getByRole('region', { name: 'Bereik' });
    await reach.getByRole('table').waitFor();
    const students = (await reach.getByRole('row', { name: /^Studenten/ }).getByRole('cell').textContent())?.trim() ?? '';
    expect(students).toMatch(/^\d+$|^<5$/);
    await expectAccessible(page, 'dashboard (nl)');
    await suite.screenshot(page, 'insight-dashboard-nl');

    // The sessions chart is a labelled picture; its table holds the same numbers.
    const sessions = page.getByRole('region', { name: 'Bijeenkomsten gepland en gehouden' });
    await sessions.getByRole('img', { name: /Staafdiagram/ }).waitFor();
    await sessions.getByRole('button', { name: 'Toon als tabel' }).click();
    await sessions.getByRole('table').waitFor();
    const held = await sessions.getByRole('row').evaluateAll((rows) => rows.slice(1).reduce((sum, r) => sum + Number(r.querySelectorAll('td')[2]?.textContent ?? 0), 0));
    await expect(sessions.getByText(new RegExp(`^${held} van de \\d+ geplande bijeenkomsten zijn gehouden\\.$`)).count()).resolves.toBe(1);
    await sessions.getByRole('button', { name: 'Toon als grafiek' }).waitFor();
    await expectAccessible(page, 'dashboard with a table (nl)');
    await suite.checkPhone(page, 'dashboard (nl)');
    await suite.screenshot(page, 'insight-dashboard-table-nl');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programme figures' }).waitFor();
    await page.getByRole('region', { name: 'Reach' }).getByRole('table').waitFor();
    await expectAccessible(page, 'dashboard (en)');
    await suite.checkPhone(page, 'dashboard (en)');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programmacijfers' }).waitFor();

    // The impact report: the page, then the PDF with the dashboard's numbers.
    await page.getByRole('link', { name: 'Jaarverslag' }).click();
    await page.getByRole('heading', { level: 1, name: /^Jaarverslag / }).waitFor();
    await page.getByRole('heading', { name: /vergeleken met/ }).waitFor();
    await expectAccessible(page, 'impact report (nl)');
    await suite.checkPhone(page, 'impact report (nl)');
    await suite.screenshot(page, 'insight-report-nl');
    await page.getByLabel('Wat ging goed').fill('De opkomst bleef het hele jaar hoog.');
    await page.getByRole('button', { name: 'Teksten opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De teksten zijn opgeslagen.' }).waitFor();

    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download jaarverslag (pdf)' }).click();
    const download = await downloaded;
    await page.getByRole('status').filter({ hasText: 'Het jaarverslag is gedownload.' }).waitFor();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'insight-e2e-')), 'jaarverslag.pdf');
    await download.saveAs(file);
    const text = pdfText(file);
    expect(text).toContain('De opkomst bleef het hele jaar hoog.');
    expect(text).toMatch(new RegExp(`Studenten\\s+${students.replace('<', '<')}\\s`));
    expect(text).toMatch(new RegExp(`Bijeenkomsten gehouden\\s+${held}\\s`));

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /^Impact report / }).waitFor();
    await expectAccessible(page, 'impact report (en)');
    await suite.checkPhone(page, 'impact report (en)');
    const english = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download impact report (PDF)' }).click();
    const enFile = path.join(path.dirname(file), 'impact-report.pdf');
    await (await english).saveAs(enFile);
    expect(pdfText(enFile)).toMatch(new RegExp(`Sessions held\\s+${held}\\s`));
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });
});
