/**
 * The coordinator's weekly digest (#18 item 5): on Monday 07:00 Amsterdam every coordinator gets
 * one mail about the week before — exactly once, even when the job runs twice or on two runners
 * at once — with counts equal to plain SQL counts and no student's name; none when there is
 * nothing to report; none for a coordinator who turned it off in their mail settings. Delivered
 * over SMTP to a real smtp-server on 127.0.0.1.
 */
import { and, eq, gte, isNull, lt, ne, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MailSettingsResponse } from '../../src/contracts/insight';
import {
  attendanceMarks,
  attendanceSignalMails,
  coordinatorDigestMails,
  evaluationInvitations,
  evaluationRounds,
  helpResources,
  jobs,
  mailOutbox,
  mailPreferences,
  people,
  referrals,
  sessions,
  signals,
} from '../../src/server/db/schema';
import { jobHandlers, retentionPurges } from '../../src/server/job-handlers';
import { COORDINATOR_DIGEST_JOB, scheduleCoordinatorDigests } from '../../src/server/modules/insight/public';
import { runDueJobs } from '../../src/server/modules/jobs/run-due-jobs';
import type { Mailbox } from '../e2e/support/mailbox';
import { createTestAppWithMailbox } from '../support/app';
import { coachWithCommunity, FIXTURE_PASSWORD } from '../support/community-fixture';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const SUBJECT_NL = 'Je weekoverzicht van peerkracht';
const SUBJECT_EN = 'Your weekly overview from peerkracht';
/** Monday 7 December 2026, 07:30 in Amsterdam: the digest of 30 November – 6 December is due. */
const MONDAY = new Date('2026-12-07T06:30:00Z');
const LAST_WEEK = { from: new Date('2026-11-29T23:00:00Z'), to: new Date('2026-12-06T23:00:00Z') };
const day = (d: number, hour = 15) => new Date(Date.UTC(2026, 10, 30 + d, hour)); // d = 0: Monday 30 November

describe(`the coordinator's weekly digest on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let mailbox: Mailbox;
  let fx: Awaited<ReturnType<typeof coachWithCommunity>>;
  let coordinator: Client;
  let students: { firstName: string; lastName: string; email: string }[];
  let communityB: string;

  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, app, mailbox, close } = await createTestAppWithMailbox());
  });
  afterAll(() => close());

  beforeEach(async () => {
    await t.reset();
    fx = await coachWithCommunity(t);
    const f = t.factories;
    const db = t.database.db;
    await fx.person(['coordinator'], 'coordinator@test.example');
    await f.person({ institutionId: fx.institution.id, programmeId: fx.programme.id, roles: ['coordinator'], email: 'coordinator.en@test.example', locale: 'en', password: FIXTURE_PASSWORD });
    coordinator = await signedIn(app, 'coordinator@test.example', FIXTURE_PASSWORD);
    // A second community with two students; the first has the fixture's coachee and one more.
    const more = await Promise.all([1, 2, 3].map((i) => fx.person(['coachee'], `student${i}@test.example`)));
    const b = await f.community({ intakeId: fx.intake.id, coachId: fx.coach.id, memberIds: [more[1]!.id, more[2]!.id], name: 'Community Berk' });
    communityB = b.id;
    const everyone = await db.select().from(people);
    students = everyone.filter((p) => p.email.startsWith('student') || p.email === 'coachee@test.example');

    const session = (communityId: string, startsAt: Date, status = 'planned') => f.session({ institutionId: fx.institution.id, programmeId: fx.programme.id, communityId, startsAt, status });
    // Last week: three sessions of community A (one cancelled, one held), one of B (held); one the week before (held).
    const a1 = await session(fx.communityId, day(0));
    await session(fx.communityId, day(2), 'cancelled');
    await session(fx.communityId, day(4));
    const b1 = await session(communityB, day(1));
    const before = await session(fx.communityId, day(-7));
    await f.attendance([
      { sessionId: a1.id, personId: fx.coachee.id, status: 'absent', markedAt: day(0, 17) },
      { sessionId: b1.id, personId: more[1]!.id, status: 'present', markedAt: day(1, 17) },
      { sessionId: before.id, personId: fx.coachee.id, status: 'absent', markedAt: day(-7, 17) },
    ]);
    // Signals of three missed in a row mailed to the coach: two in A and one in B last week, one in A the week before.
    await db.insert(attendanceSignalMails).values([
      { communityId: fx.communityId, personId: fx.coachee.id, streakStartSessionId: a1.id, sentAt: day(0, 18) },
      { communityId: fx.communityId, personId: more[0]!.id, streakStartSessionId: a1.id, sentAt: day(5, 9) },
      { communityId: communityB, personId: more[1]!.id, streakStartSessionId: b1.id, sentAt: day(6, 20) },
      { communityId: fx.communityId, personId: more[2]!.id, streakStartSessionId: before.id, sentAt: day(-6, 9) },
    ]);
    // Signals: two open, one closed.
    for (let i = 0; i < 3; i++) await f.signal({ institutionId: fx.institution.id, programmeId: fx.programme.id, raisedById: fx.coach.id });
    const [closed] = await db.select().from(signals).limit(1);
    await db.update(signals).set({ status: 'closed' }).where(eq(signals.id, closed!.id));
    // Referrals: one past its follow-up date without answer, one answered, one not yet due.
    const [help] = await db.insert(helpResources).values({ institutionId: fx.institution.id, kind: 'inside', category: 'wellbeing', nameNl: 'Studentpsycholoog', nameEn: 'Student psychologist', whenToGoNl: '-', whenToGoEn: '-', howToReachNl: '-', howToReachEn: '-' }).returning();
    const referral = (coacheeId: string, followUpDueAt: Date) => f.referral({ institutionId: fx.institution.id, programmeId: fx.programme.id, coacheeId, coachId: fx.coach.id, resourceId: help!.id, referredOn: '2026-11-01', followUpDueAt });
    await referral(fx.coachee.id, day(3));
    const answered = await referral(more[0]!.id, day(2));
    await db.update(referrals).set({ followUpOutcome: 'helped', followUpAnsweredAt: day(4) }).where(eq(referrals.id, answered.id));
    await referral(more[1]!.id, day(20));
    // A questionnaire moment open on Monday: seven invited (six students and the coach), five finished.
    const [round] = await db
      .insert(evaluationRounds)
      .values({ intakeId: fx.intake.id, moment: 'T1', mode: 'anonymous', opensOn: '2026-11-25', closesOn: '2026-12-09', contentVersion: 1, questions: {}, openedAt: day(-5) })
      .returning();
    const extra = await Promise.all([4, 5].map((i) => fx.person(['coachee'], `student${i}@test.example`)));
    const invitees = [fx.coachee, ...more, fx.coach, ...extra];
    await db.insert(evaluationInvitations).values(
      invitees.map((p, i) => ({ roundId: round!.id, personId: p.id, questionSet: p.id === fx.coach.id ? ('coach' as const) : ('coachee' as const), communityId: fx.communityId, tokenHash: `hash-${i}`, invitedAt: day(-5), respondedAt: i < 5 ? day(-1) : null })),
    );
    students = (await db.select().from(people)).filter((p) => p.email.startsWith('student') || p.email === 'coachee@test.example');
  });

  const digests = (subject = SUBJECT_NL) => t.database.db.select().from(mailOutbox).where(eq(mailOutbox.subject, subject));

  it('is scheduled by the poller’s hourly hook once per Monday, due at 07:00 Amsterdam', async () => {
    expect(retentionPurges).toContain(scheduleCoordinatorDigests);
    t.setNow(new Date('2026-12-05T12:00:00Z'));
    await scheduleCoordinatorDigests(t.services);
    await scheduleCoordinatorDigests(t.services);
    const scheduled = await t.database.db.select().from(jobs).where(eq(jobs.kind, COORDINATOR_DIGEST_JOB));
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]!.dueAt.toISOString()).toBe('2026-12-07T06:00:00.000Z');
    expect(scheduled[0]!.payload).toEqual({ week: '2026-12-07' });
    // Sunday evening: not yet due, nothing sent.
    t.setNow(new Date('2026-12-06T20:00:00Z'));
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    expect(await digests()).toHaveLength(0);
  });

  it('sends each coordinator exactly one mail, even when the job runs on two runners and again as a retry', async () => {
    t.setNow(new Date('2026-12-05T12:00:00Z'));
    await scheduleCoordinatorDigests(t.services);
    t.setNow(MONDAY);
    await Promise.all([runDueJobs({ services: t.services, handlers: jobHandlers }), runDueJobs({ services: t.services, handlers: jobHandlers })]);
    // The same week's job again (a retry, or a hook on another instance that raced the first run).
    await t.database.db.insert(jobs).values({ kind: COORDINATOR_DIGEST_JOB, payload: { week: '2026-12-07' }, dueAt: MONDAY });
    await Promise.all([runDueJobs({ services: t.services, handlers: jobHandlers }), runDueJobs({ services: t.services, handlers: jobHandlers })]);
    expect((await digests()).map((m) => m.recipient)).toEqual(['coordinator@test.example']);
    expect((await digests(SUBJECT_EN)).map((m) => m.recipient)).toEqual(['coordinator.en@test.example']);
    expect(await t.database.db.select().from(coordinatorDigestMails)).toHaveLength(2);
    // After the Monday, the hook schedules next Monday's.
    await scheduleCoordinatorDigests(t.services);
    const pending = await t.database.db.select().from(jobs).where(and(eq(jobs.kind, COORDINATOR_DIGEST_JOB), eq(jobs.status, 'pending')));
    expect(pending.map((j) => j.payload)).toEqual([{ week: '2026-12-14' }]);
  });

  it('says what plain SQL counts say, in the coordinator’s language, and names no student', async () => {
    const db = t.database.db;
    t.setNow(MONDAY);
    await db.insert(jobs).values({ kind: COORDINATOR_DIGEST_JOB, payload: { week: '2026-12-07' }, dueAt: MONDAY });
    await runDueJobs({ services: t.services, handlers: jobHandlers });

    // Plain counts.
    const newSignals = async (communityId: string) =>
      (await db.select().from(attendanceSignalMails).where(and(eq(attendanceSignalMails.communityId, communityId), gte(attendanceSignalMails.sentAt, LAST_WEEK.from), lt(attendanceSignalMails.sentAt, LAST_WEEK.to)))).length;
    const openSignals = (await db.select().from(signals).where(ne(signals.status, 'closed'))).length;
    const followUps = (await db.select().from(referrals).where(and(lt(referrals.followUpDueAt, LAST_WEEK.to), isNull(referrals.followUpOutcome)))).length;
    const weekSessions = await db.select().from(sessions).where(and(gte(sessions.startsAt, LAST_WEEK.from), lt(sessions.startsAt, LAST_WEEK.to)));
    const planned = weekSessions.filter((s) => s.status !== 'cancelled').length;
    const marked = new Set((await db.select({ id: attendanceMarks.sessionId }).from(attendanceMarks)).map((r) => r.id));
    const held = weekSessions.filter((s) => s.status === 'planned' && marked.has(s.id)).length;
    const [rate] = await db.select({ invited: sql<number>`count(*)::int`, answered: sql<number>`count(${evaluationInvitations.respondedAt})::int` }).from(evaluationInvitations);
    expect([await newSignals(fx.communityId), await newSignals(communityB), openSignals, followUps, planned, held, rate!.invited, rate!.answered]).toEqual([2, 1, 2, 1, 3, 2, 7, 5]);

    const since = mailbox.count();
    await t.services.mailer.dispatch();
    await mailbox.find('coordinator@test.example', /(overzicht van de week)/, { since });
    await mailbox.find('coordinator.en@test.example', /(overview of the week)/, { since });
    const delivered = mailbox.all().slice(since);
    expect(delivered).toHaveLength(2);
    const nl = delivered.find((m) => m.to.includes('coordinator@test.example'))!.text.replace(/\r\n/g, '\n');
    const en = delivered.find((m) => m.to.includes('coordinator.en@test.example'))!.text.replace(/\r\n/g, '\n');
    expect(nl).toContain('Dit is je overzicht van de week van maandag 30 november tot en met zondag 6 december.');
    const [community] = await db.execute(sql`select name from communities where id = ${fx.communityId}::uuid`).then((r) => (r as { rows: { name: string }[] }).rows);
    expect(nl).toContain(`- ${community!.name}: ${await newSignals(fx.communityId)} studenten`);
    expect(nl).toContain(`- Community Berk: ${await newSignals(communityB)} student\n`);
    expect(nl).toContain(`Open signalen: ${openSignals} signalen zijn nog niet afgesloten.`);
    expect(nl).toContain(`bij ${followUps} doorverwijzing is de datum`);
    expect(nl).toContain(`T1 van de instroom september ${fx.intake.academicYear} (open tot en met woensdag 9 december): ${rate!.answered} van ${rate!.invited} ingevuld (71%)`);
    expect(nl).toContain(`Bijeenkomsten vorige week: ${held} van de ${planned} geplande bijeenkomsten zijn gehouden`);
    expect(nl).toContain(`${t.services.config.publicUrl}/insight?programme=${fx.programme.id}`);
    expect(nl).toContain(`${t.services.config.publicUrl}/me/mail-settings`);
    expect(en).toContain(`Open signals: ${openSignals} signals have not been closed yet.`);
    expect(en).toContain(`Sessions last week: ${held} of the ${planned} planned sessions were held`);
    for (const text of [nl, en]) {
      for (const s of students) for (const secret of [s.firstName, s.lastName, s.email]) expect(text).not.toContain(secret);
    }
  });

  it('a coordinator who turned it off in their mail settings gets none; the setting is on by default', async () => {
    expect((await coordinator.request('GET', '/api/me/mail-settings')).json<MailSettingsResponse>()).toEqual({ weeklyDigest: true, digestApplies: true });
    const off = await coordinator.request('PUT', '/api/me/mail-settings', { weeklyDigest: false });
    expect(off.statusCode, off.body).toBe(200);
    expect((await coordinator.request('GET', '/api/me/mail-settings')).json<MailSettingsResponse>()).toEqual({ weeklyDigest: false, digestApplies: true });
    const bad = await coordinator.request('PUT', '/api/me/mail-settings', { weeklyDigest: 'nee' });
    expect(bad.statusCode).toBe(400);
    expect((await t.database.db.select().from(mailPreferences))[0]!.weeklyDigest).toBe(false);

    t.setNow(MONDAY);
    await t.database.db.insert(jobs).values({ kind: COORDINATOR_DIGEST_JOB, payload: { week: '2026-12-07' }, dueAt: MONDAY });
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    expect(await digests()).toHaveLength(0);
    expect((await digests(SUBJECT_EN)).map((m) => m.recipient)).toEqual(['coordinator.en@test.example']);
    // A coachee has no digest to turn off.
    const coachee = await signedIn(app, 'coachee@test.example', FIXTURE_PASSWORD);
    expect((await coachee.request('GET', '/api/me/mail-settings')).json<MailSettingsResponse>()).toEqual({ weeklyDigest: true, digestApplies: false });
  });

  it('nothing to report: no mail', async () => {
    const db = t.database.db;
    const quiet = await t.factories.programme(fx.institution.id);
    await t.factories.person({ institutionId: fx.institution.id, programmeId: quiet.id, roles: ['coordinator'], email: 'quiet@test.example' });
    t.setNow(MONDAY);
    await db.insert(jobs).values({ kind: COORDINATOR_DIGEST_JOB, payload: { week: '2026-12-07' }, dueAt: MONDAY });
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    expect((await db.select().from(mailOutbox)).map((m) => m.recipient).sort()).toEqual(['coordinator.en@test.example', 'coordinator@test.example']);
    expect((await db.select().from(coordinatorDigestMails)).map((r) => r.personId)).not.toContain((await db.select().from(people).where(eq(people.email, 'quiet@test.example')))[0]!.id);
  });
});
