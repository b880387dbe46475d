/** Request and response schemas of invitations and account activation. Shared by server, web and tests. */
import { z } from 'zod';
import { INVITEE_STATUSES } from '../domain/invitations/invitation-status';
import { LocaleSchema, NewPassword } from './identity';

const Id = z.string().uuid();
const Token = z.string().min(20).max(200);
export const InviteeStatusSchema = z.enum(INVITEE_STATUSES);

export const InvitationListQuery = z.strictObject({ status: InviteeStatusSchema.optional() });

export const InvitationCounts = z.object({
  notInvited: z.number().int(),
  scheduled: z.number().int(),
  invited: z.number().int(),
  reminded: z.number().int(),
  activated: z.number().int(),
  bounced: z.number().int(),
  total: z.number().int(),
});

export const InviteeResponse = z.object({
  personId: Id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  classCode: z.string().nullable(),
  status: InviteeStatusSchema,
  scheduledFor: z.string().nullable(),
  sentAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  activatedAt: z.string().nullable(),
});

/** An intake's students with their invitation status; the counts are over all, the list filtered. */
export const IntakeInvitationsResponse = z.object({
  intakeId: Id,
  /** yyyy-mm-dd: scheduled invitations go out at 09:00 that day. */
  startDate: z.string(),
  startPassed: z.boolean(),
  counts: InvitationCounts,
  people: z.array(InviteeResponse),
});

export const InviteIntakeRequest = z.strictObject({
  when: z.enum(['now', 'startDate']),
  /** These students only (invite, or send again); all not yet invited when absent. */
  personIds: z.array(Id).min(1).max(5000).optional(),
});

export const InviteIntakeResponse = z.object({
  results: z.array(
    z.object({
      personId: Id,
      outcome: z.enum(['invited', 'resent', 'scheduled', 'failed']),
      /** The error code of a failed item (`errors.<code>` in the catalogue). */
      error: z.string().optional(),
    }),
  ),
  counts: InvitationCounts,
});

/** One person's invitation, for the beheerder's staff page and the coordinator. */
export const PersonInvitationResponse = z.object({
  personId: Id,
  status: InviteeStatusSchema,
  sentAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  activatedAt: z.string().nullable(),
  sendCount: z.number().int(),
});

export const InvitationTokenRequest = z.strictObject({ token: Token });
export const InvitationPreviewResponse = z.object({
  firstName: z.string(),
  email: z.string(),
  institution: z.string(),
  locale: LocaleSchema,
  expiresAt: z.string(),
});
export const ActivateAccountRequest = z.strictObject({ token: Token, password: NewPassword });

export type IntakeInvitationsResponse = z.infer<typeof IntakeInvitationsResponse>;
export type InviteeResponse = z.infer<typeof InviteeResponse>;
export type InviteIntakeResponse = z.infer<typeof InviteIntakeResponse>;
export type InvitationPreviewResponse = z.infer<typeof InvitationPreviewResponse>;
export type PersonInvitationResponse = z.infer<typeof PersonInvitationResponse>;
