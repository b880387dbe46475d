/** Durable reminders (jobs table): the day before a session, and a logbook two days after it. */
import { LOGBOOK_REMINDER_DAYS, needsLogbook, type SessionType } from '../../../domain/sessions/session-types';
import type { Db } from '../../db/client';
import { cancelJob, scheduleJob } from '../jobs/public';
import type { SessionRow } from './repository';

export const SESSION_REMINDER = 'session-reminder';
export const LOGBOOK_REMINDER = 'logbook-reminder';

const DAY = 86_400_000;

/** (Re)schedules both reminders of a session; a moved session's old reminders are cancelled first. */
export async function scheduleSessionReminders(db: Db, row: Pick<SessionRow, 'id' | 'type' | 'startsAt' | 'endsAt' | 'status'>, now: Date): Promise<void> {
  await cancelSessionReminders(db, row.id);
  if (row.status !== 'planned') return;
  const reminderAt = new Date(row.startsAt.getTime() - DAY);
  if (row.startsAt.getTime() > now.getTime()) {
    await scheduleJob(db, { kind: SESSION_REMINDER, payload: { sessionId: row.id, startsAt: row.startsAt.toISOString() }, dueAt: reminderAt < now ? now : reminderAt, dedupeKey: `${SESSION_REMINDER}:${row.id}` });
  }
  if (needsLogbook(row.type as SessionType)) {
    const due = new Date(row.endsAt.getTime() + LOGBOOK_REMINDER_DAYS * DAY);
    if (due.getTime() > now.getTime()) {
      await scheduleJob(db, { kind: LOGBOOK_REMINDER, payload: { sessionId: row.id }, dueAt: due, dedupeKey: `${LOGBOOK_REMINDER}:${row.id}` });
    }
  }
}

export async function cancelSessionReminders(db: Db, sessionId: string): Promise<void> {
  await cancelJob(db, `${SESSION_REMINDER}:${sessionId}`);
  await cancelJob(db, `${LOGBOOK_REMINDER}:${sessionId}`);
}
