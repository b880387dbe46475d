/**
 * One server under load for `npm run bench:http`, in its own process so the load generator does
 * not share its event loop. Prints one JSON line on stdout when it listens:
 *   app mode:  the real peerkracht app on PGlite or PostgreSQL, with a seeded programme and
 *              signed-in coaches and coachees (their session tokens) — see Seeded below;
 *   bare mode: a bare Fastify endpoint that inserts one row through `pg` (the ceiling).
 * Both log requests at `info` to /dev/null, as a production server logs them.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { loadContent } from '../../src/server/content/load-content';
import type { Services } from '../../src/server/context';
import { openDatabase } from '../../src/server/db/client';
import { createMailer } from '../../src/server/modules/mail/mailer';
import { identityRepository } from '../../src/server/modules/identity/repository';
import { digest, newToken } from '../../src/server/modules/identity/secrets';
import { factories } from '../../src/server/testing/factories';

export type Credentials = { cookie: string; csrf: string };
export type Seeded = {
  port: number;
  /** One per coachee: their session token and the session they answer. */
  coachees: (Credentials & { sessionId: string })[];
  /** One per coach: their session token, their community's session and its members. */
  coaches: (Credentials & { sessionId: string; memberIds: string[] })[];
};

const options = new Command()
  .requiredOption('--mode <mode>', 'app or bare')
  .option('--db <kind>', 'pglite or postgres', 'postgres')
  .option('--url <url>', 'PostgreSQL URL (postgres)')
  .option('--communities <n>', 'communities of 8 coachees and a coach', '30')
  .parse()
  .opts<{ mode: string; db: string; url?: string; communities: string }>();

const devNull = () => (process.env.BENCH_LOG === '1' ? process.stderr : fs.createWriteStream('/dev/null'));

async function bare(): Promise<void> {
  const pool = new pg.Pool({ connectionString: options.url, max: 10 });
  pool.on('error', () => undefined);
  await pool.query('create table if not exists bench_bare (id bigserial primary key, session_id uuid not null, person_id uuid not null, response text not null, created_at timestamptz not null default now())');
  const app = Fastify({ logger: { level: 'info', stream: devNull() } });
  app.post<{ Body: { sessionId: string; personId: string; response: string } }>('/bare', async (request) => {
    await pool.query('insert into bench_bare (session_id, person_id, response) values ($1, $2, $3)', [request.body.sessionId, request.body.personId, request.body.response]);
    return { ok: true };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  process.stdout.write(`${JSON.stringify({ port, coachees: [], coaches: [] } satisfies Seeded)}\n`);
}

async function realApp(): Promise<void> {
  const dataDir = options.db === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'peerkracht-bench-')) : null;
  const database = await openDatabase(options.db === 'pglite' ? { kind: 'pglite', dataDir } : { kind: 'postgres', url: options.url!, poolSize: 10 });
  const config = loadConfig({ NODE_ENV: 'production', PEERKRACHT_ALLOW_EMBEDDED: '1', PEERKRACHT_PUBLIC_URL: 'http://127.0.0.1',
    // Production refuses to start without the key for IBANs at rest; the bench stores none, so a throwaway one serves.
    PEERKRACHT_DATA_KEY: randomBytes(32).toString('base64'),
    ...(options.url ? { DATABASE_URL: options.url } : {}) });
  const services: Services = {
    db: database.db,
    config,
    content: await loadContent(config.contentDir),
    mailer: createMailer({ db: database.db, smtpUrl: null, from: config.mailFrom }),
    now: () => new Date(),
  };

  const f = factories(database.db);
  const identity = identityRepository(database.db);
  const signedIn = async (personId: string): Promise<Credentials> => {
    const token = newToken();
    const csrf = newToken();
    await identity.createSession({ tokenHash: digest(token), personId, csrfToken: csrf, expiresAt: new Date(Date.now() + 86_400_000) });
    return { cookie: `pk_session=${token}`, csrf };
  };
  const institution = await f.institution();
  const programme = await f.programme(institution.id);
  const intake = await f.intake(programme.id);
  const cls = await f.class(intake.id);
  const seeded: Seeded = { port: 0, coachees: [], coaches: [] };
  // A session that started ten minutes ago: coachees can still answer, the coach can mark.
  const startsAt = new Date(Date.now() - 10 * 60_000);
  const endsAt = new Date(startsAt.getTime() + 90 * 60_000);
  for (let c = 0; c < Number(options.communities); c++) {
    const coach = await f.person({ institutionId: institution.id, roles: ['studentcoach'], programmeId: programme.id });
    const members = [];
    for (let m = 0; m < 8; m++) {
      const member = await f.person({ institutionId: institution.id, roles: ['coachee'], programmeId: programme.id });
      await f.enrol(cls.id, member.id);
      members.push(member);
    }
    const community = await f.community({ intakeId: intake.id, coachId: coach.id, classId: cls.id, memberIds: members.map((m) => m.id) });
    const session = await f.session({ institutionId: institution.id, programmeId: programme.id, type: 'community', communityId: community.id, organiserId: coach.id, startsAt, endsAt });
    seeded.coaches.push({ ...(await signedIn(coach.id)), sessionId: session.id, memberIds: members.map((m) => m.id) });
    for (const member of members) seeded.coachees.push({ ...(await signedIn(member.id)), sessionId: session.id });
  }

  const app = await buildApp({ services, logger: { level: 'info', stream: devNull() } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  seeded.port = (app.server.address() as { port: number }).port;
  process.stdout.write(`${JSON.stringify(seeded)}\n`);
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => database.close())
      .then(() => {
        if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
  });
}

await (options.mode === 'bare' ? bare() : realApp());
