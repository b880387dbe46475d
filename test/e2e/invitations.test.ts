/**
 * Invitations and sign-in links in the browser, with the mail delivered over SMTP to a mailbox on
 * loopback: a coordinator invites an intake; a student activates from the e-mail on a 360 px
 * screen; a person signs in with a link. Dutch and English, axe-clean, no sideways scrolling.
 */
import { describe, expect, it } from 'vitest';
import type { IntakeInvitationsResponse } from '../../src/contracts/invitations';
import { expectAccessible } from './support/browser';
import { callApi, DEMO_DOMAIN, e2eSuite, PHONE } from './support/suite';

type Structure = { programmes: { nameNl: string; intakes: { id: string; month: string }[] }[] };

describe('invitations and sign-in links in the browser', () => {
  const suite = e2eSuite({ mailbox: true });
  const BI_COORDINATOR = `coordinator.bi@${DEMO_DOMAIN}`;

  it('a coordinator invites an intake and a student activates from the e-mail on a phone (nl, en)', async () => {
    const coordinator = await suite.signedIn(BI_COORDINATOR);
    const structure = await callApi<Structure>(coordinator, 'GET', '/api/programme/structure');
    const intakeId = structure.programmes.find((p) => p.nameNl === 'Business Innovation')!.intakes.find((i) => i.month === 'september')!.id;

    await coordinator.goto(`${suite.server.url}/programme/intakes/${intakeId}`);
    await coordinator.getByRole('link', { name: 'Studenten uitnodigen' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Uitnodigingen' }).waitFor();
    await suite.settled(coordinator);
    await expectAccessible(coordinator, 'invitations (nl)');
    const since = suite.mailbox.count();
    const inviteAll = coordinator.getByRole('button', { name: /^Nodig iedereen uit die nog geen uitnodiging heeft \(24\)$/ });
    await suite.tabTo(coordinator, inviteAll);
    await coordinator.keyboard.press('Enter');
    await coordinator.getByRole('status').filter({ hasText: '24 uitnodigingen verstuurd.' }).waitFor();
    await suite.settled(coordinator);
    await coordinator.getByLabel('Toon').selectOption('invited');
    await expect.poll(() => coordinator.locator('.invitations-person').count()).toBe(24);
    await suite.screenshot(coordinator, 'invitations-list-nl');
    await suite.checkPhone(coordinator, 'invitations (nl)');
    await coordinator.setViewportSize(PHONE);
    await suite.screenshot(coordinator, 'invitations-list-360');
    await coordinator.getByRole('button', { name: 'English' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Invitations' }).waitFor();
    await suite.checkPhone(coordinator, 'invitations (en)');

    const invited = (await callApi<IntakeInvitationsResponse>(coordinator, 'GET', `/api/intakes/${intakeId}/invitations`)).people;
    const [first, second] = invited;

    // The first student activates in Dutch on a phone, straight from the link in the mail.
    const link = new URL(await suite.mailbox.find(first!.email, /(http\S+\/activate#token=[\w-]+)/, { since }));
    const student = await suite.open({ ...PHONE });
    await student.goto(`${suite.server.url}${link.pathname}${link.hash}`);
    await student.getByText(`Welkom, ${first!.firstName}!`).waitFor();
    await suite.settled(student);
    await suite.screenshot(student, 'activate-360-nl');
    await suite.checkPhone(student, 'activate (nl)');
    await student.getByLabel('Kies een wachtwoord').fill('mijn eigen lange zin');
    await student.getByLabel('Herhaal je wachtwoord').fill('mijn eigen lange zinn');
    await student.getByRole('button', { name: 'Account activeren' }).click();
    await student.getByText('De twee wachtwoorden zijn niet hetzelfde.').waitFor();
    await student.getByLabel('Herhaal je wachtwoord').fill('mijn eigen lange zin');
    await student.getByRole('button', { name: 'Account activeren' }).click();
    await student.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();

    // The second in English; the link then works no more.
    const secondLink = new URL(await suite.mailbox.find(second!.email, /(http\S+\/activate#token=[\w-]+)/, { since }));
    const english = await suite.open({ ...PHONE, allowedStatuses: [400] });
    await english.goto(`${suite.server.url}${secondLink.pathname}${secondLink.hash}`);
    await english.getByRole('button', { name: 'English' }).click();
    await english.getByText(`Welcome, ${second!.firstName}!`).waitFor();
    await suite.checkPhone(english, 'activate (en)');
    await english.getByLabel('Choose a password').fill('my own long sentence');
    await english.getByLabel('Repeat your password').fill('my own long sentence');
    await english.getByRole('button', { name: 'Activate account' }).click();
    await english.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
    const reused = await suite.open({ ...PHONE, allowedStatuses: [400] });
    await reused.goto(`${suite.server.url}${secondLink.pathname}${secondLink.hash}`);
    await reused.getByRole('alert').filter({ hasText: 'al geactiveerd' }).waitFor();
    await suite.checkPhone(reused, 'activate, used link (nl)');

    await coordinator.reload();
    await coordinator.getByRole('heading', { level: 1, name: 'Invitations' }).waitFor();
    await suite.settled(coordinator);
    await coordinator.getByLabel('Show').selectOption('activated');
    await expect.poll(() => coordinator.locator('.invitations-person').count()).toBe(2);
  });

  it('signs a person in with a link from the e-mail (nl, en), once', async () => {
    const page = await suite.open({ ...PHONE, allowedStatuses: [400, 401] });
    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByRole('link', { name: 'Stuur me een inloglink' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen met een link' }).waitFor();
    await suite.checkPhone(page, 'ask for a sign-in link (nl)');
    const since = suite.mailbox.count();
    await page.getByLabel('E-mailadres').fill(`seniorcoach@${DEMO_DOMAIN}`);
    await page.getByRole('button', { name: 'Stuur me een inloglink' }).click();
    await page.getByRole('status').filter({ hasText: 'onderweg' }).waitFor();

    const link = new URL(await suite.mailbox.find(`seniorcoach@${DEMO_DOMAIN}`, /(http\S+\/sign-in\/link#token=[\w-]+)/, { since }));
    // Opening the page uses nothing up (a mail scanner may fetch it): only the button does.
    const scanner = await suite.open({ allowedStatuses: [400, 401] });
    await scanner.goto(`${suite.server.url}${link.pathname}${link.hash}`);
    await scanner.getByRole('heading', { level: 1, name: 'Inloggen met je link' }).waitFor();
    await suite.settled(scanner);

    await page.goto(`${suite.server.url}${link.pathname}${link.hash}`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen met je link' }).waitFor();
    await suite.settled(page);
    await suite.screenshot(page, 'magic-link-360-nl');
    await suite.checkPhone(page, 'sign-in link (nl)');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();

    // Used once: the scanner's tab (or a second tab) gets a clear message, in English here.
    await scanner.getByRole('button', { name: 'English' }).click();
    await scanner.getByRole('button', { name: 'Sign in' }).click();
    await scanner.getByRole('alert').filter({ hasText: 'already used' }).waitFor();
    await suite.checkPhone(scanner, 'sign-in link, used (en)');
  });
});
