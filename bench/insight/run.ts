/**
 * Evidence benchmark (issue 18): `npm run bench:insight [-- --scale 1 --users 20 --rounds 10]`.
 *
 * Generates on PostgreSQL (a throwaway cluster from scripts/pg-cluster.sh) an institution of
 * 40,000 students in 5,000 communities over 20 programmes, with 1,000,000 attendance rows (25
 * community sessions per community, eight members each), coach changes, referrals, signals and
 * 50,000 compensation statements, all with set-based inserts (`insert … select generate_series`),
 * printing progress. Then it starts the real app on a port and measures over HTTP:
 *   - every dashboard endpoint with 20 concurrent signed-in coordinators (one per programme),
 *     cold (the first request of a filter computes it) and warm (p50/p95 of `--rounds` rounds),
 *   - the impact report (JSON and PDF) of the largest programme, cold.
 * Targets: dashboard endpoints p95 < 150 ms warm; impact report < 5 s. `--scale 0.1` for a
 * quick run. docs/performance.md records the figures.
 *
 * The 200,000 questionnaire answers of the issue need the evaluation tables (branch `eval`);
 * they are not generated here until that module is merged (see docs/performance.md).
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { Command } from 'commander';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../../src/server/app';
import { loadContent } from '../../src/server/content/load-content';
import { loadConfig } from '../../src/server/config';
import type { Services } from '../../src/server/context';
import { openDatabase, type Database } from '../../src/server/db/client';
import { createMailer } from '../../src/server/modules/mail/mailer';
import { hashPassword } from '../../src/server/modules/identity/secrets';

const options = new Command()
  .option('--scale <f>', 'fraction of the full institution (1 = 40,000 students)', '1')
  .option('--users <n>', 'concurrent users', '20')
  .option('--rounds <n>', 'warm rounds per user and endpoint', '10')
  .parse()
  .opts<{ scale: string; users: string; rounds: string }>();

const PROGRAMMES = 20;
const MEMBERS = 8;
const SESSIONS = 25;
const PASSWORD = 'bench-insight-password';

async function withPostgres<T>(run: (db: Database) => Promise<T>): Promise<T> {
  const env = execFileSync('bash', ['scripts/pg-cluster.sh', 'start'], { encoding: 'utf8' });
  const url = /PEERKRACHT_TEST_PG_URL=(\S+)/.exec(env)?.[1];
  const dir = /PEERKRACHT_TEST_PG_DIR=(\S+)/.exec(env)?.[1];
  if (!url || !dir) throw new Error(`pg-cluster.sh gave no URL:\n${env}`);
  try {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('create database pk_bench_insight');
    await admin.end();
    const database = await openDatabase({ kind: 'postgres', url: url.replace(/\/postgres$/, '/pk_bench_insight'), poolSize: 20 });
    try {
      return await run(database);
    } finally {
      await database.close();
    }
  } finally {
    execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', dir]);
  }
}

const since = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

/** Both drivers answer `{ rows }`; the shared Db type cannot say so. */
async function rows<T>(db: Database['db'], query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

async function generate(db: Database['db'], communitiesTotal: number) {
  const started = performance.now();
  const institutionId = (await rows<{ id: string }>(db, sql`insert into institutions (name) values ('Hogeschool Benchmark') returning id`))[0]!.id;
  const run = (q: ReturnType<typeof sql>) => db.execute(q);
  await run(sql`insert into programmes (institution_id, name_nl, name_en, location) select ${institutionId}::uuid, 'Opleiding ' || g, 'Programme ' || g, 'Amsterdam' from generate_series(1, ${PROGRAMMES}) g`);
  await run(sql`insert into intakes (programme_id, academic_year, month) select id, '2026-2027', 'september' from programmes where institution_id = ${institutionId}::uuid`);
  await run(sql`insert into intakes (programme_id, academic_year, month) select id, '2025-2026', 'september' from programmes where institution_id = ${institutionId}::uuid`);
  const students = communitiesTotal * MEMBERS;
  console.log(`Generating ${students.toLocaleString('en')} students, ${communitiesTotal.toLocaleString('en')} communities and coaches in ${PROGRAMMES} programmes …`);
  await run(sql`insert into people (institution_id, first_name, last_name, email) select ${institutionId}::uuid, 'Student', 'Nummer ' || g, 'student' || g || '@bench.example' from generate_series(1, ${students}) g`);
  await run(sql`insert into people (institution_id, first_name, last_name, email) select ${institutionId}::uuid, 'Coach', 'Nummer ' || g, 'coach' || g || '@bench.example' from generate_series(1, ${communitiesTotal}) g`);
  // Programme p gets communities p, p + 20, …; community c's coach is coach c, its members students 8c-7 … 8c.
  await run(sql`create temporary table bench_programme as select id, row_number() over (order by name_nl, id) - 1 as n from programmes where institution_id = ${institutionId}::uuid`);
  await run(sql`insert into communities (intake_id, name, coach_id)
    select i.id, 'Community ' || g, (select id from people where email = 'coach' || g || '@bench.example')
    from generate_series(1, ${communitiesTotal}) g join bench_programme bp on bp.n = (g - 1) % ${PROGRAMMES} join intakes i on i.programme_id = bp.id and i.academic_year = '2026-2027'`);
  await run(sql`create index on communities ((split_part(name, ' ', 2)::int))`);
  await run(sql`insert into community_members (community_id, person_id, joined_on, joined_reason)
    select c.id, p.id, timestamptz '2026-09-01 08:00+02', 'initial'
    from people p join communities c on split_part(c.name, ' ', 2)::int = (split_part(p.last_name, ' ', 2)::int + ${MEMBERS - 1}) / ${MEMBERS}
    where p.first_name = 'Student' and p.institution_id = ${institutionId}::uuid`);
  await run(sql`insert into community_coach_periods (community_id, coach_id, started_at) select id, coach_id, timestamptz '2026-09-01 08:00+02' from communities where name like 'Community %'`);
  await run(sql`insert into coach_profiles (person_id, programme_id, status) select c.coach_id, i.programme_id, case when hashtext(c.id::text) % 20 = 0 then 'left' else 'active' end from communities c join intakes i on i.id = c.intake_id`);
  await run(sql`insert into role_assignments (person_id, role, institution_id, programme_id) select c.coach_id, 'studentcoach', ${institutionId}::uuid, i.programme_id from communities c join intakes i on i.id = c.intake_id`);
  await run(sql`insert into role_assignments (person_id, role, institution_id, programme_id) select cm.person_id, 'coachee', ${institutionId}::uuid, i.programme_id from community_members cm join communities c on c.id = cm.community_id join intakes i on i.id = c.intake_id`);
  // A few members left and a few coaches changed.
  await run(sql`update community_members set left_on = timestamptz '2026-11-15 12:00+01', left_reason = 'stopped' where hashtext(person_id::text) % 15 = 0`);
  await run(sql`update community_coach_periods set ended_at = timestamptz '2026-12-01 12:00+01', end_reason = 'changed' where hashtext(community_id::text) % 25 = 0`);
  console.log(`  people, communities, memberships: ${since(started)}`);

  let t = performance.now();
  await run(sql`insert into sessions (institution_id, programme_id, type, community_id, organiser_id, starts_at, ends_at, status)
    select ${institutionId}::uuid, i.programme_id, 'community', c.id, c.coach_id,
      timestamptz '2026-09-07 18:00+02' + (w * interval '7 days') + ((hashtext(c.id::text) % 5) * interval '1 day'),
      timestamptz '2026-09-07 19:30+02' + (w * interval '7 days') + ((hashtext(c.id::text) % 5) * interval '1 day'),
      case when hashtext(c.id::text || w) % 40 = 0 then 'cancelled' else 'planned' end
    from communities c join intakes i on i.id = c.intake_id cross join generate_series(0, ${SESSIONS - 1}) w`);
  console.log(`  sessions: ${since(t)}`);
  t = performance.now();
  await run(sql`insert into attendance_marks (session_id, person_id, status, marked_by)
    select s.id, cm.person_id,
      case when hashtext(s.id::text || cm.person_id::text) % 10 < 8 then 'present' when hashtext(s.id::text || cm.person_id::text) % 10 = 8 then 'late' else 'absent' end,
      s.organiser_id
    from sessions s join community_members cm on cm.community_id = s.community_id`);
  const marks = await rows<{ n: number }>(db, sql`select count(*)::int as n from attendance_marks`);
  console.log(`  ${marks[0]!.n.toLocaleString('en')} attendance rows: ${since(t)}`);
  t = performance.now();
  await run(sql`insert into help_resources (institution_id, kind, category, name_nl, name_en, when_to_go_nl, when_to_go_en, how_to_reach_nl, how_to_reach_en) values (${institutionId}::uuid, 'inside', 'wellbeing', 'Studentpsycholoog', 'Student psychologist', '-', '-', '-', '-')`);
  await run(sql`insert into referrals (institution_id, programme_id, coachee_id, coach_id, resource_id, referred_on, coachee_agreed, follow_up_due_at, follow_up_outcome)
    select ${institutionId}::uuid, i.programme_id, cm.person_id, c.coach_id, (select id from help_resources where institution_id = ${institutionId}::uuid limit 1),
      date '2026-10-01' + (hashtext(cm.person_id::text) % 60), true, timestamptz '2026-12-15 09:00+01',
      (array['helped', 'partly', 'not_helped', 'unknown', null])[1 + abs(hashtext(cm.id::text)) % 5]
    from community_members cm join communities c on c.id = cm.community_id join intakes i on i.id = c.intake_id where hashtext(cm.person_id::text) % 10 = 1`);
  await run(sql`insert into signals (reference, institution_id, programme_id, raised_by_id, kind, anonymous, title, body, status, created_at)
    select 'PK-B' || g, ${institutionId}::uuid, bp.id, null, 'need', true, 'Signaal', 'Benchmark', case when g % 3 = 0 then 'closed' else 'open' end, timestamptz '2026-10-01 12:00+02' + g * interval '1 hour'
    from generate_series(1, ${PROGRAMMES * 30}) g join bench_programme bp on bp.n = g % ${PROGRAMMES}`);
  await run(sql`insert into compensation_statements (institution_id, programme_id, intake_id, coach_person_id, month, scheme, status, total_minutes, total_cents, promised_pay_date)
    select ${institutionId}::uuid, i.programme_id, i.id, c.coach_id, m, 'allowance', 'approved', 600 + abs(hashtext(c.id::text || m)) % 300, 12000 + abs(hashtext(c.id::text || m)) % 5000, (m || '-25')::date + interval '1 month'
    from communities c join intakes i on i.id = c.intake_id cross join unnest(array['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06']) m`);
  console.log(`  referrals, signals, compensation statements: ${since(t)}`);
  t = performance.now();
  await run(sql`analyze`);
  console.log(`  analyze: ${since(t)}. Generated in ${since(started)}.`);

  const hash = await hashPassword(PASSWORD);
  await run(sql`insert into people (institution_id, first_name, last_name, email) select ${institutionId}::uuid, 'Coördinator', 'Nummer ' || bp.n, 'coordinator' || bp.n || '@bench.example' from bench_programme bp`);
  await run(sql`insert into role_assignments (person_id, role, institution_id, programme_id) select p.id, 'coordinator', ${institutionId}::uuid, bp.id from bench_programme bp join people p on p.email = 'coordinator' || bp.n || '@bench.example'`);
  await run(sql`insert into password_credentials (person_id, hash) select id, ${hash} from people where email like 'coordinator%@bench.example'`);
  const programmes = await rows<{ id: string; n: number }>(db, sql`select bp.id, bp.n from bench_programme bp order by bp.n`);
  return { institutionId, programmes };
}

type Session = { cookie: string };

async function signIn(base: string, email: string): Promise<Session> {
  const first = await fetch(`${base}/api/auth/session`);
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      jar.set(k!, v.join('='));
    }
  };
  keep(first);
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: cookie() }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  keep(response);
  return { cookie: cookie() };
}

async function timed(base: string, s: Session, url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}${url}`, { headers: { cookie: s.cookie } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

async function main() {
  const scale = Number(options.scale);
  const users = Number(options.users);
  const rounds = Number(options.rounds);
  const communitiesTotal = Math.round(5000 * scale);
  await withPostgres(async (database) => {
    const { db } = database;
    const world = await generate(db, communitiesTotal);
    const config = loadConfig({ NODE_ENV: 'test', PEERKRACHT_PUBLIC_URL: 'http://localhost:3000', PEERKRACHT_MFA_REQUIRED_ROLES: '' });
    // The clock: a Thursday in the middle of the year (2027-02-11), the period defaults to 2026-2027.
    const services: Services = { db, config, content: await loadContent(config.contentDir), mailer: createMailer({ db, smtpUrl: null, from: config.mailFrom }), now: () => new Date('2027-02-11T10:00:00Z') };
    const app = await buildApp({ services, logger: false });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const sessions = await Promise.all(world.programmes.slice(0, users).map((p) => signIn(base, `coordinator${p.n}@bench.example`)));
      const programmeOf = (u: number) => world.programmes[u % world.programmes.length]!.id;
      const endpoints: { name: string; url: (programmeId: string) => string }[] = [
        { name: 'GET /api/insight/programmes', url: () => '/api/insight/programmes' },
        { name: 'GET /api/programmes/:id/dashboard', url: (p) => `/api/programmes/${p}/dashboard` },
        { name: 'GET /api/programmes/:id/dashboard?from&to (autumn)', url: (p) => `/api/programmes/${p}/dashboard?from=2026-09-01&to=2026-12-31` },
        { name: 'GET …/dashboard/attendanceHeatmap/table.csv', url: (p) => `/api/programmes/${p}/dashboard/attendanceHeatmap/table.csv` },
        { name: 'GET …/dashboard/compensation/table.csv', url: (p) => `/api/programmes/${p}/dashboard/compensation/table.csv` },
      ];
      console.log(`\nMeasuring with ${users} concurrent coordinators (one programme each, ${(world.programmes.length ? communitiesTotal / world.programmes.length : 0).toFixed(0)} communities per programme) …`);
      const lines: string[] = [];
      for (const e of endpoints) {
        const cold = await Promise.all(sessions.map((s, u) => timed(base, s, e.url(programmeOf(u)))));
        const warm: number[] = [];
        await Promise.all(
          sessions.map(async (s, u) => {
            for (let r = 0; r < rounds; r++) warm.push(await timed(base, s, e.url(programmeOf(u))));
          }),
        );
        const line = `| ${e.name} | ${percentile(cold, 50).toFixed(0)} | ${percentile(cold, 100).toFixed(0)} | ${percentile(warm, 50).toFixed(0)} | ${percentile(warm, 95).toFixed(0)} | ${warm.length} |`;
        lines.push(line);
        console.log(line);
      }
      const year = '2026-2027';
      let t = performance.now();
      await timed(base, sessions[0]!, `/api/programmes/${programmeOf(0)}/impact-report/${year}`);
      const reportJson = performance.now() - t;
      t = performance.now();
      const pdf = await fetch(`${base}/api/programmes/${programmeOf(1)}/impact-report/${year}/report.pdf`, { headers: { cookie: sessions[1 % sessions.length]!.cookie } });
      const bytes = Buffer.from(await pdf.arrayBuffer());
      const reportPdf = performance.now() - t;
      const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      console.log('\n| endpoint | cold p50 (ms) | cold max (ms) | warm p50 (ms) | warm p95 (ms) | warm requests |');
      console.log('|---|---|---|---|---|---|');
      for (const l of lines) console.log(l);
      console.log(`\nImpact report of one programme (${year}, with ${'2025-2026'} for comparison), cold: JSON ${reportJson.toFixed(0)} ms; PDF ${reportPdf.toFixed(0)} ms, ${pages} pages, ${(bytes.length / 1024).toFixed(0)} KiB.`);
      console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`);
    } finally {
      await app.close();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
