/**
 * The Veerkrachtpraatplaat end to end on the demo programme: a coachee builds a map with the
 * keyboard only, keeps a version (dated three months back), shares it with their coach to work
 * on together; the coach runs the guided conversation and adds themselves as a relational
 * resource; the comparison shows the coach became a resource; withdrawing consent for coaching
 * data stops the coach's next request; the coachee revokes and the coach's next request is refused. axe in Dutch and English, 360 and 1280 px, screenshots.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll } from './support/browser';
import { DEMO_DOMAIN as DOMAIN, demoStudentEmail as studentEmail, e2eSuite, SCREENSHOTS as SHOTS } from './support/suite';

const isoDaysAgo = (days: number) => {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('resilience map', () => {
  const suite = e2eSuite();

  it('goes from a keyboard-built map through a guided conversation to a comparison, and revokes', async () => {
    // Find a coachee of the demo coach who has no map yet (nor consent for coaching data: the demo gives that to those with a map).
    const coach = await suite.open();
    await suite.signIn(coach, `studentcoach@${DOMAIN}`);
    const coachName = (await (await coach.request.get(`${suite.server.url}/api/auth/session`)).json()) as { person: { firstName: string; lastName: string } };
    const coachees = (await (await coach.request.get(`${suite.server.url}/api/resilience/my-coachees`)).json()) as {
      coachees: { id: string; firstName: string; lastName: string; consented: boolean; sharedMap: unknown }[];
    };
    const student = coachees.coachees.find((c) => c.sharedMap === null && !c.consented)!;
    expect(student).toBeDefined();

    // --- The coachee builds the map with the keyboard only.
    const page = await suite.open();
    await suite.signIn(page, studentEmail(student.firstName, student.lastName));
    await suite.tabTo(page, page.getByRole('link', { name: 'Veerkracht', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mijn veerkrachtpraatplaat' }).waitFor();
    await page.getByText('Privé: alleen jij ziet deze plaat.').waitFor();
    await expectAccessible(page, 'empty map (nl)');

    const addResource = async (label: string, kind: string, level: string, place: string) => {
      const form = page.locator('form.rmap-form').filter({ has: page.getByRole('button', { name: 'Hulpbron toevoegen' }) });
      await suite.tabTo(page, form.getByLabel('Naam of omschrijving'));
      await page.keyboard.type(label);
      await page.keyboard.press('Tab');
      await page.keyboard.type(kind);
      await page.keyboard.press('Tab');
      await page.keyboard.type(level);
      await page.keyboard.press('Tab');
      await page.keyboard.type(place);
      await suite.tabTo(page, form.getByRole('button', { name: 'Hulpbron toevoegen' }));
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: `Kies ${label} om te verplaatsen` }).waitFor();
    };
    await addResource('Doorzetten', 'Eigenschap', 'Individueel', 'Binnen');
    await addResource('Mijn zus', 'Persoon', 'Relationeel', 'Buiten');
    await addResource('Sportschool', 'Plek', 'Contextueel', 'Buiten');

    // Move with the move buttons …
    await suite.tabTo(page, page.getByRole('button', { name: 'Kies Doorzetten om te verplaatsen' }));
    await page.keyboard.press('Enter');
    await suite.tabTo(page, page.getByRole('button', { name: '→ Buiten de hogeschool' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Doorzetten staat nu bij Individueel, Buiten de hogeschool.' }).waitFor();
    // … and with the arrow keys on the picture.
    const token = page.getByRole('button', { name: /Sportschool: Contextueel/ });
    await suite.tabTo(page, token);
    await page.keyboard.press('ArrowUp');
    await page.getByRole('status').filter({ hasText: 'Sportschool staat nu bij Relationeel, Buiten de hogeschool.' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('status').filter({ hasText: 'Sportschool staat nu bij Contextueel, Binnen de hogeschool.' }).waitFor();

    // Drag and drop works too: "Mijn zus" to the contextual ring, inside the university.
    const svgBox = (await page.locator('svg.rmap-svg').boundingBox())!;
    const zus = (await page.getByRole('button', { name: /Mijn zus: Relationeel/ }).boundingBox())!;
    const scale = svgBox.width / 430;
    const [cx, cy] = [svgBox.x + svgBox.width / 2, svgBox.y + svgBox.height / 2];
    await page.mouse.move(zus.x + zus.width / 2, zus.y + zus.height / 2);
    await page.mouse.down();
    await page.mouse.move(cx - 123 * scale, cy + 123 * scale, { steps: 8 });
    await page.mouse.up();
    await page.getByRole('status').filter({ hasText: 'Mijn zus staat nu bij Contextueel, Binnen de hogeschool.' }).waitFor();

    // Every other part of the map, by keyboard: a resource that is hard to reach (what would make it
    // easier, a note), challenges now and from the past, goals and how the study fits, potential.
    const resourceForm = page.locator('form.rmap-form').filter({ has: page.getByRole('button', { name: 'Hulpbron toevoegen' }) });
    await suite.tabTo(page, resourceForm.getByLabel('Naam of omschrijving'));
    await page.keyboard.type('Studentendecaan');
    for (const [label, option] of [['Wat voor hulpbron', 'Dienst'], ['Niveau', 'Contextueel'], ['Waar', 'Binnen'], ['Hoe gebruik je het?', 'Lastig']] as const) {
      await suite.tabTo(page, resourceForm.getByLabel(label));
      await page.keyboard.type(option);
    }
    await suite.tabTo(page, resourceForm.getByLabel('Wat zou het makkelijker bereikbaar maken?'));
    await page.keyboard.type('Weten hoe ik een afspraak maak');
    await suite.tabTo(page, resourceForm.getByLabel('Notitie'));
    await page.keyboard.type('Zit in het A-gebouw');
    await suite.tabTo(page, resourceForm.getByRole('button', { name: 'Hulpbron toevoegen' }));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Kies Studentendecaan om te verplaatsen' }).waitFor();
    for (const [text, when] of [['Geldzorgen', 'nu'], ['Pesten op de middelbare school', 'uit']] as const) {
      await suite.tabTo(page, page.getByLabel('Nieuwe uitdaging'));
      await page.keyboard.type(text);
      await suite.tabTo(page, page.getByLabel('Wanneer'));
      await page.keyboard.type(when);
      await suite.tabTo(page, page.getByRole('button', { name: 'Uitdaging toevoegen' }));
      await page.keyboard.press('Enter');
      await page.locator('li').filter({ hasText: text }).first().waitFor();
    }
    for (const [label, text] of [
      ['Waar wil je naartoe? Doelen, wensen, dromen', 'Jongerenwerker worden'],
      ['Welke rol speelt je opleiding daarin?', 'Het diploma en de stages'],
      ['Wie of wat zou je nog kunnen helpen?', 'Iemand uit mijn community'],
    ] as const) {
      await suite.tabTo(page, page.getByLabel(label));
      await page.keyboard.type(text);
    }

    await suite.tabTo(page, page.getByLabel('Cijfer van 0 tot 10'));
    await page.keyboard.type('5');
    await suite.tabTo(page, page.getByLabel('Wat is er nodig om tot een voldoende te komen?'));
    await page.keyboard.type('Meer rust in mijn week');
    await suite.tabTo(page, page.getByLabel('Welke eerste stap zet je?'));
    await page.keyboard.type('Mijn coach om hulp vragen bij plannen');
    await suite.tabTo(page, page.getByRole('button', { name: 'Opslaan', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    await expectAccessible(page, 'map with resources (nl)');

    // A version, dated three months back.
    await suite.typeDate(page, 'Datum van deze versie', isoDaysAgo(92));
    await page.getByRole('button', { name: 'Bewaar een versie' }).click();
    await page.getByRole('status').filter({ hasText: /^Versie van .* bewaard\.$/ }).waitFor();

    // Sharing needs consent for coaching data first: the map says so and links to the consents.
    await page.getByText('Je coach kan je plaat alleen zien als je toestemming geeft voor je gegevens in de coaching.', { exact: false }).waitFor();
    await expect(page.getByRole('radio', { name: 'Niet delen' }).count()).resolves.toBe(0);
    await suite.tabTo(page, page.getByRole('link', { name: 'Naar je toestemmingen' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Jouw toestemmingen' }).waitFor();
    await suite.tabTo(page, page.getByRole('button', { name: 'Ja, peerkracht mag mijn coachinggegevens bewaren' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'je hebt toestemming gegeven' }).waitFor();
    await suite.tabTo(page, page.getByRole('link', { name: 'Veerkracht', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mijn veerkrachtpraatplaat' }).waitFor();

    // Share with the coach to work on it together.
    const coachFull = `${coachName.person.firstName} ${coachName.person.lastName}`;
    // Tab reaches the checked radio of the group; the arrow keys choose within it.
    await suite.tabTo(page, page.getByRole('radio', { name: 'Niet delen' }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Samen aanpassen (tijdens een gesprek)' }).isChecked()).resolves.toBe(true);
    await suite.tabTo(page, page.getByRole('button', { name: `Bewaar keuze voor ${coachFull}` }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: `${coachFull} mag je plaat samen met jou aanpassen.` }).waitFor();

    // --- The coach runs the guided conversation and edits the map together.
    await coach.goto(`${suite.server.url}/resilience/coach`);
    await coach.getByRole('heading', { level: 1, name: 'Veerkrachtgesprekken' }).waitFor();
    await expectAccessible(coach, 'coach overview (nl)');
    await coach.getByRole('button', { name: `Start gesprek met ${student.firstName}` }).click();
    await coach.getByRole('heading', { level: 2, name: 'Voor je begint' }).waitFor();
    await expectAccessible(coach, 'conversation instruction (nl)');
    await coach.getByRole('button', { name: "Naar de thema's" }).click();
    await coach.getByRole('heading', { level: 2, name: 'Uitdagingen, vroeger en nu' }).waitFor();
    await coach.getByLabel('De hoofdvraag is beantwoord').check();
    const followUps = coach.getByRole('group', { name: 'Doorvragen' }).getByRole('checkbox');
    for (let i = 0; i < (await followUps.count()); i++) await followUps.nth(i).check();
    await coach.getByText('Check: hoofdvraag beantwoord en alle doorvragen aan bod gekomen. Klaar').waitFor();
    await coach.getByLabel('Mijn notities (alleen jij ziet ze)').fill('Plannen kost veel energie.');
    await coach.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await coach.getByRole('status').filter({ hasText: 'Gesprek opgeslagen.' }).waitFor();
    await coach.getByRole('button', { name: /Volgend thema/ }).click();
    await coach.getByRole('button', { name: /Volgend thema/ }).click();
    await coach.getByRole('heading', { level: 2, name: 'Mensen om je heen en je thuis voelen' }).waitFor();
    await expectAccessible(coach, 'conversation theme (nl)');
    // The map of the coachee, editable together: the coach adds themselves as a relational resource.
    const form = coach.locator('form.rmap-form').filter({ has: coach.getByRole('button', { name: 'Hulpbron toevoegen' }) });
    await form.getByLabel('Naam of omschrijving').fill('Mijn studentcoach');
    await form.getByLabel('Wat voor hulpbron').selectOption('person');
    await form.getByLabel('Niveau').selectOption('relational');
    await form.getByLabel('Waar').selectOption('inside');
    await form.getByLabel('Is dit iemand uit je community?').selectOption({ label: `${coachFull} (je coach)` });
    await form.getByRole('button', { name: 'Hulpbron toevoegen' }).click();
    await coach.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await coach.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    await coach.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(coach, 'conversation at 360 px');
    await coach.screenshot({ path: `${SHOTS}/resilience-conversation-nl-360.png`, fullPage: true });
    await coach.setViewportSize({ width: 1280, height: 900 });
    await coach.evaluate(() => window.scrollTo(0, 0));
    await coach.screenshot({ path: `${SHOTS}/resilience-conversation-nl-1280.png` });

    // --- Three months later: a new version; the comparison shows the coach became a resource.
    await page.reload();
    await page.getByRole('button', { name: 'Kies Mijn studentcoach om te verplaatsen' }).waitFor();
    // Everything the coachee typed was kept.
    await expect(page.getByLabel('Welke rol speelt je opleiding daarin?').inputValue()).resolves.toBe('Het diploma en de stages');
    await expect(page.getByLabel('Wie of wat zou je nog kunnen helpen?').inputValue()).resolves.toBe('Iemand uit mijn community');
    await page.locator('li').filter({ hasText: 'Pesten op de middelbare school' }).first().waitFor();
    await page.getByText(/Studentendecaan.*Lastig te bereiken/).first().waitFor();
    await page.getByRole('button', { name: 'Bewaar een versie' }).click();
    await page.getByRole('status').filter({ hasText: /^Versie van .* bewaard\.$/ }).waitFor();
    const compareTo = page.getByLabel('met', { exact: true });
    await compareTo.selectOption({ index: 2 });
    await page.getByRole('button', { name: 'Laat de verschillen zien' }).click();
    await page.getByText(`${coachName.person.firstName}, je coach, is een hulpbron geworden.`).waitFor();
    await expectAccessible(page, 'comparison (nl)');
    // Who looked: the coach, when editing together (one line per hour, with how often when more than once).
    await page.getByText(new RegExp(`${coachFull} bekeek je plaat (\\d+ keer, het laatst )?op`)).first().waitFor();
    await page.locator('.rmap-figure').first().screenshot({ path: `${SHOTS}/resilience-picture-nl-1280.png` });
    await page.screenshot({ path: `${SHOTS}/resilience-map-nl-1280.png`, fullPage: true });
    await page.locator('.rmap-side-by-side').screenshot({ path: `${SHOTS}/resilience-compare-nl-1280.png` });
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page, 'map at 360 px');
    await expectAccessible(page, 'map at 360 px (nl)');
    await page.locator('.rmap-figure').first().screenshot({ path: `${SHOTS}/resilience-picture-nl-360.png` });
    await page.screenshot({ path: `${SHOTS}/resilience-map-nl-360.png`, fullPage: true });
    await page.locator('section', { has: page.getByRole('heading', { name: 'Alles op je plaat als lijst' }) }).screenshot({ path: `${SHOTS}/resilience-list-nl-360.png` });
    await page.locator('section', { has: page.getByRole('heading', { name: 'Versies en vergelijken' }) }).screenshot({ path: `${SHOTS}/resilience-versions-nl-360.png` });
    await page.locator('section', { has: page.getByRole('heading', { name: 'Delen' }) }).screenshot({ path: `${SHOTS}/resilience-sharing-nl-360.png` });

    // The PDF.
    const mapId = ((await (await page.request.get(`${suite.server.url}/api/resilience/my-map`)).json()) as { id: string }).id;
    const pdf = await page.request.get(`${suite.server.url}/api/resilience/maps/${mapId}/map.pdf?lang=nl`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    fs.writeFileSync('.tmp/screenshots/resilience-map.pdf', await pdf.body());
    // The print stylesheet keeps the picture and the list, and drops navigation, sharing and controls.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('svg.rmap-svg').first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Alles op je plaat als lijst' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Delen' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Opslaan', exact: true }).isVisible()).resolves.toBe(false);
    await page.screenshot({ path: `${SHOTS}/resilience-map-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // In English, too.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My resilience map' }).waitFor();
    await expectAccessible(page, 'map (en)');
    await page.screenshot({ path: `${SHOTS}/resilience-map-en-1280.png`, fullPage: true });
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn veerkrachtpraatplaat' }).waitFor();

    // --- Withdrawing consent for coaching data stops the coach's next request at once, even with the share standing.
    expect((await coach.request.get(`${suite.server.url}/api/resilience/maps/${mapId}`)).status()).toBe(200);
    await page.goto(`${suite.server.url}/privacy/consents`);
    await page
      .getByRole('region', { name: 'Je gegevens in de coaching' })
      .getByRole('button', { name: /^Toestemming intrekken/ })
      .click();
    await page.getByRole('status').filter({ hasText: 'Dit werkt meteen.' }).waitFor();
    const refused = await coach.request.get(`${suite.server.url}/api/resilience/maps/${mapId}`);
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('consent_required');
    await coach.goto(`${suite.server.url}/resilience/coach`);
    await coach.getByText(`${student.firstName} heeft geen toestemming gegeven om coachinggegevens te bewaren.`, { exact: false }).waitFor();
    await expectAccessible(coach, 'coach overview without consent (nl)');
    await page.goto(`${suite.server.url}/resilience`);
    await page.getByText('Daarom kan niemand anders je plaat nu zien, ook niet als je hem deelt.', { exact: false }).waitFor();
    await expectAccessible(page, 'map with consent withdrawn (nl)');
    await page.getByRole('link', { name: 'Naar je toestemmingen' }).click();
    await page.getByRole('button', { name: 'Ja, peerkracht mag mijn coachinggegevens bewaren' }).click();
    await page.getByRole('status').filter({ hasText: 'je hebt toestemming gegeven' }).waitFor();
    await page.goto(`${suite.server.url}/resilience`);

    // --- The coachee revokes; the coach's next request is refused.
    expect((await coach.request.get(`${suite.server.url}/api/resilience/maps/${mapId}`)).status()).toBe(200);
    await page.getByRole('button', { name: `Stop met delen met ${coachFull}` }).click();
    await page.getByRole('status').filter({ hasText: `Je deelt je plaat niet meer met ${coachFull}.` }).waitFor();
    await page.getByText('Privé: alleen jij ziet deze plaat.').waitFor();
    expect((await coach.request.get(`${suite.server.url}/api/resilience/maps/${mapId}`)).status()).toBe(404);
    // The whole story (two people, nl and en, two widths, axe a dozen times) outlasts the default limit.
  }, 300_000);

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
