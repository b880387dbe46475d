/**
 * Inviting the students of an opt-in intake to sign up (#21 item 1; ADR 0028): one mail per
 * student and intake, in their language, with a one-tap link; one reminder a few days before the
 * closing day to those who have not answered. Both run as durable jobs (ADR 0013/0014) and are
 * idempotent: the invitation row (unique per intake and person) and its mail are written in one
 * transaction, and the reminder marks `reminded_at` in the transaction of its mail — so two
 * runners, a retry or a second save never mail anyone twice.
 */
import { and, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { SIGN_UP_REMINDER_DAYS_BEFORE, signUpOpen, usesSignUp } from '../../../domain/participation/modes';
import { readIntakeSettings, type IntakeSettings } from '../../../domain/programme/intake-settings';
import { addDays, zonedParts, zonedToInstant } from '../../../domain/sessions/zoned-time';
import { isLocale, translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { classes, classMembers, intakes, participationInvitations, participationSignUps, people, programmes } from '../../db/schema';
import { digest, newToken } from '../identity/public';
import { scheduleJob, type JobHandler } from '../jobs/public';
import { secretLink } from '../mail/public';
import { communitiesFormed } from './repository';

export const SIGN_UP_INVITATIONS_JOB = 'participation.signUpInvitations';
export const SIGN_UP_REMINDER_JOB = 'participation.signUpReminder';
/** Only someone invited at least this long before the reminder gets it (a late invitation is reminder enough). */
const REMIND_AFTER_MS = 2 * 86_400_000;

/** When the reminder of a closing day goes out: 09:00 in Amsterdam, three days before it. */
export function reminderAt(closesOn: string): Date {
  return zonedToInstant(addDays(closesOn, -SIGN_UP_REMINDER_DAYS_BEFORE), '09:00');
}

/** A day in a mail, Dutch time: "vrijdag 18 december". */
function dayText(locale: Locale, day: string): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long' }).format(zonedToInstant(day, '12:00'));
}

async function scheduleReminder(db: Db, intakeId: string, closesOn: string, now: Date): Promise<void> {
  const due = reminderAt(closesOn);
  await scheduleJob(db, { kind: SIGN_UP_REMINDER_JOB, payload: { intakeId, closesOn }, dueAt: due.getTime() < now.getTime() ? now : due, dedupeKey: `${SIGN_UP_REMINDER_JOB}:${intakeId}:${closesOn}` });
}

/**
 * Called by the settings save inside its transaction: when the intake is (or becomes) opt-in and
 * the mode or the closing day changed, the invitations go out (a job due now) and the reminder of
 * the closing day is scheduled.
 */
export async function scheduleSignUpInvitations(db: Db, services: Services, change: { intakeId: string; before: IntakeSettings; after: IntakeSettings }): Promise<void> {
  if (!usesSignUp(change.after.participation)) return;
  const modeChanged = change.before.participation !== change.after.participation;
  const closingChanged = change.before.signUp.closesOn !== change.after.signUp.closesOn;
  if (!modeChanged && !closingChanged) return;
  const now = services.now();
  await scheduleJob(db, { kind: SIGN_UP_INVITATIONS_JOB, payload: { intakeId: change.intakeId }, dueAt: now, dedupeKey: `${SIGN_UP_INVITATIONS_JOB}:${change.intakeId}` });
  if (change.after.signUp.closesOn !== null) await scheduleReminder(db, change.intakeId, change.after.signUp.closesOn, now);
}

type OpenIntake = { id: string; institutionId: string; nameNl: string; nameEn: string; settings: IntakeSettings };

/** The intake when its sign-up is open now (opt-in, no communities, closing day not past), else null. */
async function openIntake(services: Services, intakeId: string): Promise<OpenIntake | null> {
  const [row] = await services.db
    .select({ id: intakes.id, settings: intakes.settings, month: intakes.month, institutionId: programmes.institutionId, nameNl: programmes.nameNl, nameEn: programmes.nameEn })
    .from(intakes)
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(eq(intakes.id, intakeId));
  if (!row) return null;
  const settings = readIntakeSettings(row.settings, row.month).settings;
  const open = signUpOpen(settings.participation, await communitiesFormed(services.db, row.id), settings.signUp.closesOn, zonedParts(services.now()).date);
  return open ? { id: row.id, institutionId: row.institutionId, nameNl: row.nameNl, nameEn: row.nameEn, settings } : null;
}

/**
 * The students of the intake who have no invitation row yet and did not sign up. The poller's
 * hook asks this too, so a student imported after the first invitations is invited as well.
 */
async function uninvited(db: Db, intakeId: string) {
  return db
    .selectDistinct({ personId: people.id, email: people.email, locale: people.locale })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(people, eq(people.id, classMembers.personId))
    .leftJoin(participationInvitations, and(eq(participationInvitations.intakeId, intakeId), eq(participationInvitations.personId, people.id)))
    .leftJoin(participationSignUps, and(eq(participationSignUps.intakeId, intakeId), eq(participationSignUps.personId, people.id)))
    .where(and(eq(classes.intakeId, intakeId), isNull(participationInvitations.id), isNull(participationSignUps.id)));
}

function mailParams(locale: Locale, intake: OpenIntake, link: string) {
  const s = intake.settings;
  return {
    programme: locale === 'nl' ? intake.nameNl : intake.nameEn,
    min: s.communitySize.min,
    max: s.communitySize.max,
    perMonth: s.sessionsPerMonth,
    closes: s.signUp.closesOn === null ? translate(locale, 'participation.mail.untilGrouping') : translate(locale, 'participation.mail.until', { date: dayText(locale, s.signUp.closesOn) }),
    link,
  };
}

/** Invites every student of the intake who was not invited yet and did not sign up (the job). */
export const sendSignUpInvitations: JobHandler = async ({ services, job, log }) => {
  const payload = job.payload as { intakeId?: unknown };
  if (typeof payload.intakeId !== 'string') return;
  const intake = await openIntake(services, payload.intakeId);
  if (!intake) return;
  const now = services.now();
  let invited = 0;
  for (const s of await uninvited(services.db, intake.id)) {
    await services.db.transaction(async (tx) => {
      const token = newToken();
      const inserted = await tx
        .insert(participationInvitations)
        .values({ intakeId: intake.id, personId: s.personId, tokenHash: digest(token), invitedAt: now, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: participationInvitations.id });
      if (inserted.length === 0) return;
      invited += 1;
      const locale: Locale = isLocale(s.locale) ? s.locale : 'nl';
      const params = mailParams(locale, intake, secretLink(services.config.publicUrl, 'signUp', token));
      await services.mailer.enqueue(tx, { institutionId: intake.institutionId, to: s.email, subject: translate(locale, 'participation.mail.invite.subject', params), text: translate(locale, 'participation.mail.invite.body', params) });
    });
  }
  log?.info({ intakeId: intake.id, invited }, 'sign-up invitations sent');
};

/** Reminds, once, those invited who have not answered and did not sign up (the job, a few days before the closing day). */
export const sendSignUpReminder: JobHandler = async ({ services, job, log }) => {
  const payload = job.payload as { intakeId?: unknown; closesOn?: unknown };
  if (typeof payload.intakeId !== 'string' || typeof payload.closesOn !== 'string') return;
  const intake = await openIntake(services, payload.intakeId);
  // A moved closing day has its own reminder job; a removed one has none.
  if (!intake || intake.settings.signUp.closesOn !== payload.closesOn) return;
  const now = services.now();
  const waiting = await services.db
    .select({ id: participationInvitations.id, email: people.email, locale: people.locale })
    .from(participationInvitations)
    .innerJoin(people, eq(people.id, participationInvitations.personId))
    .leftJoin(participationSignUps, and(eq(participationSignUps.intakeId, participationInvitations.intakeId), eq(participationSignUps.personId, participationInvitations.personId)))
    .where(
      and(
        eq(participationInvitations.intakeId, intake.id),
        isNotNull(participationInvitations.invitedAt),
        lte(participationInvitations.invitedAt, new Date(now.getTime() - REMIND_AFTER_MS)),
        isNull(participationInvitations.answer),
        isNull(participationInvitations.remindedAt),
        isNull(participationSignUps.id),
      ),
    );
  let reminded = 0;
  for (const w of waiting) {
    await services.db.transaction(async (tx) => {
      const token = newToken();
      const updated = await tx
        .update(participationInvitations)
        .set({ remindedAt: now, reminderTokenHash: digest(token) })
        .where(and(eq(participationInvitations.id, w.id), isNull(participationInvitations.remindedAt), isNull(participationInvitations.answer)))
        .returning({ id: participationInvitations.id });
      if (updated.length === 0) return;
      reminded += 1;
      const locale: Locale = isLocale(w.locale) ? w.locale : 'nl';
      const params = mailParams(locale, intake, secretLink(services.config.publicUrl, 'signUp', token));
      await services.mailer.enqueue(tx, { institutionId: intake.institutionId, to: w.email, subject: translate(locale, 'participation.mail.reminder.subject', params), text: translate(locale, 'participation.mail.reminder.body', params) });
    });
  }
  log?.info({ intakeId: intake.id, reminded }, 'sign-up reminders sent');
};

/**
 * The poller's hook (about hourly): for every opt-in intake whose sign-up is open, invites
 * students not invited yet (imported later, or an intake set to opt-in before this feature) and
 * schedules the closing day's reminder. The jobs' dedupe keys make two instances schedule once.
 */
export async function scheduleSignUpMail(services: Services): Promise<void> {
  const now = services.now();
  const today = zonedParts(now).date;
  const all = await services.db.select({ id: intakes.id, settings: intakes.settings, month: intakes.month }).from(intakes).where(sql`${intakes.settings}->>'participation' = 'optIn'`);
  for (const row of all) {
    const settings = readIntakeSettings(row.settings, row.month).settings;
    if (!signUpOpen(settings.participation, await communitiesFormed(services.db, row.id), settings.signUp.closesOn, today)) continue;
    if ((await uninvited(services.db, row.id)).length > 0) {
      await scheduleJob(services.db, { kind: SIGN_UP_INVITATIONS_JOB, payload: { intakeId: row.id }, dueAt: now, dedupeKey: `${SIGN_UP_INVITATIONS_JOB}:${row.id}` });
    }
    const closesOn = settings.signUp.closesOn;
    // Within a day before the reminder is due (the save schedules one whose time has passed).
    const due = closesOn === null ? null : reminderAt(closesOn).getTime();
    if (closesOn !== null && due !== null && due > now.getTime() && due <= now.getTime() + 86_400_000) await scheduleReminder(services.db, row.id, closesOn, now);
  }
}
