import { inviteeStatus, scheduledSendAt } from '../../../domain/invitations/invitation-status';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { scheduleJob, type JobHandler } from '../jobs/public';
import { invitationsRepository } from './repository';
import { sendInvitation, type SendOutcome } from './send-invitation';

export const SCHEDULED_INVITATIONS_JOB = 'invitations.send-scheduled';
const scheduledKey = (intakeId: string) => `invitations-scheduled:${intakeId}`;
/** Invitations sent per transaction: a failure loses at most one batch, and locks stay short. */
const BATCH = 100;

export type InviteIntakeOptions = {
  services: Services;
  intakeId: string;
  actorId: string;
  when: 'now' | 'startDate';
  /** Only these students (invite or send again); all not yet invited when absent. */
  personIds?: readonly string[] | undefined;
};

export type InviteResult = { personId: string; outcome: SendOutcome | 'scheduled' | 'failed'; error?: string };

/**
 * The coordinator invites an intake's students: now, or on the intake's start date (a durable
 * job at 09:00 that day). Without a list: everyone not yet invited (scheduled ones included when
 * sending now); with a list: those students, each invited or sent again. Answers per student.
 */
export async function inviteIntake({ services, intakeId, actorId, when, personIds }: InviteIntakeOptions): Promise<InviteResult[]> {
  const repo = invitationsRepository(services.db);
  const intake = await repo.intake(intakeId);
  if (!intake) throw new AppError('not_found');
  const students = await repo.studentsOfIntake(intakeId);
  const inIntake = new Set(students.map((s) => s.personId));
  const results: InviteResult[] = [];
  let targets: string[];
  if (personIds) {
    targets = [...new Set(personIds)].filter((id) => {
      if (inIntake.has(id)) return true;
      results.push({ personId: id, outcome: 'failed', error: 'not_found' });
      return false;
    });
  } else {
    const open = (status: string) => status === 'notInvited' || (when === 'now' && status === 'scheduled');
    targets = students.filter((s) => open(inviteeStatus(s.invitation, false))).map((s) => s.personId);
    if (targets.length === 0) throw new AppError('invitation_nothing_to_send');
  }

  if (when === 'startDate') {
    const sendAt = scheduledSendAt(intake.academicYear, intake.month);
    if (sendAt.getTime() <= services.now().getTime()) throw new AppError('invitation_start_passed');
    await services.db.transaction(async (tx) => {
      const txRepo = invitationsRepository(tx);
      for (const personId of targets) {
        const invitation = await txRepo.lockInvitation(personId, intake.institutionId);
        if (invitation.status !== 'scheduled' || invitation.sendCount > 0) {
          results.push({ personId, outcome: 'failed', error: invitation.status === 'activated' ? 'invitation_already_activated' : 'conflict' });
          continue;
        }
        await txRepo.update(invitation.id, { scheduledFor: sendAt, intakeId, invitedById: actorId });
        results.push({ personId, outcome: 'scheduled' });
      }
      await scheduleJob(tx, { kind: SCHEDULED_INVITATIONS_JOB, payload: { intakeId }, dueAt: sendAt, dedupeKey: scheduledKey(intakeId) });
    });
    return results;
  }

  for (let i = 0; i < targets.length; i += BATCH) {
    const batch = targets.slice(i, i + BATCH);
    await services.db.transaction(async (tx) => {
      for (const personId of batch) {
        // A savepoint per student: one refusal (activated, just sent) does not undo the others.
        try {
          const outcome = await tx.transaction((sp) => sendInvitation({ services, tx: sp, personId, intakeId, invitedById: actorId }));
          results.push({ personId, outcome });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          results.push({ personId, outcome: 'failed', error: error.code });
        }
      }
    });
  }
  return results;
}

/** The job of an intake's scheduled invitations: sends every one whose time has come. */
export const sendScheduledInvitations: JobHandler = async ({ services, job, log }) => {
  const intakeId = String((job.payload as Record<string, unknown>).intakeId);
  const due = await invitationsRepository(services.db).dueScheduled(intakeId, services.now());
  let sent = 0;
  for (let i = 0; i < due.length; i += BATCH) {
    await services.db.transaction(async (tx) => {
      for (const { personId } of due.slice(i, i + BATCH)) {
        // The row lock in sendInvitation and the status check keep a concurrent "now" from sending twice.
        const invitation = await invitationsRepository(tx).lockExisting(personId);
        if (invitation?.status !== 'scheduled') continue;
        await sendInvitation({ services, tx, personId, intakeId });
        sent++;
      }
    });
  }
  log?.info({ intakeId, sent }, 'scheduled invitations sent');
};
