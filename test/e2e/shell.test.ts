/**
 * The web shell end to end: the real server on a fresh embedded database with the demo
 * programme, driven in Debian's Chromium. Every page is checked with axe in Dutch and English,
 * and at 360 px wide.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll } from './support/browser';
import { DEMO_DOMAIN as DOMAIN, DEMO_PASSWORD as PASSWORD, e2eSuite, SCREENSHOTS as SHOTS } from './support/suite';

const ROLES = [
  ['coachee', 'Student (coachee)', 'Mijn community'],
  ['studentcoach', 'Studentcoach', "Mijn community's"],
  ['seniorcoach', 'Seniorcoach', 'Coaches die jij begeleidt'],
  ['coordinator', 'Coördinator', "Community's"],
  ['leercoach', 'Leercoach', 'Mijn klassen'],
  ['onderzoeker', 'Onderzoeker', 'Nu te doen'],
  ['beheerder', 'Beheerder', 'Mensen in de instelling'],
] as const;

describe('web shell', () => {
  const suite = e2eSuite({ mailbox: true });
  const open = (options?: Parameters<typeof suite.open>[0]) => suite.open(options);

  /** Fills in and sends the sign-in form without waiting for the home (this file also signs in wrongly). */
  async function signIn(page: Page, email: string, password = PASSWORD) {
    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByLabel(/E-mailadres|E-mail address/).fill(email);
    await page.getByLabel(/^(Wachtwoord|Password)$/).fill(password);
    await page.getByRole('button', { name: /^(Inloggen|Sign in)$/ }).click();
  }

  it('prints the demo accounts at start and marks the demo in the UI', async () => {
    for (const [role] of ROLES) expect(suite.server.output()).toContain(`${role}@${DOMAIN}`);
    const page = await open();
    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByText('Demo-omgeving: alle personen en gegevens zijn verzonnen.').waitFor();
    // The banner is the shell's; the page itself is its own chunk and may still be on its way.
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'sign-in (nl)');
  });

  it.each(ROLES)('signs in as %s, shows the home in Dutch, accessible at 1280 and 360 px, and signs out', async (role, roleLabel, section) => {
    const page = await open();
    await signIn(page, `${role}@${DOMAIN}`);
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await page.getByRole('heading', { name: section, exact: true }).first().waitFor();
    await expect(page.getByRole('list', { name: 'Jouw rollen' }).innerText()).resolves.toContain(roleLabel);
    await expectAccessible(page, `home of ${role} (nl)`);
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page, `home of ${role} at 360 px`);
    await expectAccessible(page, `home of ${role} at 360 px`);
    await page.screenshot({ path: `${SHOTS}/home-${role}-nl-360.png`, fullPage: true });
    await suite.signOut(page);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  });

  it('switches to English before and after sign-in, and remembers it', async () => {
    const page = await open();
    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expectAccessible(page, 'sign-in (en)');
    await signIn(page, `coordinator@${DOMAIN}`);
    await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
    await page.getByRole('heading', { name: 'Communities', exact: true }).waitFor();
    await expectAccessible(page, 'coordinator home (en)');
    await page.screenshot({ path: `${SHOTS}/home-coordinator-en-1280.png`, fullPage: true });
    await page.getByRole('link', { name: 'SW 1' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Community SW 1' }).waitFor();
    await expectAccessible(page, 'community (en)');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Community SW 1' }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Community SW 1' }).waitFor();
    await page.getByRole('link', { name: 'Start' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await page.getByRole('heading', { name: "Community's", exact: true }).waitFor();
    await page.screenshot({ path: `${SHOTS}/home-coordinator-nl-1280.png`, fullPage: true });
  });

  it('shows a translated error on a wrong password and on bad input', async () => {
    const page = await open({ allowedStatuses: [400, 401] });
    await signIn(page, `coordinator@${DOMAIN}`, 'wrong password');
    await page.getByRole('alert').filter({ hasText: 'Dit e-mailadres en wachtwoord horen niet bij elkaar.' }).waitFor();
    await page.getByLabel('E-mailadres').fill('geen-adres');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText('Dit is geen geldig e-mailadres.').waitFor();
    await expect(page.getByLabel('E-mailadres').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'sign-in with errors (nl)');
  });

  it('signs in with the keyboard only', async () => {
    const page = await open();
    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Naar de inhoud');
    const focusField = async (label: string) => {
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '');
        if (focused === label) return;
      }
      throw new Error(`could not reach ${label} with Tab`);
    };
    await focusField('E-mailadres');
    await page.keyboard.type(`studentcoach@${DOMAIN}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
  });

  it('signs in when the form is sent before the page has its CSRF token (a slow connection)', async () => {
    const page = await open();
    let formSent = () => {};
    const sent = new Promise<void>((resolve) => (formSent = resolve));
    let first = true;
    await page.route('**/api/auth/session', async (route) => {
      // Hold the page's first session call until the form has been sent.
      if (first) {
        first = false;
        await sent;
      }
      await route.continue();
    });
    await signIn(page, `studentcoach@${DOMAIN}`);
    formSent();
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
  });

  it('resets a password through the link in the mail; the beheerder sees the mail without the link’s token', async () => {
    const since = suite.mailbox.count();
    const page = await open({ allowedStatuses: [401] });
    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
    await expectAccessible(page, 'forgot password (nl)');
    await page.getByLabel('E-mailadres').fill(`seniorcoach@${DOMAIN}`);
    await page.getByRole('button', { name: 'Stuur de link' }).click();
    await page.getByRole('status').filter({ hasText: 'onderweg' }).waitFor();

    const admin = await open();
    await signIn(admin, `beheerder@${DOMAIN}`);
    await suite.menu(admin, 'Verzonden e-mail');
    await admin.getByRole('heading', { level: 1, name: 'Verzonden e-mail' }).waitFor();
    await expectAccessible(admin, 'outbox (nl)');
    await admin.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(admin, 'outbox at 360 px');
    await admin.getByText('zie je hier zonder hun geheime code').waitFor();
    const body = await admin.locator('.mail-body').filter({ hasText: 'reset-password' }).first().innerText();
    expect(body).toContain('/reset-password#token=[verborgen]');
    expect(body).not.toMatch(/#token=[\w-]/);

    // The recipient's mail has the working link.
    const link = await suite.mailbox.find(`seniorcoach@${DOMAIN}`, /(http\S+reset-password#token=[\w-]+)/, { since });
    const resetLink = new URL(link);
    await page.goto(`${suite.server.url}${resetLink.pathname}${resetLink.hash}`);
    await page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
    await expectAccessible(page, 'reset password (nl)');
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('een nieuwe lange zin');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Je wachtwoord is gewijzigd' }).waitFor();
    await signIn(page, `seniorcoach@${DOMAIN}`, 'een nieuwe lange zin');
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
  });

  it('shows an accessible not-found page', async () => {
    const page = await open();
    await page.goto(`${suite.server.url}/bestaat-niet`);
    await page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet.' }).waitFor();
    await expectAccessible(page, 'not found (nl)');
  });
});
