/**
 * The student import may suggest a prior education (ADR 0005): only when the beheerder enabled it
 * for group formation with "from import"; as an unconfirmed suggestion that counts once the
 * student confirms it; never over an answer the student gave themselves.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordCredentials, people, studentAttributes } from '../../src/server/db/schema';
import { hashPassword } from '../../src/server/modules/identity/secrets';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery';
const header = 'Studentnummer;Roepnaam;Achternaam;E-mail;Klas;Vooropleiding';
const csv = (prior: Record<string, string>) =>
  [header, ...['9001', '9002', '9003', '9004'].map((n) => `${n};Student;${n};s${n}@student.test;SW1A;${prior[n] ?? ''}`)].join('\n');

describe(`prior education from the student import, on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let coordinator: Client;
  let beheerder: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
    await t.reset();
    const f = t.factories;
    const inst = await f.institution();
    const prog = await f.programme(inst.id);
    const intake = await f.intake(prog.id);
    await f.person({ institutionId: inst.id, roles: ['coordinator'], programmeId: prog.id, email: 'coord@i.test', password: PASSWORD });
    await f.person({ institutionId: inst.id, roles: ['beheerder'], programmeId: null, email: 'beheer@i.test', password: PASSWORD });
    // 9001 is known already and told us their prior education themselves.
    const known = await f.person({ institutionId: inst.id, roles: ['coachee'], programmeId: prog.id, email: 's9001@student.test' });
    await t.services.db.update(people).set({ studentNumber: '9001' }).where(eq(people.id, known.id));
    await f.studentAttribute(known.id, 'priorEducation', 'havo');
    Object.assign(ids, { intake: intake.id, known: known.id });
    coordinator = await signedIn(app, 'coord@i.test', PASSWORD);
    beheerder = await signedIn(app, 'beheer@i.test', PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const importFile = async (text: string, mapping?: Record<string, number | null>) => {
    const preview = (await coordinator.request('POST', `/api/intakes/${ids.intake}/imports/preview`, { fileName: 'osiris.csv', csv: text, mapping: null })).json<{ mapping: Record<string, number | null>; priorEducationSuggestions: boolean }>();
    const started = await coordinator.request('POST', `/api/intakes/${ids.intake}/imports`, { fileName: 'osiris.csv', csv: text, mapping: mapping ?? preview.mapping });
    expect(started.statusCode).toBe(202);
    for (let i = 0; i < 100; i++) {
      const state = (await coordinator.request('GET', `/api/imports/${started.json<{ id: string }>().id}`)).json<{ status: string }>();
      if (state.status !== 'running') {
        expect(state).toMatchObject({ status: 'done', failed: 0 });
        return preview;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  };
  const stored = async () => {
    const rows = await t.services.db
      .select({ number: people.studentNumber, value: studentAttributes.value, source: studentAttributes.source, confirmed: studentAttributes.confirmed })
      .from(studentAttributes)
      .innerJoin(people, eq(people.id, studentAttributes.personId))
      .where(eq(studentAttributes.attribute, 'priorEducation'));
    const byNumber: Record<string, string> = {};
    for (const r of rows) byNumber[r.number ?? ''] = `${r.value}/${r.source}/${r.confirmed ? 'confirmed' : 'suggested'}`;
    return byNumber;
  };

  it('ignores the column while the institution does not allow it, and says so in the preview', async () => {
    const preview = await importFile(csv({ '9002': 'VWO' }));
    expect(preview.mapping.priorEducation).toBe(5);
    expect(preview.priorEducationSuggestions).toBe(false);
    expect(await stored()).toEqual({ '9001': 'havo/student/confirmed' });
  });

  it('suggests it once allowed: unconfirmed, not over the student’s own answer, and counting only once confirmed', async () => {
    const allowed = await beheerder.request('PUT', '/api/grouping/attribute-settings', { attributes: [{ attribute: 'priorEducation', enabled: true, fromImport: true }] });
    expect(allowed.statusCode).toBe(200);
    const preview = await importFile(csv({ '9001': 'MBO-4', '9002': 'VWO', '9004': 'Buitenlands diploma' }));
    expect(preview.priorEducationSuggestions).toBe(true);
    expect(await stored()).toEqual({ '9001': 'havo/student/confirmed', '9002': 'vwo/import/suggested', '9004': 'other/import/suggested' });
    const counted = async () =>
      (await coordinator.request('GET', `/api/intakes/${ids.intake}/grouping`)).json<{ attributes: { attribute: string; disclosed: number }[] }>().attributes.find((a) => a.attribute === 'priorEducation')?.disclosed;
    expect(await counted()).toBe(1);

    // 9002 signs in, sees the suggestion, and confirms it.
    const [s9002] = await t.services.db.select().from(people).where(eq(people.studentNumber, '9002'));
    await t.services.db.insert(passwordCredentials).values({ personId: s9002!.id, hash: await hashPassword(PASSWORD) });
    const student = await signedIn(app, s9002!.email, PASSWORD);
    const mine = (await student.request('GET', '/api/me/grouping-attributes')).json();
    expect(mine.attributes[0]).toMatchObject({ attribute: 'priorEducation', value: 'vwo', source: 'import', confirmed: false, counts: false });
    expect((await student.request('PUT', '/api/me/grouping-attributes', { values: { priorEducation: 'vwo' } })).statusCode).toBe(200);
    expect(await counted()).toBe(2);

    // Confirmed, it is the student's own answer: a later file never changes it. An unconfirmed
    // suggestion follows the file.
    await importFile(csv({ '9001': 'MBO-4', '9002': 'havo', '9004': 'HAVO' }));
    expect(await stored()).toEqual({ '9001': 'havo/student/confirmed', '9002': 'vwo/student/confirmed', '9004': 'havo/import/suggested' });
    expect((await stored())['9001']).toBe('havo/student/confirmed');
  });

  it('accepts a mapping from a client that does not know the column yet', async () => {
    const older = (await coordinator.request('POST', `/api/intakes/${ids.intake}/imports/preview`, { fileName: 'o.csv', csv: csv({}), mapping: null })).json<{ mapping: Record<string, number | null> }>().mapping;
    delete older.priorEducation;
    await importFile(csv({}), older);
  });
});
