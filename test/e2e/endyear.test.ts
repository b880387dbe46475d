/**
 * The coach's end-of-year report end to end (issue 18 item 4), in Debian's Chromium on the demo:
 * the demo coach opens the home task, sees their figures, writes two answers, leaves and comes back
 * (resumed), hands in with the quoting consent, downloads the portfolio PDF (text via pdftotext);
 * the coordinator's impact report then quotes the answer without a name. Dutch and English, axe-clean, at 360 px.
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
  return out.stdout.replace(/\s+/g, ' ');
}

const WENT_WELL = 'Mijn groep ging elkaar echt helpen met plannen.';
const CHANGE = 'Begin de coachtrainingen al voor de zomer.';

describe("the coach's end-of-year report", () => {
  const suite = e2eSuite();

  it('the coach writes, leaves, resumes, hands in with consent and downloads the portfolio; the impact report quotes it without a name', async () => {
    const page = await suite.signedIn('studentcoach');
    await page.getByRole('link', { name: 'Schrijf je eindverslag' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eindverslag 2025-2026' }).waitFor();
    const figures = page.getByRole('region', { name: 'Jouw jaar in cijfers' });
    await figures.getByText('14 van 14').waitFor();
    await expectAccessible(page, 'end-of-year report (nl)');
    await suite.checkPhone(page, 'end-of-year report (nl)');
    await suite.screenshot(page, 'endyear-report-nl');

    await page.getByLabel('Wat ging er goed dit jaar?').fill(WENT_WELL);
    await page.getByRole('status').filter({ hasText: 'Opgeslagen' }).first().waitFor();
    await page.getByLabel('Wat moet het programma volgend jaar anders doen?').fill(CHANGE);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Opgeslagen' }).count()).toBe(2);
    await suite.settled(page);

    // Leave and come back through the menu: the answers are there.
    await suite.menu(page, 'Start');
    await suite.menu(page, 'Eindverslag');
    await page.getByRole('heading', { level: 1, name: 'Je eindverslagen' }).waitFor();
    await expectAccessible(page, 'my end-of-year reports (nl)');
    await page.getByRole('link', { name: 'Eindverslag 2025-2026' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eindverslag 2025-2026' }).waitFor();
    await expect.poll(() => page.getByLabel('Wat ging er goed dit jaar?').inputValue()).toBe(WENT_WELL);
    await expect.poll(() => page.getByLabel('Wat moet het programma volgend jaar anders doen?').inputValue()).toBe(CHANGE);

    // Hand in: the quote consent and the understanding, both unticked until ticked.
    const quote = page.getByRole('checkbox', { name: /zonder mijn naam in het jaarverslag/ });
    await expect(quote.isChecked()).resolves.toBe(false);
    await quote.check();
    await page.getByRole('checkbox', { name: /de rest van mijn verslag van mij blijft/ }).check();
    await page.getByRole('button', { name: 'Lever mijn eindverslag in' }).click();
    await page.getByRole('status').filter({ hasText: /^Ingeleverd op / }).waitFor();
    await expect(page.getByLabel('Wat ging er goed dit jaar?').isDisabled()).resolves.toBe(true);
    await expectAccessible(page, 'end-of-year report handed in (nl)');
    await suite.screenshot(page, 'endyear-report-submitted-nl');

    const downloaded = page.waitForEvent('download');
    await page.getByRole('link', { name: 'PDF (Nederlands)' }).click();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'endyear-e2e-')), 'eindverslag.pdf');
    await (await downloaded).saveAs(file);
    const text = pdfText(file);
    expect(text).toContain('Eindverslag studentcoach');
    expect(text).toContain('Bijeenkomsten gehouden 14 van 14');
    expect(text).toContain(WENT_WELL);
    expect(text).toContain('Handtekening');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'End-of-year report 2025-2026' }).waitFor();
    await page.getByRole('region', { name: 'Your year in figures' }).waitFor();
    await expectAccessible(page, 'end-of-year report (en)');
    await suite.checkPhone(page, 'end-of-year report (en)');
    await suite.screenshot(page, 'endyear-report-en');
    const english = page.waitForEvent('download');
    await page.getByRole('link', { name: 'PDF (English)' }).click();
    const enFile = path.join(path.dirname(file), 'end-of-year-report.pdf');
    await (await english).saveAs(enFile);
    expect(pdfText(enFile)).toContain('Sessions held 14 of 14');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    const programmeId = new URL(page.url()).pathname.split('/')[3]!;

    // The coordinator: the impact report of 2025-2026 quotes the answer, without a name; the overview counts it.
    const coordinator = await suite.signedIn('coordinator');
    await coordinator.goto(`${suite.server.url}/insight/${programmeId}/report/2025-2026`);
    await coordinator.getByRole('heading', { level: 1, name: /^Jaarverslag / }).waitFor();
    const reflections = coordinator.getByRole('region', { name: 'Wat coaches zeggen' });
    await reflections.getByText(WENT_WELL).waitFor();
    await expect(reflections.getByText(CHANGE).count()).resolves.toBe(1);
    await suite.screenshot(coordinator, 'endyear-impact-report-quote-nl');
  });
});
