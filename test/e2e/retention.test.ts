/**
 * The beheerder's retention page on the real server with the demo programme: per kind of data,
 * what the next nightly run removes (counts only), in Dutch and English, axe-clean and without
 * sideways scrolling at 360 px. Other roles do not get the link.
 */
import { describe, expect, it } from 'vitest';
import { RETENTION_RULES } from '../../src/server/modules/retention/rules';
import { e2eSuite, LAPTOP } from './support/suite';

describe('retention page', () => {
  const suite = e2eSuite();

  it('shows the beheerder what the next run removes, in Dutch and English, on a phone too', async () => {
    const page = await suite.signedIn('beheerder', LAPTOP);
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await suite.menu(page, 'Bewaartermijnen');
    await page.getByRole('heading', { level: 1, name: 'Bewaartermijnen' }).waitFor();
    const list = page.getByRole('list', { name: 'Wat de volgende ronde weghaalt' });
    await list.waitFor();
    expect(await list.getByRole('listitem').count()).toBe(Object.keys(RETENTION_RULES).length);
    await list.getByRole('heading', { level: 2, name: 'Oud-studenten (geanonimiseerd)' }).waitFor();
    await page.getByText(/^Volgende ronde: .+\. Die haalt \d+ rij(en)? weg\.$/).waitFor();
    await suite.settled(page);
    await suite.checkPhone(page, 'retention (nl)');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Retention' }).waitFor();
    await page.getByRole('list', { name: 'What the next run removes' }).getByRole('heading', { level: 2, name: 'Mail in the outbox' }).waitFor();
    await page.getByText(/^Next run: .+\. It removes \d+ rows?\.$/).waitFor();
    await suite.settled(page);
    await suite.checkPhone(page, 'retention (en)');
    await suite.screenshot(page, 'retention-en');
  });

  it('gives no other role the link', async () => {
    const page = await suite.signedIn('coordinator', LAPTOP);
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await suite.settled(page);
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).locator('a[href="/admin/retention"]').count()).toBe(0);
  });
});
