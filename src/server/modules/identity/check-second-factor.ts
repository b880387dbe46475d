import { AppError } from '../../errors/app-error';
import type { Services } from '../../context';
import { countAttempt, mfaRules } from './attempt-limits';
import { mfaRepository } from './mfa-repository';
import { checkTotp, decryptSecret, recoveryCodeDigest } from './totp';

export type SecondFactorOptions = {
  services: Services;
  personId: string;
  code: string;
  address: string;
  /** Set-up: the code confirms a new authenticator (recovery codes do not count yet). */
  confirming?: boolean;
};

/**
 * Accepts an authenticator code (once: a code, or an older one, is never accepted again) or an
 * unused recovery code (which is then used up), or throws `mfa_code_invalid`. Every failure
 * counts against the MFA attempt limits; a success takes its own attempt back.
 */
export async function checkSecondFactor({ services, personId, code, address, confirming = false }: SecondFactorOptions): Promise<'totp' | 'recovery-code'> {
  const attempt = await countAttempt(services, mfaRules(address, personId));
  const repo = mfaRepository(services.db);
  const totp = await repo.totpOf(personId);
  if (!totp || Boolean(totp.confirmedAt) === confirming) throw new AppError('mfa_code_invalid');
  const typed = code.replace(/\s/g, '');
  const timeStep = await checkTotp(services, decryptSecret(services, totp.secretCiphertext), typed, totp.lastTimeStep);
  if (timeStep !== null && (await repo.acceptTimeStep(personId, timeStep, confirming ? { confirmedAt: services.now() } : null))) {
    await attempt.succeeded();
    return 'totp';
  }
  if (!confirming && timeStep === null && !/^\d{6}$/.test(typed) && (await repo.useRecoveryCode(personId, recoveryCodeDigest(typed), services.now()))) {
    await attempt.succeeded();
    return 'recovery-code';
  }
  throw new AppError('mfa_code_invalid');
}
