import { useTranslation } from 'react-i18next';
import type { PaymentStatus } from '../../../contracts/finance';
import { day } from './api';

/** "Betaald op 25 maart 2026", "Te laat: beloofd op …", … */
export function PaymentStatusText({ status, promisedPayDate, paidOn }: { status: PaymentStatus; promisedPayDate: string | null; paidOn: string | null }) {
  const { t, i18n } = useTranslation();
  const date = status === 'paid' ? paidOn : promisedPayDate;
  return <span className={`finance-status finance-status-${status}`}>{t(`finance.status.${status}`, { date: date ? day(date, i18n.language) : '' })}</span>;
}
