/** Request and response schemas of sign-in, sessions and password reset. Shared by server, web and tests. */
import { z } from 'zod';
import { ROLES } from '../domain/access/roles';

export const Email = z.string().trim().toLowerCase().email().max(254);
/** Long passphrases welcome; the lower bound follows NIST SP 800-63B. */
export const NewPassword = z.string().min(10).max(200);

export const SignInRequest = z.strictObject({
  email: Email,
  password: z.string().min(1).max(200),
});

export const RequestPasswordResetRequest = z.strictObject({ email: Email });

export const CompletePasswordResetRequest = z.strictObject({
  token: z.string().min(20).max(200),
  password: NewPassword,
});

/** "Stuur me een inloglink": same answer whether or not the address has an account. */
export const RequestMagicLinkRequest = z.strictObject({ email: Email });
/** The token from a sign-in link's fragment, sent by the page's button (a POST). */
export const SignInWithLinkRequest = z.strictObject({ token: z.string().min(20).max(200) });

export const LocaleSchema = z.enum(['nl', 'en']);
export const SetLocaleRequest = z.strictObject({ locale: LocaleSchema });

export const RoleGrantSchema = z.object({
  role: z.enum(ROLES),
  institutionId: z.string().uuid(),
  programmeId: z.string().uuid().nullable(),
});

export const SessionResponse = z.object({
  csrfToken: z.string(),
  /** True when this installation runs the demo programme (the UI marks it as demo). */
  demo: z.boolean(),
  person: z
    .object({
      id: z.string().uuid(),
      firstName: z.string(),
      lastName: z.string(),
      email: z.string(),
      locale: LocaleSchema,
      roles: z.array(RoleGrantSchema),
    })
    .nullable(),
  institution: z.object({ id: z.string().uuid(), name: z.string(), isDemo: z.boolean() }).nullable(),
  mfa: z.object({
    /** The first sign-in step passed in this browser; the MFA code is awaited (no person yet). */
    pending: z.boolean(),
    /** Signed in, but the person's role requires MFA and it is not set up: set it up first. */
    setupRequired: z.boolean(),
  }),
});

export const OkResponse = z.object({ ok: z.literal(true) });

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
  requestId: z.string(),
});

export type SignInRequest = z.infer<typeof SignInRequest>;
export type SessionResponse = z.infer<typeof SessionResponse>;
export type ErrorResponse = z.infer<typeof ErrorResponse>;
