/**
 * Round times from the timetable (#21 item 3): the coach of a caseload asks for proposed times in
 * a week — each coachee at a time both are free, next to the coachee's lessons on a campus day —
 * changes what they like and plans the round with those times. Proposing stores nothing; another
 * coach's caseload answers 404; a week outside the intake's year gets a translated message.
 */
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readIntakeSettings } from '../../src/domain/programme/intake-settings';
import { coachAvailability, intakes, sessions, teachingPeriods, timetables } from '../../src/server/db/schema';
import { hashPassword } from '../../src/server/modules/identity/secrets';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';
const NOW = new Date('2026-12-01T09:00:00Z');
// Wednesday of the week asked for: the class has lessons on campus from 08:30 to 13:15.
const WEDNESDAY = '2027-02-10';

type Proposal = { coachee: { id: string }; proposal: { kind: string; date?: string; startTime?: string; mode?: string; reason?: { code: string; time?: string } } };

describe(`Round proposals on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  const as: Record<string, Client> = {};
  let caseloadId = '';
  let coachees: string[] = [];

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
    const passwordHash = await hashPassword(PASSWORD);
    const inst = await f.institution();
    const prog = await f.programme(inst.id);
    const february = await f.intake(prog.id, { month: 'february' });
    const mk = (roles: Parameters<typeof f.person>[0]['roles'], email: string, locale?: 'nl' | 'en') => f.person({ institutionId: inst.id, roles, programmeId: prog.id, email, passwordHash, ...(locale ? { locale } : {}) });
    await mk(['coordinator'], 'coord@r.test');
    const anna = await mk(['studentcoach'], 'anna@r.test', 'en');
    const bram = await mk(['studentcoach'], 'bram@r.test');
    for (const c of [anna, bram]) await f.coachProfile(c.id, prog.id);
    const cls = await f.class(february.id, { code: 'SW1F' });
    for (let i = 0; i < 4; i++) await f.enrol(cls.id, (await mk(['coachee'], `s${i}@r.test`)).id);
    for (const [k, e] of Object.entries({ coordinator: 'coord@r.test', anna: 'anna@r.test', bram: 'bram@r.test' })) as[k] = await signedIn(app, e, PASSWORD);
    t.setNow(NOW);
    const [row] = await t.services.db.select().from(intakes).where(eq(intakes.id, february.id));
    const settings = { ...readIntakeSettings(row!.settings, row!.month).settings, format: 'individual', caseloadSize: 2 };
    expect((await as.coordinator!.request('PUT', `/api/intakes/${february.id}/settings`, { settings })).statusCode).toBe(200);
    expect((await as.coordinator!.request('POST', `/api/intakes/${february.id}/caseloads/assign`)).statusCode).toBe(200);
    const mine = (await as.anna!.request('GET', '/api/caseloads/mine')).json();
    caseloadId = mine.caseloads[0].caseloadId;
    coachees = mine.caseloads[0].coachees.map((c: { id: string }) => c.id);
    expect(coachees).toHaveLength(2);
    // The period's timetables: the class on Wednesday morning on campus; Anna's own lessons on Wednesday afternoon, and she is free on Wednesdays only.
    const [period] = await t.services.db.insert(teachingPeriods).values({ intakeId: february.id, name: 'OP3', firstDate: '2027-02-01', lastDate: '2027-04-16' }).returning();
    await t.services.db.insert(timetables).values([
      { periodId: period!.id, classId: cls.id, source: 'csv', fileName: 'sw1f.csv', blocks: [{ day: 'wed', start: '08:30', end: '13:15', location: 'campus-a' }] },
      { periodId: period!.id, personId: anna.id, source: 'csv', fileName: 'anna.csv', blocks: [{ day: 'wed', start: '15:00', end: '17:00', location: 'campus-a' }] },
    ]);
    await t.services.db.insert(coachAvailability).values({ periodId: period!.id, personId: anna.id, windows: [{ day: 'wed', start: '08:30', end: '18:00' }] });
  });

  const propose = (who: Client, week: string, extra = '') => who.request('GET', `/api/communities/${caseloadId}/one-on-one-round/proposal?week=${week}&durationMinutes=30&breakMinutes=5${extra}`);
  const oneOnOnes = async () => (await t.services.db.select().from(sessions).where(eq(sessions.type, 'oneOnOne'))).length;

  it('proposes each coachee a time after their lessons on the campus day, clear of both timetables and of each other; nothing stored', async () => {
    const r = await propose(as.anna!, '2027-02-12');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ from: '2027-02-08', to: '2027-02-12', durationMinutes: 30, breakMinutes: 5 });
    const proposals: Proposal[] = body.proposals;
    expect(proposals.map((p) => p.coachee.id).sort()).toEqual([...coachees].sort());
    const times = proposals.map((p) => p.proposal);
    // The first right after the lesson of 13:15; the second later that afternoon, before Anna's own lesson.
    expect(times).toContainEqual({ kind: 'slot', date: WEDNESDAY, startTime: '13:15', mode: 'onCampus', reason: { code: 'afterLesson', time: '13:15' } });
    expect(times).toContainEqual({ kind: 'slot', date: WEDNESDAY, startTime: '14:00', mode: 'onCampus', reason: { code: 'campusDay' } });
    expect(await oneOnOnes()).toBe(0);
  });

  it('plans the confirmed (changed) times in one go; refuses overlapping or foreign slots with a translated message, storing nothing', async () => {
    const [a, b] = coachees as [string, string];
    const overlap = await as.anna!.request('POST', `/api/communities/${caseloadId}/one-on-one-round`, {
      date: WEDNESDAY,
      durationMinutes: 30,
      slots: [
        { coacheeId: a, date: WEDNESDAY, startTime: '13:15' },
        { coacheeId: b, date: WEDNESDAY, startTime: '13:30' },
      ],
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.fields[0]).toEqual({ path: 'slots.1.startTime', message: 'This time overlaps with another conversation. Choose another time.' });
    const otherWeek = await as.anna!.request('POST', `/api/communities/${caseloadId}/one-on-one-round`, { date: WEDNESDAY, durationMinutes: 30, slots: [{ coacheeId: a, date: '2027-02-17', startTime: '13:15' }] });
    expect(otherWeek.json().error.fields[0].path).toBe('slots.0.date');
    expect(await oneOnOnes()).toBe(0);

    const planned = await as.anna!.request('POST', `/api/communities/${caseloadId}/one-on-one-round`, {
      date: WEDNESDAY,
      durationMinutes: 30,
      location: 'Kamer 2.14',
      slots: [
        { coacheeId: a, date: WEDNESDAY, startTime: '13:15' },
        { coacheeId: b, date: '2027-02-11', startTime: '10:00', mode: 'online' },
      ],
    });
    expect(planned.statusCode).toBe(201);
    const rows = await t.services.db.select().from(sessions).where(eq(sessions.type, 'oneOnOne'));
    expect(rows.map((s) => [s.coacheeId, s.startsAt.toISOString(), s.mode, s.location]).sort()).toEqual(
      [
        [a, '2027-02-10T12:15:00.000Z', 'onCampus', 'Kamer 2.14'],
        [b, '2027-02-11T09:00:00.000Z', 'online', ''],
      ].sort(),
    );
    // The list names the other person of a one-on-one (here, for the coach, the coachee).
    const listed = (await as.anna!.request('GET', '/api/sessions?from=2027-02-08T00:00:00Z&to=2027-02-15T00:00:00Z')).json().sessions as { withName?: string }[];
    expect(listed.map((s) => s.withName).every((n) => typeof n === 'string' && n.length > 0)).toBe(true);
    // Proposed again for that week: both already have theirs.
    const again: Proposal[] = (await propose(as.anna!, WEDNESDAY)).json().proposals;
    expect(again.map((p) => p.proposal.kind)).toEqual(['alreadyPlanned', 'alreadyPlanned']);
  });

  it('another coach’s caseload answers 404; a week outside the intake year a translated message; a week without common time says so', async () => {
    expect((await propose(as.bram!, '2027-02-12')).statusCode).toBe(404);
    expect((await as.coordinator!.request('GET', `/api/communities/${caseloadId}/one-on-one-round/proposal?week=2027-02-12`)).statusCode).toBe(200);
    const outside = await propose(as.anna!, '2026-12-09');
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields).toEqual([{ path: 'week', message: 'This week is outside the year of this intake. Choose a week in the year.' }]);
    const bad = await as.anna!.request('GET', `/api/communities/${caseloadId}/one-on-one-round/proposal?week=2027-02-12&durationMinutes=500`);
    expect(bad.statusCode).toBe(400);
    // Longer than Anna's free Wednesday hours around everyone's lessons: no common time for the second.
    const long = (await as.anna!.request('GET', `/api/communities/${caseloadId}/one-on-one-round/proposal?week=2027-02-12&durationMinutes=105&breakMinutes=0`)).json().proposals as Proposal[];
    expect(long.map((p) => p.proposal.kind).sort()).toEqual(['none', 'slot']);
    expect(await oneOnOnes()).toBe(0);
  });
});
