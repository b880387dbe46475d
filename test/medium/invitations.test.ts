/**
 * Invitations end to end over HTTP, with mail delivered over SMTP to a real smtp-server on
 * loopback: the activation links are read from the received mails. Time is the test clock
 * (`setNow`) and the durable jobs run through `runDueJobs`, as the poller runs them.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IntakeInvitationsResponse, InviteIntakeResponse, PersonInvitationResponse } from '../../src/contracts/invitations';
import { authSessions, coachApplications, invitations, mailOutbox, passwordCredentials } from '../../src/server/db/schema';
import { jobHandlers } from '../../src/server/job-handlers';
import { decideApplication } from '../../src/server/modules/coaches/decide-application';
import { recordActivation } from '../../src/server/modules/invitations/public';
import { runDueJobs } from '../../src/server/modules/jobs/run-due-jobs';
import type { Mailbox } from '../e2e/support/mailbox';
import { createTestAppWithMailbox } from '../support/app';
import { FIXTURE_PASSWORD } from '../support/community-fixture';
import { anonymous, signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const LINK = /\/activate#token=([A-Za-z0-9_-]+)/;
const NEW_PASSWORD = 'een lange zin als wachtwoord';
/** Before the intake's start (1 September 2027, 09:00 Dutch time = 07:00 UTC). */
const AUGUST = new Date('2027-08-20T10:00:00Z');
const DAY = 86_400_000;

describe(`invitations on ${testDbKind()}`, () => {
  let mailbox: Mailbox;
  let t: TestDb;
  let app: FastifyInstance;

  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, app, mailbox, close } = await createTestAppWithMailbox({ refuse: ['bounce@student.test'] }));
  });
  afterAll(() => close());
  beforeEach(async () => {
    await t.reset();
    t.setNow(AUGUST);
  });

  async function setup() {
    const f = t.factories;
    const institution = await f.institution({ name: 'Hogeschool Test' });
    const programme = await f.programme(institution.id);
    const otherProgramme = await f.programme(institution.id);
    const intake = await f.intake(programme.id, { academicYear: '2027-2028', month: 'september' });
    const klas = await f.class(intake.id, { code: 'SW1A' });
    const student = (firstName: string, email: string, locale: 'nl' | 'en' = 'nl') =>
      f.person({ institutionId: institution.id, programmeId: programme.id, roles: ['coachee'], firstName, lastName: 'Student', email, locale });
    const sam = await student('Sam', 'sam@student.test');
    const alex = await student('Alex', 'alex@student.test', 'en');
    const bo = await student('Bo', 'bounce@student.test');
    for (const s of [sam, alex, bo]) await f.enrol(klas.id, s.id);
    const staff = (roles: Parameters<typeof f.person>[0]['roles'], email: string, programmeId = programme.id) =>
      f.person({ institutionId: institution.id, programmeId, roles, email, password: FIXTURE_PASSWORD });
    await staff(['coordinator'], 'coordinator@test.example');
    await staff(['coordinator'], 'other-coordinator@test.example', otherProgramme.id);
    await staff(['beheerder'], 'beheerder@test.example');
    const coordinator = await signedIn(app, 'coordinator@test.example', FIXTURE_PASSWORD);
    return { institution, programme, intake, sam, alex, bo, coordinator, staff };
  }

  /** Delivers the outbox over SMTP and answers the activation link's token the person received. */
  async function deliveredToken(to: string, since: number): Promise<string> {
    await t.services.mailer.dispatch();
    return mailbox.find(to, LINK, { since });
  }

  const list = async (c: Client, intakeId: string, query = '') => (await c.request('GET', `/api/intakes/${intakeId}/invitations${query}`)).json<IntakeInvitationsResponse>();
  const statusOf = async (c: Client, intakeId: string, personId: string) => (await list(c, intakeId)).people.find((p) => p.personId === personId)?.status;
  const passwordOf = async (personId: string) => (await t.services.db.select().from(passwordCredentials).where(eq(passwordCredentials.personId, personId)))[0];

  it('invites the whole intake now, each in their own language, and a student activates and is signed in', async () => {
    const { intake, sam, alex, coordinator } = await setup();
    const since = mailbox.count();
    const sent = await coordinator.request('POST', `/api/intakes/${intake.id}/invitations`, { when: 'now' });
    expect(sent.statusCode).toBe(200);
    const body = sent.json<InviteIntakeResponse>();
    expect(body.results.map((r) => r.outcome)).toEqual(['invited', 'invited', 'invited']);
    expect(body.counts).toMatchObject({ invited: 3, notInvited: 0, total: 3 });

    await t.services.mailer.dispatch();
    expect(await mailbox.find('alex@student.test', /(Activate your account with this link)/, { since })).toBeTruthy();
    expect(await mailbox.find('sam@student.test', /(Activeer je account via deze link)/, { since })).toBeTruthy();
    const token = await mailbox.find('sam@student.test', LINK, { since });

    // Everything was already sent: nothing left to invite.
    const again = await coordinator.request('POST', `/api/intakes/${intake.id}/invitations`, { when: 'now' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('invitation_nothing_to_send');

    const visitor = await anonymous(app);
    const preview = await visitor.request('POST', '/api/invitations/preview', { token });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ firstName: 'Sam', email: 'sam@student.test', institution: 'Hogeschool Test' });

    const activated = await visitor.request('POST', '/api/invitations/activate', { token, password: NEW_PASSWORD });
    expect(activated.statusCode).toBe(200);
    expect(activated.json<{ person: { id: string } | null }>().person?.id).toBe(sam.id);
    visitor.csrf = activated.json<{ csrfToken: string }>().csrfToken;
    const session = await visitor.request('GET', '/api/auth/session');
    expect(session.json<{ person: { email: string } | null }>().person?.email).toBe('sam@student.test');
    expect(await signedIn(app, 'sam@student.test', NEW_PASSWORD)).toBeTruthy();

    const after = await list(coordinator, intake.id);
    expect(after.counts).toMatchObject({ activated: 1, invited: 1, bounced: 1 });
    expect(after.people.find((p) => p.personId === sam.id)?.activatedAt).toBe(AUGUST.toISOString());
    expect(after.people.find((p) => p.personId === alex.id)?.status).toBe('invited');

    // The link works once: used again it says so, in Dutch and in English, and changes nothing.
    const hashBefore = (await passwordOf(sam.id))?.hash;
    const reused = await visitor.request('POST', '/api/invitations/activate', { token, password: 'een ander wachtwoord hier' });
    expect(reused.statusCode).toBe(400);
    expect(reused.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'invitation_used', message: expect.stringContaining('al geactiveerd') });
    const reusedEn = await visitor.request('POST', '/api/invitations/activate', { token, password: 'een ander wachtwoord hier' }, { 'accept-language': 'en' });
    expect(reusedEn.json<{ error: { message: string } }>().error.message).toContain('already activated');
    expect((await passwordOf(sam.id))?.hash).toBe(hashBefore);

    // An activated account is never invited again.
    const resend = await coordinator.request('POST', `/api/people/${sam.id}/invitation`);
    expect(resend.statusCode).toBe(409);
    expect(resend.json<{ error: { code: string } }>().error.code).toBe('invitation_already_activated');
  });

  it('refuses forged and expired links with a clear message and changes nothing', async () => {
    const { intake, sam, coordinator } = await setup();
    const since = mailbox.count();
    await coordinator.request('POST', `/api/intakes/${intake.id}/invitations`, { when: 'now', personIds: [sam.id] });
    const token = await deliveredToken('sam@student.test', since);
    const visitor = await anonymous(app);

    const forged = await visitor.request('POST', '/api/invitations/activate', { token: `${token.slice(0, -4)}AAAA`, password: NEW_PASSWORD });
    expect(forged.statusCode).toBe(400);
    expect(forged.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'invitation_invalid', message: expect.stringContaining('klopt niet') });

    t.setNow(new Date(AUGUST.getTime() + 7 * DAY + 1000));
    for (const path of ['/api/invitations/preview', '/api/invitations/activate']) {
      const expired = await visitor.request('POST', path, path.endsWith('preview') ? { token } : { token, password: NEW_PASSWORD });
      expect(expired.statusCode).toBe(400);
      expect(expired.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'invitation_expired', message: expect.stringContaining('verlopen') });
    }
    expect(await passwordOf(sam.id)).toBeUndefined();
    expect(await statusOf(coordinator, intake.id, sam.id)).toBe('invited');
    expect((await visitor.request('GET', '/api/auth/session')).json<{ person: unknown }>().person).toBeNull();

    const tooShort = await visitor.request('POST', '/api/invitations/activate', { token, password: 'kort' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
  });

  it('schedules the invitations for the start date and sends them then, once', async () => {
    const { intake, coordinator } = await setup();
    const since = mailbox.count();
    const scheduled = await coordinator.request('POST', `/api/intakes/${intake.id}/invitations`, { when: 'startDate' });
    expect(scheduled.statusCode).toBe(200);
    expect(scheduled.json<InviteIntakeResponse>().results.map((r) => r.outcome)).toEqual(['scheduled', 'scheduled', 'scheduled']);
    const listed = await list(coordinator, intake.id);
    expect(listed.startDate).toBe('2027-09-01');
    expect(listed.counts.scheduled).toBe(3);
    expect(listed.people[0]?.scheduledFor).toBe('2027-09-01T07:00:00.000Z');

    t.setNow(new Date('2027-09-01T06:59:00Z'));
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    expect(await t.services.mailer.dispatch()).toBe(0);

    t.setNow(new Date('2027-09-01T07:00:00Z'));
    // Two pollers at the same moment: the job is claimed once, each student mailed once.
    await Promise.all([runDueJobs({ services: t.services, handlers: jobHandlers }), runDueJobs({ services: t.services, handlers: jobHandlers })]);
    // Two delivered; the third address is refused by the mail server (a bounce).
    expect(await t.services.mailer.dispatch()).toBe(2);
    await mailbox.find('sam@student.test', LINK, { since });
    expect((await list(coordinator, intake.id)).counts).toMatchObject({ invited: 2, bounced: 1, scheduled: 0 });

    // Once the start has passed, scheduling is refused: send now instead.
    const late = await coordinator.request('POST', `/api/intakes/${intake.id}/invitations`, { when: 'startDate' });
    expect(late.statusCode).toBe(409);
  });

  it('reminds after 3 days exactly once, with a link of its own; activating cancels the rest', async () => {
    const { intake, sam, alex, coordinator } = await setup();
    const since = mailbox.count();
    await coordinator.request('POST', `/api/intakes/${intake.id}/invitations`, { when: 'now', personIds: [sam.id, alex.id] });
    const first = await deliveredToken('sam@student.test', since);
    const reminderMails = async () => (await t.services.db.select().from(mailOutbox)).filter((m) => m.subject.startsWith('Herinnering') || m.subject.startsWith('Reminder'));

    t.setNow(new Date(AUGUST.getTime() + 3 * DAY - 60_000));
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    expect(await reminderMails()).toHaveLength(0);

    t.setNow(new Date(AUGUST.getTime() + 3 * DAY));
    await Promise.all([runDueJobs({ services: t.services, handlers: jobHandlers }), runDueJobs({ services: t.services, handlers: jobHandlers })]);
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    expect((await reminderMails()).map((m) => m.recipient).sort()).toEqual(['alex@student.test', 'sam@student.test']);
    expect(await statusOf(coordinator, intake.id, sam.id)).toBe('reminded');

    const sinceReminder = mailbox.count();
    const second = await deliveredToken('sam@student.test', sinceReminder);
    expect(second).not.toBe(first);
    const visitor = await anonymous(app);
    expect((await visitor.request('POST', '/api/invitations/activate', { token: second, password: NEW_PASSWORD })).statusCode).toBe(200);
    // The first link is spent with the invitation; a later run sends nothing more.
    expect((await (await anonymous(app)).request('POST', '/api/invitations/activate', { token: first, password: NEW_PASSWORD })).json<{ error: { code: string } }>().error.code).toBe('invitation_used');
    t.setNow(new Date(AUGUST.getTime() + 6 * DAY));
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    expect(await reminderMails()).toHaveLength(2);
  });

  it('shows a bounce when the mail server refuses the address for good, and filters by status', async () => {
    const { intake, bo, coordinator } = await setup();
    await coordinator.request('POST', `/api/intakes/${intake.id}/invitations`, { when: 'now' });
    expect(await t.services.mailer.dispatch()).toBe(2);
    // Refused for good: not retried.
    expect(await t.services.mailer.dispatch()).toBe(0);
    const [mail] = await t.services.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, 'bounce@student.test'));
    expect(mail?.bouncedAt).toBeInstanceOf(Date);

    const bounced = await list(coordinator, intake.id, '?status=bounced');
    expect(bounced.counts).toMatchObject({ bounced: 1, invited: 2, total: 3 });
    expect(bounced.people.map((p) => p.personId)).toEqual([bo.id]);
    const bad = await coordinator.request('GET', `/api/intakes/${intake.id}/invitations?status=lost`);
    expect(bad.statusCode).toBe(400);
  });

  it('a resend invalidates the old link; of two sends at once one goes out and the other gets 409', async () => {
    const { intake, sam, coordinator } = await setup();
    const since = mailbox.count();
    await coordinator.request('POST', `/api/intakes/${intake.id}/invitations`, { when: 'now', personIds: [sam.id] });
    const old = await deliveredToken('sam@student.test', since);

    t.setNow(new Date(AUGUST.getTime() + 5 * 60_000));
    const sinceResend = mailbox.count();
    const resent = await coordinator.request('POST', `/api/intakes/${intake.id}/invitations`, { when: 'now', personIds: [sam.id] });
    expect(resent.json<InviteIntakeResponse>().results).toEqual([{ personId: sam.id, outcome: 'resent' }]);
    const fresh = await deliveredToken('sam@student.test', sinceResend);

    const visitor = await anonymous(app);
    const stale = await visitor.request('POST', '/api/invitations/activate', { token: old, password: NEW_PASSWORD });
    expect(stale.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'invitation_replaced', message: expect.stringContaining('nieuwere uitnodiging') });
    expect(await passwordOf(sam.id)).toBeUndefined();

    t.setNow(new Date(AUGUST.getTime() + 10 * 60_000));
    const [a, b] = await Promise.all([coordinator.request('POST', `/api/people/${sam.id}/invitation`), coordinator.request('POST', `/api/people/${sam.id}/invitation`)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [row] = await t.services.db.select().from(invitations).where(eq(invitations.personId, sam.id));
    expect(row?.sendCount).toBe(3);

    // Two tabs activating with the same link at once: one session only.
    await t.services.mailer.dispatch();
    const latest = await mailbox.find('sam@student.test', LINK, { since: mailbox.count() - 1 });
    expect(latest).not.toBe(fresh);
    const [x, y] = await Promise.all([
      (await anonymous(app)).request('POST', '/api/invitations/activate', { token: latest, password: NEW_PASSWORD }),
      (await anonymous(app)).request('POST', '/api/invitations/activate', { token: latest, password: NEW_PASSWORD }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 400]);
    expect(await t.services.db.select().from(authSessions).where(eq(authSessions.personId, sam.id))).toHaveLength(1);
  });

  it('per person: the coordinator and the beheerder invite and read; others get 404', async () => {
    const { sam, staff } = await setup();
    const beheerder = await signedIn(app, 'beheerder@test.example', FIXTURE_PASSWORD);
    const other = await signedIn(app, 'other-coordinator@test.example', FIXTURE_PASSWORD);
    const read = await beheerder.request('GET', `/api/people/${sam.id}/invitation`);
    expect(read.json<PersonInvitationResponse>()).toMatchObject({ status: 'notInvited', sendCount: 0 });
    expect((await other.request('GET', `/api/people/${sam.id}/invitation`)).statusCode).toBe(404);
    expect((await other.request('POST', `/api/people/${sam.id}/invitation`)).statusCode).toBe(404);

    // A new staff member without a programme: the beheerder's.
    const leercoach = await staff(['onderzoeker'], 'onderzoeker@test.example');
    const sent = await beheerder.request('POST', `/api/people/${leercoach.id}/invitation`);
    expect(sent.statusCode).toBe(200);
    expect(sent.json<PersonInvitationResponse>()).toMatchObject({ status: 'invited', sendCount: 1 });
    const since = mailbox.count();
    expect(await deliveredToken('onderzoeker@test.example', since)).toBeTruthy();
  });

  it('an activation another way (a first SSO sign-in) ends the reminders and revokes the links', async () => {
    const { intake, sam, coordinator } = await setup();
    const since = mailbox.count();
    await coordinator.request('POST', `/api/intakes/${intake.id}/invitations`, { when: 'now', personIds: [sam.id] });
    const token = await deliveredToken('sam@student.test', since);
    await recordActivation(t.services, sam.id);
    expect(await statusOf(coordinator, intake.id, sam.id)).toBe('activated');
    const used = await (await anonymous(app)).request('POST', '/api/invitations/activate', { token, password: NEW_PASSWORD });
    expect(used.json<{ error: { code: string } }>().error.code).toBe('invitation_used');
    t.setNow(new Date(AUGUST.getTime() + 3 * DAY));
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    expect((await t.services.db.select().from(mailOutbox)).filter((m) => m.subject.startsWith('Herinnering'))).toHaveLength(0);
  });

  it('someone who signed in another way meanwhile (a sign-in link) gets no reminder and counts as activated', async () => {
    const { intake, sam, coordinator } = await setup();
    const since = mailbox.count();
    await coordinator.request('POST', `/api/intakes/${intake.id}/invitations`, { when: 'now', personIds: [sam.id] });
    const token = await deliveredToken('sam@student.test', since);
    // Sam ignores the invitation and uses "Stuur me een inloglink" instead.
    const sinceLink = mailbox.count();
    const visitor = await anonymous(app);
    expect((await visitor.request('POST', '/api/auth/magic-link', { email: 'sam@student.test' })).statusCode).toBe(202);
    await t.services.mailer.dispatch();
    const linkToken = await mailbox.find('sam@student.test', /\/sign-in\/link#token=([A-Za-z0-9_-]+)/, { since: sinceLink });
    expect((await visitor.request('POST', '/api/auth/magic-link/sign-in', { token: linkToken })).statusCode).toBe(200);
    t.setNow(new Date(AUGUST.getTime() + 3 * DAY));
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    expect((await t.services.db.select().from(mailOutbox)).filter((m) => m.subject.startsWith('Herinnering'))).toHaveLength(0);
    expect(await statusOf(coordinator, intake.id, sam.id)).toBe('activated');
    // The invitation's link no longer works: it has done its work.
    const used = await (await anonymous(app)).request('POST', '/api/invitations/activate', { token, password: NEW_PASSWORD });
    expect(used.json<{ error: { code: string } }>().error.code).toBe('invitation_used');
  });

  it('a coach selected from an application gets the same invitation', async () => {
    const { institution, programme } = await setup();
    const [application] = await t.services.db
      .insert(coachApplications)
      .values({ programmeId: programme.id, firstName: 'Noor', lastName: 'Coach', email: 'noor@student.test', studyYear: 2, motivation: 'Ik wil helpen.', availability: 'dinsdag', languages: ['nl'], status: 'conversationPlanned' })
      .returning();
    const since = mailbox.count();
    await decideApplication({ services: t.services, institutionId: institution.id, applicationId: application!.id, status: 'selected' });
    const token = await deliveredToken('noor@student.test', since);
    const visitor = await anonymous(app);
    expect((await visitor.request('POST', '/api/invitations/preview', { token })).json()).toMatchObject({ firstName: 'Noor' });
    expect((await visitor.request('POST', '/api/invitations/activate', { token, password: NEW_PASSWORD })).statusCode).toBe(200);
  });
});
