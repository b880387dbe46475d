import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RetentionDryRunResponse } from '../../../contracts/admin';
import { api } from '../../api';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate, formatDateTime } from '../../format';

/** The beheerder's view of the retention pass's dry run: per table, what the next daily run removes. */
export function RetentionPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('retention.title'));
  const query = useQuery({ queryKey: ['retention'], queryFn: () => api<RetentionDryRunResponse>('/api/admin/retention') });
  const when = (iso: string) => formatDateTime(iso, 'long');
  const day = (iso: string) => formatDate(iso, 'long');
  return (
    <div className="stack">
      <h1>{t('retention.title')}</h1>
      <p>{t('retention.intro')}</p>
      <PageState query={query} />
      {query.data && (
        <>
          <p>{t('retention.nextRun', { when: when(query.data.nextRunAt), count: query.data.tables.reduce((n, r) => n + r.rows, 0) })}</p>
          <ul className="mails" aria-label={t('retention.listLabel')}>
            {query.data.tables.map((row) => (
              <li key={row.table} className="card">
                <h2>{t(`retention.tables.${row.table}`, { defaultValue: row.table })}</h2>
                <p>
                  {t('retention.before', { day: day(row.cutoff) })}{' '}
                  {t(row.action === 'delete' ? 'retention.deletes' : 'retention.anonymises', { count: row.rows })}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
