/**
 * A form that saves says so, and keeps saying so after the page has fetched the saved data again:
 * forms follow the server's data without being remounted (useServerState), which used to swallow
 * the confirmation the moment the refetch arrived.
 */
import { describe, expect, it } from 'vitest';
import type { SessionListResponse } from '../../src/contracts/sessions';
import { expectAccessible } from './support/browser';
import { callApi, e2eSuite, PHONE } from './support/suite';

describe('saved confirmations', () => {
  const suite = e2eSuite();

  it('tells the beheerder the grouping attribute settings are saved, and shows what was saved', async () => {
    const page = await suite.signedIn('beheerder');
    await page.goto(`${suite.server.url}/admin/grouping-attributes`);
    const first = page.getByRole('checkbox').first();
    const before = await first.isChecked();
    await first.setChecked(!before);
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByText('De instellingen zijn opgeslagen.').waitFor();
    // The saved settings came back from the server and the confirmation is still there once
    // everything the page asked for has been answered and drawn.
    await suite.settled(page);
    await expect(page.getByText('De instellingen zijn opgeslagen.').isVisible()).resolves.toBe(true);
    await expect(first.isChecked()).resolves.toBe(!before);
    await expectAccessible(page, 'grouping attribute settings saved (nl)');
    await page.reload();
    await expect(page.getByRole('checkbox').first().isChecked()).resolves.toBe(!before);
  });

  it('tells the coach a session was moved, and the form shows the new time after the refetch', async () => {
    const page = await suite.signedIn('studentcoach', { ...PHONE });
    const { sessions } = await callApi<SessionListResponse>(page, 'GET', '/api/sessions');
    const session = sessions.find((s) => s.relation === 'organiser' && s.status === 'planned' && s.startsAt > new Date(Date.now() + 2 * 86_400_000).toISOString());
    expect(session, 'a planned session of the coach, a few days ahead').toBeDefined();
    await page.goto(`${suite.server.url}/sessions/${session!.id}`);
    await page.getByRole('heading', { level: 2, name: 'Verplaatsen of afzeggen' }).waitFor();
    await suite.typeDate(page, 'Begintijd', '16:45');
    await page.getByRole('button', { name: 'Verplaatsen', exact: true }).click();
    await page.getByText('Verplaatst. De deelnemers krijgen bericht.').waitFor();
    // The refetched session shows the new time; the confirmation outlives that refetch.
    await page.locator('dl.facts dd').filter({ hasText: '16:45' }).waitFor();
    await suite.settled(page);
    await expect(page.getByText('Verplaatst. De deelnemers krijgen bericht.').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('group', { name: 'Begintijd', exact: true }).innerText().then((v) => v.replace(/[\s\u2066-\u2069]/g, ''))).resolves.toBe('16:45');
    // A second move from the same form uses the session's new version (no conflict).
    await suite.typeDate(page, 'Begintijd', '17:00');
    await page.getByRole('button', { name: 'Verplaatsen', exact: true }).click();
    await expect.poll(async () => (await callApi<SessionListResponse>(page, 'GET', '/api/sessions')).sessions.find((s) => s.id === session!.id)?.version).toBe(session!.version + 2);
    await expectAccessible(page, 'session moved (nl)');
  });
});
