/**
 * "Where is my money?" should never need asking: the day after a promised pay date passes with an
 * item still unpaid, the programme's coordinators and the institution's finance staff get one
 * reminder mail. A durable job per institution and promised date (due the next morning) does it;
 * the `payout_reminders` rows make it exactly once per item, whatever retries or instances do.
 * The mail names no coach and no amount — only how many payments are late, and a link.
 */
import { z } from 'zod';
import { translate } from '../../../i18n/translate';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { scheduleJob, type JobHandler } from '../jobs/public';
import { isoDay } from './claim-view';
import { financeRepository } from './repository';
import { approvedStatements } from './statements';

export const OVERDUE_REMINDER_JOB = 'finance-overdue-reminder';
/** The reminder goes at 07:00 UTC on the day after the promised date. */
const REMIND_AT_HOUR_UTC = 7;

const Payload = z.object({ institutionId: z.string().uuid(), promisedPayDate: z.iso.date() });

export function reminderDueAt(promisedPayDate: string): Date {
  const d = new Date(`${promisedPayDate}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1, REMIND_AT_HOUR_UTC));
}

/** Schedules the reminder for items promised on this date (one job per institution and date). */
export async function scheduleOverdueReminder(db: Db, institutionId: string, promisedPayDate: string) {
  await scheduleJob(db, {
    kind: OVERDUE_REMINDER_JOB,
    payload: { institutionId, promisedPayDate },
    dueAt: reminderDueAt(promisedPayDate),
    dedupeKey: `${OVERDUE_REMINDER_JOB}:${institutionId}:${promisedPayDate}`,
  });
}

/**
 * A retention hook of the job poller (job-handlers.ts): makes sure every coming promised date of
 * an unpaid item has its reminder job — also for statements, which another context approves.
 */
export async function scheduleOverdueReminders(services: Services): Promise<void> {
  const today = isoDay(services.now());
  const dates = new Set<string>();
  for (const row of await financeRepository(services.db).unpaidPromisedDates()) if (row.promisedPayDate && row.promisedPayDate >= today) dates.add(`${row.institutionId}|${row.promisedPayDate}`);
  for (const key of dates) {
    const [institutionId, date] = key.split('|') as [string, string];
    await scheduleOverdueReminder(services.db, institutionId, date);
  }
}

export const sendOverdueReminders: JobHandler = async ({ services, job }) => {
  const { institutionId } = Payload.parse(job.payload);
  const today = isoDay(services.now());
  await services.db.transaction(async (tx) => {
    const repo = financeRepository(tx);
    const claims = await repo.overdueClaimsWithoutReminder(institutionId, today);
    const statements = (await approvedStatements(tx, { institutionId })).filter((s) => s.paidOn === null && s.promisedPayDate < today);
    const programmeOf = new Map<string, string>([...claims.map((c) => [`expense:${c.id}`, c.programmeId] as const), ...statements.map((s) => [`allowance:${s.statementId}`, s.programmeId] as const)]);
    const recorded = await repo.recordReminders(
      institutionId,
      [...claims.map((c) => ({ itemKind: 'expense' as const, itemId: c.id })), ...statements.map((s) => ({ itemKind: 'allowance' as const, itemId: s.statementId }))],
      services.now(),
    );
    if (recorded.length === 0) return;
    const perProgramme = new Map<string, number>();
    for (const r of recorded) {
      const programmeId = programmeOf.get(`${r.itemKind}:${r.itemId}`);
      if (programmeId) perProgramme.set(programmeId, (perProgramme.get(programmeId) ?? 0) + 1);
    }
    const base = services.config.publicUrl;
    const mails: { to: { email: string; firstName: string; locale: string }; count: number; link: string }[] = [];
    for (const person of await repo.contactsWithRole(institutionId, 'finance')) mails.push({ to: person, count: recorded.length, link: `${base}/finance` });
    for (const [programmeId, count] of perProgramme) {
      for (const person of await repo.contactsWithRole(institutionId, 'coordinator', [programmeId])) mails.push({ to: person, count, link: `${base}/programmes/${programmeId}/payments` });
    }
    for (const mail of mails) {
      const locale = mail.to.locale === 'en' ? 'en' : 'nl';
      await services.mailer.enqueue(tx, {
        institutionId,
        to: mail.to.email,
        subject: translate(locale, 'finance.mail.overdue.subject', { count: mail.count }),
        text: translate(locale, 'finance.mail.overdue.body', { name: mail.to.firstName, count: mail.count, link: mail.link }),
      });
    }
  });
};
