/**
 * A coach uploads the receipt of a claim they are about to send: checked by its bytes, photos
 * re-encoded without metadata. It waits, unattached, until the claim is sent (or one day).
 */
import { createHash } from 'node:crypto';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { fieldError } from './field-error';
import { checkReceipt, RECEIPT_MAX_BYTES } from './receipt-file';
import { financeRepository } from './repository';

export async function uploadReceipt({ services, coachId, bytes, locale }: { services: Services; coachId: string; bytes: Buffer; locale: Locale }) {
  const checked = await checkReceipt(bytes);
  if (!checked.ok) throw fieldError(locale, 'receipt', `receipt.${checked.problem}`, { max: RECEIPT_MAX_BYTES / 1024 / 1024 });
  const row = await financeRepository(services.db).insertReceipt({
    ownerId: coachId,
    contentType: checked.type,
    bytes: checked.bytes,
    byteSize: checked.bytes.length,
    sha256: createHash('sha256').update(checked.bytes).digest('hex'),
    createdAt: services.now(),
  });
  return { receiptId: row.id, contentType: checked.type, byteSize: checked.bytes.length };
}
