/**
 * The student import as a durable job: a process that dies mid-import leaves the job claimed
 * with a heartbeat that goes stale; the poller (of any instance) takes it over, resumes after the
 * last committed batch and ends with the right counts — nothing skipped, nothing counted twice —
 * and the file is cleared. An import that keeps failing is marked failed after the last attempt.
 * Meanwhile the coordinator sees the progress through HTTP.
 */
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classMembers, jobs, people, studentImports } from '../../src/server/db/schema';
import type { Db } from '../../src/server/db/client';
import type { Services } from '../../src/server/context';
import { jobHandlers } from '../../src/server/job-handlers';
import { claimDueJobs, MAX_ATTEMPTS } from '../../src/server/modules/jobs/jobs';
import { runClaimedJob, runDueJobs } from '../../src/server/modules/jobs/run-due-jobs';
import { IMPORT_BATCH_SIZE } from '../../src/server/modules/programme/import-students';
import { IMPORT_LEASE_MS, runStudentImport } from '../../src/server/modules/programme/run-import-job';
import { recordImport, startImport } from '../../src/server/modules/programme/start-import';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery';
const MAPPING = { studentNumber: 0, firstName: 1, lastName: 2, email: 3, classCode: 4, locale: 5 };
const T0 = new Date('2027-08-20T09:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

/** 2,500 rows (three batches of good rows) with a bad row every 250 lines. */
function csv(): { text: string; good: number; bad: number[] } {
  const lines = ['studentnummer,voornaam,achternaam,email,klas,taal'];
  const bad: number[] = [];
  for (let i = 0; i < 2500; i++) {
    const n = 700000 + i;
    const line = i + 2;
    if (i % 250 === 17) {
      bad.push(line);
      lines.push(`${n},Student,,s${n}@student.x.test,SW1A,nl`); // last name missing
    } else lines.push(`${n},Student${i},Achternaam${i},s${n}@student.x.test,SW1${'ABC'[i % 3]},${i % 5 === 0 ? 'en' : 'nl'}`);
  }
  return { text: lines.join('\n'), good: 2500 - bad.length, bad };
}

/** The database of a process that dies when it starts batch number `dieAt` (1-based): the batches before it are committed. */
function dyingServices(services: Services, dieAt: number): Services {
  let batches = 0;
  const db = new Proxy(services.db, {
    get(target, prop, receiver) {
      if (prop === 'transaction') {
        return (...args: Parameters<Db['transaction']>) => {
          if (++batches >= dieAt) return Promise.reject(new Error('the process died'));
          return target.transaction(...args);
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { ...services, db };
}

describe(`a student import interrupted by a restart, on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let coordinator: Client;
  let target: { institutionId: string; programmeId: string; intakeId: string };
  let actorId = '';
  const file = csv();

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  beforeEach(async () => {
    await t.reset();
    t.setNow(T0);
    const inst = await t.factories.institution();
    const prog = await t.factories.programme(inst.id);
    const intake = await t.factories.intake(prog.id);
    const person = await t.factories.person({ institutionId: inst.id, roles: ['coordinator'], programmeId: prog.id, email: 'coord@x.test', password: PASSWORD });
    coordinator = await signedIn(app, 'coord@x.test', PASSWORD);
    target = { institutionId: inst.id, programmeId: prog.id, intakeId: intake.id };
    actorId = person.id;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const state = async (id: string) => (await coordinator.request('GET', `/api/imports/${id}`)).json<{ status: string; processed: number; total: number; created: number; updated: number; failed: number; resumed: boolean; rowErrors: { line: number }[] }>();
  const studentCount = async () => (await t.services.db.select({ n: count() }).from(classMembers))[0]!.n;

  it('resumes after the last committed batch when the worker died, and ends with the right counts', async () => {
    const id = await recordImport({ services: t.services, actorId, target, fileName: 'osiris.csv', csv: file.text, mapping: MAPPING });
    // A worker claims the job and dies while importing the second batch.
    const [job] = await claimDueJobs(t.services.db, T0);
    expect(job).toBeDefined();
    await expect(runStudentImport({ services: dyingServices(t.services, 2), job: job! })).rejects.toThrow('the process died');

    // The first batch is committed with its counts; the job is still "running" under a lease.
    const halfway = await state(id);
    expect(halfway).toMatchObject({ status: 'running', total: 2500, processed: file.bad.length + IMPORT_BATCH_SIZE, created: IMPORT_BATCH_SIZE, failed: file.bad.length });
    expect(await studentCount()).toBe(IMPORT_BATCH_SIZE);
    // Within the lease no other instance takes it (the worker might still be alive) …
    t.setNow(later(IMPORT_LEASE_MS / 2));
    expect(await runDueJobs({ services: t.services, handlers: jobHandlers })).toEqual({ done: 0, failed: 0 });
    // … once its heartbeat is stale, the poller takes the job over and finishes it.
    t.setNow(later(IMPORT_LEASE_MS + 1000));
    expect(await runDueJobs({ services: t.services, handlers: jobHandlers })).toEqual({ done: 1, failed: 0 });

    const done = await state(id);
    expect(done).toMatchObject({ status: 'done', processed: 2500, created: file.good, updated: 0, failed: file.bad.length, resumed: true });
    expect(done.rowErrors.map((e) => e.line)).toEqual(file.bad);
    expect(await studentCount()).toBe(file.good);
    const [row] = await t.services.db.select().from(studentImports).where(eq(studentImports.id, id));
    expect(row!.csv).toBeNull();
    expect((await t.services.db.select().from(jobs))[0]).toMatchObject({ status: 'done', attempts: 2 });
    // Nothing more to run; the same file again only updates.
    expect(await runDueJobs({ services: t.services, handlers: jobHandlers })).toEqual({ done: 0, failed: 0 });
    const again = await startImport({ services: t.services, actorId, target, fileName: 'osiris.csv', csv: file.text, mapping: MAPPING, wait: true });
    expect(await state(again.id)).toMatchObject({ status: 'done', created: 0, updated: file.good, failed: file.bad.length, resumed: false });
    expect((await t.services.db.select({ n: count() }).from(people))[0]!.n).toBe(file.good + 1);
  });

  it('a second worker that finds the batch already committed stops without counting it twice', async () => {
    const id = await recordImport({ services: t.services, actorId, target, fileName: 'osiris.csv', csv: file.text, mapping: MAPPING });
    const [job] = await claimDueJobs(t.services.db, T0);
    // Two workers run the same job from the same cursor (a lease taken over from a slow, not dead, worker).
    await Promise.all([runStudentImport({ services: t.services, job: job! }), runStudentImport({ services: t.services, job: job! })]);
    expect(await state(id)).toMatchObject({ status: 'done', created: file.good, failed: file.bad.length, processed: 2500 });
    expect(await studentCount()).toBe(file.good);
  });

  it('gives up after the last attempt: the import is marked failed and its file cleared', async () => {
    const id = await recordImport({ services: t.services, actorId, target, fileName: 'osiris.csv', csv: file.text, mapping: MAPPING });
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      t.setNow(later(attempt * 3_600_000));
      const [job] = await claimDueJobs(t.services.db, t.services.now());
      expect(job?.attempts).toBe(attempt);
      await runClaimedJob({ services: dyingServices(t.services, 1), job: job!, handler: runStudentImport });
      expect((await state(id)).status).toBe(attempt < MAX_ATTEMPTS ? 'running' : 'failed');
    }
    const [row] = await t.services.db.select().from(studentImports).where(eq(studentImports.id, id));
    expect(row!.csv).toBeNull();
    expect(row!.finishedAt).not.toBeNull();
  });
});
