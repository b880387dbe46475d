/**
 * Coach compensation through HTTP (#17 items 2, 4, 8): the coach confirms or disputes, the
 * coordinator approves (one of two approvals at once wins, the other gets 409; a disputed line
 * needs a resolution), extra work is approved by the supervising senior coach and lands on the
 * statement, the fiscal-limit forecast warns before it happens, bad input changes nothing, and
 * every route answers only the people the policy names (404 for everyone else).
 */
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccountResponse, ProgrammeMonthResponse, StatementResponse } from '../../src/contracts/compensation';
import { compensationStatements, intakes } from '../../src/server/db/schema';
import { generateStatements } from '../../src/server/modules/compensation/public';
import { defaultIntakeSettings } from '../../src/domain/programme/intake-settings';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';
import { at, compensationFixture } from './compensation-fixture';

let t: TestDb;
let app: FastifyInstance;
beforeAll(async () => {
  ({ t, app } = await createTestApp());
});
afterAll(async () => {
  await app.close();
  await t.close();
});
beforeEach(async () => t.reset());

async function setUp() {
  const fx = await compensationFixture(t);
  t.setNow(at('2026-12-01T08:00:00Z'));
  await generateStatements({ services: t.services, institutionId: fx.institution.id, month: '2026-11' });
  const [statement] = await t.database.db.select().from(compensationStatements);
  const as = (email: string) => signedIn(app, email, fx.password);
  const [coach, coordinator, senior] = await Promise.all([as('coach@test.example'), as('coordinator@test.example'), as('senior@test.example')]);
  return { fx, statementId: statement!.id, coach, coordinator, senior, as };
}

const statementOf = async (client: Client, id: string) => (await client.request('GET', `/api/compensation/statements/${id}`)).json<StatementResponse>();

describe(`compensation over HTTP on ${testDbKind()}`, () => {
  it('the coach sees the statement in "Mijn vergoeding", confirms it, and the coordinator approves it; paying waits for the promised date', async () => {
    const { statementId, coach, coordinator, fx } = await setUp();
    const account = (await coach.request('GET', '/api/me/compensation')).json<AccountResponse>();
    expect(account.statements.map((s) => [s.month, s.status, s.totalCents, s.payStatus])).toEqual([['2026-11', 'open', 1688, 'notApproved']]);
    expect(account.birthDate).toBe('2005-11-15');
    expect(account.yearToDate).toMatchObject({ year: 2026, cents: 1688, limits: null });

    const statement = await statementOf(coach, statementId);
    expect(statement).toMatchObject({ canReview: true, canApprove: false, coach: { id: fx.coach.id } });
    expect(statement.lines).toHaveLength(5);

    expect((await coach.request('POST', `/api/compensation/statements/${statementId}/confirm`)).statusCode).toBe(200);
    // Confirming again: nothing to confirm.
    const twice = await coach.request('POST', `/api/compensation/statements/${statementId}/confirm`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ error: { code: string } }>().error.code).toBe('statement_not_open');

    const month = (await coordinator.request('GET', `/api/programmes/${fx.programme.id}/compensation/2026-11`)).json<ProgrammeMonthResponse>();
    expect(month.statements.map((s) => [s.coach.id, s.status, s.disputedLines])).toEqual([[fx.coach.id, 'confirmed', 0]]);
    const all = await coordinator.request('POST', `/api/programmes/${fx.programme.id}/compensation/2026-11/approve`);
    expect(all.json()).toEqual({ approved: [statementId], skipped: [] });
    const after = (await coach.request('GET', '/api/me/compensation')).json<AccountResponse>();
    expect(after.statements[0]).toMatchObject({ status: 'approved', promisedPayDate: '2026-12-25', payStatus: 'scheduled' });
  });

  it('of two approvals at once, one wins and the other gets 409', async () => {
    const { statementId, coach, coordinator, fx } = await setUp();
    await coach.request('POST', `/api/compensation/statements/${statementId}/confirm`);
    const other = await signedIn(app, 'coordinator@test.example', fx.password);
    const answers = await Promise.all([
      coordinator.request('POST', `/api/compensation/statements/${statementId}/approve`, { resolutions: [] }),
      other.request('POST', `/api/compensation/statements/${statementId}/approve`, { resolutions: [] }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json<{ error: { code: string } }>().error.code).toBe('statement_already_approved');
  });

  it('a disputed line goes to the coordinator first, and approving it needs a resolution', async () => {
    const { statementId, coach, coordinator, fx } = await setUp();
    const statement = await statementOf(coach, statementId);
    const line = statement.lines.find((l) => l.kind === 'training')!;
    // An empty comment is refused and changes nothing.
    const empty = await coach.request('POST', `/api/compensation/statements/${statementId}/lines/${line.id}/dispute`, { comment: '  ' });
    expect(empty.statusCode).toBe(400);
    expect((await statementOf(coach, statementId)).status).toBe('open');

    expect((await coach.request('POST', `/api/compensation/statements/${statementId}/lines/${line.id}/dispute`, { comment: 'De training duurde maar twee uur.' })).statusCode).toBe(200);
    const month = (await coordinator.request('GET', `/api/programmes/${fx.programme.id}/compensation/2026-11`)).json<ProgrammeMonthResponse>();
    expect(month.statements[0]).toMatchObject({ status: 'disputed', disputedLines: 1 });
    // Approving the programme at once leaves it out; approving it without a resolution is refused.
    expect((await coordinator.request('POST', `/api/programmes/${fx.programme.id}/compensation/2026-11/approve`)).json()).toEqual({ approved: [], skipped: [{ statementId, reason: 'disputed' }] });
    const bare = await coordinator.request('POST', `/api/compensation/statements/${statementId}/approve`, { resolutions: [] });
    expect(bare.statusCode).toBe(422);
    expect(bare.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'dispute_needs_resolution', message: 'Er is een regel betwist. Schrijf bij elke betwiste regel hoe je het hebt opgelost.' });
    expect((await statementOf(coordinator, statementId)).status).toBe('disputed');
    const ok = await coordinator.request('POST', `/api/compensation/statements/${statementId}/approve`, { resolutions: [{ lineId: line.id, resolution: 'Klopt: de standaardlengte van een training is drie uur.' }] });
    expect(ok.statusCode).toBe(200);
    const approved = await statementOf(coach, statementId);
    expect(approved.status).toBe('approved');
    expect(approved.lines.find((l) => l.id === line.id)).toMatchObject({ disputeComment: 'De training duurde maar twee uur.', resolution: 'Klopt: de standaardlengte van een training is drie uur.' });
  });

  it('extra work: the coach adds it, the supervising senior coach approves it, and it lands on the open statement once', async () => {
    const { statementId, coach, senior, coordinator, fx } = await setUp();
    const bad = await coach.request('POST', '/api/me/compensation/extra-work', { date: '2026-11-20', minutes: -60, reason: 'Open dag' });
    expect(bad.statusCode).toBe(400);
    const future = await coach.request('POST', '/api/me/compensation/extra-work', { date: '2027-01-20', minutes: 60, reason: 'Open dag' });
    expect(future.statusCode).toBe(400);
    const added = await coach.request('POST', '/api/me/compensation/extra-work', { date: '2026-11-20', minutes: 120, reason: 'Wervingsmarkt op de open dag' });
    expect(added.statusCode).toBe(201);
    const id = added.json<{ id: string }>().id;
    const pending = (await senior.request('GET', '/api/compensation/extra-work/pending')).json<{ items: { id: string; reason: string }[] }>();
    expect(pending.items.map((i) => [i.id, i.reason])).toEqual([[id, 'Wervingsmarkt op de open dag']]);
    expect((await coordinator.request('GET', `/api/programmes/${fx.programme.id}/compensation/2026-11`)).json<ProgrammeMonthResponse>().pendingExtraWork).toBe(1);

    const decisions = await Promise.all([
      senior.request('POST', `/api/compensation/extra-work/${id}/decide`, { decision: 'approve' }),
      coordinator.request('POST', `/api/compensation/extra-work/${id}/decide`, { decision: 'reject', note: 'Niet afgesproken' }),
    ]);
    expect(decisions.map((d) => d.statusCode).sort()).toEqual([200, 409]);
    const statement = await statementOf(coach, statementId);
    const approvedFirst = decisions[0].statusCode === 200;
    expect(statement.lines.filter((l) => l.kind === 'other').map((l) => [l.date, l.minutes, l.amountCents])).toEqual(approvedFirst ? [['2026-11-20', 120, 1000]] : []);
    expect(statement.totalCents).toBe(approvedFirst ? 2688 : 1688);
    // Recomputing again counts it once.
    await generateStatements({ services: t.services, institutionId: fx.institution.id, month: '2026-11' });
    expect((await statementOf(coach, statementId)).lines.filter((l) => l.kind === 'other')).toHaveLength(approvedFirst ? 1 : 0);
  });

  it('without a birth date the statement has hours but no amounts and cannot be confirmed; setting it recomputes', async () => {
    const { statementId, coach, fx } = await setUp();
    await t.database.db.execute(sql`delete from compensation_profiles`);
    await generateStatements({ services: t.services, institutionId: fx.institution.id, month: '2026-11' });
    const statement = await statementOf(coach, statementId);
    expect(statement).toMatchObject({ warnings: ['missing_birth_date'], totalCents: 0, totalMinutes: 405 });
    const refused = await coach.request('POST', `/api/compensation/statements/${statementId}/confirm`);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('birth_date_missing');
    expect((await coach.request('PUT', '/api/me/compensation/birth-date', { birthDate: '2026-01-01' })).statusCode).toBe(400);
    expect((await coach.request('PUT', '/api/me/compensation/birth-date', { birthDate: '2004-02-30' })).statusCode).toBe(400);
    expect((await coach.request('PUT', '/api/me/compensation/birth-date', { birthDate: '2000-05-01' })).statusCode).toBe(200);
    expect(await statementOf(coach, statementId)).toMatchObject({ warnings: [], totalCents: 750 * 2 + 1000 + 250 + 375 + 250 });
  });

  it('warns before it happens when planned sessions would pass the monthly fiscal limit', async () => {
    const { coach, coordinator, fx } = await setUp();
    await t.database.db.execute(sql`update compensation_profiles set birth_date = '2000-01-01'`);
    // A fiscal year for 2026 (the shipped content has 2024 and 2025), added by the beheerder.
    const beheerder = await (async () => {
      await t.factories.person({ institutionId: fx.institution.id, roles: ['beheerder'], email: 'beheerder@test.example', password: fx.password });
      return signedIn(app, 'beheerder@test.example', fx.password);
    })();
    const year = { year: 2026, maxPerHourUnder21Cents: 340, maxPerHourFrom21Cents: 580, maxPerMonthCents: 21000, maxPerYearCents: 210000, source: 'Belastingdienst 2026' };
    expect((await beheerder.request('POST', '/api/compensation/fiscal-years', year)).statusCode).toBe(201);
    expect((await beheerder.request('POST', '/api/compensation/fiscal-years', year)).json<{ error: { code: string } }>().error.code).toBe('fiscal_year_exists');
    expect((await beheerder.request('POST', '/api/compensation/fiscal-years', { ...year, year: 2025 })).statusCode).toBe(409);
    // A mistyped added year can be removed (and added again); a shipped year cannot, and nothing changes.
    expect((await beheerder.request('POST', '/api/compensation/fiscal-years', { ...year, year: 2031, source: 'typo' })).statusCode).toBe(201);
    expect((await beheerder.request('DELETE', '/api/compensation/fiscal-years/2031')).statusCode).toBe(200);
    expect((await beheerder.request('DELETE', '/api/compensation/fiscal-years/2031')).statusCode).toBe(404);
    expect((await beheerder.request('DELETE', '/api/compensation/fiscal-years/2025')).statusCode).toBe(404);
    expect((await beheerder.request('DELETE', '/api/compensation/fiscal-years/not-a-year')).statusCode).toBe(400);
    expect((await coordinator.request('DELETE', '/api/compensation/fiscal-years/2026')).statusCode).toBe(404);
    const known = (await beheerder.request('GET', '/api/compensation/fiscal-years')).json<{ years: { year: number; shipped: boolean }[] }>().years;
    expect(known.map((y) => [y.year, y.shipped])).toEqual([[2024, true], [2025, true], [2026, false]]);
    // December: 20 planned community sessions and the fixture's one on the 1st, each 2.5 hours with preparation at €5.00: €262.50 > €210.
    const plan = Array.from({ length: 20 }, (_, i) => ({
      institutionId: fx.institution.id,
      programmeId: fx.programme.id,
      type: 'community',
      communityId: fx.communityId,
      organiserId: fx.coach.id,
      startsAt: at(`2026-12-${String(i + 2).padStart(2, '0')}T14:00:00Z`),
      endsAt: at(`2026-12-${String(i + 2).padStart(2, '0')}T16:00:00Z`),
      fromYearPlan: true,
    }));
    await t.factories.sessions(plan);
    const account = (await coach.request('GET', '/api/me/compensation')).json<AccountResponse>();
    expect(account.forecast).toMatchObject({ year: 2026, firstMonthOver: '2026-12' });
    expect(account.forecast!.months.find((m) => m.month === '2026-12')).toMatchObject({ projectedCents: 26250, monthCapExceeded: true, yearCapExceeded: false });
    const month = (await coordinator.request('GET', `/api/programmes/${fx.programme.id}/compensation/2026-11`)).json<ProgrammeMonthResponse>();
    expect(month.forecastWarnings).toEqual([{ coach: expect.objectContaining({ id: fx.coach.id }), firstMonthOver: '2026-12', monthCapExceeded: true, yearCapExceeded: false }]);
  });

  it('salary intakes: an hours export for HR; credits intakes: hours only, with a PDF', async () => {
    const { coordinator, coach, fx, statementId } = await setUp();
    const settings = defaultIntakeSettings('september');
    await t.database.db.update(intakes).set({ settings: { ...settings, compensation: { ...settings.compensation, scheme: 'credits' } } }).where(eq(intakes.id, fx.intake.id));
    await generateStatements({ services: t.services, institutionId: fx.institution.id, month: '2026-11' });
    const statement = await statementOf(coach, statementId);
    expect(statement).toMatchObject({ scheme: 'credits', totalCents: 0, totalMinutes: 405, canDownloadPdf: true, promisedPayDate: null });
    expect(statement.lines.every((l) => l.amountCents === null)).toBe(true);
    const pdf = await coach.request('GET', `/api/compensation/statements/${statementId}/statement.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await coordinator.request('GET', `/api/programmes/${fx.programme.id}/compensation/2026-11/hours.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toBe('Achternaam;Voornaam;Studentnummer;Maand;Bijeenkomst;Training;Intervisie;Een-op-een;Voorbereiding;Overig;Totaal uren;Status');
    expect(rows[1]).toMatch(new RegExp(`^${fx.coach.lastName};${fx.coach.firstName};;2026-11;2\\.00;3\\.00;0\\.00;0\\.75;1\\.00;0\\.00;6\\.75;Open$`));
  });

  it('answers only the people the policy names, and the same 404 for everyone else', async () => {
    const { statementId, fx, as } = await setUp();
    const p = fx.person;
    await Promise.all([
      p(['leercoach'], 'leercoach@test.example'),
      p(['onderzoeker'], 'onderzoeker@test.example'),
      p(['finance'], 'finance@test.example'),
      p(['studentcoach'], 'other-coach@test.example'),
    ]);
    const other = await t.factories.person({ institutionId: fx.institution.id, roles: ['studentcoach'], programmeId: fx.programme.id, email: 'x@test.example' });
    await t.factories.coachProfile(other.id, fx.programme.id);
    const who = ['coach', 'coordinator', 'senior', 'leercoach', 'onderzoeker', 'finance', 'coachee', 'other-coach'] as const;
    const clients = Object.fromEntries(await Promise.all(who.map(async (w) => [w, await as(`${w}@test.example`)] as const))) as Record<(typeof who)[number], Client>;
    const status = async (w: (typeof who)[number], method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => (await clients[w].request(method, url, body)).statusCode;
    const matrix = async (method: 'GET' | 'POST' | 'PUT', url: string, allowed: readonly string[], body?: unknown) => {
      const result: Record<string, boolean> = {};
      for (const w of who) result[w] = (await status(w, method, url, body)) !== 404;
      expect(result, `${method} ${url}`).toEqual(Object.fromEntries(who.map((w) => [w, allowed.includes(w)])));
    };
    await matrix('GET', '/api/me/compensation', ['coach']);
    await matrix('GET', `/api/compensation/statements/${statementId}`, ['coach', 'coordinator']);
    await matrix('GET', `/api/programmes/${fx.programme.id}/compensation/2026-11`, ['coordinator']);
    await matrix('GET', `/api/programmes/${fx.programme.id}/compensation/2026-11/hours.csv`, ['coordinator']);
    await matrix('GET', `/api/compensation/statements/${statementId}/statement.pdf`, ['coach', 'coordinator']);
    await matrix('GET', '/api/compensation/fiscal-years', ['coordinator', 'finance']);
    await matrix('POST', '/api/compensation/fiscal-years', [], { year: 2030, maxPerHourUnder21Cents: 1, maxPerHourFrom21Cents: 1, maxPerMonthCents: 1, maxPerYearCents: 1, source: 'x' });
    await matrix('POST', `/api/compensation/statements/${statementId}/approve`, ['coordinator'], { resolutions: [] });
    // Approved now: finance may read it; the coach can no longer review it.
    await matrix('GET', `/api/compensation/statements/${statementId}`, ['coach', 'coordinator', 'finance']);
    await matrix('POST', `/api/programmes/${fx.programme.id}/compensation/2026-11/approve`, ['coordinator']);
    const line = (await statementOf(clients.coach, statementId)).lines[0]!;
    await matrix('POST', `/api/compensation/statements/${statementId}/lines/${line.id}/dispute`, ['coach'], { comment: 'x' });
    await matrix('POST', `/api/compensation/statements/${statementId}/confirm`, ['coach']);
    await matrix('PUT', '/api/me/compensation/birth-date', ['coach'], { birthDate: '2000-01-01' });
    const added = await clients.coach.request('POST', '/api/me/compensation/extra-work', { date: '2026-12-01', minutes: 60, reason: 'Open dag' });
    expect(added.statusCode).toBe(201);
    await matrix('POST', '/api/me/compensation/extra-work', ['coach'], { date: '2026-12-01', minutes: 60, reason: 'Open dag' });
    await matrix('POST', `/api/compensation/extra-work/${added.json<{ id: string }>().id}/decide`, ['senior', 'coordinator'], { decision: 'approve' });
    // The pending list is filtered per item: nobody but the senior coach and the coordinator sees anything in it.
    for (const w of who) {
      const items = (await clients[w].request('GET', '/api/compensation/extra-work/pending')).json<{ items: unknown[] }>().items;
      expect(items.length > 0, w).toBe(w === 'senior' || w === 'coordinator');
    }
  });
});
