import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OutboxResponse } from '../../../contracts/admin';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDateTime } from '../../format';

export function OutboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('outbox.title'));
  const query = useQuery({ queryKey: ['outbox'], queryFn: () => api<OutboxResponse>('/api/admin/outbox') });
  const when = (iso: string) => formatDateTime(iso, 'medium');
  return (
    <div className="stack">
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      <p>{t('outbox.secretLinks')}</p>
      <PageState query={query} />
      {query.data && (
        <>
          <Alert kind="info">{query.data.delivers ? t('outbox.delivering') : t('outbox.notDelivering')}</Alert>
          {query.data.mails.length === 0 && <p>{t('outbox.empty')}</p>}
          <ul className="mails">
            {query.data.mails.map((mail) => (
              <li key={mail.id} className="card">
                <dl>
                  <dt>{t('outbox.to')}</dt>
                  <dd>{mail.recipient}</dd>
                  <dt>{t('outbox.subject')}</dt>
                  <dd>{mail.subject}</dd>
                  <dt>{t('outbox.created')}</dt>
                  <dd>{when(mail.createdAt)}</dd>
                  <dt>{t('outbox.sent')}</dt>
                  <dd>{mail.sentAt ? when(mail.sentAt) : t('outbox.notSent')}</dd>
                </dl>
                <pre className="mail-body">{mail.bodyText}</pre>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
