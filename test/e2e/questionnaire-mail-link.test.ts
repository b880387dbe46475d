/**
 * A coachee answers a questionnaire from the e-mail link on a phone (#18). The demo opens the
 * September intake's 100-day questionnaire while it loads, so its invitations go out through the
 * outbox to a real SMTP mailbox on 127.0.0.1. The coachee takes the link from the mail, opens it
 * (not signed in) at 360 px, answers two questions — one per screen —, closes the page, opens the
 * link again and goes on at question 3, and sends the questionnaire; the link then only thanks.
 * Dutch and English (another invitee, who switches the page to English), axe-clean.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { DEMO_DOMAIN, e2eSuite, PHONE } from './support/suite';

const LINK = /(https?:\/\/\S+\/questionnaire#[A-Za-z0-9_-]+)/;

type Words = { progress: (n: number) => RegExp; start: string; saveNext: string; skip: string; finish: string; finishTitle: string; thanksTitle: string };
const NL: Words = {
  progress: (n) => new RegExp(`^Vraag ${n} van 10$`),
  start: 'Beginnen',
  saveNext: 'Opslaan en verder',
  skip: 'Overslaan',
  finish: 'Vragenlijst versturen',
  finishTitle: 'Klaar om te versturen?',
  thanksTitle: 'Dank je wel!',
};
const EN: Words = {
  progress: (n) => new RegExp(`^Question ${n} of 10$`),
  start: 'Start',
  saveNext: 'Save and continue',
  skip: 'Skip',
  finish: 'Send the questionnaire',
  finishTitle: 'Ready to send?',
  thanksTitle: 'Thank you!',
};

describe('a questionnaire from the e-mail link, on a phone', () => {
  const suite = e2eSuite({ mailbox: true });

  /** The link as mailed, on the address the test server listens on (the mail names the public URL). */
  const onServer = (link: string) => {
    const url = new URL(link);
    return `${suite.server.url}${url.pathname}${url.hash}`;
  };

  const open = async (link: string, english: boolean) => {
    const page = await suite.open({ ...PHONE });
    await page.goto(onServer(link));
    if (english) await page.getByRole('button', { name: 'English' }).click();
    return page;
  };

  /** Answers the question on screen: a scale or a choice gets its first but one option; an optional text is skipped. */
  const answer = async (page: Page, words: Words, n: number) => {
    await page.getByText(words.progress(n)).waitFor();
    const options = page.getByRole('radio');
    if ((await options.count()) > 0) {
      await options.nth(Math.min(1, (await options.count()) - 1)).check();
      await page.getByRole('button', { name: words.saveNext }).click();
    } else {
      await page.getByRole('button', { name: words.skip }).click();
    }
  };

  const walk = async (link: string, words: Words, english: boolean, label: string) => {
    // Opened from the mail: the intro, then one question per screen.
    let page = await open(link, english);
    await page.getByRole('button', { name: words.start }).click();
    await answer(page, words, 1);
    await expectAccessible(page, `${label}, question 2`);
    await suite.screenshot(page, `questionnaire-link-q2-${label}`);
    await answer(page, words, 2);
    await page.getByText(words.progress(3)).waitFor();
    await page.close();

    // The link again: it goes on at the first unanswered question.
    page = await open(link, english);
    await page.getByText(words.progress(3)).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toBe('');
    await suite.checkPhone(page, `${label}, resumed at question 3`);
    await page.setViewportSize(PHONE);
    for (let n = 3; n <= 10; n++) await answer(page, words, n);
    await page.getByRole('heading', { level: 1, name: words.finishTitle }).waitFor();
    await page.getByRole('button', { name: words.finish }).click();
    await page.getByRole('heading', { level: 1, name: words.thanksTitle }).waitFor();
    await expectAccessible(page, `${label}, thanks`);
    await suite.screenshot(page, `questionnaire-link-thanks-${label}`);
    await page.close();

    // Once sent, the link shows the thanks again: nothing to answer twice.
    page = await open(link, english);
    await page.getByRole('heading', { level: 1, name: words.thanksTitle }).waitFor();
    expect(await page.getByRole('radio').count()).toBe(0);
  };

  it('the demo coachee answers from the invitation mail, leaves after two questions and goes on later (nl, 360 px)', async () => {
    const link = await suite.mailbox.find(`coachee@${DEMO_DOMAIN}`, LINK);
    const mail = suite.mailbox.all().find((m) => m.text.includes(link))!;
    expect(mail.text).toContain('Wil je een paar minuten de vragenlijst over de coaching invullen?');
    await walk(link, NL, false, 'nl');
  });

  it('another invitee does the same in English (en, 360 px)', async () => {
    await suite.mailbox.find(`coachee@${DEMO_DOMAIN}`, LINK);
    const other = suite.mailbox.all().find((m) => !m.to.includes(`coachee@${DEMO_DOMAIN}`) && LINK.test(m.text));
    expect(other, 'a second invitation in the mailbox').toBeDefined();
    await walk(LINK.exec(other!.text)![1]!, EN, true, 'en');
  });
});
