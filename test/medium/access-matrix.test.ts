/**
 * The access matrix, generated (issue 23, item 1): every route × every role (and a visitor who is
 * signed out) × four worlds — the actor's own community, another community of the programme,
 * another programme, another institution. The expected answer is the policy's own decision on the
 * resource the row says the route is about; the server must agree: allowed, or the uniform 404.
 * Then the canary scan: no answer to anyone carries a sensitive text the policy keeps from them.
 *
 * How the decision is observed without changing anything: a hook added after the app's own runs
 * right after the access hook. For a write it answers 204 at once (the body is never validated,
 * the handler never runs), so a refused and an allowed write both leave the database as it was;
 * a read runs whole, and its body is scanned. Either way the hook marks the answer as "past the
 * access rule", which the test compares with the policy.
 */
import type { FastifyInstance, FastifyRequest, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowed, type Actor } from '../../src/domain/access/policy';
import type { RouteRule } from '../../src/server/http/access-hook';
import { createTestApp } from '../support/app';
import { ACTOR_ROLES, buildAccessWorld, WORLDS, type AccessWorld, type Cell, type MatrixRole } from '../support/access-world';
import { MATRIX_ROWS, PARAMS, SCAN_VARIANTS, type MatrixRow } from '../support/access-matrix-rows';
import type { Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PROBE = 'x-matrix-probe';
const PASSED = 'x-matrix-access';
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

type Route = { key: string; method: Method; url: string; rule: RouteRule };

/** Listens after the access hook: marks what got past it; answers probes (writes) there and then. */
function observeAccess(app: FastifyInstance): void {
  const passed = new WeakSet<FastifyRequest>();
  app.addHook('preValidation', async (request, reply) => {
    passed.add(request);
    if (request.headers[PROBE]) {
      await reply.code(204).header(PASSED, 'yes').send();
      return reply;
    }
  });
  app.addHook('onSend', async (request, reply) => {
    if (passed.has(request)) void reply.header(PASSED, 'yes');
  });
}

function urlFor(route: Route, row: MatrixRow, cell: Cell): string {
  return route.url.replace(/:(\w+)/g, (_, name: string) => {
    const value = row.params?.[name]?.(cell) ?? PARAMS[name]?.(cell, route.url);
    if (value === undefined) throw new Error(`${route.key}: no value for :${name} (add it to PARAMS or the row's params)`);
    return value;
  });
}

/** The policy's answer: public and signed-in routes let every signed-in actor past the rule. */
function policyAllows(route: Route, row: MatrixRow, cell: Cell, actor: Actor): boolean {
  if (!('action' in route.rule)) return true;
  const resource = row.resource?.(cell, actor) ?? null;
  return resource !== null && isAllowed(actor, route.rule.action, resource);
}

describe(`access matrix on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let world: AccessWorld;
  let routes: Route[];
  beforeAll(async () => {
    ({ t, app } = await createTestApp());
    observeAccess(app);
    world = await buildAccessWorld(t, app);
    routes = app.routeInventory
      .filter((r) => r.method !== 'HEAD')
      .map((r) => ({ key: `${r.method} ${r.url}`, method: r.method as Method, url: r.url, rule: r.rule! }));
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('has a row for every route, and no row for a route that is gone', () => {
    const keys = routes.map((r) => r.key);
    expect(keys.filter((k) => !(k in MATRIX_ROWS)), 'routes without a matrix row (test/support/access-matrix-rows.ts)').toEqual([]);
    expect(Object.keys(MATRIX_ROWS).filter((k) => !keys.includes(k)), 'matrix rows of routes that no longer exist').toEqual([]);
    const needResource = routes.filter((r) => 'action' in r.rule && !MATRIX_ROWS[r.key]?.resource).map((r) => r.key);
    expect(needResource, 'rows of policy routes must say which resource the route is about').toEqual([]);
  });

  // About 4,700 requests: a minute on a quiet machine; the bound leaves room for a busy one.
  it('answers every route as every role in every world as the policy decides, and no answer leaks a canary', { timeout: 300_000 }, async () => {
    const problems: string[] = [];
    const counts = { requests: 0, allowed: 0, denied: 0, cells: new Set<string>() };
    const statuses = new Map<number, number>();
    const travelled = new Set<string>();
    const scan = (who: MatrixRole, actor: Actor | null, at: string, response: LightMyRequestResponse) => {
      for (const canary of world.canaries) {
        if (actor && canary.visibleTo(actor)) {
          if (response.body.includes(canary.text)) travelled.add(canary.what);
          continue;
        }
        if (response.body.includes(canary.text)) problems.push(`${at} as ${who}: answer holds the ${canary.what} canary of world ${canary.world}`);
      }
    };
    const send = async (client: Client, route: Route, url: string, body: unknown) => {
      const write = route.method !== 'GET';
      const response = await client.request(route.method, url, write ? (body ?? {}) : undefined, write ? { [PROBE]: '1' } : {});
      counts.requests++;
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      return response;
    };
    const isUniform404 = (r: LightMyRequestResponse) => r.statusCode === 404 && r.json<{ error: { code: string } }>().error.code === 'not_found';

    for (const route of routes) {
      const row = MATRIX_ROWS[route.key];
      if (!row) continue; // reported by the test above
      for (const role of ACTOR_ROLES) {
        const { actor, client } = world.actors[role];
        const done = new Set<string>();
        for (const w of WORLDS) {
          const cell = world.cells[w];
          const url = urlFor(route, row, cell);
          const body = row.body?.(cell);
          const key = `${url} ${JSON.stringify(body ?? null)}`;
          if (done.has(key)) continue; // a route without parameters is the same call in every world
          done.add(key);
          counts.cells.add(`${route.key}|${role}|${w}`);
          const expected = policyAllows(route, row, cell, actor);
          const response = await send(client, route, url, body);
          const at = `${route.method} ${url} [${route.key}, world ${w}]`;
          const passed = response.headers[PASSED] === 'yes';
          if (response.statusCode >= 500) problems.push(`${at} as ${role}: ${response.statusCode} ${response.body.slice(0, 200)}`);
          if (expected && !passed) problems.push(`${at} as ${role}: the policy allows it, the server answered ${response.statusCode} ${response.body.slice(0, 120)}`);
          if (!expected && passed) problems.push(`${at} as ${role}: the policy refuses it, the server let it through (${response.statusCode})`);
          if (!expected && !isUniform404(response)) problems.push(`${at} as ${role}: refused with ${response.statusCode}, not the uniform 404`);
          if (expected) counts.allowed++;
          else counts.denied++;
          scan(role, actor, at, response);
          // The same read about the cell's other records of that kind: scanned, and never a 5xx.
          if (route.method !== 'GET') continue;
          for (const [name, variant] of Object.entries(SCAN_VARIANTS)) {
            if (!route.url.includes(`:${name}`)) continue;
            const other = urlFor(route, { ...row, params: { ...row.params, [name]: variant } }, cell);
            const r = await send(client, route, other, undefined);
            if (r.statusCode >= 500) problems.push(`${other} [${route.key}] as ${role}: ${r.statusCode}`);
            scan(role, actor, `${other} [${route.key}, world ${w}]`, r);
          }
        }
      }
      // Signed out: public routes answer, everything else is 401 — and no canary either way.
      const signedOutUrl = urlFor(route, row, world.cells.own);
      const anonymous = await send(world.signedOut, route, signedOutUrl, row.body?.(world.cells.own));
      counts.cells.add(`${route.key}|signedOut|own`);
      const at = `${route.method} ${signedOutUrl} [${route.key}]`;
      if ('public' in route.rule) {
        if (anonymous.headers[PASSED] !== 'yes') problems.push(`${at} signed out: public, but answered ${anonymous.statusCode}`);
      } else if (anonymous.statusCode !== 401 || anonymous.json<{ error: { code: string } }>().error.code !== 'unauthenticated') {
        problems.push(`${at} signed out: expected 401 unauthenticated, got ${anonymous.statusCode}`);
      }
      if (anonymous.statusCode >= 500) problems.push(`${at} signed out: ${anonymous.statusCode}`);
      scan('signedOut', null, at, anonymous);
      // A write without the CSRF token is refused before anything else, for the most entitled.
      if (route.method !== 'GET') {
        const { client } = world.actors.coordinator;
        const response = await world.actors.coordinator.client.request(route.method, signedOutUrl, row.body?.(world.cells.own) ?? {}, { [PROBE]: '1', 'x-csrf-token': `${client.csrf}-wrong` });
        counts.requests++;
        if (response.statusCode !== 403 || response.json<{ error: { code: string } }>().error.code !== 'csrf_failed')
          problems.push(`${at} with a wrong CSRF token: expected 403 csrf_failed, got ${response.statusCode}`);
      }
    }

    // Each kind of canary was planted, and each was read by someone the policy allows: the scan
    // looks for strings that really travel.
    const kinds = new Set(world.canaries.map((c) => c.what));
    expect([...travelled].sort(), 'canaries their readers got').toEqual([...kinds].sort());
    expect([...kinds].sort()).toEqual(
      [
        'announcement',
        'applicationMotivation',
        'nominationNote',
        'trainingFeedback',
        'chatLink',
        'coachIban',
        'communityMeetingLink',
        'conversationNote',
        'disputeComment',
        'evaluationAnswer',
        'expenseDescription',
        'expenseRejectReason',
        'extraWorkReason',
        'feedback',
        'handoverNote',
        'logbook',
        'meetingLink',
        'oneOnOneNote',
        'programmeActivity',
        'programmeHelp',
        'resilienceMap',
        'roadmapEvidenceNote',
        'roadmapView',
        'roleGrantReason',
        'roleRevokeReason',
        'rsvpReason',
        'hundredDayStopReason',
        'impactReportText',
        'signalBody',
        'signalNote',
        'signalTitle',
        'studyDecisionNote',
        'studyQuestion',
        'yearReport',
      ].sort(),
    );
    const size = `${routes.length} routes × ${ACTOR_ROLES.length + 1} roles × ${WORLDS.length} worlds`;
    console.info(
      `access matrix (${testDbKind()}): ${size}; ${counts.cells.size} distinct cells, ${counts.requests} requests (${counts.allowed} allowed, ${counts.denied} refused by the policy), ${world.canaries.length} canaries; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
    );
    expect(problems).toEqual([]);
    expect(counts.allowed).toBeGreaterThan(500);
    expect(counts.denied).toBeGreaterThan(2000);
  });
});
