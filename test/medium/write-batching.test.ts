/**
 * Group commit for attendance marks and RSVPs (src/server/db/write-batcher.ts, ADR 0007): writes
 * that arrive together share statements, and still every request gets exactly its own outcome.
 * Many coaches marking at once all land with a complete history; one coach's requests for one
 * session apply one after another (the history is an unbroken chain, which concurrent statements
 * on PostgreSQL would break: each would read the marks before the other's change); a write that
 * fails inside a batch fails only its own request; RSVPs sent together are all kept.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attendanceChanges, attendanceMarks, sessionRsvps } from '../../src/server/db/schema';
import { recordAttendance } from '../../src/server/modules/sessions/record-attendance';
import { loadSession } from '../../src/server/modules/sessions/repository';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery';
const COMMUNITIES = 6;
const MEMBERS = 3;

type Group = { coach: Client; coachId: string; session: string; members: string[]; memberClients: Client[] };

describe(`write batching on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let institution: string;
  let groups: Group[];

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
    institution = inst.id;
    const prog = await f.programme(inst.id);
    const intake = await f.intake(prog.id);
    const startsAt = new Date(Date.now() + 30 * 60_000);
    groups = [];
    for (let g = 0; g < COMMUNITIES; g++) {
      const coach = await f.person({ institutionId: inst.id, programmeId: prog.id, roles: ['studentcoach'], email: `coach${g}@test.example`, password: PASSWORD });
      const members = [];
      for (let m = 0; m < MEMBERS; m++) {
        members.push(await f.person({ institutionId: inst.id, programmeId: prog.id, roles: ['coachee'], email: `coachee${g}-${m}@test.example`, password: PASSWORD }));
      }
      const community = await f.community({ intakeId: intake.id, coachId: coach.id, memberIds: members.map((m) => m.id) });
      const session = await f.session({ institutionId: inst.id, programmeId: prog.id, type: 'community', communityId: community.id, organiserId: coach.id, startsAt, endsAt: new Date(startsAt.getTime() + 5_400_000) });
      groups.push({ coach: await signedIn(app, `coach${g}@test.example`, PASSWORD), coachId: coach.id, session: session.id, members: members.map((m) => m.id), memberClients: [] });
    }
  });

  const mark = (g: Group, absentIndex: number) =>
    g.coach.request('POST', `/api/sessions/${g.session}/attendance`, { marks: g.members.map((personId, i) => ({ personId, status: i === absentIndex ? 'absent' : 'present' })) });

  const historyOf = (session: string) => t.database.db.select().from(attendanceChanges).where(eq(attendanceChanges.sessionId, session));

  /**
   * A person's changes put in order by following them from "no mark" (`fromStatus` null) on; the
   * order of the timestamps could tie. Returns the statuses in order, with a marker for any change
   * that does not follow on from the one before (two changes that both read the same old mark).
   */
  const chainOf = (changes: { fromStatus: string | null; toStatus: string }[]) => {
    const left = [...changes];
    const statuses: string[] = [];
    let current: string | null = null;
    while (left.length > 0) {
      const next = left.findIndex((c) => c.fromStatus === current);
      if (next === -1) return [...statuses, `broken: ${left.map((c) => `${c.fromStatus}→${c.toStatus}`).join(', ')}`];
      current = left.splice(next, 1)[0]!.toStatus;
      statuses.push(current);
    }
    return statuses;
  };

  it('keeps every mark and every change when many coaches mark at the same moment', async () => {
    // Three rounds per coach, all sent at once: round r marks member r absent.
    const responses = await Promise.all(groups.flatMap((g) => [0, 1, 2].map((r) => mark(g, r))));
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 200));
    for (const r of responses) expect(r.json<{ results: { ok: boolean }[] }>().results.every((x) => x.ok)).toBe(true);

    const marks = await t.database.db.select().from(attendanceMarks).where(inArray(attendanceMarks.sessionId, groups.map((g) => g.session)));
    expect(marks).toHaveLength(COMMUNITIES * MEMBERS);
    for (const g of groups) {
      const history = await historyOf(g.session);
      // Round 1 writes three marks, rounds 2 and 3 change two each: 7 changes per session.
      expect(history).toHaveLength(7);
      const current = new Map(marks.filter((m) => m.sessionId === g.session).map((m) => [m.personId, m.status]));
      // Whatever order the rounds ran in, each person's history is a chain ending in their mark.
      for (const person of g.members) {
        const changes = history.filter((h) => h.personId === person);
        const chain = chainOf(changes);
        expect(chain).toHaveLength(changes.length);
        expect(chain.at(-1)).toBe(current.get(person));
        expect(changes.every((h) => h.changedBy === g.coachId)).toBe(true);
      }
    }
  });

  it("applies one coach's requests for one session one after another, in the order they were sent", async () => {
    const g = groups[0]!;
    const person = g.members[0]!;
    // The session and the sign-in are cached after this, so the requests below reach the write in
    // the order they are sent.
    expect((await g.coach.request('GET', `/api/sessions/${g.session}/attendance/history`)).statusCode).toBe(200);
    const statuses = ['present', 'absent', 'late', 'absentWithNotice'];
    const responses = await Promise.all(statuses.map((status) => g.coach.request('POST', `/api/sessions/${g.session}/attendance`, { marks: [{ personId: person, status }] })));
    expect(responses.map((r) => r.statusCode)).toEqual(statuses.map(() => 200));
    expect(chainOf(await historyOf(g.session))).toEqual(statuses);
    const [stored] = await t.database.db.select().from(attendanceMarks).where(eq(attendanceMarks.personId, person));
    expect(stored!.status).toBe('absentWithNotice');
  });

  it('applies requests for one session that share a statement one after another, each change from the mark before it', async () => {
    const g = groups[1]!;
    const session = (await loadSession(t.database.db, institution, g.session))!;
    const actor = { personId: g.coachId, institutionId: institution, grants: [] };
    const [first, second] = g.members;
    const requests: [string, 'present' | 'late' | 'absent' | 'absentWithNotice'][][] = [
      [[first!, 'present'], [second!, 'present']],
      [[first!, 'absent']],
      [[first!, 'absent'], [second!, 'late']],
      [[first!, 'late']],
      [[first!, 'absentWithNotice'], [second!, 'present']],
    ];
    // Sent in one go: the first runs alone, the other four wait for it and share one statement.
    await Promise.all(requests.map((marks) => recordAttendance({ services: t.services, actor, session, marks: marks.map(([personId, status]) => ({ personId, status })), locale: 'nl' })));
    const history = await historyOf(g.session);
    expect(chainOf(history.filter((h) => h.personId === first))).toEqual(['present', 'absent', 'late', 'absentWithNotice']);
    expect(chainOf(history.filter((h) => h.personId === second))).toEqual(['present', 'late', 'present']);
    const stored = await t.database.db.select().from(attendanceMarks).where(eq(attendanceMarks.sessionId, g.session));
    expect(Object.fromEntries(stored.map((m) => [m.personId, m.status]))).toEqual({ [first!]: 'absentWithNotice', [second!]: 'present' });
  });

  it('fails only the write that the database refuses, when it was sent together with others', async () => {
    // A person who is a participant when the request was checked, but is gone by the time the
    // marks are written (the foreign key refuses them): that request fails, its neighbours not.
    const loaded = await Promise.all(groups.map((g) => loadSession(t.database.db, institution, g.session)));
    const ghost = randomUUID();
    const actor = (g: Group) => ({ personId: g.coachId, institutionId: institution, grants: [] });
    const write = (i: number, withGhost: boolean) => {
      const g = groups[i]!;
      const session = loaded[i]!;
      const participants = withGhost ? [...session.resource.participantIds, ghost] : session.resource.participantIds;
      const marks = [...g.members, ...(withGhost ? [ghost] : [])].map((personId) => ({ personId, status: 'present' as const }));
      return recordAttendance({ services: t.services, actor: actor(g), session: { ...session, resource: { ...session.resource, participantIds: participants } }, marks, locale: 'nl' });
    };
    // More writes than may run at once, all sent in one go: the first ones run alone, and the bad
    // one (group 2's) queues and goes in a batch with those behind it.
    const outcomes = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((i) => write(i, i === 2)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    const marks = await t.database.db.select().from(attendanceMarks);
    // Everyone in the other five sessions; nobody in group 2's, whose statement was refused as a whole.
    expect(marks).toHaveLength((COMMUNITIES - 1) * MEMBERS);
    expect(marks.some((m) => m.sessionId === groups[2]!.session)).toBe(false);
  });

  it('keeps every RSVP when many coachees answer at the same moment, the last answer of each', async () => {
    const clients: { client: Client; session: string; person: string }[] = [];
    for (let g = 0; g < COMMUNITIES; g++) {
      for (let m = 0; m < MEMBERS; m++) clients.push({ client: await signedIn(app, `coachee${g}-${m}@test.example`, PASSWORD), session: groups[g]!.session, person: groups[g]!.members[m]! });
    }
    // Cached sign-ins and sessions, so that each pair below reaches the write in the order sent.
    for (const { client, session } of clients) expect((await client.request('GET', `/api/sessions/${session}`)).statusCode).toBe(200);
    // Each coachee answers twice at once: first "not coming", then "coming".
    const responses = await Promise.all(
      clients.flatMap(({ client, session }) => [
        client.request('PUT', `/api/sessions/${session}/rsvp`, { response: 'notComing', reason: 'tentamen' }),
        client.request('PUT', `/api/sessions/${session}/rsvp`, { response: 'coming', reason: '' }),
      ]),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 200));
    const rsvps = await t.database.db.select().from(sessionRsvps);
    expect(rsvps).toHaveLength(clients.length);
    for (const { person } of clients) expect(rsvps.find((r) => r.personId === person)).toMatchObject({ response: 'coming', reason: '' });
  });
});
