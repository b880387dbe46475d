/** Finance's desk: what is payable, the batches, their files, and the institution's paying account. */
import type { PayablesResponse, SavePaymentSettingsRequest } from '../../../contracts/finance';
import { checkBic, checkIban } from '../../../domain/finance/iban';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { ibansOf } from './bank-account';
import { isoDay } from './claim-view';
import { fieldError } from './field-error';
import { listPayableItems } from './payables';
import { financeRepository } from './repository';
import { unseal } from './sealed';

export async function getPayables({ services, institutionId }: { services: Services; institutionId: string }): Promise<PayablesResponse> {
  const repo = financeRepository(services.db);
  const today = isoDay(services.now());
  const [settings, unpaid, batches] = await Promise.all([repo.paymentSettings(institutionId), listPayableItems(services.db, institutionId, today), repo.batches(institutionId)]);
  const payable = unpaid.filter((i) => !i.inBatch);
  const ibans = await ibansOf(services, [...new Set(payable.map((i) => i.coach.id))]);
  const items = payable.map((i) => ({ ...i, iban: ibans.get(i.coach.id)?.iban ?? null }));
  const withIban = items.filter((i) => i.iban !== null);
  return {
    settings: settings ? { debtorName: settings.debtorName, debtorIban: settings.debtorIban, debtorBic: settings.debtorBic } : null,
    items,
    totalCents: withIban.reduce((sum, i) => sum + i.amountCents, 0),
    waitingForIban: items.length - withIban.length,
    overdue: unpaid.filter((i) => i.overdue).length,
    batches: batches.map((b) => ({ ...b, createdAt: b.createdAt.toISOString() })),
  };
}

export async function getPayoutFile({ services, institutionId, batchId, format }: { services: Services; institutionId: string; batchId: string; format: 'xml' | 'csv' }) {
  const batch = await financeRepository(services.db).batch(institutionId, batchId);
  if (!batch) throw new AppError('not_found');
  const body = unseal(services.config.dataKey.key, format === 'xml' ? batch.sepaXmlEncrypted : batch.csvEncrypted);
  return { body, fileName: `${batch.messageId}.${format}` };
}

export async function getPaymentSettings({ services, institutionId }: { services: Services; institutionId: string }) {
  const row = await financeRepository(services.db).paymentSettings(institutionId);
  return { settings: row ? { debtorName: row.debtorName, debtorIban: row.debtorIban, debtorBic: row.debtorBic } : null };
}

export async function savePaymentSettings({ services, institutionId, actorId, request, locale }: { services: Services; institutionId: string; actorId: string; request: SavePaymentSettingsRequest; locale: Locale }) {
  const iban = checkIban(request.debtorIban);
  if (!iban.ok) throw fieldError(locale, 'debtorIban', `iban.${iban.problem}`);
  const bic = request.debtorBic?.replace(/\s+/g, '').toUpperCase() || null;
  if (bic && !checkBic(bic)) throw fieldError(locale, 'debtorBic', 'bic.invalid');
  await financeRepository(services.db).savePaymentSettings({ institutionId, debtorName: request.debtorName, debtorIban: iban.iban, debtorBic: bic, updatedById: actorId, updatedAt: services.now() });
  return { settings: { debtorName: request.debtorName, debtorIban: iban.iban, debtorBic: bic } };
}

/** Overdue payments for a home card: finance sees the institution's, a coordinator their programmes'. */
export async function overdueSummary({ services, institutionId, programmeIds }: { services: Services; institutionId: string; programmeIds: string[] | 'all' }) {
  const today = isoDay(services.now());
  const overdue = (await listPayableItems(services.db, institutionId, today)).filter((i) => i.overdue && (programmeIds === 'all' || programmeIds.includes(i.programmeId)));
  const oldest = overdue.reduce<string | null>((min, i) => (i.promisedPayDate && (!min || i.promisedPayDate < min) ? i.promisedPayDate : min), null);
  return { overdue: overdue.length, oldestPromisedPayDate: oldest };
}
