/**
 * The data subject's rights (issue 19), driven by the personal-data registry: a person is given a
 * row in every table that can hold one — by pointing one row of the demo per registry subject
 * column at them — and then (1) their export holds every such table, (2) erasure leaves no row
 * that references them but the listed legal holds, and (3) the requests behave: only for oneself,
 * one at a time, a second carry-out 409, the coordinator of another programme refused.
 */
import { eq, getTableName, is, sql } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../../src/server/demo/load-demo';
import type { Db } from '../../src/server/db/client';
import { PERSONAL_DATA_REGISTRY } from '../../src/server/db/personal-data-registry';
import * as schema from '../../src/server/db/schema';
import { erasureRequests, jobs, mailOutbox, people, programmes, roleAssignments } from '../../src/server/db/schema';
import { subjectTables } from '../../src/server/modules/rights/public';
import { runRetentionPass } from '../../src/server/modules/retention/public';
import type { MyDataResponse } from '../../src/contracts/rights';
import { createTestApp } from '../support/app';
import { signedIn } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

type Row = Record<string, unknown>;
const rowsOf = async (db: Db, query: ReturnType<typeof sql>): Promise<Row[]> => {
  const result: unknown = await db.execute(query);
  return (result as { rows: Row[] }).rows;
};

/** The day of the clock the use cases see, and one month later (AVG art. 12(3)), as the request shows them. */
const today = (t: TestDb) => t.services.now().toISOString().slice(0, 10);
const monthLater = (t: TestDb) => {
  const now = t.services.now();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  d.setUTCDate(Math.min(now.getUTCDate(), new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()));
  return d.toISOString().slice(0, 10);
};

const PASSWORD = 'een-lang-wachtwoord-voor-de-test';
/** The tables whose rows a legal duty keeps (AVG art. 17(3)(b)), from the registry. */
const LEGAL_HOLDS = Object.entries(PERSONAL_DATA_REGISTRY)
  .filter(([, e]) => e.subject && !('none' in e.subject) && Object.values(e.subject.columns ?? {}).some((c) => c.erase === 'legal hold'))
  .map(([name]) => name)
  .sort();

/**
 * Gives `person` a row in every registry subject column: one demo row per (table, column) is
 * pointed at them (a row that breaks a unique rule is skipped for the next). Answers what could
 * not be given (no demo row fits), which the test then requires to be empty.
 */
async function giveEveryTable(db: Db, person: { id: string; email: string }): Promise<{ seeded: string[]; missing: string[] }> {
  // A parent the demo does not have yet: a questionnaire moment, for an invitation to point at.
  await db.execute(
    sql`insert into evaluation_rounds (intake_id, moment, mode, opens_on, closes_on, content_version, questions, opened_at)
        select id, 'T2', 'confidential', current_date, current_date + 14, 1, '{}'::jsonb, now() from intakes
        where not exists (select 1 from evaluation_rounds) limit 1`,
  );
  const seeded: string[] = [];
  const missing: string[] = [];
  for (const [table, entry] of subjectTables()) {
    const s = entry.subject!;
    if ('none' in s) continue;
    const t = sql.identifier(table);
    const targets: [string, ReturnType<typeof sql>][] = [
      ...Object.keys(s.columns ?? {})
        .filter((c) => !(table === 'people' && c === 'id'))
        .map((c): [string, ReturnType<typeof sql>] => [`${table}.${c}`, sql`${sql.identifier(c)} = ${person.id}`]),
      ...(s.email ? [[`${table}.${s.email}`, sql`${sql.identifier(s.email)} = ${person.email}`] as [string, ReturnType<typeof sql>]] : []),
    ];
    for (const [name, set] of targets) {
      const [column] = name.split('.').slice(1);
      const value = name.endsWith(`.${s.email ?? '-'}`) ? person.email : person.id;
      if ((await rowsOf(db, sql`select 1 from ${t} where ${sql.identifier(column!)} = ${value} limit 1`)).length) {
        seeded.push(name);
        continue;
      }
      const candidates = await rowsOf(db, sql`select ctid::text as ctid from ${t} limit 25`);
      let done = false;
      for (const c of candidates) {
        try {
          await db.transaction(async (tx) => {
            await tx.execute(sql`update ${t} set ${set} where ctid = ${String(c.ctid)}::tid`);
          });
          done = true;
          break;
        } catch {
          // A unique rule or check refused this row; the next may fit.
        }
      }
      if (!done) done = await synthesise(db, table, column!, value);
      (done ? seeded : missing).push(name);
    }
  }
  if (!(await rowsOf(db, sql`select 1 from people where id = ${person.id}`)).length) missing.push('people');
  return { seeded, missing };
}

/**
 * A new row of `table` with `column` = `value`, for a table the demo leaves empty: every other
 * required column gets a plain value of its type, a foreign key an existing row it may point to.
 */
async function synthesise(db: Db, table: string, column: string, value: string): Promise<boolean> {
  const pgTable = Object.values(schema).find((v) => is(v, PgTable) && getTableName(v as PgTable) === table) as PgTable;
  const config = getTableConfig(pgTable);
  const names: ReturnType<typeof sql.identifier>[] = [];
  const values: ReturnType<typeof sql>[] = [];
  for (const c of config.columns) {
    let v: ReturnType<typeof sql> | null = null;
    if (c.name === column) v = sql`${value}`;
    else {
      const fk = config.foreignKeys.find((f) => f.reference().columns[0]!.name === c.name);
      if (fk) {
        if (!c.notNull) continue;
        const ref = fk.reference();
        const [row] = await rowsOf(db, sql`select ${sql.identifier(ref.foreignColumns[0]!.name)} as v from ${sql.identifier(getTableName(ref.foreignTable))} limit 1`);
        if (!row) return false;
        v = sql`${row.v as string}`;
      } else if ((c.notNull && !c.hasDefault) || (c.primary && !c.hasDefault)) {
        const type = c.getSQLType();
        const enumValues = (c as { enumValues?: string[] }).enumValues;
        if (enumValues?.length) v = sql`${enumValues[0]}`;
        else if (c.name in KNOWN_VALUES) v = sql`${KNOWN_VALUES[c.name]}`;
        else if (type === 'uuid') v = sql`gen_random_uuid()`;
        else if (type.startsWith('timestamp')) v = sql`now()`;
        else if (type === 'date') v = sql`current_date`;
        else if (type === 'boolean') v = sql`false`;
        else if (type === 'integer' || type === 'smallint' || type === 'bigint' || type.startsWith('numeric') || type === 'real') v = sql`1`;
        else if (type === 'jsonb' || type === 'json') v = sql`'{}'::jsonb`;
        else if (type === 'bytea') v = sql`'\\x00'::bytea`;
        else if (type.endsWith('[]')) v = sql`'{}'`;
        else v = sql`${`test-${table}-${c.name}-${Math.random().toString(36).slice(2, 8)}`}`;
      } else continue;
    }
    names.push(sql.identifier(c.name));
    values.push(v);
  }
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into ${sql.identifier(table)} (${sql.join(names, sql`, `)}) values (${sql.join(values, sql`, `)})`);
    });
    return true;
  } catch (error) {
    console.warn(`could not make a row of ${table}: ${(error as Error).message}`);
    return false;
  }
}
/** Values the tables' check constraints accept, for columns the demo leaves empty. */
const KNOWN_VALUES: Record<string, string> = { content_type: 'image/jpeg', purpose: 'rsvp', shown_locale: 'nl', event: 'grant', method: 'password', locale: 'nl', academic_year: '2026-2027', nominator_role: 'coordinator' };

/** Every table in the schema, with the rows whose text mentions `needle` (a person id or e-mail). */
async function tablesMentioning(db: Db, needle: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const name = getTableName(value as PgTable);
    const t = sql.identifier(name);
    const [r] = await rowsOf(db, sql`select count(*)::int as n from ${t} x where x::text ilike ${`%${needle}%`}`);
    if (Number(r?.n ?? 0) > 0) found[name] = Number(r?.n);
  }
  return found;
}

describe(`the data subject's rights on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let institutionId: string;
  let programmeId: string;
  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    await loadDemoIfEmpty(t.services);
    const [programme] = await t.services.db.select({ id: programmes.id, institutionId: programmes.institutionId }).from(programmes).limit(1);
    institutionId = programme!.institutionId;
    programmeId = programme!.id;
  });

  const newCoachee = (email: string) =>
    t.factories.person({ institutionId, programmeId, roles: ['coachee'], email, firstName: 'Sanne', lastName: 'Wisverzoek', password: PASSWORD });

  async function coordinatorOf(programme: string) {
    return t.factories.person({ institutionId, programmeId: programme, roles: ['coordinator'], email: `coordinator-${programme.slice(0, 8)}@example.test`, password: PASSWORD });
  }

  it('exports every registry table that holds a row of the person, as JSON and as a printable page', async () => {
    const person = await newCoachee('sanne.export@example.test');
    const client = await signedIn(app, person.email, PASSWORD);
    const { seeded, missing } = await giveEveryTable(t.services.db, person);
    expect(missing, `no row could be given to the person in: ${missing.join(', ')} — add rows to the demo or teach this test's synthesise`).toEqual([]);

    const response = await client.request('GET', '/api/me/data');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="mijn-gegevens-${today(t)}.json"`);
    const data = response.json<MyDataResponse>();
    const part = (table: string, column: string) => data.tables.find((x) => x.table === table)?.parts.find((p) => p.matchedBy === column);
    const absent = seeded.filter((name) => {
      const [table, column] = name.split('.') as [string, string];
      return (part(table, column)?.count ?? 0) < 1;
    });
    expect(absent, `tables with a row of the person missing from their export: ${absent.join(', ')}`).toEqual([]);

    // Independently of the registry: every table whose foreign key to people.id holds the person.
    for (const value of Object.values(schema)) {
      if (!is(value, PgTable)) continue;
      const config = getTableConfig(value as PgTable);
      for (const fk of config.foreignKeys) {
        const ref = fk.reference();
        if (getTableName(ref.foreignTable) !== 'people') continue;
        const column = ref.columns[0]!.name;
        const [r] = await rowsOf(t.services.db, sql`select count(*)::int as n from ${sql.identifier(config.name)} where ${sql.identifier(column)} = ${person.id}`);
        expect(part(config.name, column)?.count ?? 0, `${config.name}.${column}`).toBe(Number(r?.n ?? 0));
      }
    }

    // No secrets, and another person's coaching content stays out.
    const text = response.body;
    expect(text).not.toMatch(/"(password_hash|token_hash|csrf_token|secret_encrypted|iban_encrypted)"/);
    const conversations = data.tables.find((x) => x.table === 'resilience_conversations')!.parts.find((p) => p.matchedBy === 'coachee_id')!;
    for (const row of conversations.rows ?? []) expect(row).not.toHaveProperty('progress');
    // The bank account: masked IBAN and holder only, as the registry says; never the full IBAN.
    const account = data.tables.find((x) => x.table === 'coach_bank_accounts')!.parts.find((p) => p.matchedBy === 'person_id')!;
    expect(account.rows![0]).toHaveProperty('iban_masked');
    expect(JSON.stringify(account.rows)).not.toMatch(/\b[A-Z]{2}\d{2}[A-Z]{4}\d{10}\b/);
    expect(text).not.toMatch(/\b[A-Z]{2}\d{2}[A-Z]{4}\d{10}\b/);
    const credentials = data.tables.find((x) => x.table === 'password_credentials')!.parts[0]!;
    expect(credentials).toEqual({ matchedBy: 'person_id', count: 1 });

    const page = await client.request('GET', '/api/me/data/page');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-disposition']).toBe(`attachment; filename="mijn-gegevens-${today(t)}.html"`);
    expect(page.body).toContain('<h1>Gegevens van Sanne Wisverzoek in peerkracht</h1>');
    expect(page.body).toContain('<h2>checkins</h2>');
    expect(page.body).not.toMatch(/<script/i);

    const english = await client.request('GET', '/api/me/data/page', undefined, { 'accept-language': 'en' });
    expect(english.body).toContain('<h1>Data of Sanne Wisverzoek in peerkracht</h1>');
  });

  it('erases the person from every table but the legal holds, confirms by mail, and keeps only the proof', async () => {
    const person = await newCoachee('sanne.wissen@example.test');
    const client = await signedIn(app, person.email, PASSWORD);
    const { missing } = await giveEveryTable(t.services.db, person);
    expect(missing).toEqual([]);
    // The person's own request comes through the API below.
    await t.services.db.delete(erasureRequests).where(eq(erasureRequests.personId, person.id));
    // Durable jobs whose payload names the person (one queued, one finished) and a mail to someone
    // else that names their id: no job kind or mail does so today, but erasure must reach them.
    await t.services.db.insert(jobs).values([
      { kind: 'test-person-reminder', payload: { personId: person.id }, dueAt: new Date(t.services.now().getTime() + 86_400_000), dedupeKey: `test-person-reminder:${person.id}` },
      { kind: 'test-person-reminder', payload: { about: [person.id] }, dueAt: t.services.now(), status: 'done', finishedAt: t.services.now() },
    ]);
    await t.services.db.insert(mailOutbox).values({ recipient: 'someone.else@example.test', subject: 'Herinnering', bodyText: `Zie /people/${person.id}` });
    const before = await tablesMentioning(t.services.db, person.id);
    expect(before).toMatchObject({ jobs: 2, mail_outbox: 1 });
    const coordinator = await coordinatorOf(programmeId);

    const asked = await client.request('POST', '/api/me/erasure-request', { reason: 'Ik stop met de opleiding.' });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ dueOn: monthLater(t) });
    const mine = await client.request('GET', '/api/me/erasure-request');
    expect(mine.json()).toMatchObject({ request: { dueOn: monthLater(t), reason: 'Ik stop met de opleiding.' } });

    const staff = await signedIn(app, coordinator.email, PASSWORD);
    const list = await staff.request('GET', '/api/erasure-requests');
    expect(list.statusCode).toBe(200);
    const open = list.json<{ open: { id: string; name: string; dueOn: string; overdue: boolean }[] }>().open;
    expect(open).toEqual([expect.objectContaining({ name: 'Sanne Wisverzoek', dueOn: monthLater(t), overdue: false })]);
    const requestId = open[0]!.id;

    const done = await staff.request('POST', `/api/erasure-requests/${requestId}/carry-out`);
    expect(done.statusCode).toBe(200);
    const outcome = done.json<{ outcome: { kept: Record<string, number>; personAnonymised: boolean } }>().outcome;

    // No table mentions the person any more, except the legal holds (and the anonymised person row they need).
    const after = await tablesMentioning(t.services.db, person.id);
    const allowed = new Set([...LEGAL_HOLDS, ...(outcome.personAnonymised ? ['people'] : [])]);
    const left = Object.keys(after).filter((name) => !allowed.has(name));
    expect(left, `rows still mention the person in: ${left.join(', ')}`).toEqual([]);
    expect(Object.keys(outcome.kept).sort()).toEqual(Object.keys(before).filter((n) => LEGAL_HOLDS.includes(n)).sort());
    if (outcome.personAnonymised) {
      const [row] = await t.services.db.select().from(people).where(eq(people.id, person.id));
      expect(row).toMatchObject({ firstName: '—', lastName: '—', email: `${person.id}@anonymised.invalid`, studentNumber: null });
    }
    // The request keeps no personal data of the person: no link, no reason.
    const [request] = await t.services.db.select().from(erasureRequests).where(eq(erasureRequests.id, requestId));
    expect(request).toMatchObject({ status: 'done', personId: null, reason: null, doneById: coordinator.id, doneAs: 'coordinator' });
    expect(outcome).toMatchObject({ removed: { jobs: 2 } });
    // The e-mail address is only in the confirmation, until it is delivered; the name is nowhere.
    expect(await tablesMentioning(t.services.db, person.email)).toEqual({ mail_outbox: 1 });
    expect(await tablesMentioning(t.services.db, 'Wisverzoek')).toEqual({});
    const [confirmation] = await t.services.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, person.email));
    expect(confirmation!.subject).toBe('Je gegevens in peerkracht zijn gewist');
    // The person can no longer sign in or use their session.
    expect((await client.request('GET', '/api/me/data')).statusCode).toBe(401);

    // Once delivered, the next retention pass deletes the confirmation, and with it the address.
    await t.services.db.update(mailOutbox).set({ sentAt: t.services.now() }).where(eq(mailOutbox.id, confirmation!.id));
    const dry = await runRetentionPass({ services: t.services, dryRun: true });
    expect(dry.tables.find((r) => r.table === 'mail_outbox')!.rows).toBeGreaterThanOrEqual(1);
    await runRetentionPass({ services: t.services, dryRun: false });
    expect(await tablesMentioning(t.services.db, person.email)).toEqual({});

    // A second carry-out: 409 with a translated message, nothing changed.
    const again = await staff.request('POST', `/api/erasure-requests/${requestId}/carry-out`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { message: 'Dit verzoek is al uitgevoerd. De gegevens zijn al gewist; er is niets veranderd.' } });
    const list2 = await staff.request('GET', '/api/erasure-requests', undefined, { 'accept-language': 'en' });
    expect(list2.json<{ open: unknown[]; done: { doneBy: string }[] }>()).toMatchObject({ open: [], done: [{ doneBy: expect.any(String) }] });
  });

  it('refuses a request for someone else, a second request, and a coordinator of another programme', async () => {
    const person = await newCoachee('sanne.zelf@example.test');
    const other = await newCoachee('iemand.anders@example.test');
    const client = await signedIn(app, person.email, PASSWORD);

    const forOther = await client.request('POST', '/api/me/erasure-request', { personId: other.id });
    expect(forOther.statusCode, forOther.body).toBe(403);
    expect(forOther.json()).toMatchObject({ error: { message: 'Je kunt alleen voor jezelf vragen om je gegevens te wissen. Er is niets veranderd.' } });
    expect(await t.services.db.select().from(erasureRequests)).toEqual([]);

    expect((await client.request('POST', '/api/me/erasure-request', { personId: person.id })).statusCode).toBe(201);
    const twice = await client.request('POST', '/api/me/erasure-request', {}, { 'accept-language': 'en' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: { message: 'You have already asked to erase your data. That request is still open; nothing was changed.' } });
    expect(await t.services.db.select().from(erasureRequests)).toHaveLength(1);
    const tooLong = await client.request('POST', '/api/me/erasure-request', { reason: 'x'.repeat(2001) });
    expect(tooLong.statusCode).toBe(400);

    // The coordinators were told without a name.
    const told = await t.services.db.select().from(mailOutbox).where(eq(mailOutbox.subject, 'Nieuw verzoek om gegevens te wissen'));
    expect(told.length).toBeGreaterThan(0);
    for (const m of told) expect(m.bodyText).not.toMatch(/Sanne|Wisverzoek|sanne\.zelf/);

    const [otherProgramme] = await t.services.db.insert(programmes).values({ institutionId, nameNl: 'Bedrijfskunde', nameEn: 'Business Studies', location: 'Utrecht' }).returning();
    const stranger = await coordinatorOf(otherProgramme!.id);
    const strangerClient = await signedIn(app, stranger.email, PASSWORD);
    expect((await strangerClient.request('GET', '/api/erasure-requests')).json()).toMatchObject({ open: [] });
    const [request] = await t.services.db.select().from(erasureRequests);
    const refused = await strangerClient.request('POST', `/api/erasure-requests/${request!.id}/carry-out`);
    expect(refused.statusCode).toBe(404);
    expect((await t.services.db.select().from(people).where(eq(people.id, person.id))).length).toBe(1);

    // Two carry-outs at once: one wins, the other gets 409.
    const beheerder = await t.factories.person({ institutionId, roles: ['beheerder'], email: 'beheer.wissen@example.test', password: PASSWORD });
    const a = await signedIn(app, beheerder.email, PASSWORD);
    const b = await signedIn(app, (await coordinatorOf(programmeId)).email, PASSWORD);
    const both = await Promise.all([a.request('POST', `/api/erasure-requests/${request!.id}/carry-out`), b.request('POST', `/api/erasure-requests/${request!.id}/carry-out`)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await t.services.db.select().from(roleAssignments).where(eq(roleAssignments.personId, person.id))).toEqual([]);
  });
});
