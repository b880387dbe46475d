/**
 * The beheerder's retention dry run (GET /api/admin/retention): per table, what the next daily
 * run removes, counted at that run's moment; nothing changes. Only the beheerder sees it.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RetentionDryRunResponse } from '../../src/contracts/admin';
import { mailOutbox } from '../../src/server/db/schema';
import { RETENTION_RULES } from '../../src/server/modules/retention/rules';
import { createTestApp } from '../support/app';
import { coachWithCommunity, FIXTURE_PASSWORD as PASSWORD } from '../support/community-fixture';
import { anonymous, signedIn, type Client } from '../support/http';
import type { TestDb } from '../support/test-db';
import { testDbKind } from '../support/test-db';

const DAY = 86_400_000;

describe(`retention dry run on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let admin: Client;
  let coordinator: Client;

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    const fixture = await coachWithCommunity(t);
    await fixture.person(['beheerder'], 'beheerder@test.example');
    await fixture.person(['coordinator'], 'coordinator@test.example');
    // Sign in on the real clock (the cookie jar uses it); the app's clock is then fixed near it.
    admin = await signedIn(app, 'beheerder@test.example', PASSWORD);
    coordinator = await signedIn(app, 'coordinator@test.example', PASSWORD);
  });

  it('shows the beheerder per table what the next run removes, counted at the next run, and changes nothing', async () => {
    const now = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate(), 12));
    t.setNow(now);
    const nextRun = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 2));
    // Past its 90 days at the next run, but not yet now; and one still inside at the next run.
    await t.services.db.insert(mailOutbox).values([
      { recipient: 'a@test.example', subject: 's', bodyText: 'b', createdAt: new Date(nextRun.getTime() - 90 * DAY - 60_000) },
      { recipient: 'b@test.example', subject: 's', bodyText: 'b', createdAt: new Date(nextRun.getTime() - 90 * DAY + 60_000) },
    ]);

    const response = await admin.request('GET', '/api/admin/retention');
    expect(response.statusCode, response.body).toBe(200);
    const body = RetentionDryRunResponse.parse(response.json());
    expect(body.nextRunAt).toBe(nextRun.toISOString());
    expect(body.tables.map((r) => r.table)).toEqual(Object.keys(RETENTION_RULES));
    expect(body.tables.find((r) => r.table === 'mail_outbox')).toEqual({ table: 'mail_outbox', action: 'delete', cutoff: new Date(nextRun.getTime() - 90 * DAY).toISOString(), rows: 1 });
    expect(body.tables.find((r) => r.table === 'people')).toMatchObject({ action: 'anonymise', rows: 0 });
    expect(await t.services.db.select().from(mailOutbox)).toHaveLength(2);
  });

  it('is the beheerder’s alone', async () => {
    expect((await coordinator.request('GET', '/api/admin/retention')).statusCode).toBe(404);
    expect((await (await anonymous(app)).request('GET', '/api/admin/retention')).statusCode).toBe(401);
  });
});
