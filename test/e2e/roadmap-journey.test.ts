/**
 * Issue 22's journey end to end, in Debian's Chromium on the demo: the coordinator (Dutch, 1280 px)
 * opens the demo programme's roadmap of this coaching year and invites the demo coachee as the
 * student representative for two factors; the student (English, on a phone at 360 px) follows the
 * link in the invitation mail and gives a view on both, each on the factor's own page; the
 * coordinator gives hers, sees in the overview's compact list where they differ, records the agreed
 * status on the factor's page (a deep link), adds two interventions to the improvement plan (a due date in
 * the past first: a field message and nothing stored) and prints the plan — the print view fits
 * one A4 page, and the PDF overview is one page that names both interventions. axe-clean on every
 * screen, without sideways scrolling at 360 px.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { coachingYearOf } from '../../src/domain/roadmap/roadmap';
import { expectAccessible, expectNoHorizontalScroll } from './support/browser';
import { DEMO_DOMAIN, e2eSuite, PHONE, SCREENSHOTS } from './support/suite';

const STUDENT = `coachee@${DEMO_DOMAIN}`;
const F1 = { nl: '1. Verwachtingen managen', en: '1. Managing expectations', title: 'Verwachtingen managen', titleEn: 'Managing expectations' };
const F2 = { nl: '2. Echte ervaringen en reflectie', en: '2. Real experiences and reflection', title: 'Echte ervaringen en reflectie', titleEn: 'Real experiences and reflection' };
const STUDENT_NOTE = 'Open days show the nice parts only; the workload in block 2 surprises most of us.';
/** A day `days` from now, as "yyyy-mm-dd" (days away, so the UTC day and Amsterdam's day agree on the side of today). */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The number of pages in a PDF, from pdfinfo (poppler-utils). */
function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

describe('roadmap journey', () => {
  const suite = e2eSuite({ mailbox: true });
  const year = coachingYearOf(new Date());
  const yearLabel = `${year}–${year + 1}`;

  /** Opens a factor's own page from the roadmap's overview (its link in the cluster's list) and returns the page. */
  const openFactor = async (page: Page, name: string) => {
    await page.getByRole('list').getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${name.replace('.', '\\.')}`) }).waitFor();
    return page.locator('article.roadmap-factor');
  };
  /** Back from a factor's page to the overview. */
  const backToRoadmap = async (page: Page, english = false) => {
    await page.getByRole('link', { name: english ? '← Back to the roadmap' : '← Terug naar de roadmap' }).click();
    await page.getByRole('heading', { level: 1, name: english ? /^Roadmap to student success/ : /^Roadmap naar studentsucces/ }).waitFor();
  };

  // What the steps pass on: the roadmap's address, the invitation mail's position, the two interventions.
  let roadmapPath = '';
  let since = 0;
  let first = '';
  let second = '';

  /** The coordinator, in Dutch at 1280 px, on this year's roadmap. */
  const coordinatorOnRoadmap = async (options: { allowedStatuses?: number[] } = {}) => {
    const coordinator = await suite.signedIn('coordinator', options);
    await coordinator.goto(`${suite.server.url}${roadmapPath}`);
    await coordinator.getByRole('heading', { level: 1, name: /^Roadmap naar studentsucces\s*Social Work/ }).waitFor();
    return coordinator;
  };

  it('lets the coordinator open this year’s roadmap, invite a student representative for two factors and give her own view', async () => {
    const coordinator = await suite.signedIn('coordinator');
    await suite.menu(coordinator, 'Roadmap');
    await coordinator.getByRole('heading', { level: 1, name: 'Roadmap naar studentsucces' }).waitFor();
    await coordinator.getByRole('link', { name: `Social Work · ${yearLabel}` }).click();
    await coordinator.getByRole('heading', { level: 1, name: /^Roadmap naar studentsucces\s*Social Work/ }).waitFor();
    roadmapPath = new URL(coordinator.url()).pathname;
    await expectAccessible(coordinator, 'roadmap (nl)');
    await suite.screenshot(coordinator, 'roadmap-journey-1-opened-nl');

    // 1. Invite the student representative for factors 1 and 2.
    const invite = coordinator.locator('section').filter({ has: coordinator.getByRole('heading', { level: 2, name: 'Betrokkenen uitnodigen' }) });
    since = suite.mailbox.count();
    await invite.getByLabel('E-mailadres').fill(STUDENT);
    await invite.getByLabel('Als').selectOption({ label: 'Studenten' });
    await invite.getByRole('checkbox', { name: F1.nl }).check();
    await invite.getByRole('checkbox', { name: F2.nl }).check();
    await invite.getByRole('button', { name: 'Uitnodigen' }).click();
    await invite.getByRole('status').filter({ hasText: 'De uitnodiging is opgeslagen.' }).waitFor();
    await invite.getByRole('listitem').filter({ hasText: '(Studenten) · 1, 2' }).waitFor();

    // 2. The coordinator's own view on both factors, each on its own page.
    for (const [factor, status] of [
      [F1, 'Gestart'],
      [F2, 'Verankerd'],
    ] as const) {
      await openFactor(coordinator, factor.nl);
      const form = coordinator.getByRole('form', { name: `Jouw kijk: ${factor.title}` });
      await form.getByLabel('Status').selectOption({ label: status });
      await form.getByLabel('Toelichting').fill(`Kijk van de coördinator op ${factor.title.toLowerCase()}.`);
      await form.getByRole('button', { name: 'Kijk opslaan' }).click();
      await form.getByRole('status').filter({ hasText: 'Je kijk is opgeslagen.' }).waitFor();
      await expectAccessible(coordinator, `factor page ${factor.nl} (nl)`);
      await backToRoadmap(coordinator);
    }

  });

  it('lets the student follow the invitation mail on a phone, in English, and give a view on both factors', async () => {
    // 3. The student follows the link in the invitation mail, signed in on a phone in English.
    const link = new URL(await suite.mailbox.find(STUDENT, /(http\S+\/roadmaps\/[\w-]+)/, { since }));
    expect(link.pathname).toBe(roadmapPath);
    const student = await suite.signedIn('coachee', { english: true, ...PHONE });
    // Not only the mail leads there: the student's home lists the roadmap that waits for their view.
    const card = student.getByRole('region', { name: 'Your view on the roadmap' });
    await card.getByRole('link', { name: `Social Work · ${yearLabel}` }).waitFor();
    expect(await card.getByRole('link').getAttribute('href')).toBe(link.pathname);
    await student.goto(`${suite.server.url}${link.pathname}`);
    await student.getByRole('heading', { level: 1, name: /^Roadmap to student success\s*Social Work/ }).waitFor();
    // Invited for two factors, the student sees those two and no one else's plan or invitations.
    await expect.poll(() => student.locator('.roadmap-factor-list a').count()).toBe(2);
    await student.getByRole('listitem').filter({ hasText: F1.en }).getByText('Your view: not given yet').waitFor();
    expect(await student.getByRole('heading', { level: 2, name: 'Improvement plan' }).count()).toBe(0);
    expect(await student.getByRole('heading', { level: 2, name: 'Invite people involved' }).count()).toBe(0);
    for (const [factor, status, note] of [
      [F1, 'Not started', STUDENT_NOTE],
      [F2, 'Embedded', ''],
    ] as const) {
      await openFactor(student, factor.en);
      const form = student.getByRole('form', { name: `Your view: ${factor.titleEn}` });
      await form.getByLabel('Status').selectOption({ label: status });
      await form.getByLabel('Explanation').fill(note);
      await form.getByRole('button', { name: 'Save view' }).click();
      await form.getByRole('status').filter({ hasText: 'Your view has been saved.' }).waitFor();
      if (factor === F1) {
        await student.locator('article.roadmap-factor p.roadmap-note', { hasText: STUDENT_NOTE }).waitFor();
        await expectNoHorizontalScroll(student, 'factor page of an invited student (en) at 360 px');
        await expectAccessible(student, 'factor page of an invited student (en) at 360 px');
        await suite.screenshot(student, 'roadmap-journey-2-student-factor-en-360');
      }
      await backToRoadmap(student, true);
    }
    await student.getByRole('listitem').filter({ hasText: F2.en }).getByText('Your view: Embedded').waitFor();
    await expectNoHorizontalScroll(student, 'roadmap of an invited student (en) at 360 px');
    await expectAccessible(student, 'roadmap of an invited student (en) at 360 px');
    await suite.screenshot(student, 'roadmap-journey-2-student-en-360');

  });

  it('shows the coordinator where the views differ, and records the agreed status', async () => {
    // 4. The coordinator sees where they differ (factor 1) and where they agree (factor 2).
    // The overview already says it, per factor in its cluster's list; each factor's page shows the views.
    const coordinator = await coordinatorOnRoadmap();
    await coordinator.getByRole('listitem').filter({ hasText: F1.nl }).getByText('Kijken verschillen').waitFor();
    await coordinator.getByRole('listitem').filter({ hasText: F2.nl }).getByText('Kijken zijn gelijk').waitFor();
    await coordinator.getByRole('listitem').filter({ hasText: F1.nl }).getByText('2 kijken').waitFor();
    await expectAccessible(coordinator, 'roadmap with differing views (nl)');
    const f2 = await openFactor(coordinator, F2.nl);
    await f2.getByText('De betrokkenen zien dit hetzelfde.').waitFor();
    await backToRoadmap(coordinator);
    const f1 = await openFactor(coordinator, F1.nl);
    await f1.getByText('De betrokkenen zien dit verschillend. Bespreek het voordat je de status vastlegt.').waitFor();
    await f1.locator('p.roadmap-note', { hasText: STUDENT_NOTE }).waitFor();
    await expectAccessible(coordinator, 'factor page with differing views (nl)');
    await suite.screenshot(coordinator, 'roadmap-journey-3-differ-nl');

    // 5. The agreed status of factor 1, after talking it over: started, owned by the programme's management.
    const agreed = coordinator.getByRole('form', { name: `Status vastleggen: ${F1.title}` });
    await agreed.getByLabel('Afgesproken status').selectOption({ label: 'Gestart' });
    await agreed.getByLabel('Onderbouwing').fill('Voorlichting toont nog geen echte studieweek; dat pakken we dit jaar op.');
    await agreed.getByLabel('Eigenaar').selectOption({ label: 'Directie van de opleiding' });
    await agreed.getByRole('button', { name: 'Status vastleggen' }).click();
    await agreed.getByRole('status').filter({ hasText: 'De afgesproken status is vastgelegd.' }).waitFor();
    await f1.getByText(/^Afgesproken status: Gestart/).waitFor();
    // The factor's own address is a deep link: opened afresh, it shows the same factor and status.
    await coordinator.goto(coordinator.url());
    await coordinator.getByRole('heading', { level: 1, name: /^1\. Verwachtingen managen/ }).waitFor();
    await coordinator.locator('article.roadmap-factor').getByText(/^Afgesproken status: Gestart/).waitFor();
    await backToRoadmap(coordinator);
    await coordinator.getByRole('listitem').filter({ hasText: F1.nl }).locator('.roadmap-status', { hasText: 'Gestart' }).waitFor();

  });

  it('adds two interventions to the plan, after refusing a due date in the past with nothing stored', async () => {
    // The due date in the past is refused 400 on purpose (the form shows it).
    const coordinator = await coordinatorOnRoadmap({ allowedStatuses: [400] });
    // 6. Two interventions into the plan; a due date in the past first: a field message, nothing stored.
    const plan = coordinator.locator('section.roadmap-plan');
    const rows = plan.locator('tbody tr');
    const before = await rows.count();
    const add = coordinator.getByRole('form', { name: 'Toevoegen aan plan' });
    const addItem = async (intervention: string, owner: string, horizon: string, due: string) => {
      await add.getByLabel('Interventie').selectOption({ label: intervention });
      await add.getByLabel('Eigenaar').selectOption({ label: owner });
      await add.getByLabel('Tijdspad').selectOption({ label: horizon });
      await suite.typeDate(add, 'Klaar op', due);
      await add.getByRole('button', { name: 'Toevoegen aan plan' }).click();
    };
    first = (await add.getByLabel('Interventie').locator(`optgroup[label="${F1.nl}"] option`).first().textContent()) ?? '';
    second = (await add.getByLabel('Interventie').locator(`optgroup[label="${F2.nl}"] option`).first().textContent()) ?? '';
    expect(first).not.toBe('');
    expect(second).not.toBe('');
    await addItem(first, 'Directie van de opleiding', 'Kort', dayFromNow(-3));
    await add.getByText('Kies een datum vanaf vandaag.').waitFor();
    await suite.settled(coordinator);
    expect(await rows.count()).toBe(before);
    expect(await add.getByRole('status').count()).toBe(0);
    await expectAccessible(coordinator, 'plan form with a due date in the past (nl)');
    await add.screenshot({ path: `${SCREENSHOTS}/roadmap-journey-4-past-date-nl.png` });
    // Corrected, the same form can be sent again (the refused field does not block it).

    await suite.typeDate(add, 'Klaar op', dayFromNow(45));
    await add.getByRole('button', { name: 'Toevoegen aan plan' }).click();
    await add.getByRole('status').filter({ hasText: 'De interventie staat in het plan.' }).waitFor();
    await expect.poll(() => rows.count()).toBe(before + 1);
    await addItem(second, 'Studentcoaches', 'Midden', dayFromNow(200));
    await expect.poll(() => rows.count()).toBe(before + 2);
    await plan.getByRole('row').filter({ hasText: first }).filter({ hasText: 'Directie van de opleiding' }).waitFor();
    await plan.getByRole('row').filter({ hasText: second }).filter({ hasText: 'Studentcoaches' }).waitFor();
    await expectAccessible(coordinator, 'roadmap with the plan (nl)');
    // At 360 px the plan's table scrolls inside its wrapper; the page itself does not (the status
    // selects' visually hidden labels once widened it to 530 px).
    await suite.checkPhone(coordinator, 'roadmap with the plan (nl)');

  });

  it('prints the plan: the print view and the PDF overview are one page each', async () => {
    const coordinator = await coordinatorOnRoadmap();
    // 7. Print: the page's print view (what "Plan afdrukken" prints) is the plan alone, on one A4 page.
    await coordinator.evaluate(() => document.body.classList.add('roadmap-print-plan'));
    await coordinator.emulateMedia({ media: 'print' });
    const printed = `${SCREENSHOTS}/roadmap-journey-5-print-nl.pdf`;
    await coordinator.pdf({ path: printed, format: 'A4', printBackground: true });
    await coordinator.screenshot({ path: `${SCREENSHOTS}/roadmap-journey-5-print-nl.png`, fullPage: true });
    expect(pdfPages(printed)).toBe(1);
    const printText = execFileSync('pdftotext', ['-layout', printed, '-'], { encoding: 'utf8' });
    expect(printText).toContain('Verbeterplan');
    expect(printText).not.toContain('Betrokkenen uitnodigen');
    await coordinator.emulateMedia({ media: 'screen' });
    await coordinator.evaluate(() => document.body.classList.remove('roadmap-print-plan'));

    // …and the PDF overview behind "Plan als pdf": one page naming both interventions and their owners.
    const response = await coordinator.request.get(`${suite.server.url}/api${roadmapPath}/plan.pdf`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const file = `${SCREENSHOTS}/roadmap-journey-6-plan.pdf`;
    fs.writeFileSync(file, await response.body());
    expect(pdfPages(file)).toBe(1);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const words of [first, second].map((t) => t.split(/\s+/).slice(0, 4).join(' '))) expect(text).toContain(words);
    expect(text).toContain('Studentcoaches');
  });
});
