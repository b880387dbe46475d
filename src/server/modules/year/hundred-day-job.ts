/**
 * The 100-day moment's durable job: at the end of the first phase marked `reflectionAtEnd`, each
 * coachee of the intake (a current community member) gets the question — a row with a one-tap
 * token, and a mail in their language. Idempotent: a person is asked once per intake (unique
 * (intake, person)); a rerun after a crash mails only those not yet asked, each ask and its mail
 * in one transaction.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { hundredDayMomentOf } from '../../../domain/year/hundred-day';
import { isLocale, translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { communities, communityMembers, hundredDayAsks, intakes, people, programmes } from '../../db/schema';
import { digest, newToken } from '../identity/public';
import { scheduleJob, type JobHandler } from '../jobs/public';
import { secretLink } from '../mail/public';

/** A day in a mail, Dutch time: "vrijdag 18 december". */
export function dayText(locale: Locale, at: Date): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long' }).format(at);
}

export const HUNDRED_DAY_JOB = 'year.hundredDayMoment';

/**
 * The poller hook (about hourly): schedules the moment of every intake whose question is due
 * within a day and whose deadline has not passed, unless it was asked already. The job's dedupe
 * key makes two instances schedule it once.
 */
export async function scheduleHundredDayMoments(services: Services): Promise<void> {
  const now = services.now();
  const all = await services.db.select({ id: intakes.id, settings: intakes.settings, academicYear: intakes.academicYear, month: intakes.month }).from(intakes);
  for (const intake of all) {
    const moment = hundredDayMomentOf(intake);
    if (!moment || moment.deadline.getTime() < now.getTime() || moment.askAt.getTime() > now.getTime() + 86_400_000) continue;
    const [asked] = await services.db.select({ id: hundredDayAsks.id }).from(hundredDayAsks).where(eq(hundredDayAsks.intakeId, intake.id)).limit(1);
    if (asked) continue;
    await scheduleJob(services.db, { kind: HUNDRED_DAY_JOB, payload: { intakeId: intake.id }, dueAt: moment.askAt, dedupeKey: `${HUNDRED_DAY_JOB}:${intake.id}:${moment.askAt.toISOString()}` });
  }
}

/** Asks every current member of the intake's communities who was not asked yet. */
export const runHundredDayJob: JobHandler = async ({ services, job, log }) => {
  const payload = job.payload as { intakeId?: unknown };
  if (typeof payload.intakeId !== 'string') return;
  const [intake] = await services.db
    .select({ id: intakes.id, settings: intakes.settings, academicYear: intakes.academicYear, month: intakes.month, institutionId: programmes.institutionId, nameNl: programmes.nameNl, nameEn: programmes.nameEn })
    .from(intakes)
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(eq(intakes.id, payload.intakeId));
  if (!intake) return;
  const moment = hundredDayMomentOf(intake);
  const now = services.now();
  if (!moment || moment.deadline.getTime() < now.getTime()) return;
  const members = await services.db
    .select({ personId: communityMembers.personId, communityId: communityMembers.communityId, email: people.email, locale: people.locale })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .innerJoin(people, eq(people.id, communityMembers.personId))
    .where(and(eq(communities.intakeId, intake.id), isNull(communityMembers.leftOn)));
  let asked = 0;
  for (const m of members) {
    await services.db.transaction(async (tx) => {
      const token = newToken();
      const inserted = await tx
        .insert(hundredDayAsks)
        .values({ intakeId: intake.id, personId: m.personId, communityId: m.communityId, tokenHash: digest(token), askedAt: now, deadline: moment.deadline })
        .onConflictDoNothing()
        .returning({ id: hundredDayAsks.id });
      if (inserted.length === 0) return;
      asked += 1;
      const locale: Locale = isLocale(m.locale) ? m.locale : 'nl';
      const params = {
        programme: locale === 'nl' ? intake.nameNl : intake.nameEn,
        deadline: dayText(locale, moment.deadline),
        link: secretLink(services.config.publicUrl, 'hundredDay', token),
      };
      await services.mailer.enqueue(tx, {
        institutionId: intake.institutionId,
        to: m.email,
        subject: translate(locale, 'year.mail.ask.subject', params),
        text: translate(locale, 'year.mail.ask.body', params),
      });
    });
  }
  log?.info({ intakeId: intake.id, asked }, '100-day question sent');
};
