/**
 * Grouping attributes are never shown to coaches, senior coaches, coachees or leercoaches — only
 * the resulting communities (issue 6 item 5, ADR 0005). On the demo, every member of the demo
 * coachee's community discloses every attribute (background with consent) and the coordinator has
 * a grouping draft; then each of these people calls every GET route of the route inventory with
 * plausible ids, and every response is scanned for attribute fields, balance figures and reasons.
 * A coachee's own disclosures (GET /api/me/grouping-attributes) are theirs to see, and only theirs.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_FOR } from '../../src/domain/consent/purposes';
import { GROUPING_ATTRIBUTES } from '../../src/domain/grouping/student-attributes';
import { DEMO_PASSWORD, loadDemoIfEmpty } from '../../src/server/demo/load-demo';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const DOMAIN = 'hogeschool-zuidas.example';

/** Fields that carry a student's attribute or what was computed from it. */
const FORBIDDEN_KEYS = new Set(['priorEducation', 'firstGeneration', 'international', 'gender', 'evenness', 'mix', 'reasons', 'backgroundConsent', 'figures']);
const ATTRIBUTE_NAMES = new Set<string>(GROUPING_ATTRIBUTES);

type Rows = { rows: Record<string, unknown>[] };

/** Where in a JSON body a student's grouping attribute (or a figure from them) shows. */
function attributeLeaks(body: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown, at: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${at}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        const filled = Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== '';
        if (FORBIDDEN_KEYS.has(key) && filled) found.push(`${at}.${key}`);
        // A list of { attribute: 'priorEducation', value / evenness / … } is the same thing.
        if (key === 'attribute' && typeof v === 'string' && ATTRIBUTE_NAMES.has(v)) found.push(`${at}.attribute=${v}`);
        visit(v, `${at}.${key}`);
      }
    }
  };
  visit(body, '$');
  return found;
}

describe(`grouping attributes never reach coaches, coachees or leercoaches, on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  const ids: Record<string, string[]> = {};

  const query = async (text: string): Promise<Rows['rows']> => {
    const result: unknown = await t.services.db.execute(sql.raw(text));
    return (result as Rows).rows;
  };
  const column = async (text: string) => (await query(text)).map((r) => String(Object.values(r)[0]));

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
    await t.reset();
    await loadDemoIfEmpty(t.services);
    const f = t.factories;
    const [institutionId] = await column(`select id from institutions limit 1`);
    const members = await column(`select m.person_id from community_members m join communities c on c.id = m.community_id where c.name = 'SW 1' and m.left_on is null`);
    expect(members.length).toBeGreaterThan(5);
    await query(`delete from student_attributes where person_id in (${members.map((m) => `'${m}'`).join(',')})`);
    for (const [i, personId] of members.entries()) {
      await f.studentAttribute(personId, 'priorEducation', ['mbo', 'havo', 'vwo', 'other'][i % 4]!);
      await f.studentAttribute(personId, 'gender', i % 2 === 0 ? 'woman' : 'man');
      await f.studentAttribute(personId, 'firstGeneration', 'yes');
      await f.studentAttribute(personId, 'international', 'yes');
      await f.studentAttribute(personId, 'language', 'other');
      await f.consent({ institutionId: institutionId!, personId, consentId: CONSENT_FOR.groupingBackground, consents: t.services.content.consents });
    }
    ids.members = members;
    ids.coachee = await column(`select id from people where email = 'coachee@${DOMAIN}'`);
    ids.coach = await column(`select id from people where email = 'studentcoach@${DOMAIN}'`);
    ids.community = await column(`select id from communities where name = 'SW 1'`);
    ids.programme = await column(`select id from programmes where name_nl = 'Social Work'`);
    ids.intake = await column(`select i.id from intakes i join programmes p on p.id = i.programme_id where p.name_nl = 'Social Work' order by i.month`);

    // The coordinator has a draft for the February intake's late enrolments.
    const coordinator = await signedIn(app, `coordinator@${DOMAIN}`, DEMO_PASSWORD);
    const feb = (await column(`select i.id from intakes i join programmes p on p.id = i.programme_id where p.name_nl = 'Social Work' and i.month = 'february'`))[0]!;
    const started = await coordinator.request('POST', `/api/intakes/${feb}/grouping-runs`, {
      classId: null,
      attributes: [{ key: 'priorEducation', weight: 2 }, { key: 'gender', weight: 1 }, { key: 'firstGeneration', weight: 1 }],
      seconds: 0.5,
    });
    expect(started.statusCode).toBe(202);
    const runId = started.json<{ id: string }>().id;
    let draft: unknown = null;
    for (let i = 0; i < 200 && draft === null; i++) {
      const run = await coordinator.request('GET', `/api/grouping-runs/${runId}`);
      if (run.json<{ status: string }>().status === 'draft') draft = run.json();
      else await new Promise((r) => setTimeout(r, 100));
    }
    // The scan does catch a leak: the coordinator's own view of the draft is full of figures.
    expect(attributeLeaks(draft)).toEqual(expect.arrayContaining(['$.figures', '$.communities[0].mix', '$.communities[0].members[0].reasons']));
    ids.run = [runId];
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it.each(['studentcoach', 'seniorcoach', 'coachee', 'leercoach'] as const)('gives the %s no attribute from any GET route', async (who) => {
    const client: Client = await signedIn(app, `${who}@${DOMAIN}`, DEMO_PASSWORD);
    const candidates: Record<string, string[]> = {
      communityId: ids.community!,
      programmeId: ids.programme!,
      intakeId: ids.intake!,
      runId: ids.run!,
      coacheeId: ids.coachee!,
      personId: ids.members!.slice(0, 2),
      memberId: ids.members!.slice(0, 2),
      studentId: ids.members!.slice(0, 2),
      subjectId: ids.coachee!,
      ownerId: ids.coachee!,
      coachId: ids.coach!,
    };
    const forParam = async (name: string): Promise<string[]> => {
      if (candidates[name]?.length) return candidates[name];
      const base = name.replace(/Id$/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      for (const table of [`${base}s`, `${base}es`, base.replace(/y$/, 'ies'), `${base.replace(/^.*_/, '')}s`]) {
        const exists = await query(`select 1 from information_schema.columns where table_schema = 'public' and table_name = '${table}' and column_name = 'id'`);
        if (exists.length > 0) {
          const found = await column(`select id::text from "${table}" limit 2`);
          if (found.length) return found;
        }
      }
      return ids.coachee!;
    };
    const routes = app.routeInventory.filter((r) => r.method.includes('GET') && r.url.startsWith('/api/') && !['/api/docs', '/api/health'].includes(r.url));
    expect(routes.length).toBeGreaterThan(10);

    const problems: string[] = [];
    let ok = 0;
    let ownSeen = 0;
    for (const route of routes) {
      let urls = [route.url];
      for (const param of [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!)) {
        const values = await forParam(param);
        urls = urls.flatMap((u) => values.map((id) => u.replace(`:${param}`, id)));
      }
      for (const url of urls.slice(0, 6)) {
        const response = await client.request('GET', url);
        if (response.statusCode === 200) ok++;
        if (!(response.headers['content-type'] ?? '').toString().includes('json')) continue;
        const body: unknown = JSON.parse(response.body || 'null');
        if (url === '/api/me/grouping-attributes') {
          // Their own disclosures, and nobody else's: a coachee sees exactly what they told us.
          const own = (body as { attributes?: { value: string | null }[] }).attributes ?? [];
          if (who === 'coachee') {
            const stored = await column(`select value from student_attributes where person_id = '${ids.coachee![0]}' order by value`);
            expect(stored.length).toBeGreaterThan(0);
            expect(own.flatMap((a) => (a.value === null ? [] : [a.value])).sort()).toEqual(stored);
            ownSeen++;
          }
          continue;
        }
        if (url === '/api/me/data') {
          // The person's own data export (AVG art. 15) holds what they disclosed themselves: exactly
          // their own attribute rows, and nobody else's.
          const own = who === 'coachee' ? await column(`select value from student_attributes where person_id = '${ids.coachee![0]}'`) : [];
          expect(attributeLeaks(body)).toHaveLength(own.length);
          continue;
        }
        for (const leak of attributeLeaks(body)) problems.push(`${url} (${response.statusCode}) returns ${leak}`);
      }
    }
    // The scan saw real pages, not just 404s.
    expect(ok).toBeGreaterThan(5);
    expect(ownSeen).toBe(who === 'coachee' ? 1 : 0);
    expect(problems).toEqual([]);
    // And the grouping screens themselves answer as if they did not exist.
    expect((await client.request('GET', `/api/grouping-runs/${ids.run![0]}`)).statusCode).toBe(404);
    expect((await client.request('GET', `/api/intakes/${ids.intake![0]}/grouping`)).statusCode).toBe(404);
  });
});
