import { AppError } from '../../errors/app-error';

/**
 * Refuses to open a session for a deactivated account (a clear 403, `account_deactivated`).
 * Every way of signing in calls this before it creates a session; the session read also ignores
 * a deactivated person's sessions, so one created anyway would not work.
 */
export function refuseDeactivated(person: { deactivatedAt: Date | null }): void {
  if (person.deactivatedAt) throw new AppError('account_deactivated');
}

/** The User-Agent as stored with a session: at most 512 characters, none when absent. */
export function cutUserAgent(userAgent: string | undefined): string | null {
  const trimmed = userAgent?.trim();
  return trimmed ? trimmed.slice(0, 512) : null;
}
