/**
 * Class communities follow the class's enrolment (#21 item 3, ADR 0027) through the real app: after
 * a coach is linked to a class, the coordinator imports a student file in which one student is new
 * in the class and one has moved to another class. In the import's own transaction the new student
 * joins the class community (reason `added`) and the moved one leaves it as `moved` (no ending) and
 * joins the other class's community; a second import of the same file changes nothing; the coach's
 * class session lists the new student for attendance and no longer the moved one.
 */
import type { FastifyInstance } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readIntakeSettings } from '../../src/domain/programme/intake-settings';
import { communities, communityMembers, intakes, people } from '../../src/server/db/schema';
import { hashPassword } from '../../src/server/modules/identity/secrets';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';
const NOW = new Date('2026-12-01T09:00:00Z');
const LATER = new Date('2026-12-08T09:00:00Z');
const MAPPING = { studentNumber: 0, firstName: 1, lastName: 2, email: 3, classCode: 4, locale: 5, priorEducation: null };

describe(`class communities follow the student import on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  const as: Record<string, Client> = {};
  const ids: Record<string, string> = {};

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
    const passwordHash = await hashPassword(PASSWORD);
    const inst = await f.institution();
    const prog = await f.programme(inst.id);
    const february = await f.intake(prog.id, { month: 'february' });
    const mk = (roles: Parameters<typeof f.person>[0]['roles'], email: string, firstName?: string) => f.person({ institutionId: inst.id, roles, programmeId: prog.id, email, passwordHash, firstName });
    await mk(['coordinator'], 'coord@c.test');
    const anna = await mk(['studentcoach'], 'anna@c.test');
    const bram = await mk(['studentcoach'], 'bram@c.test');
    await f.coachProfile(anna.id, prog.id);
    await f.coachProfile(bram.id, prog.id);
    const classA = await f.class(february.id, { code: 'SW1F' });
    const classB = await f.class(february.id, { code: 'SW2F' });
    // Three students in SW1F (student numbers 700001–700003), one in SW2F (700009).
    for (let i = 1; i <= 3; i++) {
      const s = await mk(['coachee'], `s${i}@c.test`, `Student${i}`);
      await f.enrol(classA.id, s.id, `70000${i}`);
      ids[`s${i}`] = s.id;
    }
    const b = await mk(['coachee'], 'b9@c.test', 'Student9');
    await f.enrol(classB.id, b.id, '700009');
    await t.services.db.update(people).set({ studentNumber: '700001' }).where(eq(people.id, ids.s1!));
    await t.services.db.update(people).set({ studentNumber: '700002' }).where(eq(people.id, ids.s2!));
    await t.services.db.update(people).set({ studentNumber: '700003' }).where(eq(people.id, ids.s3!));
    await t.services.db.update(people).set({ studentNumber: '700009' }).where(eq(people.id, b.id));
    Object.assign(ids, { prog: prog.id, february: february.id, anna: anna.id, bram: bram.id, classA: classA.id, classB: classB.id, b9: b.id });
    for (const [k, e] of Object.entries({ coordinator: 'coord@c.test', anna: 'anna@c.test' })) as[k] = await signedIn(app, e, PASSWORD);
    const [row] = await t.services.db.select().from(intakes).where(eq(intakes.id, february.id));
    const settings = readIntakeSettings(row!.settings, row!.month).settings;
    expect((await as.coordinator!.request('PUT', `/api/intakes/${february.id}/settings`, { settings: { ...settings, format: 'classWide' } })).statusCode).toBe(200);
    expect((await as.coordinator!.request('PUT', `/api/intakes/${february.id}/classes/${classA.id}/coach`, { coachId: anna.id, currentCoachId: null })).statusCode).toBe(200);
    expect((await as.coordinator!.request('PUT', `/api/intakes/${february.id}/classes/${classB.id}/coach`, { coachId: bram.id, currentCoachId: null })).statusCode).toBe(200);
  });

  const communityOf = async (classId: string) => (await t.services.db.select().from(communities).where(and(eq(communities.kind, 'class'), eq(communities.classId, classId))))[0]!;
  const current = async (communityId: string) =>
    (await t.services.db.select().from(communityMembers).where(and(eq(communityMembers.communityId, communityId), isNull(communityMembers.leftOn)))).map((m) => m.personId).sort();
  const allRows = async () => (await t.services.db.select().from(communityMembers)).map((m) => [m.communityId, m.personId, m.joinedReason, m.leftReason, m.leftOn?.toISOString() ?? null].join(' ')).sort();
  const runImport = async (csv: string) => {
    const started = await as.coordinator!.request('POST', `/api/intakes/${ids.february}/imports`, { fileName: 'osiris.csv', csv, mapping: MAPPING });
    expect(started.statusCode).toBe(202);
    // Wait on the condition: the durable job reports done.
    await expect
      .poll(async () => (await as.coordinator!.request('GET', `/api/imports/${started.json().id}`)).json<{ status: string }>().status, { timeout: 20_000 })
      .toBe('done');
    return (await as.coordinator!.request('GET', `/api/imports/${started.json().id}`)).json<{ created: number; updated: number; failed: number }>();
  };

  // 700002 moves to SW2F; 700004 (Nadia) is new in SW1F; 700001, 700003 and 700009 stay.
  const CSV = [
    'Studentnummer;Roepnaam;Achternaam;E-mail;Klas;Taal',
    '700001;Student1;Een;s1@c.test;SW1F;nl',
    '700002;Student2;Twee;s2@c.test;SW2F;nl',
    '700003;Student3;Drie;s3@c.test;SW1F;en',
    '700004;Nadia;Nieuw;nadia@c.test;SW1F;nl',
    '700009;Student9;Negen;b9@c.test;SW2F;nl',
  ].join('\n');

  it('a new student joins the class community and a moved one leaves it as moved, in the import; a re-import changes nothing; the coach sees the new student', async () => {
    const classA = await communityOf(ids.classA!);
    const classB = await communityOf(ids.classB!);
    expect(await current(classA.id)).toEqual([ids.s1, ids.s2, ids.s3].sort());
    expect(await current(classB.id)).toEqual([ids.b9]);

    t.setNow(LATER);
    const first = await runImport(CSV);
    expect([first.created, first.updated, first.failed]).toEqual([1, 4, 0]);
    const [nadia] = await t.services.db.select().from(people).where(eq(people.email, 'nadia@c.test'));
    expect(await current(classA.id)).toEqual([ids.s1, ids.s3, nadia!.id].sort());
    expect(await current(classB.id)).toEqual([ids.b9, ids.s2].sort());
    const rows = await t.services.db.select().from(communityMembers);
    // The new student joined as added, at the clock's time; the moved one left as moved — no ending.
    expect(rows.find((m) => m.personId === nadia!.id)).toMatchObject({ communityId: classA.id, joinedReason: 'added', joinedOn: LATER, leftOn: null });
    expect(rows.find((m) => m.personId === ids.s2 && m.communityId === classA.id)).toMatchObject({ joinedReason: 'initial', leftReason: 'moved', leftOn: LATER });
    expect(rows.find((m) => m.personId === ids.s2 && m.communityId === classB.id)).toMatchObject({ joinedReason: 'added', leftOn: null });
    expect(rows.filter((m) => m.leftOn !== null).map((m) => m.leftReason)).toEqual(['moved']);
    const versions = (await t.services.db.select().from(communities)).map((c) => [c.id, c.version]);

    // The same file again: nothing changes (no member rows, no versions).
    const before = await allRows();
    t.setNow(new Date('2026-12-09T09:00:00Z'));
    const second = await runImport(CSV);
    expect([second.created, second.updated, second.failed]).toEqual([0, 5, 0]);
    expect(await allRows()).toEqual(before);
    expect((await t.services.db.select().from(communities)).map((c) => [c.id, c.version])).toEqual(versions);

    // The coach's class: three students now, and a class session lists the new student for attendance.
    const mine = (await as.anna!.request('GET', '/api/classes/mine')).json<{ classes: { communityId: string; size: number }[] }>();
    expect(mine.classes).toMatchObject([{ communityId: classA.id, size: 3 }]);
    const planned = await as.anna!.request('POST', `/api/communities/${classA.id}/sessions`, { type: 'classWide', date: '2027-02-10', startTime: '10:00', durationMinutes: 90, location: 'Lokaal 1.01' });
    expect(planned.statusCode).toBe(201);
    t.setNow(new Date('2027-02-10T11:00:00Z'));
    as.anna = await signedIn(app, 'anna@c.test', PASSWORD);
    const detail = (await as.anna.request('GET', `/api/sessions/${planned.json().id}`)).json<{ participants: { id: string; firstName: string }[] | null }>();
    expect(detail.participants!.map((p) => p.id).sort()).toEqual([ids.s1, ids.s3, nadia!.id].sort());
    expect(detail.participants!.map((p) => p.firstName)).toContain('Nadia');
  });
});
