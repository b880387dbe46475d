/** Job handlers for the durable reminders (registered with the jobs poller). */
import { and, eq } from 'drizzle-orm';
import type { Services } from '../../context';
import { logbookEntries, sessionRsvps, sessions } from '../../db/schema';
import type { JobHandlers } from '../jobs/public';
import { loadSession } from './repository';
import { createRsvpLink } from './rsvp-links';
import { LOGBOOK_REMINDER, SESSION_REMINDER } from './schedule-reminders';
import { mailPeople } from './session-mail';

async function load(services: Services, sessionId: unknown) {
  if (typeof sessionId !== 'string') return null;
  const [s] = await services.db.select({ institutionId: sessions.institutionId }).from(sessions).where(eq(sessions.id, sessionId));
  return s ? loadSession(services.db, s.institutionId, sessionId) : null;
}

export const sessionJobHandlers: JobHandlers = {
  /** The day before: everyone invited who did not send notice, with a one-tap RSVP link. */
  [SESSION_REMINDER]: async ({ services, job }) => {
    const payload = job.payload as Record<string, unknown>;
    const session = await load(services, payload.sessionId);
    if (!session || session.row.status !== 'planned' || session.row.startsAt.getTime() < services.now().getTime()) return;
    const notComing = await services.db
      .select({ personId: sessionRsvps.personId })
      .from(sessionRsvps)
      .where(and(eq(sessionRsvps.sessionId, session.row.id), eq(sessionRsvps.response, 'notComing')));
    const to = session.resource.participantIds.filter((id) => !notComing.some((n) => n.personId === id));
    await services.db.transaction(async (tx) => {
      await mailPeople({
        services,
        db: tx,
        institutionId: session.row.institutionId,
        personIds: to,
        key: 'reminder',
        row: session.row,
        communityName: session.communityName,
        extra: async (personId) => ({ link: await createRsvpLink(tx, services, session.row.id, personId, session.row.endsAt) }),
      });
    });
  },
  /** Two days after a group session without a logbook entry: a nudge to the coach. */
  [LOGBOOK_REMINDER]: async ({ services, job }) => {
    const payload = job.payload as Record<string, unknown>;
    const session = await load(services, payload.sessionId);
    if (!session || session.row.status !== 'planned' || !session.resource.organiserId) return;
    const [entry] = await services.db
      .select({ id: logbookEntries.id })
      .from(logbookEntries)
      .where(and(eq(logbookEntries.sessionId, session.row.id), eq(logbookEntries.authorId, session.resource.organiserId)));
    if (entry) return;
    await mailPeople({ services, db: services.db, institutionId: session.row.institutionId, personIds: [session.resource.organiserId], key: 'logbookReminder', row: session.row, communityName: session.communityName, extra: () => Promise.resolve({ link: `${services.config.publicUrl.replace(/\/$/, '')}/sessions/${session.row.id}` }) });
  },
};
