/**
 * Invitations, the pure part: how long links and reminders take, when an intake's invitations go
 * out, and the status a coordinator sees per person.
 */
import { zonedToInstant } from '../sessions/zoned-time';

/** An activation link works this long after it was sent. */
export const INVITATION_VALID_DAYS = 7;
/** Not activated this long after the invitation: one reminder. */
export const REMINDER_AFTER_DAYS = 3;
/** A second send within this time is taken for a double click (409), not a resend. */
export const RESEND_GUARD_MS = 60_000;
/** Scheduled invitations go out at this local time on the intake's start date. */
export const SCHEDULED_SEND_TIME = '09:00';

const DAY_MS = 86_400_000;

export type Month = 'september' | 'february';

/** The first day of an intake: 1 September or 1 February of its academic year ("2026-2027"). */
export function intakeStartDate(academicYear: string, month: Month): string {
  return month === 'september' ? `${academicYear.slice(0, 4)}-09-01` : `${academicYear.slice(5, 9)}-02-01`;
}

/** The moment scheduled invitations of an intake go out: 09:00 on its start date, Dutch time. */
export const scheduledSendAt = (academicYear: string, month: Month): Date => zonedToInstant(intakeStartDate(academicYear, month), SCHEDULED_SEND_TIME);

export const linkExpiresAt = (sentAt: Date): Date => new Date(sentAt.getTime() + INVITATION_VALID_DAYS * DAY_MS);
export const reminderDueAt = (sentAt: Date): Date => new Date(sentAt.getTime() + REMINDER_AFTER_DAYS * DAY_MS);

export const INVITEE_STATUSES = ['notInvited', 'scheduled', 'invited', 'reminded', 'activated', 'bounced'] as const;
export type InviteeStatus = (typeof INVITEE_STATUSES)[number];

export type StoredInvitation = { status: 'scheduled' | 'invited' | 'reminded' | 'activated' };

/**
 * What the coordinator sees: activated wins; otherwise a bounce of the last mail (the address
 * does not work, so waiting is pointless); otherwise the stored status.
 */
export function inviteeStatus(invitation: StoredInvitation | null, lastMailBounced: boolean): InviteeStatus {
  if (!invitation) return 'notInvited';
  if (invitation.status === 'activated') return 'activated';
  if (lastMailBounced) return 'bounced';
  return invitation.status;
}

/** Can this person be sent an invitation now (a first send or a resend)? */
export function canSend(invitation: { status: StoredInvitation['status']; sentAt: Date | null } | null, now: Date): 'ok' | 'activated' | 'justSent' {
  if (!invitation) return 'ok';
  if (invitation.status === 'activated') return 'activated';
  if (invitation.sentAt && now.getTime() - invitation.sentAt.getTime() < RESEND_GUARD_MS) return 'justSent';
  return 'ok';
}

export type CountsOf = Record<InviteeStatus, number> & { total: number };

export function countStatuses(statuses: readonly InviteeStatus[]): CountsOf {
  const counts = Object.fromEntries(INVITEE_STATUSES.map((s) => [s, 0])) as Record<InviteeStatus, number>;
  for (const s of statuses) counts[s]++;
  return { ...counts, total: statuses.length };
}
