/**
 * Programme, people and communities through HTTP: an intake with settings, a CSV import with bad
 * rows (idempotent on re-import), communities edited by hand with version checks, the coach
 * lifecycle from the public form to leaving, and a warm handover the coachee sees.
 */
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox } from '../../src/server/modules/mail/mailer';
import { createTestApp } from '../support/app';
import { anonymous, signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery';
const CSV = fs.readFileSync('test/fixtures/import/osiris-sw-2027.csv', 'utf8');

describe(`programme and communities on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  const as: Record<string, Client> = {};
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
    await t.reset();
    const f = t.factories;
    const inst = await f.institution();
    const prog = await f.programme(inst.id, { nameNl: 'Social Work', nameEn: 'Social Work' });
    const other = await f.programme(inst.id);
    const mk = (roles: Parameters<typeof f.person>[0]['roles'], email: string, programmeId: string | null = prog.id, firstName?: string) =>
      f.person({ institutionId: inst.id, roles, programmeId, email, password: PASSWORD, ...(firstName ? { firstName } : {}) });
    const coordinator = await mk(['coordinator'], 'coord@x.test');
    const otherCoordinator = await mk(['coordinator'], 'coord-other@x.test', other.id);
    const beheerder = await mk(['beheerder'], 'beheer@x.test', null);
    const leercoach = await mk(['leercoach'], 'leercoach@x.test');
    const coachA = await mk(['studentcoach'], 'coach-a@x.test', prog.id, 'Anna');
    const coachB = await mk(['studentcoach'], 'coach-b@x.test', prog.id, 'Bilal');
    const senior = await mk(['seniorcoach', 'studentcoach'], 'senior@x.test');
    await f.coachProfile(coachA.id, prog.id);
    await f.coachProfile(coachB.id, prog.id, { phone: '06 1234 5678', phoneConsent: true, intro: 'Derdejaars, houdt van koken.' });
    ids = { inst: inst.id, prog: prog.id, coordinator: coordinator.id, coachA: coachA.id, coachB: coachB.id, senior: senior.id, leercoach: leercoach.id, otherCoordinator: otherCoordinator.id, beheerder: beheerder.id };
    for (const [k, e] of Object.entries({ coordinator: 'coord@x.test', other: 'coord-other@x.test', beheerder: 'beheer@x.test', leercoach: 'leercoach@x.test', coachA: 'coach-a@x.test', coachB: 'coach-b@x.test', senior: 'senior@x.test' })) {
      as[k] = await signedIn(app, e, PASSWORD);
    }
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('sets up an intake with last year’s settings, classes and a leercoach; only the right people may', async () => {
    const first = await as.beheerder!.request('POST', `/api/programmes/${ids.prog}/intakes`, { academicYear: '2026-2027', month: 'september' });
    expect(first.statusCode).toBe(201);
    const settings = (await as.coordinator!.request('GET', '/api/programme/structure')).json().programmes[0].intakes[0].settings;
    expect(settings.communitySize).toEqual({ min: 7, max: 8 });
    const changed = { ...settings, sessionsPerMonth: 3, communitySize: { min: 3, max: 4 } };
    expect((await as.coordinator!.request('PUT', `/api/intakes/${first.json().id}/settings`, { settings: changed })).statusCode).toBe(200);
    const bad = await as.coordinator!.request('PUT', `/api/intakes/${first.json().id}/settings`, { settings: { ...changed, communitySize: { min: 9, max: 4 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('settings.communitySize.min');
    // The change log: who changed what when; a refused or unchanged save logs nothing.
    expect((await as.coordinator!.request('PUT', `/api/intakes/${first.json().id}/settings`, { settings: changed })).statusCode).toBe(200);
    const history = (await as.coordinator!.request('GET', `/api/intakes/${first.json().id}/settings/history`)).json().changes;
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ by: { id: ids.coordinator }, before: { sessionsPerMonth: 2, communitySize: { min: 7, max: 8 } }, after: { sessionsPerMonth: 3, communitySize: { min: 3, max: 4 } } });
    expect(history[1]).toMatchObject({ by: { id: ids.beheerder }, before: null, after: { sessionsPerMonth: 2 } });
    expect((await as.other!.request('GET', `/api/intakes/${first.json().id}/settings/history`)).statusCode).toBe(404);
    expect((await as.leercoach!.request('GET', `/api/intakes/${first.json().id}/settings/history`)).statusCode).toBe(404);

    const next = await as.coordinator!.request('POST', `/api/programmes/${ids.prog}/intakes`, { academicYear: '2027-2028', month: 'september' });
    expect(next.statusCode).toBe(201);
    ids.intake = next.json().id;
    const structure = (await as.coordinator!.request('GET', '/api/programme/structure')).json();
    const intakes = structure.programmes[0].intakes;
    // Newest first: the coordinator's current intake on top.
    expect(intakes.map((i: { academicYear: string }) => i.academicYear)).toEqual(['2027-2028', '2026-2027']);
    expect(intakes[0].settings.sessionsPerMonth).toBe(3);
    expect(structure.canCreateProgramme).toBe(false);
    expect((await as.coordinator!.request('POST', `/api/programmes/${ids.prog}/intakes`, { academicYear: '2027-2028', month: 'september' })).statusCode).toBe(409);

    const cls = await as.coordinator!.request('POST', `/api/intakes/${ids.intake}/classes`, { code: 'sw1c', leercoachId: ids.leercoach });
    expect(cls.statusCode).toBe(201);
    ids.class = cls.json().id;
    expect((await as.coordinator!.request('POST', `/api/intakes/${ids.intake}/classes`, { code: 'SW1C', leercoachId: null })).json().error.code).toBe('class_code_taken');
    expect((await as.coordinator!.request('POST', `/api/intakes/${ids.intake}/classes`, { code: 'SW1X', leercoachId: ids.coachA })).statusCode).toBe(400);
    // Another programme's coordinator, a coach and the leercoach cannot touch it.
    expect((await as.other!.request('PUT', `/api/intakes/${ids.intake}/settings`, { settings: changed })).statusCode).toBe(404);
    expect((await as.coachA!.request('POST', `/api/intakes/${ids.intake}/classes`, { code: 'SW1Z', leercoachId: null })).statusCode).toBe(404);
    expect((await as.beheerder!.request('POST', '/api/programmes', { nameNl: 'Pedagogiek', nameEn: 'Education', location: 'Amsterdam' })).statusCode).toBe(201);
    expect((await as.coordinator!.request('POST', '/api/programmes', { nameNl: 'X', nameEn: 'X', location: 'Y' })).statusCode).toBe(404);
  });

  it('previews an import with row-level errors, imports the good rows, and re-imports without duplicates', async () => {
    const preview = await as.coordinator!.request('POST', `/api/intakes/${ids.intake}/imports/preview`, { fileName: 'osiris.csv', csv: CSV, mapping: null });
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.mapping).toEqual({ studentNumber: 0, firstName: 1, lastName: 2, email: 3, classCode: 4, locale: 5, priorEducation: null });
    expect([p.total, p.valid, p.existing]).toEqual([13, 9, 0]);
    expect(p.rowErrors).toEqual([
      { line: 11, studentNumber: '', errors: ['studentNumberMissing'] },
      { line: 12, studentNumber: '600011', errors: ['emailInvalid'] },
      { line: 13, studentNumber: '600002', errors: ['duplicateStudentNumber'] },
      { line: 14, studentNumber: '600013', errors: ['lastNameMissing', 'classCodeMissing', 'localeInvalid'] },
    ]);
    // The beheerder keeps the structure but does not handle students.
    expect((await as.beheerder!.request('POST', `/api/intakes/${ids.intake}/imports/preview`, { fileName: 'x.csv', csv: CSV, mapping: null })).statusCode).toBe(404);

    const run = async () => {
      const started = await as.coordinator!.request('POST', `/api/intakes/${ids.intake}/imports`, { fileName: 'osiris.csv', csv: CSV, mapping: p.mapping });
      expect(started.statusCode).toBe(202);
      for (;;) {
        const state = (await as.coordinator!.request('GET', `/api/imports/${started.json().id}`)).json<{ status: string; created: number; updated: number; failed: number; rowErrors: { line: number }[] }>();
        if (state.status !== 'running') return state;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const first = await run();
    expect([first.status, first.created, first.updated, first.failed]).toEqual(['done', 9, 0, 4]);
    expect(first.rowErrors.map((e: { line: number }) => e.line)).toEqual([11, 12, 13, 14]);
    const second = await run();
    expect([second.created, second.updated, second.failed]).toEqual([0, 9, 4]);
    const students = (await as.coordinator!.request('GET', `/api/intakes/${ids.intake}/students`)).json().students;
    expect(students).toHaveLength(9);
    expect(new Set(students.map((s: { classCode: string }) => s.classCode))).toEqual(new Set(['SW1C', 'SW1D']));
    ids.students = students.map((s: { id: string }) => s.id).join(',');

    const exported = await as.coordinator!.request('GET', `/api/intakes/${ids.intake}/students.csv`);
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.body.split('\r\n')[0]).toBe('studentnummer,voornaam,achternaam,email,klas,taal');
    expect(exported.body).toContain('600003,Chloé,Martin,chloe.martin@student.hogeschool-zuidas.example,SW1C,en');
    // The export imports again as a no-op update.
    const again = (await as.coordinator!.request('POST', `/api/intakes/${ids.intake}/imports/preview`, { fileName: 'export.csv', csv: exported.body, mapping: null })).json();
    expect([again.valid, again.existing, again.rowErrors.length]).toEqual([9, 9, 0]);
    // A damaged file names the line and the problem.
    const unclosed = (await as.coordinator!.request('POST', `/api/intakes/${ids.intake}/imports/preview`, { fileName: 'x.csv', csv: 'Studentnummer;Roepnaam\n600001;Amira\n600002;"Bas\n600003;Chloé', mapping: null })).json();
    expect(unclosed.error).toMatchObject({ code: 'import_quote_not_closed', message: expect.stringMatching(/^Regel 3: een aanhalingsteken/) });
    const stray = (await as.coordinator!.request('POST', `/api/intakes/${ids.intake}/imports/preview`, { fileName: 'x.csv', csv: 'Studentnummer;Roepnaam\n600001;"Amira"B\n600002;"Bas" V\n', mapping: null }, { 'accept-language': 'en' })).json();
    expect(stray.error).toMatchObject({ code: 'import_invalid_quote', message: expect.stringMatching(/^Line 2: there is more text after a closing quotation mark/) });
  });

  it('edits communities by hand: capacity needs an override, stale versions are a 409, moves keep history', async () => {
    const students = ids.students!.split(',');
    const create = async (name: string, coachId: string) => (await as.coordinator!.request('POST', `/api/intakes/${ids.intake}/communities`, { name, coachId })).json().id as string;
    ids.c1 = await create('Noord', ids.coachA!);
    ids.c2 = await create('Zuid', ids.coachB!);
    const add = (communityId: string, personId: string, version: number, overrideFull = false) =>
      as.coordinator!.request('POST', `/api/communities/${communityId}/members`, { personId, version, overrideFull });
    for (const [i, s] of students.slice(0, 4).entries()) expect((await add(ids.c1, s, 1 + i)).statusCode).toBe(200);
    const full = await add(ids.c1, students[4]!, 5);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('community_full');
    expect((await add(ids.c1, students[4]!, 5, true)).statusCode).toBe(200);
    // Someone else's edit raised the version: the stale write is refused, not merged.
    const stale = await as.coordinator!.request('PUT', `/api/communities/${ids.c1}`, { name: 'Noord 2', coachId: ids.coachA, version: 3 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict');
    for (const [i, s] of students.slice(5, 8).entries()) expect((await add(ids.c2, s, 1 + i)).statusCode).toBe(200);
    const moved = await add(ids.c2, students[0]!, 4);
    expect(moved.json().moved).toBe(true);
    const c1 = (await as.coordinator!.request('GET', `/api/communities/${ids.c1}/manage`)).json();
    expect(c1.members).toHaveLength(4);
    expect(c1.version).toBe(7);
    expect(c1.history.find((e: { kind: string; reason: string }) => e.kind === 'left')?.reason).toBe('moved');
    expect(c1.continuity.originalCoachShare).toBe(1);
    expect((await as.coordinator!.request('POST', `/api/communities/${ids.c1}/members/${students[1]}/stop`, { reason: 'stopped', version: 7 })).statusCode).toBe(200);
    const list = (await as.coordinator!.request('GET', `/api/intakes/${ids.intake}/communities`)).json();
    expect(list.communities.map((c: { memberCount: number }) => c.memberCount)).toEqual([3, 4]);
    expect(list.unplacedCount).toBe(2);
    expect((await as.coachA!.request('GET', `/api/communities/${ids.c1}/manage`)).statusCode).toBe(404);
    expect((await as.other!.request('GET', `/api/intakes/${ids.intake}/communities`)).statusCode).toBe(404);
  });

  it('runs the coach lifecycle from the public form to onboarding, with CSRF and consent', async () => {
    const visitor = await anonymous(app);
    const programmes = (await visitor.request('GET', '/api/public/programmes')).json().programmes;
    expect(programmes.map((p: { id: string }) => p.id)).toContain(ids.prog);
    const form = {
      firstName: 'Chaimae',
      lastName: 'Haddou',
      email: 'chaimae.haddou@x.test',
      studyYear: 3,
      motivation: 'Ik weet hoe het is om de eerste in je familie te zijn die studeert.',
      availability: 'dinsdag en donderdag',
      languages: ['nl', 'ar'],
      roleModelConsent: false,
      roleModelText: 'eerste generatie',
    };
    expect((await visitor.request('POST', `/api/public/programmes/${ids.prog}/coach-applications`, form)).statusCode).toBe(400);
    expect((await visitor.request('POST', `/api/public/programmes/${ids.prog}/coach-applications`, { ...form, roleModelText: null }, { 'x-csrf-token': 'wrong' })).statusCode).toBe(403);
    const applied = await visitor.request('POST', `/api/public/programmes/${ids.prog}/coach-applications`, { ...form, roleModelConsent: true });
    expect(applied.statusCode).toBe(201);
    const coaches = (await as.coordinator!.request('GET', `/api/programmes/${ids.prog}/coaches`)).json();
    const application = coaches.applications[0];
    expect(application.roleModelText).toBe('eerste generatie');
    expect((await as.coordinator!.request('PUT', `/api/coach-applications/${application.id}`, { status: 'selected' })).json().error.code).toBe('coach_transition_blocked');
    await as.coordinator!.request('PUT', `/api/coach-applications/${application.id}`, { status: 'conversationPlanned', conversationAt: '2027-06-01T10:00:00+02:00' });
    expect((await as.coordinator!.request('PUT', `/api/coach-applications/${application.id}`, { status: 'selected', decisionNote: 'Goed gesprek' })).statusCode).toBe(200);
    const after = (await as.coordinator!.request('GET', `/api/programmes/${ids.prog}/coaches`)).json();
    const newCoach = after.coaches.find((c: { email: string }) => c.email === 'chaimae.haddou@x.test');
    expect(newCoach.status).toBe('onboarding');
    expect((await as.coordinator!.request('PUT', `/api/coaches/${newCoach.id}/status`, { status: 'active' })).json().error.code).toBe('coach_transition_blocked');
    await as.coordinator!.request('PUT', `/api/coaches/${newCoach.id}/onboarding`, { agreementSignedOn: '2027-08-20', firstTrainingOn: '2027-08-28' });
    expect((await as.coordinator!.request('PUT', `/api/coaches/${newCoach.id}/status`, { status: 'active' })).statusCode).toBe(200);
    expect((await as.coordinator!.request('PUT', `/api/coaches/${newCoach.id}/supervisor`, { seniorId: ids.senior })).statusCode).toBe(200);
    expect((await as.senior!.request('GET', `/api/coaches/${newCoach.id}`)).statusCode).toBe(200);
    expect((await as.coachA!.request('GET', `/api/coaches/${newCoach.id}`)).statusCode).toBe(404);
    // The pool's make-up: counts only, small groups suppressed, no self-description text.
    const pool = await as.coordinator!.request('GET', `/api/programmes/${ids.prog}/coach-pool`);
    expect(pool.statusCode).toBe(200);
    expect(pool.json()).toMatchObject({ minCell: 5, total: 4, roleModels: null });
    expect(pool.json().byStatus.find((c: { key: string }) => c.key === 'active').count).toBeNull();
    expect(pool.json().byLanguage).toEqual([{ key: 'ar', count: null }, { key: 'nl', count: null }]);
    expect(pool.body).not.toContain('eerste generatie');
    expect((await as.other!.request('GET', `/api/programmes/${ids.prog}/coach-pool`)).statusCode).toBe(404);
    expect((await as.senior!.request('GET', `/api/programmes/${ids.prog}/coach-pool`)).statusCode).toBe(404);
    const mails = (await listOutbox(t.services.db, ids.inst!)).map((m) => m.subject);
    expect(mails).toEqual(expect.arrayContaining(['Je aanmelding als studentcoach is binnen', 'Welkom als studentcoach']));
  });

  it('hands a community over warmly: the note is for the new coach only, coachees are told, the coach has left', async () => {
    expect((await as.coordinator!.request('PUT', `/api/coaches/${ids.coachA}/status`, { status: 'leaving' })).statusCode).toBe(200);
    expect((await as.coordinator!.request('PUT', `/api/coaches/${ids.coachA}/status`, { status: 'left' })).json().error.code).toBe('coach_transition_blocked');
    const c1 = (await as.coordinator!.request('GET', `/api/communities/${ids.c1}/manage`)).json();
    expect(c1.coaches.map((c: { id: string }) => c.id)).not.toContain(ids.coachA);
    const started = await as.coordinator!.request('POST', `/api/communities/${ids.c1}/handovers`, {
      mode: 'newCoach',
      toCoachId: ids.coachB,
      introProposedAt: '2027-10-07T15:30:00+02:00',
      version: c1.version,
    });
    expect(started.statusCode).toBe(201);
    const h = started.json().id;
    expect((await as.coordinator!.request('POST', `/api/communities/${ids.c1}/handovers`, { mode: 'newCoach', toCoachId: ids.coachB, introProposedAt: null, version: c1.version + 1 })).statusCode).toBe(409);
    expect((await as.coachB!.request('PUT', `/api/handovers/${h}/note`, { note: 'poging' })).statusCode).toBe(404);
    expect((await as.coachA!.request('PUT', `/api/handovers/${h}/note`, { note: 'De groep is hecht; Bas heeft het druk met werk.' })).statusCode).toBe(200);
    expect((await as.coordinator!.request('GET', `/api/handovers/${h}`)).json().note).toBeNull();
    expect((await as.coachB!.request('GET', `/api/handovers/${h}`)).json().note).toBe('De groep is hecht; Bas heeft het druk met werk.');
    expect((await as.senior!.request('GET', `/api/handovers/${h}`)).statusCode).toBe(404);
    expect((await as.coachA!.request('POST', `/api/handovers/${h}/complete`)).statusCode).toBe(404);
    t.setNow(new Date(Date.now() + 5 * 86_400_000));
    expect((await as.coordinator!.request('POST', `/api/handovers/${h}/complete`)).statusCode).toBe(200);
    expect((await as.coordinator!.request('POST', `/api/handovers/${h}/complete`)).statusCode).toBe(409);
    expect((await as.coachA!.request('PUT', `/api/handovers/${h}/note`, { note: 'later' })).statusCode).toBe(404);

    const after = (await as.coordinator!.request('GET', `/api/communities/${ids.c1}/manage`)).json();
    expect(after.coach.id).toBe(ids.coachB);
    expect(after.continuity.originalCoachShare).toBeGreaterThan(0.99);
    expect(after.continuity.coachChanges).toBe(1);
    const coaches = (await as.coordinator!.request('GET', `/api/programmes/${ids.prog}/coaches`)).json().coaches;
    expect(coaches.find((c: { id: string }) => c.id === ids.coachA).status).toBe('left');

    const outbox = await listOutbox(t.services.db, ids.inst!);
    const told = outbox.filter((m) => m.subject === 'Je community heeft een nieuwe coach' || m.subject === 'Your community has a new coach');
    expect(told.length).toBe(after.members.length + 1);
    expect(told.every((m) => !m.bodyText.includes('Bas heeft het druk'))).toBe(true);

    // A member signs in (their account gets a password) and sees the new coach.
    const member = after.members.find((m: { firstName: string }) => m.firstName === 'Chloé') ?? after.members[0];
    const { hashPassword } = await import('../../src/server/modules/identity/secrets');
    const { passwordCredentials, people } = await import('../../src/server/db/schema');
    const { eq } = await import('drizzle-orm');
    await t.services.db.insert(passwordCredentials).values({ personId: member.id, hash: await hashPassword(PASSWORD) });
    const [row] = await t.services.db.select().from(people).where(eq(people.id, member.id));
    const coachee = await signedIn(app, row!.email, PASSWORD);
    as.coachee = coachee;
    const mine = (await coachee.request('GET', '/api/me/community')).json();
    expect(mine.community.coach).toMatchObject({ firstName: 'Bilal', phone: '06 1234 5678', intro: 'Derdejaars, houdt van koken.' });
    expect(mine.community.introProposedAt).toBe('2027-10-07T13:30:00.000Z');
    expect(mine.nextSession).toBeNull();
    expect(mine.community.members.every((m: { lastName?: string }) => m.lastName === undefined)).toBe(true);
    expect((await coachee.request('GET', `/api/coaches/${ids.coachB}`)).statusCode).toBe(200);
    expect((await coachee.request('GET', `/api/coaches/${ids.coachA}`)).statusCode).toBe(404);
  });

  it('lets a coach add, replace and delete a photo that only the people who may see the profile see', async () => {
    const png = fs.readFileSync('test/fixtures/photos/coach.png');
    const upload = (who: Client, bytes: Buffer | string, headers: Record<string, string> = {}) =>
      who.request('PUT', '/api/me/coach-profile/photo', bytes, { 'content-type': 'application/octet-stream', ...headers });
    const photoOf = (who: Client, headers: Record<string, string> = {}) => who.request('GET', `/api/coaches/${ids.coachB}/photo`, undefined, headers);

    // Bad files change nothing and say why, in the person's language.
    const gif = await upload(as.coachB!, Buffer.from('GIF89a\x01\x00\x01\x00'));
    expect(gif.statusCode).toBe(400);
    expect(gif.json().error.fields).toEqual([{ path: 'photo', message: 'Dit is geen JPEG-, PNG- of WebP-foto.' }]);
    const svg = await upload(as.coachB!, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', { 'content-type': 'image/png', 'accept-language': 'en' });
    expect(svg.json().error.fields[0].message).toBe('This is not a JPEG, PNG or WebP photo.');
    expect((await upload(as.coachB!, Buffer.alloc(3 * 1024 * 1024 + 2048, 0xff))).statusCode).toBe(413);
    expect((await upload(as.coachB!, png, { 'x-csrf-token': 'wrong' })).statusCode).toBe(403);
    expect((await photoOf(as.coordinator!)).statusCode).toBe(404);
    // Not a coach: no profile to put a photo on.
    expect((await upload(as.coachee!, png)).statusCode).toBe(404);

    const saved = await upload(as.coachB!, png);
    expect(saved.statusCode).toBe(200);
    const version = saved.json().photoVersion as string;
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    // The coachee's view carries the version; the photo itself comes through the policy.
    const mine = (await as.coachee!.request('GET', '/api/me/community')).json();
    expect(mine.community.coach.photoVersion).toBe(version);
    const seen = await photoOf(as.coachee!);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['content-type']).toBe('image/png');
    expect(seen.headers['x-content-type-options']).toBe('nosniff');
    expect(seen.headers['cache-control']).toContain('private');
    // Stored without the file's text chunk (which named a place), image data intact.
    expect(seen.rawPayload.includes(Buffer.from('Wibautstraat'))).toBe(false);
    expect(seen.rawPayload.includes(Buffer.from('IDAT'))).toBe(true);
    expect((await photoOf(as.coachee!, { 'if-none-match': seen.headers.etag as string })).statusCode).toBe(304);
    expect((await photoOf(as.coordinator!)).statusCode).toBe(200);
    expect((await photoOf(as.coachB!)).statusCode).toBe(200);
    expect((await as.coordinator!.request('GET', `/api/programmes/${ids.prog}/coaches`)).json().coaches.find((c: { id: string }) => c.id === ids.coachB).photoVersion).toBe(version);
    // Another coach, the leercoach, another programme's coordinator, and anonymous visitors: not found.
    for (const who of [as.coachA!, as.leercoach!, as.other!, await anonymous(app)]) expect([401, 404]).toContain((await photoOf(who)).statusCode);

    // Replacing gives a new version (so caches refresh); the type is read from the bytes.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'), 0xff, 0xda, 0x00, 0x02, 1, 2, 0xff, 0xd9]);
    const replaced = await upload(as.coachB!, jpeg, { 'content-type': 'image/png' });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().photoVersion).not.toBe(version);
    expect((await photoOf(as.coachee!)).headers['content-type']).toBe('image/jpeg');

    expect((await as.coachB!.request('DELETE', '/api/me/coach-profile/photo')).json()).toEqual({ photoVersion: null });
    expect((await photoOf(as.coachee!)).statusCode).toBe(404);
    expect((await as.coachee!.request('GET', '/api/me/community')).json().community.coach.photoVersion).toBeNull();
  });

  it('measures continuity in sessions once they are held: the share the original coach led, the original members still there', async () => {
    const day = (n: number) => new Date(Date.now() + n * 86_400_000);
    const session = (n: number, organiserId: string) =>
      t.factories.session({ institutionId: ids.inst!, programmeId: ids.prog!, type: 'community', communityId: ids.c1!, organiserId, startsAt: day(n), endsAt: new Date(day(n).getTime() + 90 * 60_000) });
    // Two sessions with the first coach before the handover (day 5), one with the new coach, one still to come, one cancelled.
    await session(1, ids.coachA!);
    await session(2, ids.coachA!);
    await session(6, ids.coachB!);
    await session(30, ids.coachB!);
    await t.factories.session({ institutionId: ids.inst!, programmeId: ids.prog!, type: 'community', communityId: ids.c1!, organiserId: ids.coachB!, startsAt: day(3), endsAt: day(3.1), status: 'cancelled' });
    t.setNow(day(7));
    const c1 = (await as.coordinator!.request('GET', `/api/communities/${ids.c1}/manage`)).json();
    expect(c1.continuity).toMatchObject({ basis: 'sessions', sessionsHeld: 3, coachChanges: 1 });
    expect(c1.continuity.originalCoachShare).toBeCloseTo(2 / 3);
    // Five placed before the first session; one moved away, one stopped.
    expect(c1.continuity.originalMembersShare).toBeCloseTo(3 / 5);
    const list = (await as.coordinator!.request('GET', `/api/intakes/${ids.intake}/communities`)).json();
    expect(list.communities.find((c: { id: string }) => c.id === ids.c1).continuity).toEqual(c1.continuity);
    // The coachee sees the next planned session of their community (not the cancelled or past ones).
    const next = (await as.coachee!.request('GET', '/api/me/community')).json().nextSession;
    expect(new Date(next.startsAt).getTime()).toBeCloseTo(day(30).getTime(), -4);
    // Zuid has no sessions yet: measured in time.
    expect(list.communities.find((c: { id: string }) => c.id === ids.c2).continuity).toMatchObject({ basis: 'time', sessionsHeld: 0, originalCoachShare: 1 });
  });

  it('assigns a coach who already leads a community only after the coordinator confirms it, and changes nothing before', async () => {
    const coordinator = as.coordinator!;
    const count = async () => (await coordinator.request('GET', `/api/intakes/${ids.intake}/communities`)).json().communities.length as number;
    const before = await count();
    // The coach who leads Noord now (after the handover above).
    const noord = (await coordinator.request('GET', `/api/communities/${ids.c1}/manage`)).json<{ name: string; coach: { id: string } | null }>();
    const coachId = noord.coach!.id;
    const refused = await coordinator.request('POST', `/api/intakes/${ids.intake}/communities`, { name: 'West', coachId });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('coach_already_leads');
    expect(refused.json().error.message).toMatch(new RegExp(`^Deze coach leidt al een community \\([^)]*${noord.name}[^)]*\\)\\. Wil je de coach toch ook deze community geven\\?`));
    expect(await count()).toBe(before);
    // Giving a community without a coach one who leads another: the same warning, nothing changes.
    const oost = await coordinator.request('POST', `/api/intakes/${ids.intake}/communities`, { name: 'Oost', coachId: null });
    expect(oost.statusCode).toBe(201);
    const oostId = oost.json<{ id: string }>().id;
    const manage = async () => (await coordinator.request('GET', `/api/communities/${oostId}/manage`)).json<{ version: number; coach: { id: string } | null }>();
    const plain = await manage();
    const change = await coordinator.request('PUT', `/api/communities/${oostId}`, { name: 'Oost', coachId, version: plain.version });
    expect(change.statusCode).toBe(409);
    expect(change.json().error.code).toBe('coach_already_leads');
    expect(await manage()).toMatchObject({ version: plain.version, coach: null });
    // Confirmed, the coach is assigned; keeping the same coach later needs no confirmation.
    expect((await coordinator.request('PUT', `/api/communities/${oostId}`, { name: 'Oost', coachId, version: plain.version, confirmSecondCommunity: true })).statusCode).toBe(200);
    const assigned = await manage();
    expect(assigned.coach?.id).toBe(coachId);
    expect((await coordinator.request('PUT', `/api/communities/${oostId}`, { name: 'Oost Zuid', coachId, version: assigned.version })).statusCode).toBe(200);
    const created = await coordinator.request('POST', `/api/intakes/${ids.intake}/communities`, { name: 'West', coachId, confirmSecondCommunity: true });
    expect(created.statusCode).toBe(201);
    expect(await count()).toBe(before + 2);
  });
});
