import type { z } from 'zod';
import type { IntakeInvitationsResponse, InviteeStatusSchema, PersonInvitationResponse } from '../../../contracts/invitations';
import { countStatuses, intakeStartDate, inviteeStatus, scheduledSendAt } from '../../../domain/invitations/invitation-status';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { bouncedMails } from '../mail/public';
import { invitationsRepository } from './repository';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** An intake's students with their invitation status (counts over all; the list filtered by status). */
export async function listIntakeInvitations({ services, intakeId, status }: { services: Services; intakeId: string; status?: z.infer<typeof InviteeStatusSchema> | undefined }): Promise<IntakeInvitationsResponse> {
  const repo = invitationsRepository(services.db);
  const intake = await repo.intake(intakeId);
  if (!intake) throw new AppError('not_found');
  const students = await repo.studentsOfIntake(intakeId);
  const bounced = await bouncedMails(services.db, students.flatMap((s) => (s.invitation?.lastMailId ? [s.invitation.lastMailId] : [])));
  const all = students.map((s) => ({
    personId: s.personId,
    firstName: s.firstName,
    lastName: s.lastName,
    email: s.email,
    classCode: s.classCode,
    status: inviteeStatus(s.invitation, s.invitation?.lastMailId ? bounced.has(s.invitation.lastMailId) : false),
    scheduledFor: iso(s.invitation?.scheduledFor),
    sentAt: iso(s.invitation?.sentAt),
    remindedAt: iso(s.invitation?.remindedAt),
    activatedAt: iso(s.invitation?.activatedAt),
  }));
  return {
    intakeId,
    startDate: intakeStartDate(intake.academicYear, intake.month),
    startPassed: scheduledSendAt(intake.academicYear, intake.month).getTime() <= services.now().getTime(),
    counts: countStatuses(all.map((p) => p.status)),
    people: status ? all.filter((p) => p.status === status) : all,
  };
}

/** One person's invitation status (not invited, scheduled, invited, reminded, activated, bounced). */
export async function getPersonInvitation({ services, personId }: { services: Services; personId: string }): Promise<PersonInvitationResponse> {
  const invitation = await invitationsRepository(services.db).findByPerson(personId);
  const bounced = invitation?.lastMailId ? (await bouncedMails(services.db, [invitation.lastMailId])).size > 0 : false;
  return {
    personId,
    status: inviteeStatus(invitation ?? null, bounced),
    sentAt: iso(invitation?.sentAt),
    remindedAt: iso(invitation?.remindedAt),
    activatedAt: iso(invitation?.activatedAt),
    sendCount: invitation?.sendCount ?? 0,
  };
}

/** Retention: activation links a day after they expired (run hourly by the job poller). */
export const purgeSpentInvitationLinks = async (services: Services): Promise<void> => {
  await invitationsRepository(services.db).deleteSpentTokens(services.now());
};
