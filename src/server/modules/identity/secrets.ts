/** Random tokens and their digests. Only digests are stored, so a database copy grants nothing. */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const newToken = (): string => randomBytes(32).toString('base64url');

export const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 passes). */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2);

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when an account does not exist keeps the response time the same. */
let dummyHash: Promise<string> | null = null;
export const timingDummyHash = (): Promise<string> => (dummyHash ??= hashPassword(newToken()));
