/**
 * Signing in with SURFconext and with MFA, in Debian's Chromium against the real server (demo
 * programme) and a real OpenID provider on loopback. The institution requires MFA for the
 * beheerder; codes are computed here with otplib from the key the page shows, as an
 * authenticator app would. Dutch and English, axe-clean, at 360 px.
 */
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID, CLIENT_SECRET, MFA_ACR, startOidcProvider, type TestProvider } from '../support/oidc-provider';
import { freePort } from './support/server';
import { DEMO_DOMAIN, DEMO_PASSWORD, e2eSuite, PHONE } from './support/suite';

describe('sign-in with SURFconext and MFA', () => {
  let provider: TestProvider;
  const env: Record<string, string> = {};
  beforeAll(async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({ redirectUris: [`${url}/api/auth/oidc/callback`] });
    Object.assign(env, {
      PORT: String(port),
      PEERKRACHT_PUBLIC_URL: url,
      PEERKRACHT_OIDC_ISSUER: provider.issuer,
      PEERKRACHT_OIDC_CLIENT_ID: CLIENT_ID,
      PEERKRACHT_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      PEERKRACHT_OIDC_HOME_ORGANISATION: DEMO_DOMAIN,
      PEERKRACHT_OIDC_MFA_ACR: MFA_ACR,
      PEERKRACHT_MFA_REQUIRED_ROLES: 'beheerder,finance',
    });
    const person = (sub: string, email: string) =>
      provider.accounts.set(sub, { email, email_verified: true, schac_home_organization: DEMO_DOMAIN, eduperson_affiliation: ['employee'], given_name: 'Test', family_name: 'Persoon' });
    person('coordinator-sub', `coordinator@${DEMO_DOMAIN}`);
    person('stranger-sub', `nieuw@${DEMO_DOMAIN}`);
  });
  afterAll(async () => {
    await provider.close();
  });
  const suite = e2eSuite({ env });

  /** From the sign-in page through the provider's form, back to the app. */
  async function signInWithSso(page: Page, account: string, english = false) {
    await page.goto(`${suite.server.url}/sign-in`);
    if (english) await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: english ? 'Sign in with SURFconext' : 'Inloggen met SURFconext' }).click();
    await page.getByRole('heading', { name: 'Test SURFconext' }).waitFor();
    await page.getByLabel('Account').fill(account);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** The provider still knows the browser: it answers without its form. */
  async function signInWithSsoRemembered(page: Page) {
    await page.getByRole('link', { name: 'Inloggen met SURFconext' }).click();
  }

  const codeNow = (secret: string, stepsAhead = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

  it('signs a coordinator in through SURFconext on a phone, in Dutch', async () => {
    const page = await suite.open({ ...PHONE });
    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByRole('link', { name: 'Inloggen met SURFconext' }).waitFor();
    await suite.checkPhone(page, 'sign-in with SURFconext (nl)');
    await suite.screenshot(page, 'sign-in-sso-nl-360');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Sign in with SURFconext' }).waitFor();
    await suite.checkPhone(page, 'sign-in with SURFconext (en)');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    // By keyboard: Tab to the button and press Enter.
    const button = page.getByRole('link', { name: 'Inloggen met SURFconext' });
    await suite.tabTo(page, button);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Test SURFconext' }).waitFor();
    await page.getByLabel('Account').fill('coordinator-sub');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await suite.signOut(page);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    // Signed out here, still signed in at the provider: the button signs in again at once.
    await signInWithSsoRemembered(page);
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
  });

  it('tells an unknown person, in Dutch and in English, to ask their coordinator; nobody is signed in', async () => {
    const page = await suite.open({ ...PHONE });
    await signInWithSso(page, 'stranger-sub');
    await page.getByRole('heading', { level: 1, name: 'Inloggen met SURFconext is niet gelukt' }).waitFor();
    await page.getByText('Je staat nog niet in peerkracht; vraag je coördinator.').waitFor();
    await suite.checkPhone(page, 'SSO refused (nl)');
    await suite.screenshot(page, 'sso-unknown-nl-360');

    const english = await suite.open({ ...PHONE });
    await signInWithSso(english, 'stranger-sub', true);
    await english.getByText('You are not in peerkracht yet; ask your coordinator.').waitFor();
    await suite.checkPhone(english, 'SSO refused (en)');
    const session = await english.evaluate(async () => ((await (await fetch('/api/auth/session')).json()) as { person: unknown }).person);
    expect(session).toBeNull();
  });

  it('leads the beheerder to set MFA up first, then asks a code at every sign-in; a recovery code works once', async () => {
    const page = await suite.open({ ...PHONE, allowedStatuses: [400] });
    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByLabel('E-mailadres').fill(`beheerder@${DEMO_DOMAIN}`);
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();

    // Led to the security page before anything else.
    await page.getByRole('heading', { level: 1, name: 'Beveiliging' }).waitFor();
    await page.getByText('Voor jouw rol is tweestapsverificatie verplicht.', { exact: false }).waitFor();
    await page.goto(`${suite.server.url}/admin/outbox`);
    await page.getByRole('heading', { level: 1, name: 'Beveiliging' }).waitFor();
    await suite.checkPhone(page, 'security, MFA required (nl)');

    await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
    await page.getByRole('img', { name: 'QR-code om peerkracht aan je authenticator-app toe te voegen' }).waitFor();
    const secret = (await page.locator('.security-secret').innerText()).replace(/\s/g, '');
    await suite.checkPhone(page, 'MFA set-up with QR code (nl)');
    await suite.screenshot(page, 'security-setup-nl-360');

    await page.getByLabel('Code', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Aanzetten' }).click();
    await page.getByText('Deze code klopt niet of is al gebruikt.', { exact: false }).waitFor();
    await page.getByLabel('Code', { exact: true }).fill(await codeNow(secret));
    await page.getByRole('button', { name: 'Aanzetten' }).click();
    await page.getByRole('heading', { name: 'Bewaar je herstelcodes' }).waitFor();
    const recoveryCodes = await page.locator('.security-codes code').allInnerTexts();
    expect(recoveryCodes).toHaveLength(10);
    await suite.checkPhone(page, 'recovery codes (nl)');
    await suite.screenshot(page, 'security-recovery-codes-nl-360');
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();

    // Now everything is reachable.
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await suite.signOut(page);

    // Sign-in is two steps now: the password, then the code (the next one the app would show).
    await page.getByLabel('E-mailadres').fill(`beheerder@${DEMO_DOMAIN}`);
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Vul je code in' }).waitFor();
    await suite.checkPhone(page, 'MFA code step (nl)');
    await suite.screenshot(page, 'mfa-code-step-nl-360');
    await page.getByLabel('Code', { exact: true }).fill(await codeNow(secret, 1));
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await suite.signOut(page);

    // In English, with a recovery code; the same code is refused the next time.
    const english = await suite.open({ ...PHONE, allowedStatuses: [400] });
    for (const attempt of [0, 1]) {
      await english.goto(`${suite.server.url}/sign-in`);
      if (attempt === 0) await english.getByRole('button', { name: 'English' }).click();
      await english.getByLabel('E-mail address').fill(`beheerder@${DEMO_DOMAIN}`);
      await english.getByLabel('Password').fill(DEMO_PASSWORD);
      await english.getByRole('button', { name: 'Sign in', exact: true }).click();
      await english.getByRole('heading', { level: 1, name: 'Enter your code' }).waitFor();
      if (attempt === 0) await suite.checkPhone(english, 'MFA code step (en)');
      await english.getByLabel('Code', { exact: true }).fill(recoveryCodes[0]!);
      await english.getByRole('button', { name: 'Sign in', exact: true }).click();
      if (attempt === 0) {
        await english.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
        await english.goto(`${suite.server.url}/security`);
        await english.getByText('You have 9 recovery codes left.').waitFor();
        await suite.checkPhone(english, 'security, MFA on (en)');
        await suite.screenshot(english, 'security-on-en-360');
        await suite.signOut(english);
        await english.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      } else {
        await english.getByText('This code is not right or was already used.', { exact: false }).waitFor();
      }
    }
  });
});
