/** Request and response schemas of the help directory, referrals and signals. */
import { z } from 'zod';
import { RecordVersion } from './version';
import { FOLLOW_UP_OUTCOMES } from '../domain/support/referrals';
import { SIGNAL_KINDS, SIGNAL_STATUSES } from '../domain/support/signals';
import { HelpCategory, HelpKind } from './content/help-directory';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Localized = (max: number) => z.strictObject({ nl: Text(max), en: Text(max) });
const Uuid = z.string().uuid();
const IsoDate = z.iso.date();

// ---------------------------------------------------------------------------------------------
// Help directory (sociale kaart)
// ---------------------------------------------------------------------------------------------

export const HelpResource = z.object({
  id: Uuid,
  kind: HelpKind,
  category: HelpCategory,
  name: z.object({ nl: z.string(), en: z.string() }),
  whenToGo: z.object({ nl: z.string(), en: z.string() }),
  howToReach: z.object({ nl: z.string(), en: z.string() }),
  url: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  archived: z.boolean(),
  version: z.number().int(),
  /** Only for this programme's people; null: for the whole institution (issue 21 item 8). */
  programme: z.object({ id: Uuid, name: z.object({ nl: z.string(), en: z.string() }) }).nullable(),
  /** The reader may edit and archive this entry. */
  canEdit: z.boolean(),
});
export type HelpResource = z.infer<typeof HelpResource>;

/** Where a person may add entries: the whole institution (id null) or one programme. */
export const HelpScope = z.object({ programmeId: Uuid.nullable(), name: z.object({ nl: z.string(), en: z.string() }).nullable() });
export type HelpScope = z.infer<typeof HelpScope>;

export const HelpDirectoryResponse = z.object({
  categories: z.array(z.object({ id: HelpCategory, label: z.object({ nl: z.string(), en: z.string() }) })),
  resources: z.array(HelpResource),
  /** The person may add, edit and archive entries (the beheerder; a coordinator for their programme). */
  canManage: z.boolean(),
  /** Where the person may add entries; empty when they may not add any. */
  scopes: z.array(HelpScope),
});
export type HelpDirectoryResponse = z.infer<typeof HelpDirectoryResponse>;

const optionalText = (schema: z.ZodType<string>) => z.union([schema, z.literal('')]).nullable().optional();

export const SaveHelpResourceRequest = z.strictObject({
  kind: HelpKind,
  category: HelpCategory,
  name: Localized(120),
  whenToGo: Localized(1000),
  howToReach: Localized(1000),
  url: optionalText(z.url({ protocol: /^https?$/ }).max(500)),
  phone: optionalText(z.string().regex(/^[0-9+][0-9 -]{1,18}[0-9]$/)),
  email: optionalText(z.email().max(254)),
  /** For an edit: the version that was loaded (a concurrent edit answers 409). */
  version: RecordVersion.optional(),
  /** Only for this programme (one the person keeps entries for); null or absent: the whole institution. */
  programmeId: Uuid.nullable().optional(),
});
export type SaveHelpResourceRequest = z.infer<typeof SaveHelpResourceRequest>;

// ---------------------------------------------------------------------------------------------
// Referrals
// ---------------------------------------------------------------------------------------------

export const FollowUpOutcome = z.enum(FOLLOW_UP_OUTCOMES);

export const RecordReferralRequest = z.strictObject({
  coacheeId: Uuid,
  resourceId: Uuid,
  referredOn: IsoDate,
  /** A referral is recorded only with the coachee's agreement. */
  coacheeAgreed: z.literal(true),
});
export type RecordReferralRequest = z.infer<typeof RecordReferralRequest>;

export const Referral = z.object({
  id: Uuid,
  coachee: z.object({ id: Uuid, firstName: z.string(), lastName: z.string() }),
  coach: z.object({ firstName: z.string(), lastName: z.string() }).nullable(),
  resource: z.object({ id: Uuid, name: z.object({ nl: z.string(), en: z.string() }), archived: z.boolean() }),
  referredOn: z.string(),
  followUpDueAt: z.string(),
  followUpOutcome: FollowUpOutcome.nullable(),
  followUpAnsweredAt: z.string().nullable(),
});
export type Referral = z.infer<typeof Referral>;

export const ReferralListResponse = z.object({ referrals: z.array(Referral) });
export type ReferralListResponse = z.infer<typeof ReferralListResponse>;

/** The coachees a coach may refer, with whether the coachee's coaching-data consent holds. */
export const ReferrableCoacheesResponse = z.object({
  coachees: z.array(z.object({ id: Uuid, firstName: z.string(), lastName: z.string(), consented: z.boolean() })),
});
export type ReferrableCoacheesResponse = z.infer<typeof ReferrableCoacheesResponse>;

export const AnswerFollowUpRequest = z.strictObject({ outcome: FollowUpOutcome });

// ---------------------------------------------------------------------------------------------
// Signals
// ---------------------------------------------------------------------------------------------

export const SignalKind = z.enum(SIGNAL_KINDS);
export const SignalStatus = z.enum(SIGNAL_STATUSES);

export const RaiseSignalRequest = z.strictObject({
  programmeId: Uuid,
  kind: SignalKind,
  anonymous: z.boolean(),
  title: Text(120),
  body: Text(4000),
});
export type RaiseSignalRequest = z.infer<typeof RaiseSignalRequest>;

export const UpdateSignalRequest = z
  .strictObject({
    status: SignalStatus,
    /** What the coordinator tells the coach (closing the loop). */
    note: z.string().trim().max(2000),
    /** The degree programme's contact it is passed on to (required for `forwarded`). */
    contactId: Uuid.nullable().optional(),
    version: RecordVersion,
  })
  .refine((r) => r.status !== 'forwarded' || Boolean(r.contactId), { message: 'required', path: ['contactId'] });
export type UpdateSignalRequest = z.infer<typeof UpdateSignalRequest>;

const Name = z.object({ firstName: z.string(), lastName: z.string() });

export const SignalSummary = z.object({
  id: Uuid,
  reference: z.string(),
  programme: z.object({ id: Uuid, name: z.string() }),
  kind: SignalKind,
  anonymous: z.boolean(),
  title: z.string(),
  status: SignalStatus,
  /** Null when anonymised (for everyone but the raiser). */
  raisedBy: Name.nullable(),
  mine: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SignalSummary = z.infer<typeof SignalSummary>;

export const SignalDetail = SignalSummary.extend({
  body: z.string(),
  version: z.number().int(),
  handler: Name.nullable(),
  canHandle: z.boolean(),
  updates: z.array(
    z.object({
      status: SignalStatus,
      note: z.string(),
      at: z.string(),
      by: Name.nullable(),
      contact: z.string().nullable(),
    }),
  ),
  contacts: z.array(z.object({ id: Uuid, label: z.string() })),
});
export type SignalDetail = z.infer<typeof SignalDetail>;

export const SignalsOverviewResponse = z.object({
  raised: z.array(SignalSummary),
  inbox: z.array(SignalSummary),
  /** Programmes the person may raise a signal in (as a coach). */
  canRaiseIn: z.array(z.object({ id: Uuid, name: z.string() })),
  /** Programmes whose signals the person handles (as a coordinator). */
  handles: z.array(z.object({ id: Uuid, name: z.string() })),
});
export type SignalsOverviewResponse = z.infer<typeof SignalsOverviewResponse>;

export const ProgrammeContact = z.object({ id: Uuid, label: z.string(), email: z.string() });
export const ProgrammeContactsResponse = z.object({ contacts: z.array(ProgrammeContact) });
export type ProgrammeContactsResponse = z.infer<typeof ProgrammeContactsResponse>;
export const AddProgrammeContactRequest = z.strictObject({ label: Text(120), email: z.email().max(254) });
export type AddProgrammeContactRequest = z.infer<typeof AddProgrammeContactRequest>;
