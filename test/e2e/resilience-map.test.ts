/**
 * The Veerkrachtpraatplaat end to end on the demo programme, on a phone (360 px): a coachee walks
 * the four steps (the picture, people and places, goals, sharing) by keyboard, the step in the
 * address (reload and back keep it); everything saves by itself and survives a reload; two tabs
 * editing at once merge different answers and ask about the same one; the coachee keeps a
 * version and shares with their coach to work on it together; the coach runs the guided
 * conversation and adds themselves as a resource; the comparison shows the coach became a
 * resource; withdrawing consent stops the coach; stopping sharing (one way, on the sharing step)
 * removes the coach's view. axe on every step in Dutch and English, screenshots at 360 and 1280.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll } from './support/browser';
import { DEMO_DOMAIN as DOMAIN, demoStudentEmail as studentEmail, e2eSuite, LAPTOP, PHONE, SCREENSHOTS as SHOTS } from './support/suite';

const isoDaysAgo = (days: number) => {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The autosave line says the map is saved (and nothing is waiting). */
const saved = (page: Page, text = 'Opgeslagen') => page.locator('.rmap-save-line').filter({ hasText: new RegExp(`^${text}$`) }).waitFor();
const stepHeading = (page: Page, name: string) => page.locator('h2.rmap-step-title').filter({ hasText: new RegExp(`^${name}$`) }).waitFor();
/** The page is at most about two and a half phone screens long (the old page was 9,500 px). */
/** Nothing of a label on the picture falls outside it, also for a token on the outer ring's edge. */
const expectLabelsInside = async (page: Page) => {
  const outside = await page.locator('svg.rmap-svg').first().evaluate((svg) => {
    const frame = svg.getBoundingClientRect();
    const labels = [...svg.querySelectorAll<SVGTextElement>('.rmap-token-label')];
    return {
      count: labels.length,
      cut: labels
        .filter((label) => {
          const box = label.getBoundingClientRect();
          return box.left < frame.left - 0.5 || box.right > frame.right + 0.5;
        })
        .map((label) => label.textContent),
    };
  });
  expect(outside.count, 'labels on the picture').toBeGreaterThan(0);
  expect(outside.cut, 'labels cut off at the picture’s edge').toEqual([]);
};

const expectShort = async (page: Page, label: string) => {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height, `${label} is ${height} px long`).toBeLessThanOrEqual(PHONE.height * 2.75);
};

describe('resilience map', () => {
  const suite = e2eSuite();

  it('walks the four steps on a phone, saves by itself, keeps two tabs honest, shares, and stops sharing', async () => {
    // Find a coachee of the demo coach who has no map yet (nor consent for coaching data: the demo gives that to those with a map).
    const coach = await suite.open({ allowedStatuses: [404] });
    await suite.signIn(coach, `studentcoach@${DOMAIN}`);
    const coachName = (await (await coach.request.get(`${suite.server.url}/api/auth/session`)).json()) as { person: { firstName: string; lastName: string } };
    const coachees = (await (await coach.request.get(`${suite.server.url}/api/resilience/my-coachees`)).json()) as {
      coachees: { id: string; firstName: string; lastName: string; consented: boolean; sharedMap: unknown }[];
    };
    const student = coachees.coachees.find((c) => c.sharedMap === null && !c.consented)!;
    expect(student).toBeDefined();
    const coachFull = `${coachName.person.firstName} ${coachName.person.lastName}`;

    // --- Step 1, the picture: empty, with a way to the next step.
    const page = await suite.open({ ...PHONE, allowedStatuses: [409] });
    await suite.signIn(page, studentEmail(student.firstName, student.lastName));
    await suite.menu(page, 'Veerkracht');
    await page.getByRole('heading', { level: 1, name: 'Mijn veerkrachtpraatplaat' }).waitFor();
    await page.getByText('Stap 1 van 4').waitFor();
    await stepHeading(page, 'De plaat');
    await page.getByText('Privé: alleen jij ziet deze plaat.').waitFor();
    await expectAccessible(page, 'step 1, empty (nl, 360)');
    await expectNoHorizontalScroll(page, 'step 1, empty');

    // --- Step 2, people and places, by keyboard: the step is in the address.
    await suite.tabTo(page, page.getByRole('button', { name: 'Verder: Mensen en plekken →' }));
    await page.keyboard.press('Enter');
    await stepHeading(page, 'Mensen en plekken');
    await page.getByText('Stap 2 van 4').waitFor();
    expect(new URL(page.url()).search).toBe('?step=people');
    // The new step's heading has focus, so a screen reader starts there.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Mensen en plekken');

    const resourceForm = page.locator('form.rmap-form').filter({ has: page.getByRole('button', { name: 'Hulpbron toevoegen' }) });
    const addResource = async (label: string, choices: [string, string][], extra: [string, string][] = []) => {
      await suite.tabTo(page, resourceForm.getByLabel('Naam of omschrijving'));
      await page.keyboard.type(label);
      for (const [field, option] of choices) {
        await suite.tabTo(page, resourceForm.getByLabel(field));
        await page.keyboard.type(option);
      }
      for (const [field, text] of extra) {
        await suite.tabTo(page, resourceForm.getByLabel(field));
        await page.keyboard.type(text);
      }
      await suite.tabTo(page, resourceForm.getByRole('button', { name: 'Hulpbron toevoegen' }));
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: `Wijzig ${label}` }).waitFor();
    };
    await addResource('Doorzetten', [['Wat voor hulpbron', 'Eigenschap'], ['Niveau', 'Individueel'], ['Waar', 'Binnen']]);
    await addResource('Mijn zus', [['Wat voor hulpbron', 'Persoon'], ['Niveau', 'Relationeel'], ['Waar', 'Buiten']]);
    await addResource('Sportschool', [['Wat voor hulpbron', 'Plek'], ['Niveau', 'Contextueel'], ['Waar', 'Buiten']]);
    await addResource(
      'Studentendecaan in het hoofdgebouw',
      [['Wat voor hulpbron', 'Dienst'], ['Niveau', 'Contextueel'], ['Waar', 'Binnen'], ['Hoe gebruik je het?', 'Lastig']],
      [['Wat zou het makkelijker bereikbaar maken?', 'Weten hoe ik een afspraak maak'], ['Notitie', 'Zit in het A-gebouw']],
    );
    // No save button: it saved by itself.
    await saved(page);
    await expect(page.getByRole('button', { name: 'Opslaan', exact: true }).count()).resolves.toBe(0);
    await expectAccessible(page, 'step 2, people and places (nl, 360)');
    await expectNoHorizontalScroll(page, 'step 2');
    await suite.screenshot(page, 'resilience-step2-people-nl-360');

    // --- Back to step 1: move with the key's choose button and the move buttons, the arrow keys, and dragging.
    await page.getByRole('button', { name: '← Terug: De plaat' }).click();
    await stepHeading(page, 'De plaat');
    expect(new URL(page.url()).search).toBe('');
    await suite.tabTo(page, page.getByRole('button', { name: 'Kies Doorzetten om te verplaatsen' }));
    await page.keyboard.press('Enter');
    await suite.tabTo(page, page.getByRole('button', { name: '→ Buiten de hogeschool' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Doorzetten staat nu bij Individueel, Buiten de hogeschool.' }).waitFor();
    const token = page.getByRole('button', { name: /Sportschool: Contextueel/ });
    await suite.tabTo(page, token);
    await page.keyboard.press('ArrowUp');
    await page.getByRole('status').filter({ hasText: 'Sportschool staat nu bij Relationeel, Buiten de hogeschool.' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('status').filter({ hasText: 'Sportschool staat nu bij Contextueel, Binnen de hogeschool.' }).waitFor();
    // A long name is never cut off: with focus on its token the full name shows under the picture.
    await suite.tabTo(page, page.getByRole('button', { name: /Studentendecaan in het hoofdgebouw: Contextueel/ }));
    await page.locator('.rmap-focus-caption').filter({ hasText: 'Studentendecaan in het hoofdgebouw · Contextueel, Binnen de hogeschool' }).waitFor();
    const svgBox = (await page.locator('svg.rmap-svg').boundingBox())!;
    const zus = (await page.getByRole('button', { name: /Mijn zus: Relationeel/ }).boundingBox())!;
    const scale = svgBox.width / 430;
    const [cx, cy] = [svgBox.x + svgBox.width / 2, svgBox.y + svgBox.height / 2];
    await page.mouse.move(zus.x + zus.width / 2, zus.y + zus.height / 2);
    await page.mouse.down();
    await page.mouse.move(cx - 123 * scale, cy + 123 * scale, { steps: 8 });
    await page.mouse.up();
    await page.getByRole('status').filter({ hasText: 'Mijn zus staat nu bij Contextueel, Binnen de hogeschool.' }).waitFor();
    await saved(page);
    await expectAccessible(page, 'step 1, the picture (nl, 360)');
    await expectNoHorizontalScroll(page, 'step 1');
    await suite.screenshot(page, 'resilience-step1-picture-nl-360');

    // --- Step 3, goals, from the step list.
    const steps = page.getByRole('navigation', { name: 'Stappen van je plaat' });
    await steps.getByRole('link', { name: 'Doelen' }).click();
    await stepHeading(page, 'Doelen');
    await page.getByText('Stap 3 van 4').waitFor();
    for (const [text, when] of [['Geldzorgen', 'nu'], ['Pesten op de middelbare school', 'uit']] as const) {
      await suite.tabTo(page, page.getByLabel('Nieuwe uitdaging'));
      await page.keyboard.type(text);
      await suite.tabTo(page, page.getByLabel('Wanneer'));
      await page.keyboard.type(when);
      await suite.tabTo(page, page.getByRole('button', { name: 'Uitdaging toevoegen' }));
      await page.keyboard.press('Enter');
      await page.locator('li').filter({ hasText: text }).first().waitFor();
    }
    await suite.tabTo(page, page.getByLabel('Waar wil je naartoe? Doelen, wensen, dromen'));
    await page.keyboard.type('Jongerenwerker worden');
    await suite.tabTo(page, page.getByLabel('Cijfer van 0 tot 10'));
    await page.keyboard.type('5');
    await suite.tabTo(page, page.getByLabel('Wat is er nodig om tot een voldoende te komen?'));
    await page.keyboard.type('Meer rust in mijn week');
    await suite.tabTo(page, page.getByLabel('Welke eerste stap zet je?'));
    await page.keyboard.type('Mijn coach om hulp vragen bij plannen');
    await saved(page);
    await expectAccessible(page, 'step 3, goals (nl, 360)');
    await expectNoHorizontalScroll(page, 'step 3');
    await suite.screenshot(page, 'resilience-step3-goals-nl-360');

    // Autosave survives a reload, on the same step; back and forward walk the steps.
    await page.reload();
    await stepHeading(page, 'Doelen');
    await expect(page.getByLabel('Waar wil je naartoe? Doelen, wensen, dromen').inputValue()).resolves.toBe('Jongerenwerker worden');
    await expect(page.getByLabel('Welke eerste stap zet je?').inputValue()).resolves.toBe('Mijn coach om hulp vragen bij plannen');
    await expect(page.getByLabel('Cijfer van 0 tot 10').inputValue()).resolves.toBe('5');
    await page.locator('li').filter({ hasText: 'Pesten op de middelbare school' }).first().waitFor();
    await page.goBack();
    await stepHeading(page, 'De plaat');
    await page.getByRole('button', { name: 'Kies Studentendecaan in het hoofdgebouw om te verplaatsen' }).waitFor();
    await page.goForward();
    await stepHeading(page, 'Doelen');

    // --- Two tabs at once: different answers are both kept; the same answer asks, and nothing is lost silently.
    const other = await suite.open({ ...PHONE, allowedStatuses: [409] });
    await suite.signIn(other, studentEmail(student.firstName, student.lastName));
    await other.goto(`${suite.server.url}/resilience?step=goals`);
    await stepHeading(other, 'Doelen');
    await page.getByLabel('Welke rol speelt je opleiding daarin?').fill('Het diploma en de stages');
    await saved(page);
    await other.getByLabel('Wie of wat zou je nog kunnen helpen?').fill('Iemand uit mijn community');
    await saved(other);
    await page.reload();
    await stepHeading(page, 'Doelen');
    await expect(page.getByLabel('Welke rol speelt je opleiding daarin?').inputValue()).resolves.toBe('Het diploma en de stages');
    await expect(page.getByLabel('Wie of wat zou je nog kunnen helpen?').inputValue()).resolves.toBe('Iemand uit mijn community');
    await other.getByLabel('Welke eerste stap zet je?').fill('Een planning maken met mijn coach');
    await saved(other);
    await page.getByLabel('Welke eerste stap zet je?').fill('Elke week één ding afstrepen');
    await page.getByRole('alert').filter({ hasText: 'Je plaat is intussen ergens anders gewijzigd' }).waitFor();
    await expect(page.getByLabel('Welke eerste stap zet je?').inputValue()).resolves.toBe('Elke week één ding afstrepen');
    await expectAccessible(page, 'a conflict (nl, 360)');
    await page.getByRole('button', { name: 'Mijn versie opslaan' }).click();
    await saved(page);
    await other.reload();
    await stepHeading(other, 'Doelen');
    await expect(other.getByLabel('Welke eerste stap zet je?').inputValue()).resolves.toBe('Elke week één ding afstrepen');
    await expect(other.getByLabel('Welke rol speelt je opleiding daarin?').inputValue()).resolves.toBe('Het diploma en de stages');

    // --- Step 4, sharing: a version dated three months back; sharing needs consent first.
    await page.getByRole('button', { name: 'Verder: Delen →' }).click();
    await stepHeading(page, 'Delen');
    await page.getByText('Stap 4 van 4').waitFor();
    // Versions are folded away on the sharing step.
    await page.locator('summary').filter({ hasText: 'Versies en vergelijken' }).click();
    await suite.typeDate(page, 'Datum van deze versie', isoDaysAgo(92));
    await page.getByRole('button', { name: 'Bewaar een versie' }).click();
    await page.getByRole('status').filter({ hasText: /^Versie van .* bewaard\.$/ }).waitFor();
    await page.getByText('Je coach kan je plaat alleen zien als je toestemming geeft voor je gegevens in de coaching.', { exact: false }).waitFor();
    await expect(page.getByRole('button', { name: `Deel met ${coachFull}` }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Naar je toestemmingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jouw toestemmingen' }).waitFor();
    await page.getByRole('button', { name: 'Ja, peerkracht mag mijn coachinggegevens bewaren' }).click();
    await page.getByRole('status').filter({ hasText: 'je hebt toestemming gegeven' }).waitFor();
    await page.goBack();
    await stepHeading(page, 'Delen');
    // Share to work on it together, by keyboard.
    await suite.tabTo(page, page.getByRole('radio', { name: 'Laten bekijken' }));
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Samen aanpassen (tijdens een gesprek)' }).isChecked()).resolves.toBe(true);
    await suite.tabTo(page, page.getByRole('button', { name: `Deel met ${coachFull}` }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: `${coachFull} mag je plaat samen met jou aanpassen.` }).waitFor();
    // One way to stop, saying what the coach then no longer sees.
    await page.getByText(`Dan ziet ${coachName.person.firstName} meteen je plaat niet meer`, { exact: false }).waitFor();
    await expect(page.getByRole('button', { name: /^Stop met delen/ }).count()).resolves.toBe(1);
    await expectAccessible(page, 'step 4, sharing (nl, 360)');
    await expectNoHorizontalScroll(page, 'step 4');
    await suite.screenshot(page, 'resilience-step4-sharing-nl-360');

    // --- The coach runs the guided conversation and adds themselves to the map (saved by itself).
    await coach.goto(`${suite.server.url}/resilience/coach`);
    await coach.getByRole('heading', { level: 1, name: 'Veerkrachtgesprekken' }).waitFor();
    await coach.getByRole('button', { name: `Start gesprek met ${student.firstName}` }).click();
    await coach.getByRole('heading', { level: 2, name: 'Voor je begint' }).waitFor();
    await coach.getByRole('button', { name: "Naar de thema's" }).click();
    await coach.getByRole('heading', { level: 2, name: 'Uitdagingen, vroeger en nu' }).waitFor();
    await coach.getByLabel('De hoofdvraag is beantwoord').check();
    const followUps = coach.getByRole('group', { name: 'Doorvragen' }).getByRole('checkbox');
    for (let i = 0; i < (await followUps.count()); i++) await followUps.nth(i).check();
    await coach.getByLabel('Mijn notities (alleen jij ziet ze)').fill('Plannen kost veel energie.');
    await coach.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await coach.getByRole('status').filter({ hasText: 'Gesprek opgeslagen.' }).waitFor();
    await coach.getByRole('button', { name: /Volgend thema/ }).click();
    await coach.getByRole('button', { name: /Volgend thema/ }).click();
    await coach.getByRole('heading', { level: 2, name: 'Mensen om je heen en je thuis voelen' }).waitFor();
    await expectAccessible(coach, 'conversation theme with the map (nl)');
    // On a map that has resources, the form to add one waits behind a button (a short page on a phone).
    await coach.getByRole('button', { name: '+ Nog een hulpbron toevoegen' }).click();
    const form = coach.locator('form.rmap-form').filter({ has: coach.getByRole('button', { name: 'Hulpbron toevoegen' }) });
    await form.getByLabel('Naam of omschrijving').fill('Mijn studentcoach');
    await form.getByLabel('Wat voor hulpbron').selectOption('person');
    await form.getByLabel('Niveau').selectOption('relational');
    await form.getByLabel('Waar').selectOption('inside');
    await form.getByLabel('Is dit iemand uit je community?').selectOption({ label: `${coachFull} (je coach)` });
    await form.getByRole('button', { name: 'Hulpbron toevoegen' }).click();
    await saved(coach);
    await coach.setViewportSize(PHONE);
    await expectNoHorizontalScroll(coach, 'conversation at 360 px');
    await coach.screenshot({ path: `${SHOTS}/resilience-conversation-nl-360.png`, fullPage: true });
    await coach.setViewportSize(LAPTOP);

    // --- The coachee sees it on the picture; a new version; the comparison shows the coach became a resource.
    await page.goto(`${suite.server.url}/resilience`);
    await page.getByRole('button', { name: 'Kies Mijn studentcoach om te verplaatsen' }).waitFor();
    await page.getByRole('navigation', { name: 'Stappen van je plaat' }).getByRole('link', { name: 'Delen' }).click();
    await stepHeading(page, 'Delen');
    await page.locator('summary').filter({ hasText: 'Versies en vergelijken' }).click();
    await page.getByRole('button', { name: 'Bewaar een versie' }).click();
    await page.getByRole('status').filter({ hasText: /^Versie van .* bewaard\.$/ }).waitFor();
    await page.getByLabel('met', { exact: true }).selectOption({ index: 2 });
    await page.getByRole('button', { name: 'Laat de verschillen zien' }).click();
    await page.getByText(`${coachName.person.firstName}, je coach, is een hulpbron geworden.`).waitFor();
    await page.getByText(new RegExp(`${coachFull} bekeek je plaat (\\d+ keer, het laatst )?op`)).first().waitFor();
    await expectAccessible(page, 'comparison (nl, 360)');
    await expectNoHorizontalScroll(page, 'comparison');

    // The PDF, and the print stylesheet: the picture stays, the steps and the save line go.
    const mapId = ((await (await page.request.get(`${suite.server.url}/api/resilience/my-map`)).json()) as { id: string }).id;
    const pdf = await page.request.get(`${suite.server.url}/api/resilience/maps/${mapId}/map.pdf?lang=nl`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    fs.writeFileSync(`${SHOTS}/resilience-map.pdf`, await pdf.body());
    await page.goto(`${suite.server.url}/resilience`);
    await stepHeading(page, 'De plaat');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('svg.rmap-svg').first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('navigation', { name: 'Stappen van je plaat' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('.rmap-save-status').isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // Every step at 1280 px too; on a wide screen the labels on the picture wrap and are never cut.
    await page.setViewportSize(LAPTOP);
    const labels = await page.locator('.rmap-token-label').evaluateAll((nodes) => nodes.map((n) => [...n.querySelectorAll('tspan')].map((line) => line.textContent).join(' ')));
    expect(labels).toContain('Studentendecaan in het hoofdgebouw');
    await expectLabelsInside(page);
    await suite.screenshot(page, 'resilience-picture-nl-1280');
    for (const [step, name] of [['', 'de-plaat'], ['?step=people', 'mensen'], ['?step=goals', 'doelen'], ['?step=sharing', 'delen']] as const) {
      await page.goto(`${suite.server.url}/resilience${step}`);
      await page.getByText(/^Stap \d van 4$/).waitFor();
      await suite.settled(page);
      await suite.screenshot(page, `resilience-${name}-nl-1280`);
    }

    // --- Withdrawing consent for coaching data stops the coach's next request at once, even with the share standing.
    expect((await coach.request.get(`${suite.server.url}/api/resilience/maps/${mapId}`)).status()).toBe(200);
    await page.goto(`${suite.server.url}/privacy/consents`);
    await page.getByRole('region', { name: 'Je gegevens in de coaching' }).getByRole('button', { name: /^Toestemming intrekken/ }).click();
    await page.getByRole('status').filter({ hasText: 'Dit werkt meteen.' }).waitFor();
    const refused = await coach.request.get(`${suite.server.url}/api/resilience/maps/${mapId}`);
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('consent_required');
    await page.goto(`${suite.server.url}/resilience?step=sharing`);
    await page.getByText('Daarom kan niemand anders je plaat nu zien, ook niet als je hem deelt.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Naar je toestemmingen' }).click();
    await page.getByRole('button', { name: 'Ja, peerkracht mag mijn coachinggegevens bewaren' }).click();
    await page.getByRole('status').filter({ hasText: 'je hebt toestemming gegeven' }).waitFor();

    // --- Stopping sharing removes the coach's view: the page the coach has open no longer shows the map.
    await coach.goto(`${suite.server.url}/resilience/maps/${mapId}`);
    await coach.getByRole('heading', { level: 1, name: `Veerkrachtpraatplaat van ${student.firstName} ${student.lastName}` }).waitFor();
    await page.goto(`${suite.server.url}/resilience?step=sharing`);
    await stepHeading(page, 'Delen');
    await page.getByRole('button', { name: `Stop met delen met ${coachFull}` }).click();
    await page.getByRole('status').filter({ hasText: `Je deelt je plaat niet meer met ${coachFull}.` }).waitFor();
    await page.getByText('Privé: alleen jij ziet deze plaat.').waitFor();
    await page.getByRole('button', { name: `Deel met ${coachFull}` }).waitFor();
    expect((await coach.request.get(`${suite.server.url}/api/resilience/maps/${mapId}`)).status()).toBe(404);
    await coach.reload();
    await coach.getByRole('alert').waitFor();
    await expect(coach.getByRole('heading', { level: 1, name: /^Veerkrachtpraatplaat van/ }).count()).resolves.toBe(0);
    await expect(coach.getByText('Jongerenwerker worden').count()).resolves.toBe(0);
    // The whole story (three people, two widths, axe on every step) outlasts the default limit.
  }, 300_000);

  it('walks the four steps in English on a phone, axe-clean on each', async () => {
    const page = await suite.open({ ...PHONE, locale: 'en-GB' });
    await suite.signIn(page, 'coachee', { english: true });
    await suite.menu(page, 'Resilience');
    await page.getByRole('heading', { level: 1, name: 'My resilience map' }).waitFor();
    for (const [i, name, next] of [
      [1, 'The map', 'People and places'],
      [2, 'People and places', 'Goals'],
      [3, 'Goals', 'Sharing'],
      [4, 'Sharing', null],
    ] as const) {
      await page.getByText(`Step ${i} of 4`).waitFor();
      await stepHeading(page, name);
      await suite.settled(page);
      await expectAccessible(page, `step ${i} (en, 360)`);
      await expectNoHorizontalScroll(page, `step ${i} (en)`);
      await expectShort(page, `step ${i} (en, 360)`);
      await suite.screenshot(page, `resilience-step${i}-en-360`);
      if (next) await page.getByRole('button', { name: `Next: ${next} →` }).click();
    }
    await page.getByText(/If you stop sharing, .* no longer sees your map at once/).waitFor();
    await page.setViewportSize(LAPTOP);
    await expectAccessible(page, 'sharing (en, 1280)');
    await suite.screenshot(page, 'resilience-step4-en-1280');
  });

  it('shows the demo coach the shared demo map in English and the group exercise, accessible at 360 px', async () => {
    const coach = await suite.open({ locale: 'en-GB', allowedStatuses: [] });
    await suite.signIn(coach, `studentcoach@${DOMAIN}`);
    await coach.getByRole('button', { name: 'English' }).click();
    await suite.menu(coach, 'Resilience conversations');
    await coach.getByRole('heading', { level: 1, name: 'Resilience conversations' }).waitFor();
    // Opening the map is one read: the page fetches no earlier version until the coach asks for the comparison.
    const reads: string[] = [];
    coach.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (/^\/api\/resilience\/maps\/[^/]+(\/snapshots\/[^/]+)?$/.test(path)) reads.push(path.includes('/snapshots/') ? 'snapshot' : 'map');
    });
    await coach.getByRole('link', { name: /^View map of / }).first().click();
    await coach.getByRole('heading', { level: 1, name: /^Resilience map of / }).waitFor();
    await coach.getByText(/You are viewing this map/).waitFor();
    await coach.getByLabel('with', { exact: true }).waitFor();
    await coach.getByRole('heading', { level: 2, name: 'Everything on your map as a list' }).waitFor();
    expect(reads).toEqual(['map']);
    await coach.getByRole('button', { name: 'Show the differences' }).click();
    await coach.getByText(/your coach, has become a resource/).waitFor();
    expect(reads).toEqual(['map', 'snapshot']);
    // The demo map has a token on the outer ring's left edge (the student dean).
    await expectLabelsInside(coach);
    await expectAccessible(coach, 'shared map (en)');
    await coach.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(coach, 'shared map at 360 px');
    await expectAccessible(coach, 'shared map at 360 px (en)');
    await coach.goto(`${suite.server.url}/`);
    await coach.getByRole('link', { name: /^Group exercise in / }).first().click();
    await coach.getByRole('heading', { level: 1, name: /^Group exercise/ }).waitFor();
    await expectAccessible(coach, 'group exercise (en)');
    await expectNoHorizontalScroll(coach, 'group exercise at 360 px');
    await coach.screenshot({ path: `${SHOTS}/resilience-group-en-360.png`, fullPage: true });
  });
});
