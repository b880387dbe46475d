import { useTranslation } from 'react-i18next';
import type { StatementSummary } from '../../../contracts/compensation';
import { dayName } from './format';

/** Where the money is: approved or not, on its way, overdue, or paid on a date. */
export function PayStatus({ statement }: { statement: StatementSummary }) {
  const { t, i18n } = useTranslation();
  const date = statement.paidOn ?? statement.promisedPayDate;
  return <span className={`comp-pay comp-pay-${statement.payStatus}`}>{t(`compensation.pay.${statement.payStatus}`, { date: date ? dayName(date, i18n.language) : '' })}</span>;
}
