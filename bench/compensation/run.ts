/**
 * Statement generation benchmark (#17): `npm run bench:compensation [-- --coaches 2000 --db postgres|pglite]`.
 * Generates a programme of 2,000 coaches with a year of sessions (two community sessions and a
 * one-on-one a month each, attendance taken, a monthly training they attend), then times the
 * monthly statements job for one month, and a second run (idempotent: nothing changes). Target:
 * under 10 s on PostgreSQL. docs/performance.md records the figure.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { Command } from 'commander';
import { count, sql } from 'drizzle-orm';
import pg from 'pg';
import { loadContent } from '../../src/server/content/load-content';
import { loadConfig } from '../../src/server/config';
import type { Services } from '../../src/server/context';
import { openDatabase, type Database } from '../../src/server/db/client';
import { compensationStatementLines, compensationStatements } from '../../src/server/db/schema';
import { generateStatements } from '../../src/server/modules/compensation/public';
import { createMailer } from '../../src/server/modules/mail/mailer';
import { factories } from '../../src/server/testing/factories';

const options = new Command()
  .option('--coaches <n>', 'coaches', '2000')
  .option('--db <kind>', 'postgres (throwaway cluster) or pglite (in memory)', 'postgres')
  .parse()
  .opts<{ coaches: string; db: string }>();

async function withDatabase<T>(kind: string, run: (db: Database) => Promise<T>): Promise<T> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      return await run(database);
    } finally {
      await database.close();
    }
  }
  const env = execFileSync('bash', ['scripts/pg-cluster.sh', 'start'], { encoding: 'utf8' });
  const url = /PEERKRACHT_TEST_PG_URL=(\S+)/.exec(env)?.[1];
  const dir = /PEERKRACHT_TEST_PG_DIR=(\S+)/.exec(env)?.[1];
  if (!url || !dir) throw new Error(`pg-cluster.sh gave no URL:\n${env}`);
  try {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('create database pk_bench_compensation');
    await admin.end();
    const database = await openDatabase({ kind: 'postgres', url: url.replace(/\/postgres$/, '/pk_bench_compensation') });
    try {
      return await run(database);
    } finally {
      await database.close();
    }
  } finally {
    execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', dir]);
  }
}

const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(2);

async function main() {
  const coaches = Number(options.coaches);
  await withDatabase(options.db, async (database) => {
    const { db, kind } = database;
    const config = loadConfig({ NODE_ENV: 'test', PEERKRACHT_PUBLIC_URL: 'http://localhost:3000' });
    const services: Services = { db, config, content: await loadContent(config.contentDir), mailer: createMailer({ db, smtpUrl: null, from: config.mailFrom }), now: () => new Date('2026-12-01T03:00:00Z') };
    const f = factories(db);
    const institution = await f.institution({ name: 'Benchmark' });
    const programme = await f.programme(institution.id);
    const intake = await f.intake(programme.id, { academicYear: '2026-2027', month: 'september' });
    const coordinator = await f.person({ institutionId: institution.id, roles: ['coordinator'], programmeId: programme.id });
    const p = { inst: institution.id, prog: programme.id, intake: intake.id };
    let started = performance.now();
    console.log(`Generating ${coaches.toLocaleString('en')} coaches with a year of sessions on ${kind} …`);
    await db.execute(sql`insert into people (institution_id, first_name, last_name, email)
      select ${p.inst}::uuid, 'Coach', 'Nummer ' || g, 'coach' || g || '@bench.example' from generate_series(1, ${coaches}) g`);
    await db.execute(sql`insert into people (institution_id, first_name, last_name, email)
      select ${p.inst}::uuid, 'Student', 'Nummer ' || g, 'student' || g || '@bench.example' from generate_series(1, ${coaches}) g`);
    await db.execute(sql`insert into coach_profiles (person_id, programme_id, status) select id, ${p.prog}::uuid, 'active' from people where email like 'coach%@bench.example'`);
    await db.execute(sql`insert into compensation_profiles (person_id, birth_date) select id, date '2004-01-01' + (hashtext(id::text) % 1500) from people where email like 'coach%@bench.example'`);
    await db.execute(sql`insert into communities (intake_id, name, coach_id)
      select ${p.intake}::uuid, 'Community ' || split_part(email, '@', 1), id from people where email like 'coach%@bench.example'`);
    await db.execute(sql`insert into community_members (community_id, person_id)
      select c.id, s.id from communities c join people k on k.id = c.coach_id join people s on s.email = replace(k.email, 'coach', 'student')`);
    console.log(`  people, profiles and communities: ${seconds(started)} s`);
    started = performance.now();
    // A year (January–December 2026): community sessions on the 5th and 19th, a one-on-one on the 12th.
    await db.execute(sql`insert into sessions (institution_id, programme_id, type, community_id, organiser_id, coachee_id, starts_at, ends_at)
      select ${p.inst}::uuid, ${p.prog}::uuid, t.type, c.id, c.coach_id, case when t.type = 'oneOnOne' then m.person_id end,
             make_timestamptz(2026, mo, t.day, 14, 0, 0, 'Europe/Amsterdam'), make_timestamptz(2026, mo, t.day, 16, 0, 0, 'Europe/Amsterdam')
      from communities c join community_members m on m.community_id = c.id
      cross join generate_series(1, 12) mo
      cross join (values ('community', 5), ('oneOnOne', 12), ('community', 19)) as t(type, day)`);
    await db.execute(sql`insert into sessions (institution_id, programme_id, type, organiser_id, starts_at, ends_at)
      select ${p.inst}::uuid, ${p.prog}::uuid, 'coachTraining', ${coordinator.id}::uuid, make_timestamptz(2026, mo, 8, 15, 0, 0, 'Europe/Amsterdam'), make_timestamptz(2026, mo, 8, 18, 0, 0, 'Europe/Amsterdam')
      from generate_series(1, 12) mo`);
    await db.execute(sql`insert into attendance_marks (session_id, person_id, status)
      select s.id, m.person_id, 'present' from sessions s join community_members m on m.community_id = s.community_id where s.type in ('community', 'oneOnOne')`);
    await db.execute(sql`insert into attendance_marks (session_id, person_id, status)
      select s.id, k.person_id, 'present' from sessions s cross join coach_profiles k where s.type = 'coachTraining'`);
    await db.execute(sql`analyze`);
    const [sessionCount] = await db.select({ n: count() }).from(sql`sessions`);
    const [markCount] = await db.select({ n: count() }).from(sql`attendance_marks`);
    console.log(`  ${Number(sessionCount?.n).toLocaleString('en')} sessions, ${Number(markCount?.n).toLocaleString('en')} attendance marks: ${seconds(started)} s`);

    for (const label of ['statements for 2026-11', 'again (idempotent)']) {
      started = performance.now();
      const result = await generateStatements({
        services,
        institutionId: p.inst,
        month: '2026-11',
        onProgress: (done, total) => process.stdout.write(`\r  ${label}: ${done}/${total} coaches`),
      });
      process.stdout.write('\n');
      console.log(`${label}: ${seconds(started)} s on ${kind} — ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`);
    }
    const [statements] = await db.select({ n: count() }).from(compensationStatements);
    const [lines] = await db.select({ n: count() }).from(compensationStatementLines);
    console.log(`In the database: ${statements?.n} statements, ${lines?.n} lines. Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}.`);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
