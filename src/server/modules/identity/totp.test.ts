import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import type { Services } from '../../context';
import { checkTotp, decryptSecret, encryptSecret, newRecoveryCodes, newTotpSecret, recoveryCodeDigest } from './totp';

const at = (iso: string, key?: string): Services =>
  ({ now: () => new Date(iso), config: loadConfig({ PEERKRACHT_MFA_KEY: key ?? 'k'.repeat(32) }) }) as unknown as Services;

describe('TOTP secrets and codes', () => {
  it('encrypts a secret so it can be read back only with the same key', async () => {
    const { secret } = await newTotpSecret('ada@example.test');
    const stored = encryptSecret(at('2026-01-01T00:00:00Z'), secret);
    expect(stored).not.toContain(secret);
    expect(encryptSecret(at('2026-01-01T00:00:00Z'), secret)).not.toBe(stored);
    expect(decryptSecret(at('2026-01-01T00:00:00Z'), stored)).toBe(secret);
    expect(() => decryptSecret(at('2026-01-01T00:00:00Z', 'x'.repeat(32)), stored)).toThrow();
  });

  it('accepts the code of this step and the steps next to it, only after the last accepted step', async () => {
    const { secret } = await newTotpSecret('ada@example.test');
    const services = at('2026-01-01T00:00:10Z');
    const epoch = Date.parse('2026-01-01T00:00:10Z') / 1000;
    const step = Math.floor(epoch / 30);
    expect(await checkTotp(services, secret, await generate({ secret, epoch }), null)).toBe(step);
    expect(await checkTotp(services, secret, await generate({ secret, epoch: epoch - 30 }), null)).toBe(step - 1);
    expect(await checkTotp(services, secret, await generate({ secret, epoch: epoch + 30 }), null)).toBe(step + 1);
    expect(await checkTotp(services, secret, await generate({ secret, epoch: epoch + 90 }), null)).toBeNull();
    expect(await checkTotp(services, secret, await generate({ secret, epoch }), step)).toBeNull();
    expect(await checkTotp(services, secret, 'abcdef', null)).toBeNull();
  });

  it('makes ten distinct recovery codes whose digest ignores capitals, spaces, dashes and o for 0', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z02-9]{5}-[a-hjkmnp-z02-9]{5}$/);
    expect(recoveryCodeDigest('AB0CD-EFGHJ')).toBe(recoveryCodeDigest('abocd efghj'));
  });
});
