/**
 * The coordinator's weekly digest (#18 item 5). On Monday 07:00 (Europe/Amsterdam) each
 * coordinator gets one mail about the week before, per programme they coordinate: the new "three
 * missed in a row" signals per community (counts and community names — never a student), the
 * open signals and the referral follow-ups past their date, the response rates of the
 * questionnaires open now, and the sessions planned and held. Nothing to report: no mail. A
 * coordinator who turned it off in their mail settings gets none.
 *
 * Exactly once across instances: the poller's hourly hook schedules one durable job per Monday
 * (dedupe key per week), and the handler writes `coordinator_digest_mails` (primary key: person
 * and week) in the same transaction as the mail, so a second run — a retry, or another
 * instance — sends nothing new.
 */
import { z } from 'zod';
import { digestWeekOf, nextDigestWeek } from '../../../domain/insight/digest-week';
import { MIN_CELL } from '../../../domain/insight/suppression';
import { addDays, zonedToInstant } from '../../../domain/sessions/zoned-time';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { coordinatorDigestMails } from '../../db/schema';
import { scheduleJob, type JobHandler } from '../jobs/public';
import * as repo from './repository';

export const COORDINATOR_DIGEST_JOB = 'coordinator-weekly-digest';
const Payload = z.object({ week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

/** The poller's hourly hook: the next Monday's digest job, once (the dedupe key is the week). */
export async function scheduleCoordinatorDigests(services: Services): Promise<void> {
  const next = nextDigestWeek(services.now());
  await scheduleJob(services.db, { kind: COORDINATOR_DIGEST_JOB, payload: { week: next.week }, dueAt: next.dueAt, dedupeKey: `${COORDINATOR_DIGEST_JOB}:${next.week}` });
}

/** Is there anything to tell about this programme this week? */
export function hasNews(f: repo.DigestFigures): boolean {
  return f.newSignals.length > 0 || f.openSignals > 0 || f.followUpsDue > 0 || f.openMoments.length > 0 || f.sessions.planned > 0 || f.sessions.held > 0;
}

const formatDay = (locale: Locale, day: string) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long' }).format(zonedToInstant(day, '12:00'));

/** The part of the mail about one programme. */
function programmeSection(locale: Locale, programme: string, f: repo.DigestFigures): string[] {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `digest.mail.${key}`, params);
  const lines = [t('programme', { programme })];
  if (f.newSignals.length === 0) lines.push(t('noNewSignals'));
  else {
    lines.push(t('newSignals'));
    for (const s of f.newSignals) lines.push(t('newSignal', { community: s.communityName, count: s.signals }));
  }
  lines.push(t('openSignals', { count: f.openSignals }));
  lines.push(t('followUps', { count: f.followUpsDue }));
  if (f.openMoments.length > 0) {
    lines.push(t('moments'));
    for (const m of f.openMoments) {
      const params = { moment: m.moment, intake: t(`intake.${m.month}`, { year: m.academicYear }), closes: formatDay(locale, m.closesOn), invited: m.invited, answered: m.answered };
      // The dashboard's rule: a figure about 1–4 people is never shown.
      if (m.invited < MIN_CELL) lines.push(t('momentFewInvited', params));
      else if (m.answered > 0 && m.answered < MIN_CELL) lines.push(t('momentFewAnswered', params));
      else lines.push(t('moment', { ...params, rate: Math.round((m.answered / m.invited) * 100) }));
    }
  }
  lines.push(t('sessions', f.sessions));
  return lines;
}

/** The digest's text for one coordinator, or null when none of their programmes has news. */
export function digestText(options: {
  locale: Locale;
  firstName: string;
  week: string;
  publicUrl: string;
  programmes: { id: string; name: string; figures: repo.DigestFigures }[];
}): string | null {
  const { locale, publicUrl } = options;
  const withNews = options.programmes.filter((p) => hasNews(p.figures));
  if (withNews.length === 0) return null;
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `digest.mail.${key}`, params);
  const parts = [t('greeting', { name: options.firstName }), t('intro', { from: formatDay(locale, addDays(options.week, -7)), to: formatDay(locale, addDays(options.week, -1)) })];
  for (const p of withNews) {
    parts.push([...programmeSection(locale, p.name, p.figures), t('details', { link: `${publicUrl}/insight?programme=${p.id}` })].join('\n'));
  }
  parts.push(t('signalsLink', { link: `${publicUrl}/support/signals` }));
  parts.push(t('footer', { link: `${publicUrl}/me/mail-settings` }));
  parts.push('peerkracht');
  return parts.join('\n\n');
}

/** Figures per programme, counted once per run however many coordinators share the programme. */
function figuresCache(db: Db, week: ReturnType<typeof digestWeekOf>) {
  const cache = new Map<string, Promise<repo.DigestFigures>>();
  return (programmeId: string) => {
    let figures = cache.get(programmeId);
    if (!figures) {
      figures = repo.digestFigures(db, programmeId, { from: week.from, to: week.to, today: week.week });
      cache.set(programmeId, figures);
    }
    return figures;
  };
}

/** The job: each coordinator who has not had this week's digest gets it now (when there is news). */
export const sendCoordinatorDigests: JobHandler = async ({ services, job }) => {
  const week = digestWeekOf(Payload.parse(job.payload).week);
  const figuresOf = figuresCache(services.db, week);
  const byPerson = new Map<string, repo.DigestRecipientRow[]>();
  for (const row of await repo.digestRecipients(services.db, week.week)) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row]);
  for (const [personId, rows] of byPerson) {
    const first = rows[0]!;
    const locale: Locale = first.locale === 'en' ? 'en' : 'nl';
    const programmes = await Promise.all(rows.map(async (r) => ({ id: r.programmeId, name: locale === 'en' ? r.nameEn : r.nameNl, figures: await figuresOf(r.programmeId) })));
    const text = digestText({ locale, firstName: first.firstName, week: week.week, publicUrl: services.config.publicUrl, programmes });
    if (text === null) continue;
    await services.db.transaction(async (tx) => {
      const [claimed] = await tx.insert(coordinatorDigestMails).values({ personId, week: week.week, sentAt: services.now() }).onConflictDoNothing().returning({ personId: coordinatorDigestMails.personId });
      if (!claimed) return;
      await services.mailer.enqueue(tx, { institutionId: first.institutionId, to: first.email, subject: translate(locale, 'digest.mail.subject'), text });
    });
  }
};
