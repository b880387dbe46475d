/**
 * One-on-one notes after a community changes coach (issue 14): a note is its author's alone, and a
 * one-on-one stays the history of the coach who held it. The new coach neither reads nor writes
 * the old coach's note — after a plain coach change and after a warm handover — and when the
 * community moves back, each coach sees only their own text. The old coach keeps their own
 * one-on-ones, under the coachee's consent like before.
 */
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { communities, communityCoachPeriods, oneOnOneNotes, sessions } from '../../src/server/db/schema';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';

describe(`one-on-one notes after a coach change on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let ids: { institution: string; programme: string; intake: string; community: string; coachA: string; coachB: string; coachee: string; coordinator: string; seniorA: string; seniorB: string };
  const as: Record<string, Client> = {};

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  beforeEach(async () => {
    await t.reset();
    const f = t.factories;
    const inst = await f.institution();
    const prog = await f.programme(inst.id);
    const intake = await f.intake(prog.id);
    const p = (roles: Parameters<typeof f.person>[0]['roles'], email: string) => f.person({ institutionId: inst.id, programmeId: prog.id, roles, email, password: PASSWORD });
    const coachA = await p(['studentcoach'], 'anna@test.example');
    const coachB = await p(['studentcoach'], 'bilal@test.example');
    const seniorA = await p(['seniorcoach'], 'senior-a@test.example');
    const seniorB = await p(['seniorcoach'], 'senior-b@test.example');
    const coordinator = await p(['coordinator'], 'coordinator@test.example');
    const coachee = await p(['coachee'], 'coachee@test.example');
    const other = await p(['coachee'], 'other@test.example');
    const klass = await f.class(intake.id);
    await f.enrol(klass.id, coachee.id);
    await f.enrol(klass.id, other.id);
    await f.supervise(seniorA.id, coachA.id, prog.id);
    await f.supervise(seniorB.id, coachB.id, prog.id);
    const community = await f.community({ intakeId: intake.id, coachId: coachA.id, classId: klass.id, memberIds: [coachee.id, other.id] });
    ids = { institution: inst.id, programme: prog.id, intake: intake.id, coordinator: coordinator.id, community: community.id, coachA: coachA.id, coachB: coachB.id, coachee: coachee.id, seniorA: seniorA.id, seniorB: seniorB.id };
    for (const [who, email] of Object.entries({ coachA: 'anna', coachB: 'bilal', seniorA: 'senior-a', seniorB: 'senior-b', coordinator: 'coordinator', coachee: 'coachee' }))
      as[who] = await signedIn(app, `${email}@test.example`, PASSWORD);
    t.setNow(new Date('2026-10-05T10:00:00Z'));
    expect((await as.coachee!.request('PUT', '/api/me/consents/coaching-data', { decision: 'grant', textVersion: 1, shownLocale: 'nl' })).statusCode).toBe(200);
  });

  const at = (iso: string) => t.setNow(new Date(iso));
  const oneOnOne = async (coach: Client, date: string) => {
    const r = await coach.request('POST', `/api/communities/${ids.community}/sessions`, { type: 'oneOnOne', coacheeId: ids.coachee, date, startTime: '12:00', durationMinutes: 30 });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ id: string }>().id;
  };
  const writeNote = (coach: Client, sessionId: string, body: string) => coach.request('PUT', `/api/sessions/${sessionId}/one-on-one-note`, { body });
  const noteOf = async (who: Client, sessionId: string) => (await who.request('GET', `/api/sessions/${sessionId}`)).json<{ oneOnOne: { noteBody: string | null } }>().oneOnOne.noteBody;
  const manage = async () => (await as.coordinator!.request('GET', `/api/communities/${ids.community}/manage`)).json<{ name: string; version: number }>();
  const changeCoach = async (coachId: string) => {
    const c = await manage();
    const r = await as.coordinator!.request('PUT', `/api/communities/${ids.community}`, { name: c.name, coachId, version: c.version });
    expect(r.statusCode, r.body).toBe(200);
  };
  const handOver = async (toCoachId: string) => {
    const started = await as.coordinator!.request('POST', `/api/communities/${ids.community}/handovers`, { mode: 'newCoach', toCoachId, introProposedAt: null, version: (await manage()).version });
    expect(started.statusCode, started.body).toBe(201);
    const done = await as.coordinator!.request('POST', `/api/handovers/${started.json<{ id: string }>().id}/complete`);
    expect(done.statusCode, done.body).toBe(200);
  };

  /** The new coach is shut out of the old coach's one-on-one; the old coach keeps it whole. */
  async function expectShutOut(newCoach: Client, oldCoach: Client, sessionId: string, oldText: string) {
    const read = await newCoach.request('GET', `/api/sessions/${sessionId}`);
    expect(read.body).not.toContain(oldText);
    expect(read.statusCode).toBe(404);
    const write = await writeNote(newCoach, sessionId, 'Overschreven door de nieuwe coach');
    expect(write.statusCode).toBe(404);
    expect(await noteOf(oldCoach, sessionId)).toBe(oldText);
    const list = (await newCoach.request('GET', '/api/sessions')).json<{ sessions: { id: string }[] }>().sessions.map((s) => s.id);
    expect(list).not.toContain(sessionId);
  }

  for (const [how, move] of [
    ['a plain coach change', (to: string) => changeCoach(to)],
    ['a warm handover', (to: string) => handOver(to)],
  ] as const) {
    it(`keeps each coach's one-on-one notes their own across ${how} and back`, async () => {
      const first = await oneOnOne(as.coachA!, '2026-10-07');
      at('2026-10-07T12:40:00Z');
      expect((await writeNote(as.coachA!, first, 'Anna: zorgen over thuis')).statusCode).toBe(200);

      at('2026-10-12T09:00:00Z');
      await move(ids.coachB);
      await expectShutOut(as.coachB!, as.coachA!, first, 'Anna: zorgen over thuis');
      // The one-on-one stays with the coach who held it, and with their senior coach, not the new coach's.
      expect((await as.seniorA!.request('GET', `/api/sessions/${first}`)).statusCode).toBe(200);
      expect((await as.seniorB!.request('GET', `/api/sessions/${first}`)).statusCode).toBe(404);

      // The new coach plans their own one-on-ones and writes their own notes.
      const second = await oneOnOne(as.coachB!, '2026-10-14');
      at('2026-10-14T12:40:00Z');
      expect((await writeNote(as.coachB!, second, 'Bilal: gaat beter')).statusCode).toBe(200);
      expect(await noteOf(as.coachB!, second)).toBe('Bilal: gaat beter');
      expect((await as.coachA!.request('GET', `/api/sessions/${second}`)).statusCode).toBe(404);

      at('2026-10-19T09:00:00Z');
      await move(ids.coachA);
      // Back with the first coach: each coach sees their own text only.
      expect(await noteOf(as.coachA!, first)).toBe('Anna: zorgen over thuis');
      const back = await as.coachA!.request('GET', `/api/sessions/${second}`);
      expect(back.statusCode).toBe(404);
      expect(back.body).not.toContain('Bilal');
      expect((await writeNote(as.coachA!, second, 'Anna overschrijft')).statusCode).toBe(404);
      expect(await noteOf(as.coachB!, second)).toBe('Bilal: gaat beter');

      const rows = await t.services.db.select({ sessionId: oneOnOneNotes.sessionId, authorId: oneOnOneNotes.authorId, body: oneOnOneNotes.body }).from(oneOnOneNotes);
      expect(rows.sort((a, b) => a.body.localeCompare(b.body))).toEqual([
        { sessionId: first, authorId: ids.coachA, body: 'Anna: zorgen over thuis' },
        { sessionId: second, authorId: ids.coachB, body: 'Bilal: gaat beter' },
      ]);
    });
  }

  it('lets the old coach read and finish their own note after leaving, only while the coachee consents', async () => {
    const first = await oneOnOne(as.coachA!, '2026-10-07');
    at('2026-10-07T12:40:00Z');
    expect((await writeNote(as.coachA!, first, 'Anna: eerste gesprek')).statusCode).toBe(200);
    at('2026-10-12T09:00:00Z');
    await handOver(ids.coachB);
    expect((await writeNote(as.coachA!, first, 'Anna: eerste gesprek, aangevuld')).statusCode).toBe(200);
    expect(await noteOf(as.coachA!, first)).toBe('Anna: eerste gesprek, aangevuld');
    expect((await as.coachee!.request('PUT', '/api/me/consents/coaching-data', { decision: 'withdraw', textVersion: 1, shownLocale: 'nl' })).statusCode).toBe(200);
    const withdrawn = await as.coachA!.request('GET', `/api/sessions/${first}`);
    expect(withdrawn.json().oneOnOne).toMatchObject({ noteBody: null, consented: false });
    expect(withdrawn.body).not.toContain('eerste gesprek');
    const refused = await writeNote(as.coachA!, first, 'Nog iets');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('consent_required');
    expect((await as.coachee!.request('PUT', '/api/me/consents/coaching-data', { decision: 'grant', textVersion: 1, shownLocale: 'nl' })).statusCode).toBe(200);
    expect(await noteOf(as.coachA!, first)).toBe('Anna: eerste gesprek, aangevuld');
  });

  it("shows a coach only a note they wrote themselves, and a write never touches another author's note", async () => {
    const first = await oneOnOne(as.coachA!, '2026-10-07');
    // A note by someone else on this session (as the old code let a later coach leave behind).
    await t.services.db.insert(oneOnOneNotes).values({ sessionId: first, authorId: ids.coachB, body: 'Bilal: tekst van een ander' });
    const read = await as.coachA!.request('GET', `/api/sessions/${first}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().oneOnOne.noteBody).toBe('');
    expect(read.body).not.toContain('Bilal');
    expect((await writeNote(as.coachA!, first, 'Anna: mijn eigen notitie')).statusCode).toBe(200);
    expect(await noteOf(as.coachA!, first)).toBe('Anna: mijn eigen notitie');
    const [others] = await t.services.db.select({ body: oneOnOneNotes.body }).from(oneOnOneNotes).where(and(eq(oneOnOneNotes.sessionId, first), eq(oneOnOneNotes.authorId, ids.coachB)));
    expect(others?.body).toBe('Bilal: tekst van een ander');
  });

  it('migrates existing notes to whoever wrote their text, and one-on-ones to the coach they were planned for', async () => {
    const f = t.factories;
    const db = t.services.db;
    const d = (iso: string) => new Date(iso);
    // Anna coached until 1 October, Bilal since; the community changed coach by the old rules.
    const [c] = await db.insert(communities).values({ intakeId: ids.intake, name: 'Oude groep', coachId: ids.coachB }).returning();
    await db.insert(communityCoachPeriods).values([
      { communityId: c!.id, coachId: ids.coachA, startedAt: d('2026-09-01T00:00:00Z'), endedAt: d('2026-10-01T00:00:00Z'), endReason: 'handover' },
      { communityId: c!.id, coachId: ids.coachB, startedAt: d('2026-10-01T00:00:00Z') },
    ]);
    const oneOnOne = (organiserId: string, createdAt: string) =>
      f.session({ institutionId: ids.institution, programmeId: ids.programme, type: 'oneOnOne', communityId: c!.id, coacheeId: ids.coachee, organiserId, createdAt: d(createdAt), startsAt: d('2026-09-20T10:00:00Z') });
    const untouched = await oneOnOne(ids.coachA, '2026-09-10T00:00:00Z');
    const overwritten = await oneOnOne(ids.coachA, '2026-09-11T00:00:00Z');
    const byCoordinator = await oneOnOne(ids.coordinator, '2026-09-12T00:00:00Z');
    const beforeAnyCoach = await oneOnOne(ids.coachA, '2026-08-01T00:00:00Z');
    await db.insert(oneOnOneNotes).values([
      // Anna wrote it in September: hers.
      { sessionId: untouched.id, authorId: ids.coachA, body: 'Anna', updatedAt: d('2026-09-20T12:00:00Z') },
      // Anna wrote it first, Bilal overwrote the text in October: the text is Bilal's.
      { sessionId: overwritten.id, authorId: ids.coachA, body: 'Bilal', updatedAt: d('2026-10-05T12:00:00Z') },
      { sessionId: byCoordinator.id, authorId: ids.coachA, body: 'Anna', updatedAt: d('2026-09-20T12:00:00Z') },
      // Written before the community had a coach: the session's stored organiser wrote it.
      { sessionId: beforeAnyCoach.id, authorId: ids.coachB, body: 'Anna', updatedAt: d('2026-08-02T12:00:00Z') },
    ]);
    const migration = fs.readFileSync('drizzle/0011_sessions-one-on-one-note-author.sql', 'utf8');
    const updates = migration.split('--> statement-breakpoint').filter((statement) => /^\s*UPDATE /m.test(statement));
    expect(updates).toHaveLength(2);
    for (const statement of updates) await db.execute(sql.raw(statement));

    const notes = await db.select({ sessionId: oneOnOneNotes.sessionId, authorId: oneOnOneNotes.authorId }).from(oneOnOneNotes);
    const authorOf = (id: string) => notes.find((n) => n.sessionId === id)?.authorId;
    expect(authorOf(untouched.id)).toBe(ids.coachA);
    expect(authorOf(overwritten.id)).toBe(ids.coachB);
    expect(authorOf(byCoordinator.id)).toBe(ids.coachA);
    expect(authorOf(beforeAnyCoach.id)).toBe(ids.coachA);
    const organisers = await db.select({ id: sessions.id, organiserId: sessions.organiserId }).from(sessions);
    const organiserOf = (id: string) => organisers.find((o) => o.id === id)?.organiserId;
    expect(organiserOf(untouched.id)).toBe(ids.coachA);
    expect(organiserOf(byCoordinator.id)).toBe(ids.coachA);
    expect(organiserOf(beforeAnyCoach.id)).toBe(ids.coachA);

    // After the migration Anna reads her own text, not Bilal's; Bilal is not the organiser of Anna's one-on-one.
    expect(await noteOf(as.coachA!, untouched.id)).toBe('Anna');
    expect(await noteOf(as.coachA!, overwritten.id)).toBe('');
    expect((await as.coachB!.request('GET', `/api/sessions/${overwritten.id}`)).statusCode).toBe(404);
  });
});
