import { linkExpiresAt, REMINDER_AFTER_DAYS } from '../../../domain/invitations/invitation-status';
import type { JobHandler } from '../jobs/public';
import { invitationsRepository } from './repository';
import { mailLink } from './send-invitation';

/**
 * The reminder job (3 days after an invitation was sent): one more mail with a new link that
 * works until the invitation's own link ends. The jobs module runs it on one instance; the
 * conditional move to `reminded` in the same transaction as the mail makes it exactly once
 * even when the job runs again (a takeover after a crash): a second run finds nothing to move.
 * Activated (by its link, or by signing in another way since), resent (a newer send has its own
 * reminder) or bounced: nothing is sent.
 */
export const sendInvitationReminder: JobHandler = async ({ services, job, log }) => {
  const invitationId = String(job.payload && (job.payload as Record<string, unknown>).invitationId);
  const now = services.now();
  const sent = await services.db.transaction(async (tx) => {
    const repo = invitationsRepository(tx);
    // Signed in another way since (a sign-in link, "forgot password", SURFconext): activated, no reminder.
    const otherwise = await repo.activatedOtherwise(invitationId);
    if (otherwise) {
      await repo.markActivated(invitationId, now);
      await repo.revokeTokens(invitationId, now);
      return false;
    }
    const reminded = await repo.markReminded(invitationId, new Date(now.getTime() - REMINDER_AFTER_DAYS * 86_400_000), now);
    if (!reminded || !reminded.sentAt) return false;
    const person = await repo.invitee(reminded.personId);
    if (!person) return false;
    const expiresAt = linkExpiresAt(reminded.sentAt);
    const mailId = await mailLink({ services, tx, invitation: reminded, person, expiresAt, kind: 'reminder' });
    await repo.update(reminded.id, { lastMailId: mailId });
    return true;
  });
  log?.info({ invitationId, sent }, 'invitation reminder');
};
