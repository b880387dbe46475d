/**
 * The opt-in sign-up (#21) end to end, against a real SMTP peer: the coordinator of Business
 * Innovation sets a closing date on the opt-in February intake; the invitation mail arrives; the
 * student opens its one-tap link on a phone, signed out, in English and in Dutch, taps "Ik doe
 * mee", then signs in and sees they take part; the coordinator's figures count them. Axe-clean at
 * 360 px throughout.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { IntakeParticipationResponse } from '../../src/contracts/participation';
import type { StructureResponse } from '../../src/contracts/programme';
import { callApi, DEMO_DOMAIN, e2eSuite, PHONE } from './support/suite';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
const LINK = /(https?:\/\/\S+\/doe-je-mee#[A-Za-z0-9_-]+)/;

describe('the opt-in sign-up invitation', () => {
  const suite = e2eSuite({ mailbox: true });

  it('coordinator sets a closing date; the student taps the mailed link on a phone and is signed up; the figures count them', async () => {
    const coordinator = await suite.signedIn(`coordinator.bi@${DEMO_DOMAIN}`);
    const structure = await callApi<StructureResponse>(coordinator, 'GET', '/api/programme/structure');
    const intake = structure.programmes.find((p) => p.nameNl === 'Business Innovation')!.intakes.find((i) => i.month === 'february')!;
    await coordinator.goto(`${suite.server.url}/programme/intakes/${intake.id}`);
    await coordinator.getByLabel('Aanmelden kan tot en met').first().waitFor();
    const closesOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await suite.typeDate(coordinator, 'Aanmelden kan tot en met', closesOn);
    await coordinator.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await coordinator.getByText(/: nog 1?\d dagen\./).waitFor();
    await suite.checkPhone(coordinator, 'intake settings with a closing date (nl)');
    await suite.screenshot(coordinator, 'sign-up-closing-date-nl');

    // The invitation arrives at the SMTP peer; the link carries a token, no person's id.
    const link = await suite.mailbox.find(`meedoen@${DEMO_DOMAIN}`, LINK, { timeoutMs: 60_000 });
    const student = await suite.open(PHONE);
    await student.goto(link);
    await student.getByRole('button', { name: 'English' }).click();
    await h1(student, 'Will you take part?');
    await student.getByRole('button', { name: "I'm in" }).waitFor();
    await suite.checkPhone(student, 'one-tap sign-up page (en)');
    await suite.screenshot(student, 'sign-up-link-en-360');
    await student.getByRole('button', { name: 'Nederlands' }).click();
    await h1(student, 'Doe je mee?');
    await student.getByRole('button', { name: 'Ik doe mee' }).click();
    await student.getByText(/Je bent aangemeld\./).waitFor();
    await suite.checkPhone(student, 'signed up through the link (nl)');
    await suite.screenshot(student, 'sign-up-link-done-nl-360');
    // The link works once.
    await student.reload();
    await student.getByText('Je hebt deze uitnodiging al beantwoord: je doet mee.').waitFor();

    // In the app: signed up.
    const app = await suite.signedIn('meedoen', PHONE);
    await app.goto(`${suite.server.url}/meedoen`);
    await h1(app, 'Meedoen aan peercoaching');
    await app.getByText('Je doet mee. Je komt in een community zodra de groepen gemaakt worden.').waitFor();
    await suite.checkPhone(app, 'my sign-ups (nl)');

    // The coordinator's figures count them.
    const figures = await callApi<z.infer<typeof IntakeParticipationResponse>>(coordinator, 'GET', `/api/intakes/${intake.id}/participation`);
    expect(figures).toMatchObject({ mode: 'optIn', signedUp: 1, students: 6, closesOn, open: true });
    await coordinator.reload();
    await coordinator.getByText('1 van de 6 studenten hebben zich aangemeld (17%).').waitFor();
  });
});
