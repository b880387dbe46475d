import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReadsResponse } from '../../../contracts/consent';
import { api } from '../../api';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import './consent.css';
import { formatDateTime } from '../../format';

const KNOWN_TYPES = new Set(['referral', 'signal', 'checkin', 'resilienceMap', 'oneOnOneNote', 'logbook']);

/**
 * "Wie heeft mijn gegevens bekeken": reads of the person's sensitive data by someone else, one
 * line per reader, object and hour with how often (the server counts; every read stays audited).
 */
export function ReadsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('consent.reads.title'));
  const reads = useQuery({ queryKey: ['me', 'reads'], queryFn: () => api<ReadsResponse>('/api/me/reads') });
  const when = (iso: string) => formatDateTime(iso, 'medium');
  return (
    <div className="stack">
      <h1>{t('consent.reads.title')}</h1>
      <p className="consent-text">{t('consent.reads.intro')}</p>
      <PageState query={reads} empty={{ when: (data) => data.reads.length === 0, text: t('consent.reads.empty') }}>
        {(data) => (
          <table className="reads-table">
            <thead>
              <tr>
                <th scope="col">{t('consent.reads.who')}</th>
                <th scope="col">{t('consent.reads.what')}</th>
              </tr>
            </thead>
            <tbody>
              {data.reads.map((r, i) => (
                <tr key={`${r.at}-${i}`}>
                  <td>
                    <span className="reads-reader">{r.reader ? `${r.reader.firstName} ${r.reader.lastName}` : t('consent.reads.unknownReader')}</span>
                    <span className="reads-when">{when(r.at)}</span>
                  </td>
                  <td>
                    {t(`consent.reads.types.${KNOWN_TYPES.has(r.resourceType) ? r.resourceType : 'other'}`)}
                    <span className="reads-count">{t('consent.reads.times', { count: r.count })}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PageState>
      <p>
        <Link to="/privacy/consents">{t('consent.consentsLink')}</Link>
      </p>
    </div>
  );
}
