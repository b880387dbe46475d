/**
 * The research module's secrets (ADR 0017): a random 32-byte pseudonym key per study, and the
 * export files at rest, both sealed with AES-256-GCM under PEERKRACHT_DATA_KEY (version byte 1 ‖
 * 12-byte IV ‖ 16-byte tag ‖ ciphertext, as finance's sealed values). A pseudonym is
 * HMAC-SHA256(study key, person id): stable within a study, unlinkable across studies, and not
 * reversible by anyone without the server's data key.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const VERSION = 1;

export function seal(key: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function unseal(key: Buffer, sealed: Buffer): Buffer {
  if (sealed[0] !== VERSION) throw new Error('sealed value of an unknown version');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
}

/** A new study's pseudonym key, sealed for storage. */
export const newStudySecret = (dataKey: Buffer) => seal(dataKey, randomBytes(32));

/** The pseudonymiser of one study: 128 bits of HMAC-SHA256, hex. */
export function pseudonymiser(dataKey: Buffer, sealedSecret: Buffer): (personId: string) => string {
  const secret = unseal(dataKey, sealedSecret);
  return (personId) => createHmac('sha256', secret).update(personId).digest('hex').slice(0, 32);
}
