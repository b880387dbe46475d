/**
 * Opening a questionnaire moment and reminding (#18). The job poller's hourly hook
 * (`scheduleEvaluationMoments`) makes sure every moment in an intake's settings has its opening
 * job, due at 09:00 Amsterdam time on the opening date. The opening job (idempotent: the round's
 * unique key per intake and moment) fixes the mode and the question sets, invites the intake's
 * coachees and coaches — in confidential mode only those holding the research-use consent — with
 * a mail carrying a one-tap link (only the moment's audience: coachees, coaches or both), and schedules two reminders. A reminder goes only to those who
 * have not finished, so answering stops them; after the closing date nothing goes out.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { translate, type Locale } from '../../../i18n/translate';
import { EVALUATION_MOMENTS, readIntakeSettings, type EvaluationMomentSetting } from '../../../domain/programme/intake-settings';
import { addDays, daysBetween, zonedParts, zonedToInstant } from '../../../domain/sessions/zoned-time';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { communities, communityMembers, evaluationInvitations, evaluationRounds, intakes, people, programmes } from '../../db/schema';
import { withConsent } from '../consent/public';
import { scheduleJob, type JobHandler } from '../jobs/public';
import { invitationLink, invitationToken, tokenHashOf } from './links';

export const EVALUATION_OPEN_JOB = 'evaluation-open';
export const EVALUATION_REMINDER_JOB = 'evaluation-reminder';
/** Mails go out at this Amsterdam clock time. */
const SEND_AT = '09:00';
export const REMINDERS = 2;

const OpenPayload = z.object({ intakeId: z.string().uuid(), moment: z.enum(EVALUATION_MOMENTS) });
const ReminderPayload = z.object({ roundId: z.string().uuid(), reminder: z.number().int().min(1).max(REMINDERS) });

/** Today in Amsterdam. */
export const today = (services: Services): string => zonedParts(services.now()).date;

/** The days of the two reminders: a third and two thirds of the way (never on the opening day, never after closing). */
export function reminderDays(opensOn: string, closesOn: string): string[] {
  const span = daysBetween(opensOn, closesOn);
  return [1, 2].map((n) => addDays(opensOn, Math.max(n, Math.round((span * n) / 3))));
}

/** The poller's hourly hook: every moment in every intake's settings has its opening job. */
export async function scheduleEvaluationMoments(services: Services): Promise<void> {
  const now = today(services);
  const rows = await services.db
    .select({ id: intakes.id, settings: intakes.settings, month: intakes.month })
    .from(intakes)
    .where(sql`jsonb_array_length(coalesce(${intakes.settings} -> 'evaluations', '[]'::jsonb)) > 0`);
  for (const row of rows) {
    for (const m of readIntakeSettings(row.settings, row.month).settings.evaluations) {
      if (m.closesOn < now) continue;
      await scheduleJob(services.db, {
        kind: EVALUATION_OPEN_JOB,
        payload: { intakeId: row.id, moment: m.moment },
        dueAt: zonedToInstant(m.opensOn, SEND_AT),
        dedupeKey: `${EVALUATION_OPEN_JOB}:${row.id}:${m.moment}`,
      });
    }
  }
}

type Invitee = { personId: string; questionSet: 'coachee' | 'coach'; communityId: string };

async function inviteesOf(db: Db, intakeId: string): Promise<Invitee[]> {
  const members = await db
    .select({ personId: communityMembers.personId, communityId: communityMembers.communityId })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(and(eq(communities.intakeId, intakeId), isNull(communityMembers.leftOn)))
    .orderBy(communities.name);
  const coaches = await db.select({ personId: communities.coachId, communityId: communities.id }).from(communities).where(eq(communities.intakeId, intakeId)).orderBy(communities.name);
  const seen = new Set<string>();
  const result: Invitee[] = [];
  const add = (invitee: Invitee) => {
    if (seen.has(invitee.personId)) return;
    seen.add(invitee.personId);
    result.push(invitee);
  };
  for (const c of coaches) if (c.personId) add({ personId: c.personId, questionSet: 'coach', communityId: c.communityId });
  for (const m of members) add({ personId: m.personId, questionSet: 'coachee', communityId: m.communityId });
  return result;
}

const formatDay = (locale: Locale, day: string) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long' }).format(zonedToInstant(day, '12:00'));

async function mailInvitation(services: Services, tx: Db, to: { institutionId: string; email: string; firstName: string; locale: string }, invitationId: string, closesOn: string, kind: 'invite' | 'reminder') {
  const locale: Locale = to.locale === 'en' ? 'en' : 'nl';
  await services.mailer.enqueue(tx, {
    institutionId: to.institutionId,
    to: to.email,
    subject: translate(locale, `evaluation.mail.${kind}.subject`),
    text: translate(locale, `evaluation.mail.${kind}.body`, { name: to.firstName, closes: formatDay(locale, closesOn), link: invitationLink(services, invitationId) }),
  });
}

/** Opens one moment of an intake: once, whatever retries or instances do. */
export const openEvaluationMoment: JobHandler = async ({ services, job }) => {
  const { intakeId, moment } = OpenPayload.parse(job.payload);
  await services.db.transaction((tx) => openMomentIn(services, tx, intakeId, moment));
};

/**
 * Opens one moment inside the caller's transaction (the job above; the demo, which opens its
 * questionnaire while it loads so the invitation mail is queued at once). Returns the round's id,
 * or null when it was opened before, is not in the settings, or has closed.
 */
export async function openMomentIn(services: Services, tx: Db, intakeId: string, moment: EvaluationMomentSetting['moment']): Promise<string | null> {
  const [intake] = await tx
    .select({ settings: intakes.settings, month: intakes.month, institutionId: programmes.institutionId })
    .from(intakes)
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(eq(intakes.id, intakeId));
  if (!intake) return null;
  const setting: EvaluationMomentSetting | undefined = readIntakeSettings(intake.settings, intake.month).settings.evaluations.find((e) => e.moment === moment);
  if (!setting || setting.closesOn < today(services)) return null;
  const questions = services.content.questions.evaluation;
  const [round] = await tx
    .insert(evaluationRounds)
    .values({ intakeId, moment, mode: setting.mode, opensOn: setting.opensOn, closesOn: setting.closesOn, contentVersion: services.content.questions.version, questions, openedAt: services.now() })
    .onConflictDoNothing()
    .returning({ id: evaluationRounds.id });
  if (!round) return null; // opened before
  // Only the audience of this moment (older settings: both coachees and coaches).
  let invitees = (await inviteesOf(tx, intakeId)).filter((i) => setting.audience.includes(i.questionSet === 'coach' ? 'coaches' : 'coachees'));
  if (setting.mode === 'confidential') {
    const consenting = await withConsent(tx, invitees.map((i) => i.personId), 'research-use');
    invitees = invitees.filter((i) => consenting.has(i.personId));
  }
  const contacts = invitees.length
    ? await tx.select({ id: people.id, email: people.email, firstName: people.firstName, locale: people.locale }).from(people).where(inArray(people.id, invitees.map((i) => i.personId)))
    : [];
  for (const invitee of invitees) {
    const id = randomUUID();
    await tx.insert(evaluationInvitations).values({ id, roundId: round.id, ...invitee, tokenHash: tokenHashOf(invitationToken(services, id)), invitedAt: services.now() });
    const contact = contacts.find((c) => c.id === invitee.personId);
    if (contact) await mailInvitation(services, tx, { institutionId: intake.institutionId, ...contact }, id, setting.closesOn, 'invite');
  }
  const days = reminderDays(setting.opensOn, setting.closesOn);
  for (let n = 1; n <= REMINDERS; n++) {
    await scheduleJob(tx, { kind: EVALUATION_REMINDER_JOB, payload: { roundId: round.id, reminder: n }, dueAt: zonedToInstant(days[n - 1]!, SEND_AT), dedupeKey: `${EVALUATION_REMINDER_JOB}:${round.id}:${n}` });
  }
  return round.id;
}

/** Reminder n of a round: to everyone invited who has not finished and has had fewer than n reminders. */
export const sendEvaluationReminder: JobHandler = async ({ services, job }) => {
  const { roundId, reminder } = ReminderPayload.parse(job.payload);
  await services.db.transaction(async (tx) => {
    const [round] = await tx
      .select({ closesOn: evaluationRounds.closesOn, institutionId: programmes.institutionId })
      .from(evaluationRounds)
      .innerJoin(intakes, eq(intakes.id, evaluationRounds.intakeId))
      .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
      .where(eq(evaluationRounds.id, roundId));
    if (!round || round.closesOn < today(services)) return;
    const due = await tx
      .update(evaluationInvitations)
      .set({ remindersSent: reminder })
      .where(and(eq(evaluationInvitations.roundId, roundId), isNull(evaluationInvitations.respondedAt), lt(evaluationInvitations.remindersSent, reminder)))
      .returning({ id: evaluationInvitations.id, personId: evaluationInvitations.personId });
    if (due.length === 0) return;
    const contacts = await tx.select({ id: people.id, email: people.email, firstName: people.firstName, locale: people.locale }).from(people).where(inArray(people.id, due.map((d) => d.personId)));
    for (const d of due) {
      const contact = contacts.find((c) => c.id === d.personId);
      if (contact) await mailInvitation(services, tx, { institutionId: round.institutionId, ...contact }, d.id, round.closesOn, 'reminder');
    }
  });
};
