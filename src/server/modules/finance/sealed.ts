/**
 * Financial data at rest (coaches' IBANs, payout files) is sealed with AES-256-GCM under the
 * configured data key (PEERKRACHT_DATA_KEY; docs/operations.md). Format: version byte 1 ‖ 12-byte
 * IV ‖ 16-byte tag ‖ ciphertext. The version byte leaves room for key rotation.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 1;

export function seal(key: Buffer, plain: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function unseal(key: Buffer, sealed: Buffer): string {
  if (sealed[0] !== VERSION) throw new Error('sealed value of an unknown version');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
}
