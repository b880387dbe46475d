import { eq } from 'drizzle-orm';
import { scheduledSendAt } from '../../../domain/invitations/invitation-status';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { invitations, mailOutbox } from '../../db/schema';
import { scheduleJob } from '../jobs/public';
import { SCHEDULED_INVITATIONS_JOB } from './invite-intake';
import { invitationsRepository } from './repository';
import { sendInvitation } from './send-invitation';

const HOUR = 3_600_000;

export type InvitationsDemo = {
  /** An intake that has started: most activated, some reminded, a few waiting, one bounced. */
  started: { intakeId: string; academicYear: string; month: 'september' | 'february'; studentIds: readonly string[]; coordinatorId: string };
  /** An intake still to start: these students' invitations are scheduled for its start date. */
  upcoming: { intakeId: string; academicYear: string; month: 'september' | 'february'; studentIds: readonly string[] };
};

/**
 * Demo data: the invitations page of a started intake shows a realistic mix (activated in the
 * first days, reminded, invited again last week, one address that bounced), and an upcoming
 * intake's invitations wait for its start date.
 */
export async function loadInvitationsDemo(tx: Db, services: Services, { started, upcoming }: InvitationsDemo): Promise<void> {
  const repo = invitationsRepository(tx);
  const now = services.now();
  const sentAt = scheduledSendAt(started.academicYear, started.month);
  const [bounced, ...rest] = [...started.studentIds].reverse();
  const waiting = rest.slice(0, 2);
  const reminded = rest.slice(2, 5);
  const waitingOrReminded = new Set([bounced, ...waiting, ...reminded]);
  for (const [i, personId] of started.studentIds.entries()) {
    if (waitingOrReminded.has(personId)) continue;
    const row = await repo.lockInvitation(personId, (await repo.invitee(personId))!.institutionId);
    await repo.update(row.id, { status: 'activated', intakeId: started.intakeId, invitedById: started.coordinatorId, sentAt, sendCount: 1, activatedAt: new Date(sentAt.getTime() + (1 + (i % 60)) * HOUR) });
  }
  for (const personId of reminded) {
    const row = await repo.lockInvitation(personId, (await repo.invitee(personId))!.institutionId);
    await repo.update(row.id, { status: 'reminded', intakeId: started.intakeId, invitedById: started.coordinatorId, sentAt: new Date(now.getTime() - 5 * 24 * HOUR), remindedAt: new Date(now.getTime() - 2 * 24 * HOUR), sendCount: 2 });
  }
  // Sent for real (the mail is in the outbox, the reminder is scheduled).
  for (const personId of [...waiting, bounced]) {
    if (personId) await sendInvitation({ services, tx, personId, intakeId: started.intakeId, invitedById: started.coordinatorId });
  }
  if (bounced) {
    const [row] = await tx.select({ mailId: invitations.lastMailId }).from(invitations).where(eq(invitations.personId, bounced));
    if (row?.mailId) await tx.update(mailOutbox).set({ bouncedAt: now, attempts: 5, lastError: '550 5.1.1 <recipient>: Recipient address rejected: User unknown' }).where(eq(mailOutbox.id, row.mailId));
  }
  const upcomingAt = scheduledSendAt(upcoming.academicYear, upcoming.month);
  if (upcomingAt.getTime() <= now.getTime()) return;
  for (const personId of upcoming.studentIds) {
    const row = await repo.lockInvitation(personId, (await repo.invitee(personId))!.institutionId);
    await repo.update(row.id, { status: 'scheduled', scheduledFor: upcomingAt, intakeId: upcoming.intakeId, invitedById: started.coordinatorId });
  }
  await scheduleJob(tx, { kind: SCHEDULED_INVITATIONS_JOB, payload: { intakeId: upcoming.intakeId }, dueAt: upcomingAt, dedupeKey: `invitations-scheduled:${upcoming.intakeId}` });
}
