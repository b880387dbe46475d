/**
 * Coach compensation's money side end to end (#17), in Debian's Chromium on the demo programme: a
 * coach claims an expense with a photo of the receipt; the coordinator looks at the receipt and
 * approves; finance creates the payout batch, downloads the SEPA file (which xmllint accepts) and
 * marks it paid; the coach sees "Betaald op …". Every screen in Dutch and English, axe-clean, at 360 px.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { e2eSuite, SCREENSHOTS } from './support/suite';

const DESCRIPTION = 'Mandarijnen en koffie voor de decemberbijeenkomst';
const XSD = path.resolve('src/server/modules/finance/xsd/pain.001.001.03.xsd');

describe('compensation payouts', () => {
  const suite = e2eSuite();

  it('walks a claim from the coach through the coordinator and finance to "betaald op"', async () => {
    // The coach claims an expense with a photo of the receipt.
    const coach = await suite.signedIn('studentcoach');
    await suite.menu(coach, 'Betalingen en declaraties');
    await coach.getByRole('heading', { level: 1, name: 'Mijn betalingen en declaraties' }).waitFor();
    await coach.getByText(/^Je betaalt op NL20 INGB/).waitFor();
    await expectAccessible(coach, 'my compensation (nl)');
    const photo = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#fffdf5' } }).jpeg().withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 20/1 0/1' } }).toBuffer();
    await coach.getByLabel('Bedrag in euro').fill('12,40');
    await coach.getByLabel('Soort kosten').selectOption({ label: 'Boodschappen voor een bijeenkomst' });
    await coach.getByLabel('Wat heb je gekocht en waarvoor?').fill(DESCRIPTION);
    await coach.getByLabel('Bon (foto of pdf, hoogstens 10 MB)').setInputFiles({ name: 'bon.jpg', mimeType: 'image/jpeg', buffer: photo });
    await coach.getByRole('button', { name: 'Declaratie indienen' }).click();
    await coach.getByRole('status').filter({ hasText: 'Je declaratie is ingediend' }).waitFor();
    await coach.getByRole('listitem').filter({ hasText: DESCRIPTION }).getByText('Wacht op beoordeling').waitFor();
    await suite.screenshot(coach, 'finance-my-compensation-nl');
    await suite.checkPhone(coach, 'my compensation (nl)');
    await coach.getByRole('button', { name: 'English' }).click();
    await coach.getByRole('heading', { level: 1, name: 'My payments and claims' }).waitFor();
    await coach.getByRole('listitem').filter({ hasText: DESCRIPTION }).getByText('Waiting for review').waitFor();
    await expectAccessible(coach, 'my compensation (en)');
    await suite.checkPhone(coach, 'my compensation (en)');
    await coach.getByRole('button', { name: 'Nederlands' }).click();

    // The coordinator looks at the receipt and approves.
    const coordinator = await suite.signedIn('coordinator');
    await suite.menu(coordinator, 'Declaraties');
    await coordinator.getByRole('heading', { level: 1, name: 'Declaraties en betalingen' }).waitFor();
    await expectAccessible(coordinator, 'programme payments (nl)');
    const item = coordinator.getByRole('listitem').filter({ hasText: DESCRIPTION });
    const receipt = await coordinator.request.get(await item.getByRole('link', { name: 'Bekijk de bon' }).getAttribute('href').then((h) => `${suite.server.url}${h}`));
    expect(receipt.status()).toBe(200);
    expect(receipt.headers()['content-type']).toBe('image/jpeg');
    expect((await sharp(await receipt.body()).metadata()).exif).toBeUndefined();
    await suite.checkPhone(coordinator, 'programme payments (nl)');
    await item.getByRole('button', { name: 'Goedkeuren' }).click();
    await coordinator.getByRole('status').filter({ hasText: 'De declaratie is goedgekeurd' }).waitFor();
    await coordinator.getByRole('heading', { name: 'Op tijd betaald' }).waitFor();
    await suite.screenshot(coordinator, 'finance-programme-nl');
    await coordinator.getByRole('button', { name: 'English' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Expense claims and payments' }).waitFor();
    await expectAccessible(coordinator, 'programme payments (en)');
    await suite.checkPhone(coordinator, 'programme payments (en)');
    await coordinator.getByRole('button', { name: 'Nederlands' }).click();

    // Finance creates the batch, downloads the SEPA file and marks it paid.
    const finance = await suite.signedIn('finance');
    await suite.menu(finance, 'Uitbetalen');
    await finance.getByRole('heading', { level: 1, name: 'Uitbetalen' }).waitFor();
    await finance.getByRole('row').filter({ hasText: DESCRIPTION }).waitFor();
    await expectAccessible(finance, 'payouts (nl)');
    await suite.checkPhone(finance, 'payouts (nl)');
    await finance.getByRole('button', { name: 'Betaalbestand maken' }).click();
    await finance.getByRole('status').filter({ hasText: /Betaalbestand gemaakt: \d+ overboekingen/ }).waitFor();
    const [download] = await Promise.all([finance.waitForEvent('download'), finance.getByRole('link', { name: 'SEPA-bestand (XML)' }).first().click()]);
    const file = path.join(SCREENSHOTS, 'payout-e2e.xml');
    await download.saveAs(file);
    const lint = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
    expect(lint.status, lint.stderr).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('<InstdAmt Ccy="EUR">12.40</InstdAmt>');
    await finance.getByRole('button', { name: 'Markeer als betaald' }).first().click();
    await finance.getByText(/^Betaald op \d+ \w+ \d{4}$/).first().waitFor();
    await suite.screenshot(finance, 'finance-payouts-nl');
    await finance.getByRole('button', { name: 'English' }).click();
    await finance.getByRole('heading', { level: 1, name: 'Payouts' }).waitFor();
    await expectAccessible(finance, 'payouts (en)');
    await suite.checkPhone(finance, 'payouts (en)');
    await finance.getByRole('button', { name: 'Nederlands' }).click();

    // The coach sees "betaald op …".
    await coach.reload();
    await coach.getByRole('heading', { level: 1, name: 'Mijn betalingen en declaraties' }).waitFor();
    await coach.getByRole('listitem').filter({ hasText: DESCRIPTION }).getByText(/^Betaald op \d+ \w+ \d{4}$/).waitFor();
    await suite.screenshot(coach, 'finance-my-compensation-paid-nl');
  });
});
