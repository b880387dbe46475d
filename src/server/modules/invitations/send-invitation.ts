import { canSend, linkExpiresAt, reminderDueAt } from '../../../domain/invitations/invitation-status';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { digest, newToken } from '../identity/public';
import { cancelJob, scheduleJob } from '../jobs/public';
import { secretLink } from '../mail/public';
import { invitationsRepository, type InvitationRow } from './repository';

export const INVITATION_REMINDER_JOB = 'invitations.reminder';
export const reminderKey = (invitationId: string) => `invitation-reminder:${invitationId}`;

export type SendInvitationOptions = {
  services: Services;
  /** The transaction the invitation is part of (a selection, an import, a coordinator's click). */
  tx: Db;
  personId: string;
  /** The intake it is sent for (students); kept from an earlier send when not given. */
  intakeId?: string | null;
  invitedById?: string | null;
};

export type SendOutcome = 'invited' | 'resent';

const dateIn = (locale: Locale, date: Date) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long' }).format(date);

/**
 * Sends (or sends again) a person's invitation: a new single-use activation link valid 7 days
 * (only its digest is stored), earlier links revoked, the mail in the person's language, and
 * one reminder scheduled 3 days on — all in the caller's transaction, so a rolled-back change
 * sends nothing. The invitation row is locked first: of two concurrent sends one goes out and
 * the other answers 409 (`invitation_just_sent`); an activated account is never invited again.
 */
export async function sendInvitation({ services, tx, personId, intakeId, invitedById }: SendInvitationOptions): Promise<SendOutcome> {
  const repo = invitationsRepository(tx);
  const person = await repo.invitee(personId);
  if (!person) throw new AppError('not_found');
  const invitation = await repo.lockInvitation(personId, person.institutionId);
  const now = services.now();
  const check = canSend(invitation.sendCount > 0 || invitation.status === 'activated' ? invitation : null, now);
  if (check === 'activated') throw new AppError('invitation_already_activated');
  if (check === 'justSent') throw new AppError('invitation_just_sent');

  await repo.revokeTokens(invitation.id, now);
  const expiresAt = linkExpiresAt(now);
  const mailId = await mailLink({ services, tx, invitation, person, expiresAt, kind: 'invite' });
  await repo.update(invitation.id, {
    status: 'invited',
    sentAt: now,
    remindedAt: null,
    scheduledFor: null,
    sendCount: invitation.sendCount + 1,
    lastMailId: mailId,
    ...(intakeId !== undefined && intakeId !== null ? { intakeId } : {}),
    ...(invitedById ? { invitedById } : {}),
  });
  await cancelJob(tx, reminderKey(invitation.id));
  await scheduleJob(tx, { kind: INVITATION_REMINDER_JOB, payload: { invitationId: invitation.id }, dueAt: reminderDueAt(now), dedupeKey: reminderKey(invitation.id) });
  return invitation.sendCount > 0 ? 'resent' : 'invited';
}

type Invitee = NonNullable<Awaited<ReturnType<ReturnType<typeof invitationsRepository>['invitee']>>>;

/** A new activation link, stored as a digest, and the mail that carries it; answers the mail's id. */
export async function mailLink({
  services,
  tx,
  invitation,
  person,
  expiresAt,
  kind,
}: {
  services: Services;
  tx: Db;
  invitation: InvitationRow;
  person: Invitee;
  expiresAt: Date;
  kind: 'invite' | 'reminder';
}): Promise<string> {
  const token = newToken();
  await invitationsRepository(tx).addToken({ tokenHash: digest(token), invitationId: invitation.id, expiresAt });
  const locale: Locale = person.locale === 'en' ? 'en' : 'nl';
  const params = { name: person.firstName, institution: person.institutionName, link: secretLink(services.config.publicUrl, 'invitation', token), until: dateIn(locale, expiresAt) };
  return services.mailer.enqueue(tx, {
    institutionId: person.institutionId,
    to: person.email,
    subject: translate(locale, `invitations.mail.${kind}.subject`),
    text: translate(locale, `invitations.mail.${kind}.body`, params),
  });
}
