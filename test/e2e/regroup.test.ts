/**
 * Regrouping after the 100-day moment and the dashboard's participation (#21 items 1–2) in the
 * built client, nl and en, axe-clean at 1280 and 360 px. The demo's 100-day moment is still open
 * (its deadline lies ahead), so the coordinator finds the way to regroup with the date it opens;
 * a regrouping asked for anyway is refused with the translated message and nothing changes. The
 * dashboard shows each intake's participation mode.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StructureResponse } from '../../src/contracts/programme';
import { callApi, e2eSuite, SCREENSHOTS } from './support/suite';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

describe('regrouping after the 100-day moment', () => {
  const suite = e2eSuite();

  it('the coordinator finds the regrouping on the intake totals; before the deadline it is refused in nl and en; the dashboard shows the mode', async () => {
    const page = await suite.signedIn('coordinator', { allowedStatuses: [409] });
    const structure = await callApi<StructureResponse>(page, 'GET', '/api/programme/structure');
    const intakeId = structure.programmes.find((p) => p.nameNl === 'Social Work')!.intakes.find((i) => i.month === 'september')!.id; // newest first: this year's, not last year's
    await page.goto(`${suite.server.url}/programme/intakes/${intakeId}/hundred-day`);
    await h1(page, '100-dagenmoment');
    const way = page.getByRole('region', { name: 'Herindelen' });
    await way.getByText(/Herindelen kan nadat de termijn om te antwoorden voorbij is/).waitFor();
    await suite.checkPhone(page, 'intake totals with the regrouping (nl)');
    await suite.screenshot(page, 'regroup-intake-totals-nl');

    await page.goto(`${suite.server.url}/programme/intakes/${intakeId}/regrouping`);
    await h1(page, 'Herindelen na het 100-dagenmoment');
    await page.getByRole('button', { name: 'Herindelen' }).click();
    await page.getByText('Herindelen kan pas als de termijn van het 100-dagenmoment voorbij is. Er is niets veranderd.').waitFor();
    await suite.checkPhone(page, 'regrouping refused (nl)');
    await suite.screenshot(page, 'regroup-refused-nl');
    expect((await callApi<{ regrouping: unknown }>(page, 'GET', `/api/intakes/${intakeId}/regrouping`)).regrouping).toBeNull();

    await page.getByRole('button', { name: 'English' }).click();
    await h1(page, 'Regrouping after the 100-day moment');
    await page.getByRole('button', { name: 'Regroup' }).click();
    await page.getByText("You can regroup only after the 100-day moment's time to answer has passed. Nothing was changed.").waitFor();
    await suite.checkPhone(page, 'regrouping refused (en)');

    // The dashboard: the participation section with the intake's mode.
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await suite.menu(page, 'Programmacijfers');
    await h1(page, 'Programmacijfers');
    const participation = page.getByRole('region', { name: 'Deelname' }).first();
    await participation.getByRole('table').waitFor();
    await participation.getByRole('cell', { name: 'Verplicht' }).first().waitFor();
    await suite.checkPhone(page, 'dashboard with participation (nl)');
    await participation.screenshot({ path: `${SCREENSHOTS}/regroup-dashboard-participation-nl.png` });
  });
});
