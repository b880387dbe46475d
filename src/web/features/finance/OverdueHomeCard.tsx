import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { day, financeApi } from './api';

/** On the home of finance and coordinators: overdue payments to coaches, if any. */
export function OverdueHomeCard() {
  const { t, i18n } = useTranslation();
  const query = useQuery({ queryKey: ['finance', 'overdue'], queryFn: financeApi.overdue });
  const data = query.data;
  if (!data || data.overdue === 0 || !data.link) return null;
  return (
    <section className="card" aria-labelledby="overdue-payments">
      <h2 id="overdue-payments">{t('finance.home.title')}</h2>
      <p>{t('finance.home.overdue', { count: data.overdue, date: data.oldestPromisedPayDate ? day(data.oldestPromisedPayDate, i18n.language) : '' })}</p>
      <Link to={data.link}>{t('finance.home.link')}</Link>
    </section>
  );
}
