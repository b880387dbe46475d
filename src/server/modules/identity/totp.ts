/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s — what every authenticator app speaks) with otplib 13,
 * its secrets encrypted at rest, and recovery codes. The clock is the injected one, so tests
 * move time instead of waiting.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Services } from '../../context';

/** Without a configured key the secrets are still not stored in the clear, but not out of reach of someone with the code. */
const BUILT_IN_KEY = 'peerkracht TOTP secrets (set PEERKRACHT_MFA_KEY)';

const keyOf = (services: Services): Buffer => createHash('sha256').update(services.config.signIn.mfa.key ?? BUILT_IN_KEY).digest();

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function encryptSecret(services: Services, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(services), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

export function decryptSecret(services: Services, stored: string): string {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unreadable TOTP secret');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(services), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** A new secret (160 bits, base32) with its otpauth URI and that URI as an SVG QR code. */
export async function newTotpSecret(label: string): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const secret = generateSecret();
  const uri = generateURI({ issuer: 'peerkracht', label, secret });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrSvg };
}

/** A six-digit code from now or the step before or after (clock drift), and not at or before `afterTimeStep`. */
export async function checkTotp(services: Services, secret: string, code: string, afterTimeStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(services.now().getTime() / 1000),
    epochTolerance: 30,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  // The functional API's result type also covers HOTP, which has no time step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

export const RECOVERY_CODE_COUNT = 10;

/** Ten random codes of ten characters (50 bits) in two groups: `k7d2m-9xq4p`. */
export function newRecoveryCodes(): string[] {
  // 32 characters (5 bits each, no modulo bias); no i, l, o or 1, which are easily confused.
  const alphabet = 'abcdefghjkmnpqrstuvwxyz023456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => alphabet[b & 31]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Recovery codes are compared as typed without spaces, dashes or capitals. */
export const normaliseRecoveryCode = (code: string): string => code.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0');

export const recoveryCodeDigest = (code: string): string => createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
