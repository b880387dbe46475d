/**
 * Group formation through HTTP: the beheerder enables attributes, students disclose (background
 * only with consent), the coordinator runs grouping in the background, moves students in the
 * draft with the figures recomputed, and accepts — once — which creates the communities with
 * coaches. Nobody else ever reads attributes; infeasible bounds answer with the numbers.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/modules/identity/secrets';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery';
type Run = {
  id: string;
  status: string;
  version: number;
  progress: number;
  error: { code: string; message: string } | null;
  communities: { index: number; size: number; mix: { attribute: string; present: number; of: number }[]; members: { id: string; reasons: { code: string; attribute?: string }[] }[] }[];
  figures: { attributes: { attribute: string; evenness: number | null; disclosed: number; background: boolean }[]; violations: Record<string, number> } | null;
  accepted: { id: string; name: string; coach: { id: string } | null }[] | null;
};

describe(`group formation on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  const as: Record<string, Client> = {};
  const ids: Record<string, string> = {};
  const students: { id: string; email: string }[] = [];

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
    await t.reset();
    const f = t.factories;
    const passwordHash = await hashPassword(PASSWORD);
    const inst = await f.institution();
    const prog = await f.programme(inst.id);
    const other = await f.programme(inst.id);
    const intake = await f.intake(prog.id);
    const classA = await f.class(intake.id, { code: 'SW1A' });
    const classB = await f.class(intake.id, { code: 'SW1B' });
    const mk = (roles: Parameters<typeof f.person>[0]['roles'], email: string, programmeId: string | null = prog.id) =>
      f.person({ institutionId: inst.id, roles, programmeId, email, passwordHash });
    const coordinator = await mk(['coordinator'], 'coord@g.test');
    await mk(['coordinator'], 'coord-other@g.test', other.id);
    await mk(['beheerder'], 'beheer@g.test', null);
    const leercoach = await mk(['leercoach'], 'leercoach@g.test');
    await f.class(intake.id, { code: 'SW1Z', leercoachId: leercoach.id });
    const coaches = [];
    for (let i = 0; i < 3; i++) {
      const coach = await mk(['studentcoach'], `coach${i}@g.test`);
      await f.coachProfile(coach.id, prog.id, { status: 'active', languages: i === 2 ? ['en'] : ['nl'], ...(i === 2 ? { roleModelText: 'Ik kom zelf van het mbo.', roleModelConsent: true } : {}) });
      coaches.push(coach);
    }
    ids.mboCoach = coaches[2]!.id;
    for (let i = 0; i < 22; i++) {
      const email = `student${i}@g.test`;
      const s = await mk(['coachee'], email);
      await f.enrol(i % 2 === 0 ? classA.id : classB.id, s.id);
      students.push({ id: s.id, email });
    }
    Object.assign(ids, { inst: inst.id, prog: prog.id, intake: intake.id, classA: classA.id, classB: classB.id, coordinator: coordinator.id });
    for (const [k, e] of Object.entries({ coordinator: 'coord@g.test', other: 'coord-other@g.test', beheerder: 'beheer@g.test', leercoach: 'leercoach@g.test', coach: 'coach0@g.test', s0: students[0]!.email, s1: students[1]!.email })) {
      as[k] = await signedIn(app, e, PASSWORD);
    }
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const poll = async (runId: string): Promise<Run> => {
    for (let i = 0; i < 200; i++) {
      const run = (await as.coordinator!.request('GET', `/api/grouping-runs/${runId}`)).json<Run>();
      if (run.status !== 'running') return run;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('grouping run did not finish');
  };
  const start = (body: Record<string, unknown>, client = as.coordinator!) =>
    client.request('POST', `/api/intakes/${ids.intake}/grouping-runs`, { classId: null, attributes: [{ key: 'priorEducation', weight: 2 }, { key: 'firstGeneration', weight: 1 }], seconds: 0.5, ...body });

  it('lets only the beheerder choose the attributes; students see and disclose only enabled ones', async () => {
    const settings = { attributes: [{ attribute: 'priorEducation', enabled: true, fromImport: true }, { attribute: 'firstGeneration', enabled: true, fromImport: false }, { attribute: 'class', enabled: true, fromImport: false }] };
    expect((await as.coordinator!.request('PUT', '/api/grouping/attribute-settings', settings)).statusCode).toBe(404);
    const bad = await as.beheerder!.request('PUT', '/api/grouping/attribute-settings', { attributes: [{ attribute: 'firstGeneration', enabled: true, fromImport: true }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('attributes.0.fromImport');
    const saved = await as.beheerder!.request('PUT', '/api/grouping/attribute-settings', settings);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().attributes.filter((a: { enabled: boolean }) => a.enabled).map((a: { attribute: string }) => a.attribute)).toEqual(['priorEducation', 'firstGeneration', 'class']);

    const mine = (await as.s0!.request('GET', '/api/me/grouping-attributes')).json();
    expect(mine.attributes.map((a: { attribute: string }) => a.attribute)).toEqual(['priorEducation', 'firstGeneration']);
    expect(mine.backgroundConsent.status).toBe('unanswered');

    // A disabled attribute or a value outside the list: a field error, nothing saved.
    const wrong = await as.s0!.request('PUT', '/api/me/grouping-attributes', { values: { priorEducation: 'mbo', gender: 'woman' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.map((x: { path: string }) => x.path)).toEqual(['values.gender']);
    expect((await as.s0!.request('PUT', '/api/me/grouping-attributes', { values: { priorEducation: 'university' } })).statusCode).toBe(400);
    expect((await as.s0!.request('GET', '/api/me/grouping-attributes')).json().attributes[0].value).toBeNull();

    // Background counts only with the explicit consent.
    const disclosed = (await as.s0!.request('PUT', '/api/me/grouping-attributes', { values: { priorEducation: 'mbo', firstGeneration: 'yes' } })).json();
    expect(disclosed.attributes.map((a: { counts: boolean }) => a.counts)).toEqual([true, false]);
    expect((await as.s0!.request('PUT', '/api/me/consents/grouping-background', { decision: 'grant', textVersion: 1, shownLocale: 'nl' })).statusCode).toBe(200);
    expect((await as.s0!.request('GET', '/api/me/grouping-attributes')).json().attributes.map((a: { counts: boolean }) => a.counts)).toEqual([true, true]);
    // Withdrawing a value deletes it.
    const withdrawn = (await as.s0!.request('PUT', '/api/me/grouping-attributes', { values: { priorEducation: null } })).json();
    expect(withdrawn.attributes[0]).toMatchObject({ value: null, counts: false });
    await as.s0!.request('PUT', '/api/me/grouping-attributes', { values: { priorEducation: 'mbo' } });
  });

  it('shows coordinators aggregate counts only, and nobody else any of it', async () => {
    // More students disclose, so there is something to spread.
    for (const [i, s] of students.entries()) {
      if (i === 0) continue;
      const client = i === 1 ? as.s1! : await signedIn(app, s.email, PASSWORD);
      await client.request('PUT', '/api/me/grouping-attributes', { values: { priorEducation: ['mbo', 'havo', 'vwo', 'other'][i % 4]!, ...(i % 3 === 0 ? { firstGeneration: 'yes' } : {}) } });
      if (i % 3 === 0) await client.request('PUT', '/api/me/consents/grouping-background', { decision: 'grant', textVersion: 1, shownLocale: 'en' });
    }
    const options = await as.coordinator!.request('GET', `/api/intakes/${ids.intake}/grouping`);
    expect(options.statusCode).toBe(200);
    const body = options.json();
    expect(body.students).toHaveLength(22);
    expect(body.sizeBounds).toEqual({ min: 7, max: 8 });
    expect(body.attributes).toEqual([
      { attribute: 'priorEducation', sensitivity: 'ordinary', disclosed: 22 },
      { attribute: 'firstGeneration', sensitivity: 'background', disclosed: 8 },
      { attribute: 'class', sensitivity: 'enrolment', disclosed: 22 },
    ]);
    for (const value of ['"mbo"', '"havo"', '"yes"']) expect(options.body).not.toContain(value);
    for (const who of ['other', 'beheerder', 'leercoach', 'coach', 's0']) {
      expect((await as[who]!.request('GET', `/api/intakes/${ids.intake}/grouping`)).statusCode, who).toBe(404);
      expect((await start({}, as[who])).statusCode, who).toBe(404);
    }
  });

  it('answers infeasible bounds and contradicting wishes with the numbers, and stores nothing', async () => {
    const tooBig = await start({ sizeBounds: { min: 9, max: 10 } });
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.json().error.code).toBe('grouping_infeasible');
    expect(tooBig.json().error.message).toBe("22 studenten passen niet in community's van 9 tot 10: 2 community's bieden plaats aan hoogstens 20 studenten, en 3 community's hebben er minstens 27 nodig. Pas de groepsgrootte aan.");
    const perClass = await start({ perClass: true, sizeBounds: { min: 5, max: 6 } }, as.coordinator);
    expect(perClass.statusCode).toBe(202);
    const english = await as.coordinator!.request('POST', `/api/intakes/${ids.intake}/grouping-runs`, { classId: null, attributes: [{ key: 'priorEducation', weight: 1 }], perClass: true, sizeBounds: { min: 12, max: 12 }, seconds: 0.5 }, { 'accept-language': 'en' });
    expect(english.statusCode).toBe(422);
    expect(english.json().error.message).toContain('Class SW1A: 11 students do not fit into communities of 12 to 12');
    const [a, b] = [students[2]!.id, students[4]!.id];
    const conflict = await start({ keepTogether: [[a, b]], keepApart: [[a, b]] });
    expect(conflict.json().error.code).toBe('grouping_conflicting_constraints');
    const outside = await start({ keepApart: [[a, ids.coordinator]] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields[0].path).toBe('keepApart.0');
    const notEnabled = await start({ attributes: [{ key: 'gender', weight: 1 }] });
    expect(notEnabled.json().error.fields[0].path).toBe('attributes.0.key');
    await poll(perClass.json().id);
  });

  let run: Run;
  it('runs in the background with progress and proposes balanced communities with reasons but no values', async () => {
    const [a, b] = [students[2]!.id, students[4]!.id];
    const started = await start({ keepApart: [[a, b]] });
    expect(started.statusCode).toBe(202);
    expect(started.json().status).toBe('running');
    run = await poll(started.json().id);
    expect(run.status).toBe('draft');
    expect(run.communities.map((c) => c.size).sort()).toEqual([7, 7, 8]);
    const prior = run.figures!.attributes.find((x) => x.attribute === 'priorEducation')!;
    expect(prior.evenness).toBeGreaterThanOrEqual(80);
    expect(run.figures!.violations.keepApart).toBe(0);
    const text = JSON.stringify(run);
    for (const value of ['"mbo"', '"havo"', '"vwo"', '"yes"', '"attribute":"background"']) expect(text).not.toContain(value);
    expect(run.figures!.attributes.find((x) => x.attribute === 'firstGeneration')).toMatchObject({ background: true, disclosed: 8 });
    // Per-community mix is shown for ordinary attributes only.
    expect(run.communities[0]!.mix.map((m) => m.attribute)).toEqual(['priorEducation']);
    expect(run.communities.flatMap((c) => c.members.flatMap((m) => m.reasons.map((r) => r.code)))).toContain('adds_spread');
    // Everyone has a reason, and most placements are the best one for them in the shown attributes.
    expect(run.communities.flatMap((c) => c.members.filter((m) => m.reasons.length === 0))).toEqual([]);
    expect(run.communities.flatMap((c) => c.members.flatMap((m) => m.reasons.map((r) => r.code)))).toContain('best_fit');
    expect((await as.leercoach!.request('GET', `/api/grouping-runs/${run.id}`)).statusCode).toBe(404);
    expect((await as.coach!.request('GET', `/api/grouping-runs/${run.id}`)).statusCode).toBe(404);
  });

  it('moves a student in the draft, recomputes the figures, and refuses a stale version', async () => {
    const from = run.communities[0]!;
    const mover = from.members[0]!.id;
    const moved = await as.coordinator!.request('POST', `/api/grouping-runs/${run.id}/moves`, { studentId: mover, toCommunity: 1, version: run.version });
    expect(moved.statusCode).toBe(200);
    const after = moved.json<Run>();
    expect(after.version).toBe(run.version + 1);
    expect(after.communities[1]!.members.map((m) => m.id)).toContain(mover);
    expect(after.communities[0]!.size).toBe(from.size - 1);
    const stale = await as.coordinator!.request('POST', `/api/grouping-runs/${run.id}/moves`, { studentId: mover, toCommunity: 0, version: run.version });
    expect(stale.statusCode).toBe(409);
    const nowhere = await as.coordinator!.request('POST', `/api/grouping-runs/${run.id}/moves`, { studentId: mover, toCommunity: 9, version: after.version });
    expect(nowhere.json().error.fields[0].path).toBe('toCommunity');
    const back = (await as.coordinator!.request('POST', `/api/grouping-runs/${run.id}/moves`, { studentId: mover, toCommunity: 0, version: after.version })).json<Run>();
    expect(back.communities.map((c) => c.size)).toEqual(run.communities.map((c) => c.size));
    // A withdrawn consent counts at once: the figures lose that student's background.
    await as.s0!.request('PUT', '/api/me/consents/grouping-background', { decision: 'withdraw', textVersion: 1, shownLocale: 'nl' });
    const fresh = (await as.coordinator!.request('GET', `/api/grouping-runs/${run.id}`)).json<Run>();
    expect(fresh.figures!.attributes.find((x) => x.attribute === 'firstGeneration')!.disclosed).toBe(7);
    run = back;
  });

  it('accepts once: creates the communities with their members and coaches; a concurrent accept is a conflict', async () => {
    const body = { version: run.version, namePrefix: 'SW', assignCoaches: true, preferRoleModels: true };
    // A community made by hand under another name does not push the numbering on: SW 1, not SW 2.
    await t.factories.community({ intakeId: ids.intake!, name: 'Pilotgroep' });
    const [first, second] = await Promise.all([
      as.coordinator!.request('POST', `/api/grouping-runs/${run.id}/accept`, body),
      as.coordinator!.request('POST', `/api/grouping-runs/${run.id}/accept`, body),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const accepted = (first.statusCode === 200 ? first : second).json<Run>();
    expect(accepted.status).toBe('accepted');
    expect(accepted.accepted!.map((c) => c.name)).toEqual(['SW 1', 'SW 2', 'SW 3']);
    expect(accepted.accepted!.every((c) => c.coach !== null)).toBe(true);
    // The coach who wrote "Ik kom zelf van het mbo." leads a community with the most mbo students
    // (every fourth student from student 1 on, and student 0, disclosed mbo).
    const mbo = new Set([students[0]!.id, ...students.filter((_, i) => i % 4 === 1).map((s) => s.id)]);
    const mboCounts = run.communities.map((c) => c.members.filter((m) => mbo.has(m.id)).length);
    const ledByMboCoach = accepted.accepted!.findIndex((c) => c.coach?.id === ids.mboCoach);
    expect(mboCounts[ledByMboCoach]).toBe(Math.max(...mboCounts));
    const list = (await as.coordinator!.request('GET', `/api/intakes/${ids.intake}/communities`)).json();
    expect(list.communities.map((c: { memberCount: number }) => c.memberCount).sort()).toEqual([0, 7, 7, 8]);
    expect(list.unplacedCount).toBe(0);
    // A coachee sees their community, not anyone's attributes.
    const home = (await as.s1!.request('GET', '/api/home')).json();
    expect(JSON.stringify(home)).not.toContain('priorEducation');
    // Nothing left to group; the accepted draft cannot be moved any more.
    expect((await start({})).json().error.code).toBe('grouping_no_students');
    expect((await as.coordinator!.request('POST', `/api/grouping-runs/${run.id}/moves`, { studentId: students[0]!.id, toCommunity: 0, version: accepted.version })).statusCode).toBe(409);
  });

  it('forgets runs 90 days after they ended, when the next run starts', async () => {
    expect((await as.coordinator!.request('GET', `/api/grouping-runs/${run.id}`)).statusCode).toBe(200);
    t.setNow(new Date(Date.now() + 91 * 86_400_000));
    as.coordinator = await signedIn(app, 'coord@g.test', PASSWORD);
    expect((await start({})).json().error.code).toBe('grouping_no_students');
    expect((await as.coordinator.request('GET', `/api/grouping-runs/${run.id}`)).statusCode).toBe(404);
  });
});
