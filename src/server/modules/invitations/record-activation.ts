import type { Services } from '../../context';
import { cancelJob } from '../jobs/public';
import { invitationsRepository } from './repository';
import { reminderKey } from './send-invitation';

/**
 * Marks a person's invitation activated when they got in another way than its link — the first
 * SURFconext sign-in of an invited person: no more reminders, its links revoked. Nothing happens
 * without an open invitation.
 */
export async function recordActivation(services: Services, personId: string): Promise<void> {
  await services.db.transaction(async (tx) => {
    const repo = invitationsRepository(tx);
    const invitation = await repo.lockExisting(personId);
    if (!invitation || invitation.status === 'activated') return;
    const now = services.now();
    await repo.markActivated(invitation.id, now);
    await repo.revokeTokens(invitation.id, now);
    await cancelJob(tx, reminderKey(invitation.id));
  });
}
