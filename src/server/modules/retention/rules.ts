/**
 * The SQL of every rule of the daily retention pass, one per table whose registry entry says
 * `purge: pass(…)` (src/server/db/personal-data-registry.ts holds the period and the prose; the
 * registry test fails when the two disagree). Each rule answers, for a cutoff, which rows are past
 * their retention: `count` only counts them (the dry run), `apply` deletes or anonymises exactly
 * those rows and answers how many. Both use the same predicate, so the dry run shows what the real
 * run then removes. Rows already anonymised no longer match, so a second run removes nothing.
 */
import { zonedParts } from '../../../domain/sessions/zoned-time';
import { and, count, eq, inArray, isNotNull, isNull, lt, ne, notLike, or, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import {
  actionTokens,
  hundredDayAsks,
  programmeSwitchNotices,
  participationSignUps,
  participationInvitations,
  coachNominations,
  trainingFeedback,
  attendanceSignalMails,
  coordinatorDigestMails,
  evaluationInvitations,
  evaluationLinkedAnswers,
  evaluationRounds,
  auditLog,
  authSessions,
  calendarFeeds,
  checkins,
  classes,
  classMembers,
  coachApplications,
  coachProfiles,
  erasureRequests,
  communities,
  expenseClaims,
  expenseReceipts,
  payoutBatches,
  communityMembers,
  compensationExtraWork,
  compensationStatements,
  handovers,
  intakes,
  logbookEntries,
  mailOutbox,
  oneOnOneNotes,
  mfaRecoveryCodes,
  oidcLinks,
  passwordCredentials,
  passwordResetTokens,
  pendingSignIns,
  people,
  programmeUpdates,
  communityAnnouncements,
  referrals,
  resilienceConversations,
  resilienceGroupShows,
  resilienceMaps,
  roleAssignments,
  sessionFeedback,
  sessions,
  signals,
  studentAttributes,
  studentImports,
  totpCredentials,
} from '../../db/schema';

export type RetentionRule = {
  /** How many rows the rule would remove at this cutoff; changes nothing. */
  count(db: Db, cutoff: Date): Promise<number>;
  /** Removes (deletes or anonymises) those rows, in the caller's transaction; answers how many. */
  apply(tx: Db, cutoff: Date): Promise<number>;
};

/** The Dutch calendar day of the cutoff (Europe/Amsterdam): date columns hold Dutch days. */
const isoDate = (d: Date) => zonedParts(d).date;

const countWhere = async (db: Db, table: PgTable, where: SQL | undefined): Promise<number> => {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return Number(row?.n ?? 0);
};

const deleting = (table: PgTable, where: (cutoff: Date) => SQL | undefined): RetentionRule => ({
  count: (db, cutoff) => countWhere(db, table, where(cutoff)),
  apply: async (tx, cutoff) => (await tx.delete(table).where(where(cutoff)).returning({ one: sql<number>`1` })).length,
});

/** The e-mail an anonymised person keeps (unique, and `.invalid` can never be delivered, RFC 2606). */
export const ANONYMISED_DOMAIN = 'anonymised.invalid';
const ANONYMOUS_NAME = '—';

/** The start (1 September, UTC) of the coaching year of an intake's `academic_year` ('2025-2026'). */
const intakeYearStart = sql`to_date(left(${intakes.academicYear}, 4) || '-09-01', 'YYYY-MM-DD')`;

/**
 * People the pass anonymises at this cutoff: not yet anonymised, no role other than coachee, created
 * before the cutoff, and no class or community in an intake whose coaching year started on or
 * after the cutoff (so their last intake's coaching year ended at least the period ago).
 */
const anonymisable = (cutoff: Date): SQL =>
  and(
    notLike(people.email, `%@${ANONYMISED_DOMAIN}`),
    lt(people.createdAt, cutoff),
    sql`not exists (select 1 from ${roleAssignments} where ${roleAssignments.personId} = ${people.id} and ${roleAssignments.role} <> 'coachee')`,
    sql`not exists (select 1 from ${classMembers} join ${classes} on ${classes.id} = ${classMembers.classId} join ${intakes} on ${intakes.id} = ${classes.intakeId}
      where ${classMembers.personId} = ${people.id} and ${intakeYearStart} >= ${isoDate(cutoff)}::date)`,
    sql`not exists (select 1 from ${communityMembers} join ${communities} on ${communities.id} = ${communityMembers.communityId} join ${intakes} on ${intakes.id} = ${communities.intakeId}
      where ${communityMembers.personId} = ${people.id} and ${intakeYearStart} >= ${isoDate(cutoff)}::date)`,
  )!;

const CHUNK = 1000;

async function anonymisePeople(tx: Db, cutoff: Date): Promise<number> {
  const ids = (await tx.select({ id: people.id }).from(people).where(anonymisable(cutoff))).map((r) => r.id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    await tx
      .update(people)
      .set({ firstName: ANONYMOUS_NAME, lastName: ANONYMOUS_NAME, email: sql`${people.id}::text || ${`@${ANONYMISED_DOMAIN}`}`, studentNumber: null })
      .where(inArray(people.id, chunk));
    await tx.update(classMembers).set({ studentNumber: ANONYMOUS_NAME }).where(inArray(classMembers.personId, chunk));
    // What only served the account or the person themselves goes; rows that give other records
    // their shape (memberships, attendance, consent proof) stay, now naming nobody.
    await tx.delete(passwordCredentials).where(inArray(passwordCredentials.personId, chunk));
    await tx.delete(authSessions).where(inArray(authSessions.personId, chunk));
    await tx.delete(passwordResetTokens).where(inArray(passwordResetTokens.personId, chunk));
    await tx.delete(calendarFeeds).where(inArray(calendarFeeds.personId, chunk));
    await tx.delete(actionTokens).where(inArray(actionTokens.personId, chunk));
    await tx.delete(resilienceGroupShows).where(inArray(resilienceGroupShows.ownerId, chunk));
    await tx.delete(resilienceMaps).where(inArray(resilienceMaps.ownerId, chunk));
    await tx.delete(studentAttributes).where(inArray(studentAttributes.personId, chunk));
    // Sign-in factors and the SSO link: an anonymised account can no longer be signed in to.
    await tx.delete(totpCredentials).where(inArray(totpCredentials.personId, chunk));
    await tx.delete(mfaRecoveryCodes).where(inArray(mfaRecoveryCodes.personId, chunk));
    await tx.delete(pendingSignIns).where(inArray(pendingSignIns.personId, chunk));
    await tx.delete(oidcLinks).where(inArray(oidcLinks.personId, chunk));
  }
  return ids.length;
}

/** Handovers whose note the pass clears at this cutoff. */
const handoverNotePast = (cutoff: Date) => and(isNotNull(handovers.note), lt(handovers.completedAt, cutoff));

/** The rules in the order the real run applies them (see the note before `sessions`). */
export const RETENTION_RULES: Readonly<Record<string, RetentionRule>> = {
  // The confirmation of an erasure carries the erased person's address: it goes once delivered.
  mail_outbox: deleting(mailOutbox, (cutoff) =>
    or(
      lt(mailOutbox.createdAt, cutoff),
      and(isNotNull(mailOutbox.sentAt), inArray(mailOutbox.id, sql`(select ${erasureRequests.confirmationMailId} from ${erasureRequests} where ${erasureRequests.confirmationMailId} is not null)`)),
    ),
  ),
  erasure_requests: deleting(erasureRequests, (cutoff) => and(eq(erasureRequests.status, 'done'), lt(erasureRequests.doneAt, cutoff))),
  audit_log: deleting(auditLog, (cutoff) => lt(auditLog.at, cutoff)),
  referrals: deleting(referrals, (cutoff) => lt(referrals.referredOn, isoDate(cutoff))),
  signals: deleting(signals, (cutoff) => and(eq(signals.status, 'closed'), lt(signals.updatedAt, cutoff))),
  resilience_conversations: deleting(resilienceConversations, (cutoff) => lt(resilienceConversations.heldOn, isoDate(cutoff))),
  student_imports: deleting(studentImports, (cutoff) => and(ne(studentImports.status, 'running'), lt(studentImports.finishedAt, cutoff))),
  coach_applications: deleting(coachApplications, (cutoff) =>
    and(or(eq(coachApplications.status, 'rejected'), eq(coachApplications.status, 'withdrawn')), lt(coachApplications.decidedAt, cutoff)),
  ),
  coach_profiles: deleting(coachProfiles, (cutoff) => and(eq(coachProfiles.status, 'left'), lt(coachProfiles.statusChangedAt, cutoff))),
  handovers: {
    count: (db, cutoff) => countWhere(db, handovers, handoverNotePast(cutoff)),
    apply: async (tx, cutoff) =>
      (await tx.update(handovers).set({ note: null, noteWrittenAt: null }).where(handoverNotePast(cutoff)).returning({ one: sql<number>`1` })).length,
  },
  logbook_entries: deleting(logbookEntries, (cutoff) => lt(logbookEntries.createdAt, cutoff)),
  one_on_one_notes: deleting(oneOnOneNotes, (cutoff) =>
    inArray(oneOnOneNotes.sessionId, sql`(select ${sessions.id} from ${sessions} where ${sessions.startsAt} < ${cutoff.toISOString()}::timestamptz)`),
  ),
  checkins: deleting(checkins, (cutoff) => lt(checkins.createdAt, cutoff)),
  session_feedback: deleting(sessionFeedback, (cutoff) => lt(sessionFeedback.createdAt, cutoff)),
  hundred_day_asks: deleting(hundredDayAsks, (cutoff) => lt(hundredDayAsks.askedAt, cutoff)),
  programme_switch_notices: deleting(programmeSwitchNotices, (cutoff) => lt(programmeSwitchNotices.createdAt, cutoff)),
  participation_sign_ups: deleting(participationSignUps, (cutoff) => lt(participationSignUps.signedUpAt, cutoff)),
  participation_invitations: deleting(participationInvitations, (cutoff) => lt(participationInvitations.createdAt, cutoff)),
  coach_nominations: deleting(coachNominations, (cutoff) => lt(coachNominations.createdAt, cutoff)),
  training_feedback: deleting(trainingFeedback, (cutoff) => lt(trainingFeedback.createdAt, cutoff)),
  action_tokens: deleting(actionTokens, (cutoff) => lt(actionTokens.expiresAt, cutoff)),
  programme_updates: deleting(programmeUpdates, (cutoff) => lt(programmeUpdates.createdAt, cutoff)),
  community_announcements: deleting(communityAnnouncements, (cutoff) => lt(communityAnnouncements.createdAt, cutoff)),
  compensation_extra_work: deleting(compensationExtraWork, (cutoff) => lt(compensationExtraWork.createdAt, cutoff)),
  compensation_statements: deleting(compensationStatements, (cutoff) => lt(compensationStatements.createdAt, cutoff)),
  // Financial records (#17): 7 years, the fiscal retention duty. A receipt never attached to a claim goes after a day.
  expense_receipts: deleting(expenseReceipts, (cutoff) => and(isNull(expenseReceipts.claimId), lt(expenseReceipts.createdAt, cutoff))),
  expense_claims: deleting(expenseClaims, (cutoff) => lt(sql`coalesce(${expenseClaims.decidedAt}, ${expenseClaims.createdAt})`, cutoff)),
  payout_batches: deleting(payoutBatches, (cutoff) => lt(payoutBatches.paidOn, isoDate(cutoff))),
  // Evaluation (#18): invitations before answers, so an invitation with answers left is never taken by cascade.
  evaluation_invitations: deleting(evaluationInvitations, (cutoff) =>
    and(
      inArray(evaluationInvitations.roundId, sql`(select ${evaluationRounds.id} from ${evaluationRounds} where ${evaluationRounds.closesOn} < ${isoDate(cutoff)})`),
      sql`not exists (select 1 from ${evaluationLinkedAnswers} where ${evaluationLinkedAnswers.invitationId} = ${evaluationInvitations.id})`,
    ),
  ),
  evaluation_linked_answers: deleting(evaluationLinkedAnswers, (cutoff) =>
    inArray(
      evaluationLinkedAnswers.invitationId,
      sql`(select i.id from ${evaluationInvitations} i join ${evaluationRounds} r on r.id = i.round_id where r.closes_on < ${isoDate(cutoff)})`,
    ),
  ),
  attendance_signal_mails: deleting(attendanceSignalMails, (cutoff) => lt(attendanceSignalMails.sentAt, cutoff)),
  coordinator_digest_mails: deleting(coordinatorDigestMails, (cutoff) => lt(coordinatorDigestMails.sentAt, cutoff)),
  // Last, in this order: a session takes its remaining invitations, attendance and notes with it
  // (cascade), and anonymising a person deletes their tokens — both after those tables' own rules
  // ran, so each rule removes in the real run exactly what it counted in the dry run.
  sessions: deleting(sessions, (cutoff) => lt(sessions.startsAt, cutoff)),
  people: { count: (db, cutoff) => countWhere(db, people, anonymisable(cutoff)), apply: anonymisePeople },
};
