/** Request and response schemas of MFA (TOTP and recovery codes) and the sign-in methods. */
import { z } from 'zod';

/** A six-digit authenticator code or a recovery code (`k7d2m-9xq4p`); spaces allowed. */
export const MfaCode = z.string().trim().min(6).max(20);

export const MfaCodeRequest = z.strictObject({ code: MfaCode });

export const MfaStatusResponse = z.object({
  /** TOTP confirmed and asked at sign-in. */
  enabled: z.boolean(),
  /** The person's role requires it (it cannot be turned off). */
  required: z.boolean(),
  /** Unused recovery codes left. */
  recoveryCodesLeft: z.number().int(),
});

export const MfaSetupResponse = z.object({
  /** The base32 secret, to type in by hand. */
  secret: z.string(),
  /** The otpauth:// URI the QR code holds. */
  uri: z.string(),
  /** The QR code as an SVG document. */
  qrSvg: z.string(),
});

export const RecoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });

export const SignInMethodsResponse = z.object({
  /** E-mail and password. */
  password: z.boolean(),
  /** "Send me a sign-in link": follows the password switch. */
  magicLink: z.boolean(),
  /** Single sign-on through the institution (SURFconext); its start URL. */
  sso: z.object({ startUrl: z.string() }).nullable(),
});

export type MfaCodeRequest = z.infer<typeof MfaCodeRequest>;
export type MfaStatusResponse = z.infer<typeof MfaStatusResponse>;
export type MfaSetupResponse = z.infer<typeof MfaSetupResponse>;
export type RecoveryCodesResponse = z.infer<typeof RecoveryCodesResponse>;
export type SignInMethodsResponse = z.infer<typeof SignInMethodsResponse>;
