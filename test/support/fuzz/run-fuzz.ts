/**
 * The fuzzer (issue 23, item 2): requests generated from the OpenAPI document the app serves,
 * sent through the real app as every role of the access world (with their CSRF tokens, so they
 * reach validation and the handlers), one at a time. It checks three things per request:
 *   - no answer ≥ 500;
 *   - no hang: every request is answered within REQUEST_BOUND_MS;
 *   - a refused request (4xx) changed nothing: a checksum of every table (a hash of every row,
 *     per table) before and after it is the same. The checksum is taken around every request,
 *     so a 2xx may change what it likes and the next refusal is still judged on its own.
 * Deterministic for a seed: the requests are one fast-check sample.
 */
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../src/server/db/client';
import { ACTOR_ROLES, WORLDS, type AccessWorld, type MatrixRole } from '../access-world';
import { MATRIX_ROWS, PARAMS } from '../access-matrix-rows';
import { isAllowed } from '../../../src/domain/access/policy';
import { signedIn, type Client } from '../http';
import { invalidArb, validArb, type JsonSchema } from './arbitraries';

/** A bound, not a wait: a request not answered in this time is counted as a hang. */
export const REQUEST_BOUND_MS = 15_000;

/**
 * Tables a refused request may change by design, and why. Nothing else may change on a 4xx.
 */
export const CHANGED_BY_REFUSALS: Record<string, string> = {
  rate_limit_counters:
    'a refused sign-in, password reset, sign-in link, MFA code or invitation link is counted against the address and account (attempt limits, ADR 0002)',
  magic_link_tokens: 'a sign-in link is used up before the account is opened: the link of a deactivated account is spent and refused (openSession refuses it for every way in)',
};

/**
 * Columns a refused request may change by design, per table; the rest of the table is watched.
 */
export const COLUMNS_CHANGED_BY_REFUSALS: Record<string, { columns: string[]; reason: string }> = {
  auth_sessions: {
    columns: ['last_seen_at'],
    reason: 'every signed-in request, refused or not, records the session’s last use at most every five minutes ("Waar ben ik ingelogd")',
  },
};

/**
 * Tables a grouping or scheduling run (started by an earlier, accepted request) writes in the
 * background while it runs, in its worker: left out of the comparison while a run is running.
 */
export const WRITTEN_BY_RUNNING_ENGINES = ['scheduling_runs', 'scheduling_placements', 'grouping_runs'];

/**
 * Tables a student import (accepted earlier with a 202) writes in the background, in batches,
 * while it runs (run-import-job.ts, import-students.ts): left out while an import is running.
 */
export const WRITTEN_BY_RUNNING_IMPORTS = ['student_imports', 'jobs', 'classes', 'people', 'role_assignments', 'class_members', 'student_attributes'];

/** Operations whose 2xx may end the caller's own session: the role signs in again after one. */
const SIGNS_OUT = ['/api/auth/sign-out', '/api/me/sign-in-sessions/sign-out-all', '/api/me/sign-in-sessions/:sessionId'];

const RUNNING = '(engines running)';
const IMPORTING = '(imports running)';
/** The tables written in the background right now, by what is running. */
const enginesRunning = (sums: Map<string, string>): string[] => [
  ...(sums.get(RUNNING) !== '0' ? WRITTEN_BY_RUNNING_ENGINES : []),
  ...(sums.get(IMPORTING) !== '0' ? WRITTEN_BY_RUNNING_IMPORTS : []),
];

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Parameter = { in: string; name: string; required?: boolean; schema: JsonSchema };
type Operation = { method: Method; path: string; url: string; parameters: Parameter[]; body: JsonSchema | null };

export type FuzzMode = 'valid' | 'hostileText' | 'invalid' | 'badPathParam' | 'badJson' | 'oversized' | 'wrongContentType';
type FuzzRequest = { op: number; role: MatrixRole; mode: FuzzMode; path: Record<string, string>; query: Record<string, unknown>; body: unknown };

export type FuzzResult = {
  seed: number;
  requests: number;
  perRole: Record<string, number>;
  perMode: Record<string, number>;
  statuses: Record<string, number>;
  operations: number;
  operationsCovered: number;
  problems: string[];
};

/** Every API operation in the OpenAPI document, with its path and query parameters and body schema. */
export function operationsOf(doc: { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      const method = m.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'DELETE'].includes(method)) continue;
      ops.push({
        method: method as Method,
        path,
        url: path.replace(/\{(\w+)\}/g, ':$1'),
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return ops.sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));
}

/** A stable hash of every row, per table: one round trip. */
async function tableChecksums(db: Db, tables: readonly string[]): Promise<Map<string, string>> {
  const rowText = (t: string) => {
    const columns = COLUMNS_CHANGED_BY_REFUSALS[t]?.columns;
    return columns ? `(to_jsonb(x) - array[${columns.map((c) => `'${c}'`).join(', ')}])::text` : 'x::text';
  };
  const parts = tables.map((t) => `select '${t}' as t, md5(coalesce(string_agg(${rowText(t)}, '|' order by ${rowText(t)}), '')) as h from "${t}" x`);
  // …and, in the same round trip, whether a grouping or scheduling run is running.
  parts.push(`select '${RUNNING}' as t, ((select count(*) from scheduling_runs where status = 'running') + (select count(*) from grouping_runs where status = 'running'))::text as h`);
  parts.push(`select '${IMPORTING}' as t, (select count(*) from student_imports where status = 'running')::text as h`);
  const result: unknown = await db.execute(sql.raw(parts.join(' union all ')));
  return new Map((result as { rows: { t: string; h: string }[] }).rows.map((r) => [r.t, r.h]));
}

/**
 * Who may call each operation in the actors' own cell, by the policy and the access matrix's rows:
 * most requests go out as one of them, about their own records, so they get past the access rule
 * and reach validation and the handler; the rest go out as anyone, about anything.
 */
function entitledRoles(app: FastifyInstance, ops: readonly Operation[], world: AccessWorld): { roles: MatrixRole[]; path: Record<string, string> }[] {
  const rules = new Map(app.routeInventory.map((r) => [`${r.method} ${r.url}`, r.rule]));
  const own = world.cells.own;
  return ops.map((op) => {
    const key = `${op.method} ${op.url}`;
    const row = MATRIX_ROWS[key];
    const rule = rules.get(key);
    const path = Object.fromEntries([...op.url.matchAll(/:(\w+)/g)].map(([, name]) => [name!, row?.params?.[name!]?.(own) ?? PARAMS[name!]?.(own, op.url) ?? '']));
    if (!rule || 'public' in rule) return { roles: [...ACTOR_ROLES, 'signedOut'], path };
    if ('signedIn' in rule) return { roles: [...ACTOR_ROLES], path };
    const roles = ACTOR_ROLES.filter((role) => {
      const { actor } = world.actors[role];
      const resource = row?.resource?.(own, actor) ?? null;
      return resource !== null && isAllowed(actor, rule.action, resource);
    });
    return { roles, path };
  });
}

function requestArb(ops: readonly Operation[], pools: Map<string, string[]>, entitled: ReturnType<typeof entitledRoles>): fc.Arbitrary<FuzzRequest> {
  const roles: MatrixRole[] = [...ACTOR_ROLES, 'signedOut'];
  const pathValue = (name: string, mode: FuzzMode) => {
    const known = pools.get(name) ?? [];
    const good = known.length ? fc.constantFrom(...known) : fc.uuid();
    if (mode !== 'badPathParam') return fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: fc.uuid() });
    return fc.constantFrom('not-an-id', '..%2F..%2Fetc%2Fpasswd', '%00', 'x'.repeat(3000), '1;select 1', '\u202Egnp.exe', '00000000-0000-0000-0000-00000000000g', '%F0%9F%98%80');
  };
  const anyone = fc.record({ op: fc.nat({ max: ops.length - 1 }), role: fc.constantFrom(...roles), entitled: fc.constant(false) });
  const withAccess = fc
    .constantFrom(...entitled.flatMap((e, op) => (e.roles.length ? [op] : [])))
    .chain((op) => fc.record({ op: fc.constant(op), role: fc.constantFrom(...entitled[op]!.roles), entitled: fc.constant(true) }));
  return fc.record({ who: fc.oneof({ weight: 2, arbitrary: withAccess }, { weight: 1, arbitrary: anyone }), mode: fc.constantFrom<FuzzMode>('valid', 'valid', 'valid', 'hostileText', 'hostileText', 'invalid', 'invalid', 'invalid', 'badPathParam', 'badJson', 'oversized', 'wrongContentType') }).chain(
    ({ who: { op, role, entitled: own }, mode }) => {
      const operation = ops[op]!;
      const pathParams = operation.parameters.filter((p) => p.in === 'path');
      const ownPath = entitled[op]!.path;
      const queryParams = operation.parameters.filter((p) => p.in === 'query');
      const path = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, own && mode !== 'badPathParam' && ownPath[p.name] ? fc.constant(ownPath[p.name]!) : pathValue(p.name, mode)])));
      const query = fc.record(
        Object.fromEntries(queryParams.map((p) => [p.name, mode === 'invalid' ? fc.oneof(invalidArb(p.schema), validArb(p.schema)) : validArb(p.schema, mode === 'hostileText')])),
        { requiredKeys: [] },
      );
      const body: fc.Arbitrary<unknown> = !operation.body
        ? fc.constant(undefined)
        : mode === 'invalid'
          ? invalidArb(operation.body)
          : validArb(operation.body, mode === 'hostileText');
      return fc.record({ op: fc.constant(op), role: fc.constant(role), mode: fc.constant(mode), path, query, body });
    },
  );
}

/** Percent-encodes, and a lone surrogate (which UTF-8 cannot carry) as the bytes a careless client would send. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '')) + '%ED%A0%80';
  }
}

function queryString(query: Record<string, unknown>): string {
  const pairs = Object.entries(query).filter(([, v]) => v !== undefined);
  if (!pairs.length) return '';
  return `?${pairs.map(([k, v]) => `${encode(k)}=${encode(typeof v === 'string' ? v : JSON.stringify(v))}`).join('&')}`;
}

export async function runFuzz(options: { app: FastifyInstance; db: Db; world: AccessWorld; seed: number; runs: number }): Promise<FuzzResult> {
  const { app, db, world, seed, runs } = options;
  const doc = app.swagger() as Parameters<typeof operationsOf>[0];
  const ops = operationsOf(doc);
  const pools = new Map<string, string[]>();
  for (const [name, value] of Object.entries(PARAMS)) {
    for (const op of ops) {
      if (!op.url.includes(`:${name}`)) continue;
      const values = new Set(pools.get(name) ?? []);
      for (const w of WORLDS) values.add(value(world.cells[w], op.url));
      pools.set(name, [...values]);
    }
  }
  const tablesResult: unknown = await db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  const tables = (tablesResult as { rows: { tablename: string }[] }).rows.map((r) => r.tablename);
  const watched = tables.filter((t) => !(t in CHANGED_BY_REFUSALS));
  const requests = fc.sample(requestArb(ops, pools, entitledRoles(app, ops, world)), { seed, numRuns: runs });

  const clients = new Map<MatrixRole, Client>([['signedOut', world.signedOut], ...ACTOR_ROLES.map((r) => [r, world.actors[r].client] as const)]);
  const result: FuzzResult = { seed, requests: 0, perRole: {}, perMode: {}, statuses: {}, operations: ops.length, operationsCovered: 0, problems: [] };
  const covered = new Set<number>();
  let before = await tableChecksums(db, watched);
  let runningBefore = enginesRunning(before);
  for (const [index, r] of requests.entries()) {
    const op = ops[r.op]!;
    const client = clients.get(r.role)!;
    const url = op.url.replace(/:(\w+)/g, (_, name: string) => encode(r.path[name] ?? '')).replace(/%25/g, '%') + queryString(r.query);
    const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
    let payload: unknown = hasBody ? (r.body ?? {}) : undefined;
    const headers: Record<string, string> = {};
    if (hasBody && r.mode === 'badJson') payload = '{"half": [1, 2,';
    if (hasBody && r.mode === 'oversized') payload = JSON.stringify({ ...(typeof r.body === 'object' && r.body ? r.body : {}), padding: 'x'.repeat(1_100_000) });
    if (hasBody && r.mode === 'wrongContentType') {
      payload = JSON.stringify(r.body ?? {});
      headers['content-type'] = 'text/plain';
    }
    covered.add(r.op);
    const at = `#${index} seed ${seed}: ${op.method} ${url.slice(0, 160)} as ${r.role} (${r.mode})`;
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<'hang'>((resolve) => {
      timer = setTimeout(() => resolve('hang'), REQUEST_BOUND_MS);
    });
    let response: LightMyRequestResponse | 'hang';
    try {
      response = await Promise.race([client.request(op.method, url, payload, headers), bound]);
    } finally {
      clearTimeout(timer);
    }
    result.requests++;
    result.perRole[r.role] = (result.perRole[r.role] ?? 0) + 1;
    result.perMode[r.mode] = (result.perMode[r.mode] ?? 0) + 1;
    if (response === 'hang') {
      result.problems.push(`${at}: no answer within ${REQUEST_BOUND_MS} ms`);
      result.statuses.hang = (result.statuses.hang ?? 0) + 1;
      before = await tableChecksums(db, watched);
      runningBefore = enginesRunning(before);
      continue;
    }
    const status = response.statusCode;
    result.statuses[status] = (result.statuses[status] ?? 0) + 1;
    if (status >= 500) result.problems.push(`${at}: ${status} ${response.body.slice(0, 200)} body ${JSON.stringify(payload)?.slice(0, 300)}`);
    const after = await tableChecksums(db, watched);
    const runningAfter = enginesRunning(after);
    if (status >= 400 && status < 500) {
      const background = [...runningBefore, ...runningAfter];
      const changed = watched.filter((t) => before.get(t) !== after.get(t) && !background.includes(t));
      if (changed.length) result.problems.push(`${at}: refused with ${status} but changed ${changed.join(', ')} body ${JSON.stringify(payload)?.slice(0, 300)}`);
    }
    before = after;
    runningBefore = runningAfter;
    // A role that signed itself out (a valid sign-out is a 2xx like any other) signs in again.
    if (status < 300 && SIGNS_OUT.includes(op.url) && r.role !== 'signedOut') {
      clients.set(r.role, await signedIn(app, world.actors[r.role].email, world.password));
      before = await tableChecksums(db, watched);
      runningBefore = enginesRunning(before);
    }
  }
  result.operationsCovered = covered.size;
  return result;
}
