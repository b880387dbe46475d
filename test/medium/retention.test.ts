/**
 * Retention for every table (issue 19 item 4): with a controlled clock, for each table of the
 * retention pass a row just inside its retention stays and one just past it goes (or is
 * anonymised); the dry run counts what the real run then removes and changes nothing; a second
 * run removes nothing.
 */
import { zonedParts } from '../../src/domain/sessions/zoned-time';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PERSONAL_DATA_REGISTRY, retentionCutoff } from '../../src/server/db/personal-data-registry';
import {
  actionTokens,
  auditLog,
  calendarFeeds,
  checkins,
  classMembers,
  coachApplications,
  coachProfiles,
  handovers,
  helpResources,
  hundredDayAsks,
  participationSignUps,
  participationInvitations,
  programmeSwitchNotices,
  logbookEntries,
  mailOutbox,
  oneOnOneNotes,
  passwordCredentials,
  people,
  programmeUpdates,
  referrals,
  resilienceConversations,
  resilienceMaps,
  sessionFeedback,
  sessions,
  signals,
  studentImports,
} from '../../src/server/db/schema';
import { retentionWithServices } from '../../src/cli/retention';
import { jobHandlers, retentionPurges } from '../../src/server/job-handlers';
import { attendanceSignalMails, coachNominations, communityAnnouncements, coordinatorDigestMails, compensationExtraWork, compensationStatements, evaluationInvitations, evaluationLinkedAnswers, evaluationRounds, expenseClaims, expenseReceipts, erasureRequests, jobs, payoutBatches, trainingFeedback } from '../../src/server/db/schema';
import { runDueJobs } from '../../src/server/modules/jobs/run-due-jobs';
import { RETENTION_PASS_JOB } from '../../src/server/modules/retention/retention-job';
import { runRetentionPass, type RetentionPassResult } from '../../src/server/modules/retention/run-retention-pass';
import { RETENTION_RULES } from '../../src/server/modules/retention/rules';
import { coachWithCommunity } from '../support/community-fixture';
import { createTestDb, testDbKind, type TestDb } from '../support/test-db';

const NOW = new Date('2027-10-15T12:00:00Z');
const MINUTE = 60_000;
const cutoffOf = (table: string): Date => {
  const purge = PERSONAL_DATA_REGISTRY[table]!.purge;
  if (purge?.by !== 'retention pass') throw new Error(`${table} has no rule of the pass`);
  return retentionCutoff(purge.after, NOW);
};
/** Just inside the retention of `table` (a minute younger than the cutoff), and just past it. */
const inside = (table: string) => new Date(cutoffOf(table).getTime() + MINUTE);
const past = (table: string) => new Date(cutoffOf(table).getTime() - MINUTE);
/** The Dutch calendar day of an instant, as the pass reads date columns. */
const day = (d: Date) => zonedParts(d).date;
const dayBefore = (d: Date) => day(new Date(d.getTime() - 86_400_000));
const counts = (result: RetentionPassResult) => Object.fromEntries(result.tables.map((t) => [t.table, t.rows]));

describe(`retention pass on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  beforeEach(async () => {
    await t.reset();
    t.setNow(NOW);
  });
  afterAll(async () => {
    await t.close();
  });

  /** For every table of the pass, one row just inside and one just past; answers what to check. */
  async function seed() {
    const db = t.services.db;
    const f = t.factories;
    const { institution, programme, intake, coach, coachee, communityId } = await coachWithCommunity(t);
    const base = { institutionId: institution.id, programmeId: programme.id };
    const keep: Record<string, string[]> = {};
    const gone: Record<string, string[]> = {};
    const ids = async <R extends { id: string }>(rows: Promise<R[]>) => (await rows).map((r) => r.id);

    // mail_outbox, audit_log, programme_updates, logbook_entries, checkins: by age of a timestamp.
    keep.mail_outbox = await ids(db.insert(mailOutbox).values({ recipient: 'a@test.example', subject: 's', bodyText: 'b', createdAt: inside('mail_outbox') }).returning());
    gone.mail_outbox = await ids(db.insert(mailOutbox).values({ recipient: 'b@test.example', subject: 's', bodyText: 'b', createdAt: past('mail_outbox') }).returning());
    keep.audit_log = await ids(db.insert(auditLog).values({ at: inside('audit_log'), action: 'read', subjectId: coachee.id, resourceType: 'checkin' }).returning());
    gone.audit_log = await ids(db.insert(auditLog).values({ at: past('audit_log'), action: 'read', subjectId: coachee.id, resourceType: 'checkin' }).returning());
    keep.programme_updates = await ids(db.insert(programmeUpdates).values({ programmeId: programme.id, title: 't', body: 'b', createdAt: inside('programme_updates') }).returning());
    gone.programme_updates = await ids(db.insert(programmeUpdates).values({ programmeId: programme.id, title: 't', body: 'b', createdAt: past('programme_updates') }).returning());
    // The programme year (#21): 100-day asks by when they were asked, switch notices by their creation.
    const hundredDay = (personId: string, askedAt: Date) =>
      db.insert(hundredDayAsks).values({ intakeId: intake.id, personId, communityId, tokenHash: `retention-${personId}`, askedAt, deadline: askedAt, choice: 'stop', reason: 'r' }).returning();
    keep.hundred_day_asks = await ids(hundredDay(coachee.id, inside('hundred_day_asks')));
    gone.hundred_day_asks = await ids(hundredDay(coach.id, past('hundred_day_asks')));
    const switchNotice = (createdAt: Date) => db.insert(programmeSwitchNotices).values({ personId: coachee.id, fromProgrammeId: programme.id, toProgrammeId: programme.id, createdAt }).returning();
    keep.programme_switch_notices = await ids(switchNotice(inside('programme_switch_notices')));
    gone.programme_switch_notices = await ids(switchNotice(past('programme_switch_notices')));
    // Participation (#21): opt-in sign-ups by when the student signed up.
    const signUp = (personId: string, signedUpAt: Date) => db.insert(participationSignUps).values({ intakeId: intake.id, personId, signedUpAt }).returning();
    keep.participation_sign_ups = await ids(signUp(coachee.id, inside('participation_sign_ups')));
    gone.participation_sign_ups = await ids(signUp(coach.id, past('participation_sign_ups')));
    const invite = (personId: string, createdAt: Date) => db.insert(participationInvitations).values({ intakeId: intake.id, personId, invitedAt: createdAt, createdAt }).returning();
    keep.participation_invitations = await ids(invite(coachee.id, inside('participation_invitations')));
    gone.participation_invitations = await ids(invite(coach.id, past('participation_invitations')));

    // Evaluation (#18): invitations and linked answers by their questionnaire's closing date (an
    // invitation with answers left waits for them); signal mails by when they went.
    const DAY = 86_400_000;
    const round = (moment: 'T0' | 'T1' | 'T2', closes: Date) =>
      db.insert(evaluationRounds).values({ intakeId: intake.id, moment, mode: 'confidential', opensOn: day(closes), closesOn: day(closes), contentVersion: 1, questions: {}, openedAt: closes }).returning();
    const [openRound] = await round('T0', new Date(inside('evaluation_invitations').getTime() + DAY));
    const [closedRound] = await round('T1', new Date(past('evaluation_invitations').getTime() - DAY));
    // Confidential answers are kept longer (research): their own cutoff, further back.
    const [oldRound] = await round('T2', new Date(Math.min(past('evaluation_linked_answers').getTime(), past('evaluation_invitations').getTime()) - DAY));
    const invitation = (roundId: string, personId: string) => db.insert(evaluationInvitations).values({ roundId, personId, questionSet: 'coachee', invitedAt: NOW, tokenHash: `retention-${roundId}-${personId}` }).returning();
    keep.evaluation_invitations = await ids(invitation(openRound!.id, coachee.id));
    gone.evaluation_invitations = await ids(invitation(closedRound!.id, coachee.id));
    const answer = async (roundId: string) => {
      // Answers have no id of their own: they are known by their invitation.
      const [answered] = await invitation(roundId, coach.id);
      await db.insert(evaluationLinkedAnswers).values({ invitationId: answered!.id, questionKey: 'q', contentVersion: 1, scaleValue: 3, answeredAt: NOW });
      return [{ id: answered!.id }];
    };
    keep.evaluation_linked_answers = await ids(answer(openRound!.id));
    gone.evaluation_linked_answers = await ids(answer(oldRound!.id));
    const streakStart = await f.session({ ...base, communityId, organiserId: coach.id, startsAt: new Date('2026-01-05T14:00:00Z'), endsAt: new Date('2026-01-05T16:00:00Z') });
    // A signal mail has no id of its own: it is known by the student it was about (one each here).
    const signalMail = async (personId: string, sentAt: Date) => {
      await db.insert(attendanceSignalMails).values({ communityId, personId, streakStartSessionId: streakStart.id, sentAt });
      return [{ id: personId }];
    };
    keep.attendance_signal_mails = await ids(signalMail(coachee.id, inside('attendance_signal_mails')));
    gone.attendance_signal_mails = await ids(signalMail(coach.id, past('attendance_signal_mails')));
    // The coordinator's weekly digest (#18): known by the coordinator it went to (one each here), by when it was sent.
    const digestMail = async (personId: string, sentAt: Date) => {
      await db.insert(coordinatorDigestMails).values({ personId, week: '2020-01-06', sentAt });
      return [{ id: personId }];
    };
    keep.coordinator_digest_mails = await ids(digestMail(coachee.id, inside('coordinator_digest_mails')));
    gone.coordinator_digest_mails = await ids(digestMail(coach.id, past('coordinator_digest_mails')));
    // Coaches' growth (#21 item 6): nominations and feedback after a training, by when they were made.
    const nominee = await f.person({ institutionId: institution.id, programmeId: programme.id });
    const nomination = (personId: string, createdAt: Date) =>
      db.insert(coachNominations).values({ programmeId: programme.id, personId, nominatorRole: 'coordinator', tokenHash: `retention-nomination-${personId}`, createdAt }).returning();
    keep.coach_nominations = await ids(nomination(coachee.id, inside('coach_nominations')));
    gone.coach_nominations = await ids(nomination(nominee.id, past('coach_nominations')));
    const feedback = (authorId: string, createdAt: Date) => db.insert(trainingFeedback).values({ sessionId: streakStart.id, authorId, rating: 4, createdAt }).returning();
    keep.training_feedback = await ids(feedback(coach.id, inside('training_feedback')));
    gone.training_feedback = await ids(feedback(coachee.id, past('training_feedback')));
    // Announcements (#21) by when they were sent.
    const announcement = (createdAt: Date) => db.insert(communityAnnouncements).values({ communityId, authorId: coach.id, body: 'b', createdAt }).returning();
    keep.community_announcements = await ids(announcement(inside('community_announcements')));
    gone.community_announcements = await ids(announcement(past('community_announcements')));

    // Financial records (#17): claims by their decision, batches by their payment, receipts never attached by their upload.
    const claim = (decidedAt: Date) => db.insert(expenseClaims).values({ ...base, coachId: coach.id, spentOn: '2020-01-01', amountCents: 100, category: 'other', description: 'd', status: 'approved', decidedAt }).returning();
    keep.expense_claims = await ids(claim(inside('expense_claims')));
    gone.expense_claims = await ids(claim(past('expense_claims')));
    const receipt = (createdAt: Date, claimId: string | null) =>
      db.insert(expenseReceipts).values({ ownerId: coach.id, claimId, contentType: 'application/pdf', bytes: Buffer.from('%PDF-'), byteSize: 5, sha256: 'x', createdAt }).returning();
    keep.expense_receipts = [...(await ids(receipt(inside('expense_receipts'), null))), ...(await ids(receipt(past('expense_receipts'), keep.expense_claims[0]!)))];
    gone.expense_receipts = await ids(receipt(past('expense_receipts'), null));
    const batch = (paidOn: string) =>
      db.insert(payoutBatches).values({ institutionId: institution.id, messageId: `M${paidOn}`, executionDate: paidOn, transferCount: 0, controlSumCents: 0, sepaXmlEncrypted: Buffer.from('x'), csvEncrypted: Buffer.from('x'), paidOn }).returning();
    // Statements and extra work (#17, compensation) by their creation.
    const statement = (month: string, createdAt: Date) =>
      db.insert(compensationStatements).values({ ...base, coachPersonId: coach.id, month, scheme: 'allowance', createdAt }).returning();
    keep.compensation_statements = await ids(statement('2020-02', inside('compensation_statements')));
    gone.compensation_statements = await ids(statement('2020-01', past('compensation_statements')));
    const extra = (createdAt: Date) => db.insert(compensationExtraWork).values({ ...base, coachPersonId: coach.id, workedOn: '2020-01-01', minutes: 60, reason: 'r', createdAt }).returning();
    keep.compensation_extra_work = await ids(extra(inside('compensation_extra_work')));
    gone.compensation_extra_work = await ids(extra(past('compensation_extra_work')));
    keep.payout_batches = await ids(batch(day(inside('payout_batches'))));
    gone.payout_batches = await ids(batch(dayBefore(past('payout_batches'))));
    // Erasure requests (#19): carried out ones 5 years after; an open one however old stays.
    const erasure = (status: 'open' | 'done', doneAt: Date | null) =>
      db.insert(erasureRequests).values({ institutionId: institution.id, personId: status === 'open' ? coach.id : null, status, requestedAt: new Date('2015-01-01T00:00:00Z'), dueOn: '2015-02-01', doneAt }).returning();
    keep.erasure_requests = [...(await ids(erasure('done', inside('erasure_requests')))), ...(await ids(erasure('open', null)))];
    gone.erasure_requests = await ids(erasure('done', past('erasure_requests')));

    // Sessions: a community session per side of the sessions cutoff (two coaching years back),
    // and one-on-ones per side of the one-on-one-note cutoff (the end of the coaching year).
    const oldSession = await f.session({ ...base, communityId, organiserId: coach.id, startsAt: past('sessions') });
    const keptSession = await f.session({ ...base, communityId, organiserId: coach.id, startsAt: inside('sessions') });
    keep.sessions = [keptSession.id];
    gone.sessions = [oldSession.id];
    const oneOnOne = (startsAt: Date) => f.session({ ...base, type: 'oneOnOne', communityId, organiserId: coach.id, coacheeId: coachee.id, startsAt });
    const recentOneOnOne = await oneOnOne(inside('one_on_one_notes'));
    const lastYearsOneOnOne = await oneOnOne(past('one_on_one_notes'));
    await db.insert(oneOnOneNotes).values([
      { sessionId: recentOneOnOne.id, authorId: coach.id, body: 'binnen' },
      { sessionId: lastYearsOneOnOne.id, authorId: coach.id, body: 'voorbij' },
    ]);
    keep.one_on_one_notes = [recentOneOnOne.id];
    gone.one_on_one_notes = [lastYearsOneOnOne.id];

    keep.logbook_entries = await ids(db.insert(logbookEntries).values({ sessionId: recentOneOnOne.id, authorId: coach.id, createdAt: inside('logbook_entries') }).returning());
    gone.logbook_entries = await ids(db.insert(logbookEntries).values({ sessionId: keptSession.id, authorId: coach.id, createdAt: past('logbook_entries') }).returning());
    keep.checkins = await ids(db.insert(checkins).values({ personId: coachee.id, score: 7, createdAt: inside('checkins') }).returning());
    gone.checkins = await ids(db.insert(checkins).values({ personId: coachee.id, score: 4, createdAt: past('checkins') }).returning());
    await db.insert(sessionFeedback).values([
      { sessionId: recentOneOnOne.id, personId: coachee.id, answers: {}, createdAt: inside('session_feedback') },
      { sessionId: lastYearsOneOnOne.id, personId: coachee.id, answers: {}, createdAt: past('session_feedback') },
    ]);
    keep.session_feedback = [recentOneOnOne.id];
    gone.session_feedback = [lastYearsOneOnOne.id];
    await db.insert(actionTokens).values([
      { tokenHash: 'keep', purpose: 'rsvp', sessionId: keptSession.id, personId: coachee.id, expiresAt: inside('action_tokens') },
      { tokenHash: 'gone', purpose: 'rsvp', sessionId: keptSession.id, personId: coachee.id, expiresAt: past('action_tokens') },
    ]);
    keep.action_tokens = ['keep'];
    gone.action_tokens = ['gone'];

    // Support: referrals by date, signals once closed.
    const [resource] = await db
      .insert(helpResources)
      .values({ institutionId: institution.id, kind: 'inside', category: 'study', nameNl: 'Hulp', nameEn: 'Help', whenToGoNl: 'w', whenToGoEn: 'w', howToReachNl: 'h', howToReachEn: 'h' })
      .returning();
    const referral = (referredOn: string) => f.referral({ ...base, coacheeId: coachee.id, coachId: coach.id, resourceId: resource!.id, referredOn });
    keep.referrals = [(await referral(day(inside('referrals')))).id];
    gone.referrals = [(await referral(dayBefore(cutoffOf('referrals')))).id];
    const signal = async (status: 'open' | 'closed', updatedAt: Date) => {
      const row = await f.signal({ ...base, raisedById: coach.id });
      await db.update(signals).set({ status, updatedAt }).where(eq(signals.id, row.id));
      return row.id;
    };
    keep.signals = [await signal('closed', inside('signals')), await signal('open', past('signals'))];
    gone.signals = [await signal('closed', past('signals'))];

    // Resilience conversations by the day they were held.
    const conversation = (heldOn: string) => db.insert(resilienceConversations).values({ coachId: coach.id, coacheeId: coachee.id, heldOn, progress: {} }).returning();
    keep.resilience_conversations = await ids(conversation(day(inside('resilience_conversations'))));
    gone.resilience_conversations = await ids(conversation(dayBefore(cutoffOf('resilience_conversations'))));

    // Programme: imports once ended, decided applications, coaches who left, handover notes.
    const anImport = (status: string, finishedAt: Date | null) => db.insert(studentImports).values({ intakeId: intake.id, fileName: 'x.csv', status, finishedAt }).returning();
    keep.student_imports = [...(await ids(anImport('done', inside('student_imports')))), ...(await ids(anImport('running', null)))];
    gone.student_imports = await ids(anImport('failed', past('student_imports')));
    const application = (status: string, decidedAt: Date) =>
      db
        .insert(coachApplications)
        .values({ programmeId: programme.id, firstName: 'A', lastName: 'B', email: 'app@test.example', studyYear: 2, motivation: 'm', availability: 'a', languages: ['nl'], status, decidedAt })
        .returning();
    keep.coach_applications = [...(await ids(application('rejected', inside('coach_applications')))), ...(await ids(application('selected', past('coach_applications'))))];
    gone.coach_applications = [...(await ids(application('withdrawn', past('coach_applications'))))];
    const leftCoach = async (status: string, statusChangedAt: Date) => {
      const person = await f.person({ institutionId: institution.id });
      await f.coachProfile(person.id, programme.id, { status, statusChangedAt });
      return person.id;
    };
    keep.coach_profiles = [await leftCoach('left', inside('coach_profiles')), await leftCoach('paused', past('coach_profiles'))];
    gone.coach_profiles = [await leftCoach('left', past('coach_profiles'))];
    const handover = (completedAt: Date) =>
      db.insert(handovers).values({ communityId, mode: 'newCoach', fromCoachId: coach.id, note: 'Let op de nieuwe leden', noteWrittenAt: completedAt, status: 'completed', completedAt }).returning();
    keep.handovers = await ids(handover(inside('handovers')));
    gone.handovers = await ids(handover(past('handovers')));

    // People: a former coachee whose last intake's coaching year ended just over a year ago is
    // anonymised; one a year later stays, and so does anyone holding another role.
    const peopleCutoff = cutoffOf('people');
    const year = (start: Date) => `${start.getUTCFullYear()}-${start.getUTCFullYear() + 1}`;
    const oldIntake = await f.intake(programme.id, { academicYear: year(new Date(peopleCutoff.getTime() - 365 * 86_400_000)) });
    const recentIntake = await f.intake(programme.id, { academicYear: year(peopleCutoff), month: 'february' });
    const oldClass = await f.class(oldIntake.id);
    const recentClass = await f.class(recentIntake.id);
    const former = async (roles: ('coachee' | 'studentcoach')[], classId: string) => {
      const person = await f.person({ institutionId: institution.id, programmeId: programme.id, roles, passwordHash: 'hash' });
      await db.update(people).set({ createdAt: new Date(peopleCutoff.getTime() - 400 * 86_400_000), studentNumber: `s-${person.id.slice(0, 8)}` }).where(eq(people.id, person.id));
      await f.enrol(classId, person.id);
      await db.insert(calendarFeeds).values({ personId: person.id, tokenHash: `feed-${person.id}` });
      await f.resilienceMap(person.id);
      return person.id;
    };
    gone.people = [await former(['coachee'], oldClass.id)];
    keep.people = [await former(['coachee'], recentClass.id), await former(['studentcoach', 'coachee'], oldClass.id), coachee.id, coach.id];
    return { keep, gone };
  }

  /** The ids of `table` still present (for people and handovers: still holding their personal data). */
  async function present(table: string, candidates: string[]): Promise<string[]> {
    const db = t.services.db;
    const idsOf = async (rows: Promise<{ id: string }[]>) => (await rows).map((r) => r.id);
    switch (table) {
      case 'mail_outbox': return idsOf(db.select({ id: mailOutbox.id }).from(mailOutbox).where(inArray(mailOutbox.id, candidates)));
      case 'audit_log': return idsOf(db.select({ id: auditLog.id }).from(auditLog).where(inArray(auditLog.id, candidates)));
      case 'programme_updates': return idsOf(db.select({ id: programmeUpdates.id }).from(programmeUpdates).where(inArray(programmeUpdates.id, candidates)));
      case 'participation_sign_ups': return idsOf(db.select({ id: participationSignUps.id }).from(participationSignUps).where(inArray(participationSignUps.id, candidates)));
      case 'participation_invitations': return idsOf(db.select({ id: participationInvitations.id }).from(participationInvitations).where(inArray(participationInvitations.id, candidates)));
      case 'hundred_day_asks': return idsOf(db.select({ id: hundredDayAsks.id }).from(hundredDayAsks).where(inArray(hundredDayAsks.id, candidates)));
      case 'programme_switch_notices': return idsOf(db.select({ id: programmeSwitchNotices.id }).from(programmeSwitchNotices).where(inArray(programmeSwitchNotices.id, candidates)));
      case 'sessions': return idsOf(db.select({ id: sessions.id }).from(sessions).where(inArray(sessions.id, candidates)));
      case 'one_on_one_notes': return idsOf(db.select({ id: oneOnOneNotes.sessionId }).from(oneOnOneNotes).where(inArray(oneOnOneNotes.sessionId, candidates)));
      case 'logbook_entries': return idsOf(db.select({ id: logbookEntries.id }).from(logbookEntries).where(inArray(logbookEntries.id, candidates)));
      case 'checkins': return idsOf(db.select({ id: checkins.id }).from(checkins).where(inArray(checkins.id, candidates)));
      case 'session_feedback': return idsOf(db.select({ id: sessionFeedback.sessionId }).from(sessionFeedback).where(inArray(sessionFeedback.sessionId, candidates)));
      case 'action_tokens': return idsOf(db.select({ id: actionTokens.tokenHash }).from(actionTokens).where(inArray(actionTokens.tokenHash, candidates)));
      case 'referrals': return idsOf(db.select({ id: referrals.id }).from(referrals).where(inArray(referrals.id, candidates)));
      case 'signals': return idsOf(db.select({ id: signals.id }).from(signals).where(inArray(signals.id, candidates)));
      case 'resilience_conversations': return idsOf(db.select({ id: resilienceConversations.id }).from(resilienceConversations).where(inArray(resilienceConversations.id, candidates)));
      case 'student_imports': return idsOf(db.select({ id: studentImports.id }).from(studentImports).where(inArray(studentImports.id, candidates)));
      case 'coach_applications': return idsOf(db.select({ id: coachApplications.id }).from(coachApplications).where(inArray(coachApplications.id, candidates)));
      case 'coach_profiles': return idsOf(db.select({ id: coachProfiles.personId }).from(coachProfiles).where(inArray(coachProfiles.personId, candidates)));
      case 'handovers': return idsOf(db.select({ id: handovers.id }).from(handovers).where(sql`${inArray(handovers.id, candidates)} and ${handovers.note} is not null`));
      case 'people': return idsOf(db.select({ id: people.id }).from(people).where(sql`${inArray(people.id, candidates)} and ${people.email} not like '%@anonymised.invalid'`));
      case 'expense_claims': return idsOf(db.select({ id: expenseClaims.id }).from(expenseClaims).where(inArray(expenseClaims.id, candidates)));
      case 'expense_receipts': return idsOf(db.select({ id: expenseReceipts.id }).from(expenseReceipts).where(inArray(expenseReceipts.id, candidates)));
      case 'compensation_statements': return idsOf(db.select({ id: compensationStatements.id }).from(compensationStatements).where(inArray(compensationStatements.id, candidates)));
      case 'compensation_extra_work': return idsOf(db.select({ id: compensationExtraWork.id }).from(compensationExtraWork).where(inArray(compensationExtraWork.id, candidates)));
      case 'payout_batches': return idsOf(db.select({ id: payoutBatches.id }).from(payoutBatches).where(inArray(payoutBatches.id, candidates)));
      case 'erasure_requests': return idsOf(db.select({ id: erasureRequests.id }).from(erasureRequests).where(inArray(erasureRequests.id, candidates)));
      case 'evaluation_invitations': return idsOf(db.select({ id: evaluationInvitations.id }).from(evaluationInvitations).where(inArray(evaluationInvitations.id, candidates)));
      case 'evaluation_linked_answers': return idsOf(db.select({ id: evaluationLinkedAnswers.invitationId }).from(evaluationLinkedAnswers).where(inArray(evaluationLinkedAnswers.invitationId, candidates)));
      case 'attendance_signal_mails': return idsOf(db.select({ id: attendanceSignalMails.personId }).from(attendanceSignalMails).where(inArray(attendanceSignalMails.personId, candidates)));
      case 'coach_nominations': return idsOf(db.select({ id: coachNominations.id }).from(coachNominations).where(inArray(coachNominations.id, candidates)));
      case 'training_feedback': return idsOf(db.select({ id: trainingFeedback.id }).from(trainingFeedback).where(inArray(trainingFeedback.id, candidates)));
      case 'coordinator_digest_mails': return idsOf(db.select({ id: coordinatorDigestMails.personId }).from(coordinatorDigestMails).where(inArray(coordinatorDigestMails.personId, candidates)));
      case 'community_announcements': return idsOf(db.select({ id: communityAnnouncements.id }).from(communityAnnouncements).where(inArray(communityAnnouncements.id, candidates)));
      default: throw new Error(`no check for ${table}`);
    }
  }

  it('keeps what is inside its retention and removes what is past it, table by table, as the dry run said', async () => {
    const { keep, gone } = await seed();
    expect(Object.keys(keep).sort()).toEqual(Object.keys(RETENTION_RULES).sort());

    const dryRun = await runRetentionPass({ services: t.services, dryRun: true });
    const expected = Object.fromEntries(Object.keys(RETENTION_RULES).map((table) => [table, gone[table]!.length]));
    // The dry run changes nothing.
    for (const table of Object.keys(RETENTION_RULES)) {
      expect(await present(table, [...keep[table]!, ...gone[table]!]), table).toHaveLength(keep[table]!.length + gone[table]!.length);
    }
    expect(counts(dryRun)).toEqual(expected);

    const logged: Record<string, unknown>[] = [];
    const run = await runRetentionPass({ services: t.services, dryRun: false, log: { info: (fields) => logged.push(fields) } });
    expect(counts(run)).toEqual(counts(dryRun));
    for (const table of Object.keys(RETENTION_RULES)) {
      expect(await present(table, keep[table]!), `${table}: inside its retention`).toEqual(expect.arrayContaining(keep[table]!));
      expect(await present(table, gone[table]!), `${table}: past its retention`).toEqual([]);
    }
    // Logged per table, counts only.
    expect(logged).toEqual(run.tables.map((r) => ({ table: r.table, action: r.action, rows: r.rows })));

    // Running again removes nothing more — except an evaluation invitation that waited for its
    // answers (the invitations go before the answers in a pass): the one whose answers went above.
    const again = await runRetentionPass({ services: t.services, dryRun: false });
    expect(Object.entries(counts(again)).filter(([, n]) => n > 0)).toEqual([['evaluation_invitations', 1]]);
    const third = await runRetentionPass({ services: t.services, dryRun: false });
    expect(Object.values(counts(third)).every((n) => n === 0)).toBe(true);
  });

  it('anonymises a former coachee: the row stays without name, e-mail, student number, password, feed or map', async () => {
    const { gone, keep } = await seed();
    const [formerId] = gone.people!;
    await runRetentionPass({ services: t.services, dryRun: false });
    const db = t.services.db;
    const [person] = await db.select().from(people).where(eq(people.id, formerId!));
    expect(person).toMatchObject({ firstName: '—', lastName: '—', email: `${formerId}@anonymised.invalid`, studentNumber: null });
    expect(await db.select().from(classMembers).where(eq(classMembers.personId, formerId!))).toEqual([expect.objectContaining({ studentNumber: '—' })]);
    expect(await db.select().from(passwordCredentials).where(eq(passwordCredentials.personId, formerId!))).toEqual([]);
    expect(await db.select().from(calendarFeeds).where(eq(calendarFeeds.personId, formerId!))).toEqual([]);
    expect(await db.select().from(resilienceMaps).where(eq(resilienceMaps.ownerId, formerId!))).toEqual([]);
    // Those kept keep everything.
    const [kept] = keep.people!;
    expect(await db.select().from(passwordCredentials).where(eq(passwordCredentials.personId, kept!))).toHaveLength(1);
    expect(await db.select().from(resilienceMaps).where(eq(resilienceMaps.ownerId, kept!))).toHaveLength(1);
  });

  it('runs daily as a durable job: once per day however many instances schedule it, logging counts per table', async () => {
    const db = t.services.db;
    const oldMail = () => db.insert(mailOutbox).values({ recipient: 'x@test.example', subject: 's', bodyText: 'b', createdAt: new Date(t.services.now().getTime() - 100 * 86_400_000) });
    // Two instances' hourly hooks at 12:00: one job, due tomorrow at 02:00 UTC.
    for (const purge of [...retentionPurges, ...retentionPurges]) await purge(t.services);
    const scheduled = await db.select().from(jobs).where(eq(jobs.kind, RETENTION_PASS_JOB));
    expect(scheduled).toEqual([expect.objectContaining({ status: 'pending', dedupeKey: 'retention-pass:2027-10-16', dueAt: new Date('2027-10-16T02:00:00Z') })]);
    await oldMail();
    const logged: Record<string, unknown>[] = [];
    const log = { info: (fields: Record<string, unknown>) => logged.push(fields) };
    expect(await runDueJobs({ services: t.services, handlers: jobHandlers, log })).toEqual({ done: 0, failed: 0 });

    t.setNow(new Date('2027-10-16T02:00:00Z'));
    expect(await runDueJobs({ services: t.services, handlers: jobHandlers, log })).toEqual({ done: 1, failed: 0 });
    expect(await db.select().from(mailOutbox)).toEqual([]);
    expect(logged).toContainEqual({ table: 'mail_outbox', action: 'delete', rows: 1 });
    expect(logged.map((l) => l.table)).toEqual(Object.keys(RETENTION_RULES));

    // The hooks of the next hour schedule the next day's pass, once; today's does not run again.
    t.setNow(new Date('2027-10-16T03:00:00Z'));
    for (const purge of [...retentionPurges, ...retentionPurges]) await purge(t.services);
    await oldMail();
    expect(await runDueJobs({ services: t.services, handlers: jobHandlers, log })).toEqual({ done: 0, failed: 0 });
    expect(await db.select().from(mailOutbox)).toHaveLength(1);
    const pending = await db.select().from(jobs).where(eq(jobs.status, 'pending'));
    expect(pending.filter((j) => j.kind === RETENTION_PASS_JOB).map((j) => j.dedupeKey)).toEqual(['retention-pass:2027-10-17']);
  });

  it('peerkracht retention --dry-run prints the counts per table and changes nothing; without it, the run removes them', async () => {
    const { gone } = await seed();
    const lines: string[] = [];
    const dry = await retentionWithServices(t.services, { dryRun: true }, (line) => lines.push(line));
    expect(lines[0]).toBe(`Retention dry run at ${NOW.toISOString()}: what a run now would remove (nothing changed)`);
    expect(lines).toContain(`  ${'mail_outbox'.padEnd(26)}${'delete'.padEnd(11)}${'1'.padStart(6)}  ${day(cutoffOf('mail_outbox'))}`);
    expect(lines).toContain(`  ${'people'.padEnd(26)}${'anonymise'.padEnd(11)}${'1'.padStart(6)}  ${day(cutoffOf('people'))}`);
    const total = Object.values(gone).reduce((n, ids) => n + ids.length, 0);
    expect(lines.at(-1)).toBe(`${total} rows would be removed.`);
    const real = await retentionWithServices(t.services, { dryRun: false }, () => undefined);
    expect(counts(real)).toEqual(counts(dry));
  });
});
