/** Request and response schemas of people, roles and sign-in sessions (issue 16). Shared by server, web and tests. */
import { z } from 'zod';
import { ROLES } from '../domain/access/roles';
import { Email, LocaleSchema } from './identity';

export const RoleSchema = z.enum(ROLES);
/** An account: in use, created but never signed in (waiting for its activation invitation), or deactivated. */
export const AccountStatus = z.enum(['active', 'notActivated', 'deactivated']);
export const RoleEventKind = z.enum(['granted', 'revoked', 'deactivated', 'reactivated', 'supervisionChanged', 'classesChanged']);

const Name = z.string().trim().min(1).max(100);
/** Why a role or account changed: shown to the person on "Mijn rollen". */
const Reason = z.string().trim().max(500);

export const FindPeopleQuery = z.strictObject({
  q: z.string().trim().max(100).optional().default(''),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
});

export const PersonSummary = z.object({
  id: z.string().uuid(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  studentNumber: z.string().nullable(),
  status: AccountStatus,
  roles: z.array(z.object({ role: RoleSchema, programmeId: z.string().uuid().nullable() })),
});

export const FindPeopleResponse = z.object({
  people: z.array(PersonSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const CreateStaffPersonRequest = z.strictObject({
  firstName: Name,
  lastName: Name,
  email: Email,
  locale: LocaleSchema,
});
export const CreatedResponse = z.object({ id: z.string().uuid() });

export const ProgrammeName = z.object({ id: z.string().uuid(), nameNl: z.string(), nameEn: z.string() });

/** A class with its intake (academic year and month), to name it. */
export const ClassRef = z.object({ id: z.string().uuid(), code: z.string(), academicYear: z.string(), month: z.enum(['september', 'february']) });

/** A held role with what belongs to it: a leercoach's classes, a senior coach's coaches. */
export const HeldRole = z.object({
  role: RoleSchema,
  programmeId: z.string().uuid().nullable(),
  since: z.string().datetime(),
  classes: z.array(ClassRef),
  supervised: z.array(z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string() })),
});

export const RoleEvent = z.object({
  id: z.string().uuid(),
  kind: RoleEventKind,
  role: RoleSchema.nullable(),
  programmeId: z.string().uuid().nullable(),
  reason: z.string().nullable(),
  at: z.string().datetime(),
  /** Who did it: their name and the role they acted as; null when that account no longer exists. */
  actor: z.object({ firstName: z.string(), lastName: z.string(), role: RoleSchema.nullable() }).nullable(),
  /** Class codes (classesChanged) or the number of coaches (supervisionChanged). */
  classCodes: z.array(z.string()),
  supervisedCount: z.number().int().nullable(),
});

export const PersonDetail = PersonSummary.extend({
  locale: LocaleSchema,
  deactivatedAt: z.string().datetime().nullable(),
  heldRoles: z.array(HeldRole),
  history: z.array(RoleEvent),
  /** The institution's programmes, to name scopes and choose one. */
  programmes: z.array(ProgrammeName),
});

export const MyRolesResponse = z.object({
  heldRoles: z.array(HeldRole),
  history: z.array(RoleEvent),
  programmes: z.array(ProgrammeName),
});

/** A role's scope in a URL: `institution` or a programme's id. */
export const ScopeParam = z.union([z.literal('institution'), z.string().uuid()]);
export const RoleScopeParams = z.object({ personId: z.string().uuid(), role: RoleSchema, scope: ScopeParam });

export const RoleChoicesResponse = z.object({
  classes: z.array(ClassRef.extend({ leercoach: z.object({ firstName: z.string(), lastName: z.string() }).nullable() })),
  coaches: z.array(z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string(), seniorNames: z.array(z.string()) })),
});

export const GrantRoleRequest = z.strictObject({
  reason: Reason.optional().default(''),
  /** leercoach: the classes (of the programme's intakes) they are the leercoach of. */
  classIds: z.array(z.string().uuid()).max(200).optional(),
  /** seniorcoach: the student coaches of the programme they supervise. */
  supervisedIds: z.array(z.string().uuid()).max(200).optional(),
});
export const SetRoleDetailsRequest = GrantRoleRequest;
export const RevokeRoleRequest = z.strictObject({ reason: Reason.min(1) });
export const AccountChangeRequest = z.strictObject({ reason: Reason.min(1) });

/** "Waar ben ik ingelogd": one's own live sessions. Never the token or its digest. */
export const SignInSessionsResponse = z.object({
  sessions: z.array(
    z.object({
      id: z.string().uuid(),
      browser: z.string().nullable(),
      os: z.string().nullable(),
      createdAt: z.string().datetime(),
      lastSeenAt: z.string().datetime(),
      current: z.boolean(),
    }),
  ),
});
export const SignOutOthersResponse = z.object({ ended: z.number().int() });

export type FindPeopleResponse = z.infer<typeof FindPeopleResponse>;
export type PersonSummary = z.infer<typeof PersonSummary>;
export type PersonDetail = z.infer<typeof PersonDetail>;
export type HeldRole = z.infer<typeof HeldRole>;
export type RoleEvent = z.infer<typeof RoleEvent>;
export type MyRolesResponse = z.infer<typeof MyRolesResponse>;
export type RoleChoicesResponse = z.infer<typeof RoleChoicesResponse>;
export type CreateStaffPersonRequest = z.infer<typeof CreateStaffPersonRequest>;
export type GrantRoleRequest = z.input<typeof GrantRoleRequest>;
export type SignInSessionsResponse = z.infer<typeof SignInSessionsResponse>;
export type AccountStatus = z.infer<typeof AccountStatus>;
