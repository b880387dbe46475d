/**
 * "Plan de klassikale bijeenkomsten" (#21 item 3, class-wide February format) through the real
 * app: for a class community of a class-wide intake the coach (or the coordinator) gets one
 * proposed session per teaching period, right next to the class's lessons — from the class's own
 * timetable, or the lessons its students share — clear of the coach's own lessons, with the reason.
 * Nothing is stored before accepting; accepted sessions are normal class-wide sessions (the class
 * is invited). Bad input (a time over a lesson, a period of another intake, a day outside the
 * period, a class without coach of another format, someone else's class, a double accept) is
 * refused in plain words with nothing stored.
 */
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readIntakeSettings } from '../../src/domain/programme/intake-settings';
import { communities, intakes, jobs, sessions, teachingPeriods, timetables } from '../../src/server/db/schema';
import { hashPassword } from '../../src/server/modules/identity/secrets';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';
const NOW = new Date('2026-12-01T09:00:00Z');

describe(`proposed class-wide sessions on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  const as: Record<string, Client> = {};
  const ids: Record<string, string> = {};
  let students: string[] = [];

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    t.setNow(NOW);
    const f = t.factories;
    const db = t.services.db;
    const passwordHash = await hashPassword(PASSWORD);
    const inst = await f.institution();
    const prog = await f.programme(inst.id);
    const september = await f.intake(prog.id);
    const february = await f.intake(prog.id, { month: 'february' });
    const mk = (roles: Parameters<typeof f.person>[0]['roles'], email: string) => f.person({ institutionId: inst.id, roles, programmeId: prog.id, email, passwordHash });
    await mk(['coordinator'], 'coord@c.test');
    const anna = await mk(['studentcoach'], 'anna@c.test');
    const bram = await mk(['studentcoach'], 'bram@c.test');
    await f.coachProfile(anna.id, prog.id);
    await f.coachProfile(bram.id, prog.id);
    const classA = await f.class(february.id, { code: 'SW1F' });
    const classB = await f.class(february.id, { code: 'SW2F' });
    students = [];
    for (let i = 0; i < 4; i++) {
      const s = await mk(['coachee'], `s${i}@c.test`);
      await f.enrol(classA.id, s.id);
      students.push(s.id);
    }
    const b = await mk(['coachee'], 'b0@c.test');
    await f.enrol(classB.id, b.id);
    const group = await f.community({ intakeId: september.id, coachId: anna.id, name: 'Groep 1' });
    const [row] = await db.select().from(intakes).where(eq(intakes.id, february.id));
    const settings = readIntakeSettings(row!.settings, row!.month).settings;
    for (const [k, e] of Object.entries({ coordinator: 'coord@c.test', anna: 'anna@c.test', bram: 'bram@c.test', s0: 's0@c.test' })) as[k] = await signedIn(app, e, PASSWORD);
    expect((await as.coordinator!.request('PUT', `/api/intakes/${february.id}/settings`, { settings: { ...settings, format: 'classWide' } })).statusCode).toBe(200);
    const linkA = await as.coordinator!.request('PUT', `/api/intakes/${february.id}/classes/${classA.id}/coach`, { coachId: anna.id, currentCoachId: null });
    const linkB = await as.coordinator!.request('PUT', `/api/intakes/${february.id}/classes/${classB.id}/coach`, { coachId: bram.id, currentCoachId: null });
    // Two teaching periods. OP3: SW1F's own timetable has Tuesday morning on campus; Anna has her own lessons on Wednesday.
    // OP4: no class timetable, but every student's own timetable has Thursday 10:45–12:30 on campus (one has more).
    const [op3, op4] = await db
      .insert(teachingPeriods)
      .values([
        { intakeId: february.id, name: 'OP3', firstDate: '2027-02-01', lastDate: '2027-04-16' },
        { intakeId: february.id, name: 'OP4', firstDate: '2027-04-19', lastDate: '2027-06-25' },
      ])
      .returning();
    const [other] = await db.insert(teachingPeriods).values({ intakeId: september.id, name: 'OP1', firstDate: '2027-02-01', lastDate: '2027-04-16' }).returning();
    await db.insert(timetables).values([
      { periodId: op3!.id, classId: classA.id, source: 'csv', fileName: 'sw1f.csv', blocks: [{ day: 'tue', start: '09:00', end: '13:15', location: 'campus-a' }] },
      { periodId: op3!.id, personId: anna.id, source: 'csv', fileName: 'anna.csv', blocks: [{ day: 'wed', start: '13:00', end: '17:00', location: 'campus-a' }] },
      ...students.map((personId, i) => ({
        periodId: op4!.id,
        personId,
        source: 'ics',
        fileName: `s${i}.ics`,
        blocks: [{ day: 'thu', start: '10:45', end: '12:30', location: 'campus-a' }, ...(i === 0 ? [{ day: 'fri', start: '09:00', end: '11:00', location: 'campus-a' }] : [])],
      })),
    ]);
    Object.assign(ids, { february: february.id, classA: classA.id, classB: classB.id, communityA: linkA.json().communityId, communityB: linkB.json().communityId, group: group.id, op3: op3!.id, op4: op4!.id, other: other!.id });
  });

  const propose = (who: Client, communityId = ids.communityA!) => who.request('GET', `/api/communities/${communityId}/class-sessions/proposal?durationMinutes=60`);
  const accept = (who: Client, body: unknown, communityId = ids.communityA!) => who.request('POST', `/api/communities/${communityId}/class-sessions`, body);
  const classSessions = () => t.services.db.select().from(sessions).where(eq(sessions.type, 'classWide'));

  it('proposes each period a time right after the class’s lessons, with the reason; nothing stored; the coordinator sees it too, others get 404', async () => {
    const r = await propose(as.anna!);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      communityId: ids.communityA,
      code: 'SW1F',
      durationMinutes: 60,
      hasTimetable: true,
      proposals: [
        { period: { id: ids.op3, name: 'OP3', firstDate: '2027-02-01', lastDate: '2027-04-16' }, proposal: { kind: 'slot', date: '2027-02-02', startTime: '13:15', endTime: '14:15', mode: 'onCampus', reason: { code: 'afterClassLesson', time: '13:15' } } },
        // The lessons every student shares (not the one student's Friday lesson).
        { period: { id: ids.op4, name: 'OP4', firstDate: '2027-04-19', lastDate: '2027-06-25' }, proposal: { kind: 'slot', date: '2027-04-22', startTime: '12:30', endTime: '13:30', mode: 'onCampus', reason: { code: 'afterClassLesson', time: '12:30' } } },
      ],
    });
    expect(await classSessions()).toEqual([]);
    expect((await propose(as.coordinator!)).json()).toEqual(r.json());
    // Someone else's class, a student of the class: the same 404 as a missing one.
    expect((await propose(as.bram!)).statusCode).toBe(404);
    expect((await propose(as.s0!)).statusCode).toBe(404);
    // A class without any timetable: a plain time the coach checks, said so.
    const b = (await propose(as.bram!, ids.communityB)).json();
    expect(b.hasTimetable).toBe(false);
    expect(b.proposals[0].proposal).toMatchObject({ kind: 'slot', mode: 'onCampus', reason: { code: 'classNoTimetable' } });
    // The scheduling page of the intake shows each class's proposals instead of a community run, which it refuses in plain words.
    const setup = (await as.coordinator!.request('GET', `/api/intakes/${ids.february}/scheduling`)).json();
    expect(setup.classProposals.map((c: { code: string; proposals: unknown }) => [c.code, c.proposals])).toEqual([
      ['SW1F', r.json().proposals],
      ['SW2F', b.proposals],
    ]);
    const run = await as.coordinator!.request('POST', `/api/teaching-periods/${ids.op3}/scheduling-runs`, {});
    expect(run.statusCode).toBe(409);
    expect(run.json().error.message).toContain('Deze intake werkt klasbreed.');
    // A community that is no class: refused in plain words.
    const group = await propose(as.anna!, ids.group);
    expect(group.statusCode).toBe(422);
    expect(group.json().error.message).toBe('Klassikale bijeenkomsten stel je alleen voor bij een klas met een coach.');
  });

  it('accepting (one time changed) plans class-wide sessions the class is invited to; bad input and a double accept store nothing', async () => {
    const good = {
      durationMinutes: 60,
      location: 'Lokaal 2.01',
      sessions: [
        { periodId: ids.op3, date: '2027-02-02', startTime: '14:00', mode: 'onCampus' },
        { periodId: ids.op4, date: '2027-04-22', startTime: '12:30', mode: 'onCampus' },
      ],
    };
    const refused = async (body: unknown, path: string, message: string, who = as.anna!) => {
      const r = await accept(who, body);
      expect(r.statusCode).toBe(400);
      expect(r.json().error.fields).toEqual([{ path, message }]);
    };
    // A time over the class's lesson; a time over the coach's own lesson; a period of another intake; a day outside the period; one period twice.
    await refused({ ...good, sessions: [{ ...good.sessions[0], startTime: '10:00' }] }, 'sessions.0.startTime', 'Op deze tijd heeft de klas of de coach les of al een bijeenkomst. Kies een andere tijd.');
    await refused({ ...good, sessions: [{ ...good.sessions[0], date: '2027-02-03', startTime: '14:00' }] }, 'sessions.0.startTime', 'Op deze tijd heeft de klas of de coach les of al een bijeenkomst. Kies een andere tijd.');
    await refused({ ...good, sessions: [{ ...good.sessions[0], periodId: ids.other }] }, 'sessions.0.periodId', 'Deze periode hoort niet bij het jaar van deze klas.');
    await refused({ ...good, sessions: [{ ...good.sessions[0], date: '2027-05-04' }] }, 'sessions.0.date', 'Deze dag valt buiten de periode. Kies een dag in de periode.');
    await refused({ ...good, sessions: [good.sessions[0], good.sessions[0]] }, 'sessions.1.periodId', 'Kies per periode één bijeenkomst.');
    // Someone else's class: 404; a student: 404.
    expect((await accept(as.bram!, good)).statusCode).toBe(404);
    expect((await accept(as.s0!, good)).statusCode).toBe(404);
    expect(await classSessions()).toEqual([]);

    const done = await accept(as.anna!, good);
    expect(done.statusCode).toBe(201);
    const planned = done.json().planned as { sessionId: string; periodId: string; startsAt: string }[];
    expect(planned.map((p) => [p.periodId, p.startsAt])).toEqual([
      [ids.op3, '2027-02-02T13:00:00.000Z'],
      [ids.op4, '2027-04-22T10:30:00.000Z'],
    ]);
    const rows = await classSessions();
    expect(rows).toHaveLength(2);
    expect(rows.every((s) => s.communityId === ids.communityA && s.classId === ids.classA && s.location === 'Lokaal 2.01' && s.status === 'planned')).toBe(true);
    const [community] = await t.services.db.select().from(communities).where(eq(communities.id, ids.communityA!));
    expect(rows.every((s) => s.organiserId === community!.coachId)).toBe(true);
    // Reminders are scheduled as for any session.
    expect((await t.services.db.select().from(jobs).where(and(eq(jobs.kind, 'session-reminder')))).length).toBeGreaterThan(0);
    // The class is invited: a student sees both and can answer.
    const seen = (await as.s0!.request('GET', '/api/sessions?from=2027-02-01T00:00:00Z&to=2027-07-01T00:00:00Z')).json().sessions.map((s: { id: string }) => s.id);
    expect(seen).toEqual(expect.arrayContaining(planned.map((p) => p.sessionId)));
    expect((await as.s0!.request('PUT', `/api/sessions/${planned[0]!.sessionId}/rsvp`, { response: 'coming' })).statusCode).toBe(200);
    // The coach's classes list them; the proposal now says they are planned.
    expect((await as.anna!.request('GET', '/api/classes/mine')).json().classes[0].upcoming).toHaveLength(2);
    const again = (await propose(as.anna!)).json();
    expect(again.proposals.map((p: { proposal: { kind: string; startsAt?: string } }) => p.proposal)).toEqual([
      { kind: 'alreadyPlanned', startsAt: '2027-02-02T13:00:00.000Z' },
      { kind: 'alreadyPlanned', startsAt: '2027-04-22T10:30:00.000Z' },
    ]);

    // The same accept again (a double click): 409, nothing added.
    expect((await accept(as.anna!, good)).statusCode).toBe(409);
    expect(await classSessions()).toHaveLength(2);

    // Two accepts at once for the other class (the coordinator and its coach): one wins, the other answers 409.
    const proposalB = (await propose(as.bram!, ids.communityB)).json();
    const slot = proposalB.proposals[0].proposal;
    const bodyB = { durationMinutes: 60, location: '', sessions: [{ periodId: ids.op3, date: slot.date, startTime: slot.startTime, mode: slot.mode }] };
    const both = await Promise.all([accept(as.bram!, bodyB, ids.communityB), accept(as.coordinator!, bodyB, ids.communityB)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await classSessions()).toHaveLength(3);
  });
});
