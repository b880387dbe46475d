/**
 * Reminders to owners of the improvement plan (#22 item 3) end to end on the server: the durable
 * job is due a week before the due date (the controlled clock), two instances running the jobs at
 * the same moment send it once, the mail leaves through the outbox to a real SMTP peer on
 * loopback, and it carries the intervention, the date and a link — no names, no notes, nobody
 * else's address. A moved due date is reminded again; a finished item is not.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RoadmapResponse } from '../../src/contracts/roadmap';
import { jobHandlers } from '../../src/server/job-handlers';
import { runDueJobs } from '../../src/server/modules/jobs/run-due-jobs';
import { createTestApp } from '../support/app';
import { coachWithCommunity, FIXTURE_PASSWORD } from '../support/community-fixture';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

type Received = { to: string[]; data: string };

describe(`roadmap plan reminders over SMTP on ${testDbKind()}`, () => {
  let smtp: SMTPServer;
  const received: Received[] = [];
  let t: TestDb;
  let app: FastifyInstance;
  let coordinator: Client;
  let roadmapId: string;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    ({ t, app } = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${port}` }));
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  beforeEach(async () => {
    await t.reset();
    received.length = 0;
    t.setNow(new Date('2030-03-10T10:00:00Z'));
    const fx = await coachWithCommunity(t);
    await fx.person(['coordinator'], 'coordinator@test.example');
    await fx.person(['opleidingsmanagement'], 'owner@test.example');
    coordinator = await signedIn(app, 'coordinator@test.example', FIXTURE_PASSWORD);
    roadmapId = (await coordinator.request('POST', '/api/roadmaps', { programmeId: fx.programme.id, year: 2029 })).json<{ id: string }>().id;
    await coordinator.request('PUT', `/api/roadmaps/${roadmapId}/factors/f4-sociale-en-academische-integratie/assessment`, {
      status: 'started',
      evidenceNote: 'GEHEIME-ONDERBOUWING',
      owner: { email: 'owner@test.example' },
      version: 0,
    });
  });

  /** Runs the due jobs as two app instances at the same moment, then delivers the outbox. */
  const tick = async (at: string) => {
    t.setNow(new Date(at));
    await Promise.all([runDueJobs({ services: t.services, handlers: jobHandlers }), runDueJobs({ services: t.services, handlers: jobHandlers })]);
    while ((await t.services.mailer.dispatch()) > 0);
  };
  const reminders = () => received.filter((r) => /improvement plan|verbeterplan/i.test(r.data));

  it('sends the owner one reminder a week before the due date, through the outbox and SMTP, with nothing personal in it', async () => {
    const add = await coordinator.request('POST', `/api/roadmaps/${roadmapId}/plan`, { interventionId: 'f4-vast-aanspreekpunt', owner: { email: 'owner@test.example' }, horizon: 'short', dueDate: '2030-04-01' });
    expect(add.statusCode).toBe(201);

    await tick('2030-03-25T06:59:59Z');
    expect(reminders()).toHaveLength(0);
    await tick('2030-03-25T07:00:00Z');
    await tick('2030-03-26T07:00:00Z');
    await tick('2030-03-31T12:00:00Z');
    expect(reminders()).toHaveLength(1);
    const mail = reminders()[0]!;
    expect(mail.to).toEqual(['owner@test.example']);
    const body = mail.data.replace(/=\r?\n/g, '');
    expect(body).toContain('2030-04-01');
    expect(body).toContain(`/roadmaps/${roadmapId}`);
    // No names, no notes, nobody else's address (the recipient's own address is only in the envelope and the To header).
    for (const forbidden of ['GEHEIME-ONDERBOUWING', 'coordinator@test.example']) expect(body).not.toContain(forbidden);
    const person = await t.database.db.query.people.findFirst({ where: (p, { eq }) => eq(p.email, 'owner@test.example') });
    expect(body).not.toContain(person!.firstName);
    expect(body).not.toContain(person!.lastName);
    expect(body).not.toContain(person!.id);
  });

  it('reminds again when the due date moves, and not for a finished item', async () => {
    await coordinator.request('POST', `/api/roadmaps/${roadmapId}/plan`, { interventionId: 'f4-vast-aanspreekpunt', owner: { email: 'owner@test.example' }, horizon: 'short', dueDate: '2030-04-01' });
    await coordinator.request('POST', `/api/roadmaps/${roadmapId}/plan`, { interventionId: 'p1-student-als-partner', owner: { email: 'owner@test.example' }, horizon: 'short', dueDate: '2030-04-01' });
    const plan = (await coordinator.request('GET', `/api/roadmaps/${roadmapId}`)).json<RoadmapResponse>().plan;
    const moved = plan.find((p) => p.interventionId === 'f4-vast-aanspreekpunt')!;
    const finished = plan.find((p) => p.interventionId === 'p1-student-als-partner')!;
    const owner = moved.owner!.kind === 'person' ? { personId: moved.owner!.personId } : null;
    await tick('2030-03-25T07:00:00Z');
    expect(reminders()).toHaveLength(2);

    coordinator = await signedIn(app, 'coordinator@test.example', FIXTURE_PASSWORD);
    expect((await coordinator.request('PUT', `/api/roadmaps/${roadmapId}/plan/${moved.id}`, { owner, horizon: 'short', dueDate: '2030-05-01', status: 'inProgress', version: moved.version })).statusCode).toBe(204);
    expect((await coordinator.request('PUT', `/api/roadmaps/${roadmapId}/plan/${finished.id}`, { owner, horizon: 'short', dueDate: '2030-05-01', status: 'done', version: finished.version })).statusCode).toBe(204);
    await tick('2030-04-23T12:00:00Z');
    expect(reminders()).toHaveLength(2);
    await tick('2030-04-24T07:00:00Z');
    await tick('2030-04-25T07:00:00Z');
    const all = reminders();
    expect(all).toHaveLength(3);
    expect(all[2]!.data.replace(/=\r?\n/g, '')).toContain('2030-05-01');
  });
});
