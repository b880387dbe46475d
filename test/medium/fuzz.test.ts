/**
 * Fuzzing from the OpenAPI document (issue 23, item 2). `npm test` runs a fixed-seed sample of
 * 800 requests on each database; `npm run test:fuzz` runs 10,000 (PEERKRACHT_FUZZ_RUNS, and
 * PEERKRACHT_FUZZ_SEED for another sample) and prints the figures for docs/reliability.md.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyMap } from '../../src/domain/resilience/model';
import { createTestApp } from '../support/app';
import { signedIn } from '../support/http';
import { ACTOR_ROLES, buildAccessWorld, type AccessWorld } from '../support/access-world';
import { runFuzz } from '../support/fuzz/run-fuzz';
import { testDbKind, type TestDb } from '../support/test-db';

const RUNS = Number(process.env.PEERKRACHT_FUZZ_RUNS ?? 800);
const SEED = Number(process.env.PEERKRACHT_FUZZ_SEED ?? 20261206);

describe(`fuzzing from the OpenAPI document on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let world: AccessWorld;
  beforeAll(async () => {
    ({ t, app } = await createTestApp());
    world = await buildAccessWorld(t, app);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it(`answers ${RUNS} generated requests (seed ${SEED}) without a 5xx or a hang, and refused ones change nothing`, { timeout: Math.max(180_000, RUNS * 300) }, async () => {
    const result = await runFuzz({ app, db: t.services.db, world, seed: SEED, runs: RUNS });
    console.info(
      `fuzz (${testDbKind()}): ${result.requests} requests, seed ${result.seed}, ${result.operationsCovered}/${result.operations} operations\n` +
        `  per role ${JSON.stringify(result.perRole)}\n  per kind ${JSON.stringify(result.perMode)}\n  statuses ${JSON.stringify(result.statuses)}`,
    );
    expect(result.problems).toEqual([]);
    expect(result.requests).toBe(RUNS);
    for (const role of [...ACTOR_ROLES, 'signedOut']) expect(result.perRole[role] ?? 0).toBeGreaterThan(RUNS / 40);
    // The requests reach the handlers: not everything is refused at the door.
    expect(Object.entries(result.statuses).filter(([s]) => s.startsWith('2')).reduce((n, [, c]) => n + c, 0)).toBeGreaterThan(RUNS / 50);
  });

  // What the fuzzer found, kept as fixed cases: they answered 500 (integer overflow, impossible date, half a surrogate pair in jsonb).
  it.each([
    ['PUT', (w: AccessWorld) => `/api/communities/${w.cells.own.communityId}`, (w: AccessWorld) => ({ name: 'Groep', coachId: w.cells.own.coach, version: 9007199254740991 }), 'version', 'coordinator'],
    ['POST', (w: AccessWorld) => `/api/sessions/${w.cells.own.sessionId}/cancel`, () => ({ version: -5351835362382337 }), 'version', 'coordinator'],
    ['PUT', (w: AccessWorld) => `/api/coaches/${w.cells.own.coach}/onboarding`, () => ({ agreementSignedOn: '8085-44-29', firstTrainingOn: null }), 'agreementSignedOn', 'coordinator'],
    ['PUT', () => '/api/resilience/my-map', () => ({ content: { ...emptyMap(), goals: '\uD800alone' }, version: 1 }), 'goals', 'coachee'],
  ] as const)('refuses %s %s with a translated field error', async (method, url, body, field, role) => {
    // Signed in afresh: the fuzz run before may have signed them out.
    const client = await signedIn(app, world.actors[role].email, world.password);
    const response = await client.request(method, url(world), body(world), { 'accept-language': 'en' });
    expect(response.statusCode).toBe(400);
    const error = response.json<{ error: { code: string; fields?: unknown } }>().error;
    expect(error.code).toBe('validation_failed');
    expect(JSON.stringify(error)).toContain(field);
  });
});
