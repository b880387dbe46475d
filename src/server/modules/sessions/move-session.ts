import { and, eq, sql } from 'drizzle-orm';
import { zonedToInstant } from '../../../domain/sessions/zoned-time';
import type { MoveSessionRequest } from '../../../contracts/sessions';
import type { Services } from '../../context';
import { sessions } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { LoadedSession } from './repository';
import { cancelSessionReminders, scheduleSessionReminders } from './schedule-reminders';
import { mailPeople } from './session-mail';
import { hasMeetingLink, type SessionMode } from '../../../domain/sessions/session-mode';

/** Moves a session (date, time, place) and tells everyone invited; stale edits are refused. */
export async function moveSession({ services, session, request }: { services: Services; session: LoadedSession; request: MoveSessionRequest }) {
  if (session.row.status === 'cancelled') throw new AppError('session_cancelled');
  const startsAt = zonedToInstant(request.date, request.startTime);
  const endsAt = new Date(startsAt.getTime() + request.durationMinutes * 60_000);
  const mode = request.mode ?? (session.row.mode as SessionMode);
  const meetingLink = hasMeetingLink(mode) ? (request.meetingLink ?? session.row.meetingLink) : '';
  await services.db.transaction(async (tx) => {
    const [row] = await tx
      .update(sessions)
      .set({ startsAt, endsAt, location: mode === 'online' ? '' : request.location, mode, meetingLink, version: sql`${sessions.version} + 1`, updatedAt: services.now() })
      .where(and(eq(sessions.id, session.row.id), eq(sessions.version, request.version)))
      .returning();
    if (!row) throw new AppError('conflict');
    await scheduleSessionReminders(tx, row, services.now());
    await mailPeople({ services, db: tx, institutionId: row.institutionId, personIds: session.resource.participantIds, key: 'moved', row, communityName: session.communityName, previousStartsAt: session.row.startsAt });
  });
}

/** Cancels a session and tells everyone invited. */
export async function cancelSession({ services, session, version }: { services: Services; session: LoadedSession; version: number }) {
  if (session.row.status === 'cancelled') return;
  await services.db.transaction(async (tx) => {
    const [row] = await tx
      .update(sessions)
      .set({ status: 'cancelled', version: sql`${sessions.version} + 1`, updatedAt: services.now() })
      .where(and(eq(sessions.id, session.row.id), eq(sessions.version, version)))
      .returning();
    if (!row) throw new AppError('conflict');
    await cancelSessionReminders(tx, row.id);
    await mailPeople({ services, db: tx, institutionId: row.institutionId, personIds: session.resource.participantIds, key: 'cancelled', row, communityName: session.communityName });
  });
}
