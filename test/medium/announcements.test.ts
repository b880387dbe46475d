/**
 * Community announcements (issue 21, item 5): the coach sends a short message; members read it in
 * the app and get it by mail in their own language (the coach's words as written, no names); a
 * message over the limit is refused with a translated message and nothing is stored or mailed; a
 * double send answers 409; nobody outside the group reads it.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { communityAnnouncements, mailOutbox } from '../../src/server/db/schema';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';

describe(`community announcements on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let community: string;
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
    const p = (roles: Parameters<typeof f.person>[0]['roles'], email: string, locale?: 'nl' | 'en') =>
      f.person({ institutionId: inst.id, programmeId: prog.id, roles, email, password: PASSWORD, firstName: 'Fenna', lastName: 'Vermeer', ...(locale ? { locale } : {}) });
    const coach = await p(['studentcoach'], 'coach@test.example');
    const senior = await p(['seniorcoach'], 'senior@test.example');
    await p(['coordinator'], 'coordinator@test.example');
    const leercoach = await p(['leercoach'], 'leercoach@test.example');
    const members = [await p(['coachee'], 'nl@test.example'), await p(['coachee'], 'en@test.example', 'en')];
    const outsider = await p(['coachee'], 'outsider@test.example');
    const klass = await f.class(intake.id, { leercoachId: leercoach.id });
    for (const m of members) await f.enrol(klass.id, m.id);
    await f.supervise(senior.id, coach.id, prog.id);
    community = (await f.community({ intakeId: intake.id, coachId: coach.id, classId: klass.id, name: 'SW 1', memberIds: members.map((m) => m.id) })).id;
    await f.community({ intakeId: intake.id, coachId: senior.id, memberIds: [outsider.id] });
    for (const who of ['coach', 'senior', 'coordinator', 'leercoach', 'nl', 'en', 'outsider']) as[who] = await signedIn(app, `${who}@test.example`, PASSWORD);
  });

  const send = (who: string, body: unknown, headers: Record<string, string> = {}) => as[who]!.request('POST', `/api/communities/${community}/announcements`, { body }, headers);

  it('reaches every member in the app and by mail in their own language, with the text as written and no names', async () => {
    const text = 'We schuiven een half uur op: we beginnen om 16:00. Neem je rooster mee!';
    const r = await send('coach', text);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().mailed).toBe(2);
    for (const who of ['nl', 'en', 'coach']) {
      const board = (await as[who]!.request('GET', `/api/communities/${community}/board`)).json();
      expect(board.announcements, who).toEqual([{ id: r.json().id, body: text, authorName: 'Fenna', createdAt: expect.any(String) }]);
    }
    const mails = await t.services.db.select().from(mailOutbox);
    expect(mails.map((m) => m.recipient).sort()).toEqual(['en@test.example', 'nl@test.example']);
    const nl = mails.find((m) => m.recipient === 'nl@test.example')!;
    const en = mails.find((m) => m.recipient === 'en@test.example')!;
    expect(nl.subject).toBe('Bericht van je coach: SW 1');
    expect(nl.bodyText).toContain('Je coach heeft een bericht voor SW 1:');
    expect(en.subject).toBe('Message from your coach: SW 1');
    expect(en.bodyText).toContain('Your coach has a message for SW 1:');
    for (const m of mails) {
      expect(m.bodyText).toContain(text);
      expect(m.bodyText).not.toMatch(/Fenna|Vermeer|@test\.example/);
    }
  });

  it('refuses 10,000 characters (and an empty message) with a translated message: nothing stored, nothing mailed', async () => {
    const long = await send('coach', 'x'.repeat(10_000));
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields).toEqual([{ path: 'body', message: expect.stringContaining('1000') }]);
    expect(long.json().error.fields[0].message).not.toMatch(/string|characters/i);
    const en = await send('coach', 'x'.repeat(1001), { 'accept-language': 'en' });
    expect(en.json().error.fields[0].message).toMatch(/1000/);
    expect((await send('coach', '   ')).statusCode).toBe(400);
    expect(await t.services.db.select().from(communityAnnouncements)).toHaveLength(0);
    expect(await t.services.db.select().from(mailOutbox)).toHaveLength(0);
    expect((await send('coach', 'x'.repeat(1000))).statusCode).toBe(201);
  });

  it('a double send: one wins, the other answers 409 and mails nothing more', async () => {
    const [a, b] = await Promise.all([send('coach', 'Neem je rooster mee'), send('coach', 'Neem je rooster mee')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(await t.services.db.select().from(communityAnnouncements)).toHaveLength(1);
    expect(await t.services.db.select().from(mailOutbox)).toHaveLength(2);
    // A different message right after is fine.
    expect((await send('coach', 'En je laptop')).statusCode).toBe(201);
  });

  it('only the coach sends, only coach and members read', async () => {
    for (const who of ['nl', 'senior', 'coordinator', 'leercoach', 'outsider']) expect((await send(who, 'Hallo')).statusCode, who).toBe(404);
    expect((await send('coach', 'Alleen voor de groep')).statusCode).toBe(201);
    for (const who of ['senior', 'coordinator', 'leercoach', 'outsider']) {
      const r = await as[who]!.request('GET', `/api/communities/${community}/board`);
      expect(r.statusCode, who).toBe(404);
      expect(r.body).not.toContain('Alleen voor de groep');
    }
    expect((await as.nl!.request('GET', `/api/communities/${community}/board`)).json().can).toEqual({ announce: false, setLinks: false });
  });
});
