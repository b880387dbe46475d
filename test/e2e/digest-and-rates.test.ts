/**
 * #18 items 2 and 5 in Debian's Chromium on the demo: the coordinator finds "Mailinstellingen"
 * in the menu, turns the weekly digest off and sees it saved (the server says so too); the coach
 * opens their community and sees the questionnaires' response card (counts only). Axe in Dutch
 * and English, and at 360 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { HomeResponse } from '../../src/contracts/home';
import type { MailSettingsResponse } from '../../src/contracts/insight';
import type { ResponseRates } from '../../src/contracts/evaluation';
import { expectAccessible } from './support/browser';
import { callApi, e2eSuite, PHONE } from './support/suite';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

describe('the weekly digest setting and the community response card', () => {
  const suite = e2eSuite();

  it('the coordinator turns the weekly digest off in the mail settings (nl, en, 360 px)', async () => {
    const page = await suite.signedIn('coordinator');
    await suite.menu(page, 'Mailinstellingen');
    await h1(page, 'Mailinstellingen');
    const box = page.getByLabel('Stuur me elke maandag het weekoverzicht');
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    await suite.settled(page);
    await expectAccessible(page, 'mail settings (nl)');
    await suite.checkPhone(page, 'mail settings (nl)');
    await suite.tabTo(page, box);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen. Je krijgt het weekoverzicht niet meer.' }).waitFor();
    expect(await callApi<MailSettingsResponse>(page, 'GET', '/api/me/mail-settings')).toEqual({ weeklyDigest: false, digestApplies: true });
    await page.setViewportSize(PHONE);
    await suite.screenshot(page, 'mail-settings-nl-360');

    await page.getByRole('button', { name: 'English' }).click();
    await h1(page, 'Mail settings');
    await suite.settled(page);
    expect(await page.getByLabel('Send me the weekly overview every Monday').isChecked()).toBe(false);
    await expectAccessible(page, 'mail settings (en)');
    await suite.checkPhone(page, 'mail settings (en)');
    await page.getByLabel('Send me the weekly overview every Monday').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved. You get the weekly overview on Mondays.' }).waitFor();
    expect(await callApi<MailSettingsResponse>(page, 'GET', '/api/me/mail-settings')).toEqual({ weeklyDigest: true, digestApplies: true });
  });

  it('the coach sees the response of their community’s questionnaires, never who (nl, en, 360 px)', async () => {
    const page = await suite.signedIn('studentcoach', PHONE);
    const home = await callApi<HomeResponse>(page, 'GET', '/api/home');
    const community = home.communities.find((c) => c.relation === 'coach')!;
    const rates = await callApi<ResponseRates>(page, 'GET', `/api/communities/${community.id}/evaluation/response-rates`);
    await page.goto(`${suite.server.url}/communities/${community.id}`);
    const card = page.getByRole('region', { name: 'Vragenlijsten: hoeveel er zijn ingevuld' });
    await card.waitFor();
    if (rates.communities.length === 0) await card.getByText('Er is nog geen vragenlijst naar deze community gestuurd.').waitFor();
    else {
      for (const row of rates.communities) {
        const cells = card.getByRole('row', { name: new RegExp(`^${row.moment}`) });
        const text = row.invited === null ? 'Minder dan 5 uitgenodigd' : row.answered === null ? `Minder dan 5 van ${row.invited}` : `${row.answered} van ${row.invited}`;
        await cells.getByText(text).waitFor();
      }
    }
    await suite.settled(page);
    await expectAccessible(page, 'community response card (nl)');
    await suite.checkPhone(page, 'community response card (nl)');
    await page.setViewportSize(PHONE);
    await card.scrollIntoViewIfNeeded();
    await suite.screenshot(page, 'community-rates-nl-360');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('region', { name: 'Questionnaires: how many answered' }).waitFor();
    await suite.settled(page);
    await expectAccessible(page, 'community response card (en)');
  });
});
