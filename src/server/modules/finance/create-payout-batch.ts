/**
 * Finance creates a payout batch: every approved, unpaid statement and claim not yet in a batch,
 * of coaches with an IBAN, as one SEPA credit-transfer file (pain.001.001.03) and a CSV. The file
 * is checked against the SEPA rules and validated against the XSD with xmllint before anything is
 * stored; a claim is a transfer of its own, never added to the allowance. Two batches created at
 * once cannot pay an item twice (unique transfers): the second gets 409.
 */
import { randomBytes } from 'node:crypto';
import { buildPayoutCsv, buildSepaXml, checkSepaRules, type Transfer } from '../../../domain/finance/sepa-file';
import { translate } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError, fromDatabaseError } from '../../errors/app-error';
import { ibansOf } from './bank-account';
import { isoDay } from './claim-view';
import { listPayableItems } from './payables';
import { financeRepository } from './repository';
import { seal } from './sealed';
import { validateAgainstXsd } from './xmllint';

export type PreparedPayout = { xml: string; csv: string; messageId: string; transfers: (Transfer & { itemId: string; coachId: string })[]; waitingForIban: number; controlSumCents: number };

const CATEGORY_NL = { groceries: 'boodschappen bijeenkomst', travel: 'reiskosten', materials: 'materiaal', other: 'overig' } as const;

/** Builds and checks the file of everything payable now; stores nothing. */
export async function preparePayout(services: Services, institutionId: string, executionDate: string): Promise<PreparedPayout> {
  const repo = financeRepository(services.db);
  const settings = await repo.paymentSettings(institutionId);
  if (!settings) throw new AppError('payment_settings_missing');
  const now = services.now();
  const items = (await listPayableItems(services.db, institutionId, isoDay(now))).filter((i) => !i.inBatch);
  const ibans = await ibansOf(services, [...new Set(items.map((i) => i.coach.id))]);
  const claims = new Map((await repo.unpaidClaims(institutionId)).map((c) => [c.id, c]));
  const transfers: PreparedPayout['transfers'] = [];
  let waiting = 0;
  for (const item of items) {
    const account = ibans.get(item.coach.id);
    if (!account) {
      waiting += 1;
      continue;
    }
    const claim = claims.get(item.id);
    const text =
      item.kind === 'allowance'
        ? translate('nl', 'finance.transfer.allowance', { month: item.label })
        : translate('nl', 'finance.transfer.expense', { date: claim?.spentOn ?? '', category: claim ? CATEGORY_NL[claim.category] : '' });
    transfers.push({
      itemId: item.id,
      coachId: item.coach.id,
      kind: item.kind,
      endToEndId: `${item.kind === 'allowance' ? 'A' : 'E'}${item.id.replace(/-/g, '').toUpperCase()}`,
      creditorName: account.holderName,
      iban: account.iban,
      amountCents: item.amountCents,
      text,
    });
  }
  if (transfers.length === 0) throw new AppError('nothing_to_pay');
  const messageId = `PK${executionDate.replace(/-/g, '')}${randomBytes(6).toString('hex').toUpperCase()}`;
  const input = { messageId, createdAt: now, executionDate, debtor: { name: settings.debtorName, iban: settings.debtorIban, bic: settings.debtorBic }, transfers };
  const xml = buildSepaXml(input);
  const rules = checkSepaRules(xml);
  const xsd = await validateAgainstXsd(xml);
  if (rules.problems.length > 0 || !xsd.valid) {
    // The problems name fields and positions, never people or accounts.
    throw new AppError('payout_file_invalid', `SEPA rules: ${rules.problems.join('; ') || 'ok'}; XSD: ${xsd.valid ? 'ok' : 'invalid'}`);
  }
  return { xml, csv: buildPayoutCsv(input), messageId, transfers, waitingForIban: waiting, controlSumCents: rules.summary.controlSumCents };
}

export async function createPayoutBatch({ services, institutionId, actorId, executionDate }: { services: Services; institutionId: string; actorId: string; executionDate: string }) {
  const prepared = await preparePayout(services, institutionId, executionDate);
  const key = services.config.dataKey.key;
  try {
    return await services.db.transaction(async (tx) => {
      const repo = financeRepository(tx);
      const batch = await repo.insertBatch({
        institutionId,
        messageId: prepared.messageId,
        executionDate,
        transferCount: prepared.transfers.length,
        controlSumCents: prepared.controlSumCents,
        sepaXmlEncrypted: seal(key, prepared.xml),
        csvEncrypted: seal(key, prepared.csv),
        createdById: actorId,
        createdAt: services.now(),
      });
      await repo.insertTransfers(
        prepared.transfers.map((t) => ({
          batchId: batch.id,
          coachId: t.coachId,
          kind: t.kind,
          statementId: t.kind === 'allowance' ? t.itemId : null,
          claimId: t.kind === 'expense' ? t.itemId : null,
          amountCents: t.amountCents,
          endToEndId: t.endToEndId,
        })),
      );
      await repo.setClaimsPayout(prepared.transfers.filter((t) => t.kind === 'expense').map((t) => t.itemId), batch.id);
      return { id: batch.id, transfers: prepared.transfers.length, controlSumCents: prepared.controlSumCents, waitingForIban: prepared.waitingForIban };
    });
  } catch (error) {
    // Another batch took (some of) these items a moment ago.
    if (fromDatabaseError(error)?.code === 'conflict') throw new AppError('conflict', 'payout items taken by a concurrent batch');
    throw error;
  }
}
