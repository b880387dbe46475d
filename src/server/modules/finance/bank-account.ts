/**
 * A coach's own bank account: the IBAN checked (check digits) and stored sealed; in full only to
 * the coach and to finance, masked to anyone else who needs to know one is set.
 */
import type { SaveBankAccountRequest } from '../../../contracts/finance';
import { checkIban, formatIban, maskIban } from '../../../domain/finance/iban';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { fieldError } from './field-error';
import { financeRepository } from './repository';
import { seal, unseal } from './sealed';

export async function saveMyBankAccount({ services, institutionId, coachId, request, locale }: { services: Services; institutionId: string; coachId: string; request: SaveBankAccountRequest; locale: Locale }) {
  const checked = checkIban(request.iban);
  if (!checked.ok) throw fieldError(locale, 'iban', `iban.${checked.problem}`);
  await financeRepository(services.db).saveBankAccount({
    personId: coachId,
    institutionId,
    ibanEncrypted: seal(services.config.dataKey.key, checked.iban),
    ibanMasked: maskIban(checked.iban),
    holderName: request.holderName,
    updatedAt: services.now(),
  });
  return { iban: checked.iban, ibanFormatted: formatIban(checked.iban), holderName: request.holderName };
}

export async function deleteMyBankAccount({ services, coachId }: { services: Services; coachId: string }) {
  await financeRepository(services.db).deleteBankAccount(coachId);
}

/** The IBANs of these people in full (the coach themself, or finance building a batch). */
export async function ibansOf(services: Services, personIds: string[]) {
  const rows = await financeRepository(services.db).bankAccounts(personIds);
  return new Map(rows.map((r) => [r.personId, { iban: unseal(services.config.dataKey.key, r.ibanEncrypted), holderName: r.holderName, masked: r.ibanMasked }]));
}
