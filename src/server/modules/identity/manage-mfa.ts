/** MFA on one's own account: status, set-up with a QR code, confirmation, new recovery codes, turning off. */
import type { MfaSetupResponse, MfaStatusResponse } from '../../../contracts/mfa';
import { AppError } from '../../errors/app-error';
import type { Services } from '../../context';
import { checkSecondFactor } from './check-second-factor';
import { holdsRequiredRole } from './mfa-required';
import { mfaRepository } from './mfa-repository';
import { identityRepository } from './repository';
import { encryptSecret, newRecoveryCodes, newTotpSecret, recoveryCodeDigest } from './totp';

type Own = { services: Services; personId: string };
type WithCode = Own & { code: string; address: string };

export async function mfaStatus({ services, personId }: Own): Promise<MfaStatusResponse> {
  const repo = mfaRepository(services.db);
  const totp = await repo.totpOf(personId);
  return {
    enabled: Boolean(totp?.confirmedAt),
    required: await holdsRequiredRole(services, personId),
    recoveryCodesLeft: totp?.confirmedAt ? await repo.recoveryCodesLeft(personId) : 0,
  };
}

/**
 * A new secret to scan or type in. It is shown this once, and MFA is not on until a code from
 * it is confirmed; starting again replaces an unconfirmed secret. Refused while MFA is on.
 */
export async function startMfaSetup({ services, personId }: Own): Promise<MfaSetupResponse> {
  const person = await identityRepository(services.db).findPerson(personId);
  if (!person) throw new AppError('not_found');
  const { secret, uri, qrSvg } = await newTotpSecret(person.email);
  if (!(await mfaRepository(services.db).startTotp(personId, encryptSecret(services, secret)))) throw new AppError('mfa_already_on');
  return { secret, uri, qrSvg };
}

/** The first code turns MFA on and yields ten recovery codes (shown once; stored as digests). */
export async function confirmMfaSetup({ services, personId, code, address }: WithCode): Promise<string[]> {
  const repo = mfaRepository(services.db);
  const totp = await repo.totpOf(personId);
  if (totp?.confirmedAt) throw new AppError('mfa_already_on');
  await checkSecondFactor({ services, personId, code, address, confirming: true });
  const codes = newRecoveryCodes();
  await repo.replaceRecoveryCodes(personId, codes.map(recoveryCodeDigest));
  await repo.clearSetupRequired(personId);
  return codes;
}

/** New recovery codes (the old ones stop working), against a current code. */
export async function renewRecoveryCodes({ services, personId, code, address }: WithCode): Promise<string[]> {
  const repo = mfaRepository(services.db);
  if (!(await repo.totpOf(personId))?.confirmedAt) throw new AppError('mfa_not_on');
  await checkSecondFactor({ services, personId, code, address });
  const codes = newRecoveryCodes();
  await repo.replaceRecoveryCodes(personId, codes.map(recoveryCodeDigest));
  return codes;
}

/** Off, against a current code or a recovery code; not for a role that requires it. */
export async function turnOffMfa({ services, personId, code, address }: WithCode): Promise<void> {
  const repo = mfaRepository(services.db);
  if (!(await repo.totpOf(personId))?.confirmedAt) throw new AppError('mfa_not_on');
  if (await holdsRequiredRole(services, personId)) throw new AppError('mfa_required');
  await checkSecondFactor({ services, personId, code, address });
  await repo.removeMfa(personId);
}
