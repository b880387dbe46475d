/**
 * A leercoach grades these students, so they must never receive coaching content: not notes,
 * check-ins, resilience maps, logbooks, referrals or signals. Signed in as the demo leercoach,
 * this calls every route of the route inventory (GET, and POST/PUT/DELETE with an empty body)
 * with plausible ids from the demo data and scans every response body for such fields and for the
 * stored content itself. The researcher (onderzoeker) gets the same scan: nothing yet.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemoIfEmpty } from '../../src/server/demo/load-demo';
import { DEMO_SIGNAL } from '../../src/server/modules/support/load-support-demo';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const DOMAIN = 'hogeschool-zuidas.example';

/** Tables whose content a leercoach must never receive (coaching content, support). */
const SENSITIVE_TABLES = [
  'referrals',
  'signals',
  'signal_updates',
  'checkins',
  'one_on_one_notes',
  'logbook_entries',
  'resilience_maps',
  'resilience_snapshots',
  'resilience_conversations',
  'session_feedback',
];

/** Response fields that carry such content; present with a non-empty value, they fail the test. */
const FORBIDDEN_KEYS = new Set([
  'referral',
  'referrals',
  'followUpOutcome',
  'signal',
  'signals',
  'raised',
  'inbox',
  'checkin',
  'checkins',
  'wellbeing',
  'oneOnOneNote',
  'oneOnOneNotes',
  'notes',
  'resilienceMap',
  'map',
  'maps',
  'snapshots',
  'logbook',
  'logbookEntries',
  'challenges',
]);

/**
 * Routes that serve content definitions (question texts from content/, the same for everyone),
 * not anyone's answers: their field names match the list above, their values are not data.
 * The stored-content scan still covers them.
 */
const CONTENT_DEFINITION_ROUTES = new Set(['/api/session-questions']);

type Rows = { rows: Record<string, unknown>[] };

describe(`the leercoach never receives coaching content, on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let leercoach: Client;
  let onderzoeker: Client;

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
    await t.reset();
    await loadDemoIfEmpty(t.services);
    leercoach = await signedIn(app, `leercoach@${DOMAIN}`, DEMO_PASSWORD);
    onderzoeker = await signedIn(app, `onderzoeker@${DOMAIN}`, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const query = async (text: string): Promise<Rows['rows']> => {
    // Both drivers answer with `{ rows }`; the shared Db type cannot say so.
    const result: unknown = await t.services.db.execute(sql.raw(text));
    return (result as Rows).rows;
  };

  /** Ids of a table, if it exists (other features add tables over time). */
  async function idsOf(table: string): Promise<string[]> {
    const exists = await query(`select 1 from pg_tables where schemaname = 'public' and tablename = '${table}'`);
    if (exists.length === 0) return [];
    const hasId = await query(`select 1 from information_schema.columns where table_name = '${table}' and column_name = 'id'`);
    if (hasId.length === 0) return [];
    return (await query(`select id::text as id from "${table}" limit 3`)).map((r) => String(r.id));
  }

  /** Every text value of the sensitive tables (≥ 12 characters: real content, not codes) and their ids. */
  async function sensitiveValues(): Promise<string[]> {
    const values: string[] = [];
    for (const table of SENSITIVE_TABLES) {
      const columns = await query(
        `select column_name from information_schema.columns where table_name = '${table}' and data_type in ('text', 'jsonb', 'uuid') and column_name not like '%\\_id' and column_name not in ('status', 'kind', 'event')`,
      );
      for (const { column_name: column } of columns) {
        const rows = await query(`select "${String(column)}"::text as v from "${table}" where "${String(column)}" is not null limit 50`);
        for (const { v } of rows) if (typeof v === 'string' && v.length >= 12) values.push(v);
      }
    }
    return values;
  }

  /**
   * Calls every route of the inventory with `methods` as `client`, with plausible ids from the
   * demo (up to six URLs a route) and, for writes, an empty JSON body, and lists every response
   * that carries coaching content: a stored value of a sensitive table, or a filled forbidden field.
   */
  async function probe(client: Client, methods: readonly ('GET' | 'POST' | 'PUT' | 'DELETE')[]) {
    const person = async (email: string) => String((await query(`select id from people where email = '${email}'`))[0]!.id);
    const coachee = await person(`coachee@${DOMAIN}`);
    const coach = await person(`studentcoach@${DOMAIN}`);
    const sw1 = String((await query(`select id from communities where name = 'SW 1'`))[0]!.id);
    const socialWork = String((await query(`select id from programmes where name_nl = 'Social Work'`))[0]!.id);
    const candidates: Record<string, string[]> = {
      communityId: [sw1],
      programmeId: [socialWork],
      coacheeId: [coachee],
      personId: [coachee],
      memberId: [coachee],
      studentId: [coachee],
      ownerId: [coachee],
      subjectId: [coachee],
      coachId: [coach],
      resourceId: await idsOf('help_resources'),
      mapId: await idsOf('resilience_maps'),
      conversationId: await idsOf('resilience_conversations'),
    };
    const forParam = async (name: string): Promise<string[]> => {
      if (candidates[name]?.length) return candidates[name];
      const base = name.replace(/Id$/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      for (const table of [`${base}s`, `${base}es`, base.replace(/y$/, 'ies'), `${base.replace(/^.*_/, '')}s`]) {
        const ids = await idsOf(table);
        if (ids.length) return ids;
      }
      return [coachee];
    };

    // Signing out or resetting a password would end the session and make the rest vacuous.
    const routes = app.routeInventory.filter(
      (r) =>
        methods.some((m) => r.method.includes(m)) &&
        r.url.startsWith('/api/') &&
        !['/api/docs', '/api/health'].includes(r.url) &&
        // Writes that sign the prober itself out (sign-in routes, its own sessions) would end the probe.
        !(r.method !== 'GET' && (r.url.startsWith('/api/auth/') || r.url.startsWith('/api/me/sign-in-sessions'))),
    );
    const secrets = await sensitiveValues();
    expect(secrets, 'the demo holds sensitive content to look for').toContain(DEMO_SIGNAL.body);

    const problems: string[] = [];
    const seen = new Set<string>();
    let calls = 0;
    for (const route of routes) {
      const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      let urls = [route.url];
      for (const param of params) {
        const ids = await forParam(param);
        urls = urls.flatMap((u) => ids.map((id) => u.replace(`:${param}`, id)));
      }
      for (const method of methods.filter((m) => route.method.includes(m))) {
        seen.add(`${method} ${route.url}`);
        for (const url of urls.slice(0, 6)) {
          const response = await client.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
          calls++;
          const body = response.body;
          const at0 = `${method} ${url} (${response.statusCode})`;
          for (const secret of secrets) if (body.includes(secret)) problems.push(`${at0} contains stored content "${secret.slice(0, 40)}…"`);
          if (!(response.headers['content-type'] ?? '').toString().includes('json')) continue;
          const visit = (value: unknown, at: string): void => {
            if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${at}[${i}]`));
            else if (value && typeof value === 'object') {
              for (const [key, v] of Object.entries(value)) {
                const filled = Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== '' && v !== false;
                if (FORBIDDEN_KEYS.has(key) && filled && !CONTENT_DEFINITION_ROUTES.has(route.url)) problems.push(`${at0} returns "${at}.${key}"`);
                visit(v, `${at}.${key}`);
              }
            }
          };
          visit(JSON.parse(body || 'null'), '$');
        }
      }
    }
    // Still signed in at the end: the probes did not pass by being refused as anonymous.
    expect((await client.request('GET', '/api/auth/session')).json().person).toBeTruthy();
    return { problems, calls, routes: seen.size };
  }

  // The researcher sees nothing yet either (consented, pseudonymised exports come later).
  it.each(['leercoach', 'onderzoeker'] as const)('gives the %s no coaching content from any GET route', async (who) => {
    const client = who === 'leercoach' ? leercoach : onderzoeker;
    // The scan does catch a leak: the coach who raised the demo signal gets it.
    const coachClient = await signedIn(app, `studentcoach@${DOMAIN}`, DEMO_PASSWORD);
    expect((await coachClient.request('GET', '/api/signals')).body).toContain(DEMO_SIGNAL.title);

    const getRoutes = app.routeInventory.filter((r) => r.method.includes('GET') && r.url.startsWith('/api/') && !['/api/docs', '/api/health'].includes(r.url));
    const { problems, calls, routes } = await probe(client, ['GET']);
    expect(routes).toBe(getRoutes.length);
    expect(routes).toBeGreaterThan(10);
    expect(calls).toBeGreaterThanOrEqual(routes);
    expect(problems).toEqual([]);
  });

  // …nor from any write: what a refused or a malformed write answers carries no content either.
  it.each(['leercoach', 'onderzoeker'] as const)('gives the %s no coaching content from any POST, PUT or DELETE route', async (who) => {
    const client = who === 'leercoach' ? leercoach : onderzoeker;
    const writes = app.routeInventory.filter((r) => r.url.startsWith('/api/') && ['POST', 'PUT', 'DELETE'].some((m) => r.method.includes(m)));
    const { problems, routes } = await probe(client, ['POST', 'PUT', 'DELETE']);
    const skipped = writes.filter((r) => r.url.startsWith('/api/auth/') || r.url.startsWith('/api/me/sign-in-sessions')).length;
    expect(routes).toBe(writes.length - skipped);
    expect(routes).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });

  it('still gets what a leercoach should: the help directory and their classes', async () => {
    expect((await leercoach.request('GET', '/api/help')).statusCode).toBe(200);
    const home = (await leercoach.request('GET', '/api/home')).json();
    expect(home.classes.map((c: { code: string }) => c.code)).toEqual(['SW1A']);
  });
});
