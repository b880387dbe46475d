import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../format';
import { localised, researchApi } from './api';
import './research.css';

/** The studies: an onderzoeker's institution's, a coordinator's programmes' (with what waits for them). */
export function ResearchPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('research.list.title'));
  const query = useQuery({ queryKey: ['research', 'studies'], queryFn: researchApi.studies, retry: false });
  return (
    <div className="stack">
      <h1>{t('research.list.title')}</h1>
      <p>{t('research.list.intro')}</p>
      <PageState query={query}>
        {(data) => (
          <>
            {data.canPropose && (
              <p>
                <Link className="button-link" to="/research/new">
                  {t('research.list.propose')}
                </Link>
              </p>
            )}
            {data.studies.length === 0 ? (
              <p>{t('research.list.empty')}</p>
            ) : (
              <ul className="rows research-studies">
                {data.studies.map((s) => (
                  <li key={s.id} className="card">
                    <h2>
                      <Link to={`/research/${s.id}`}>{s.title}</Link>
                    </h2>
                    <p>
                      <span className={`research-status research-status-${s.status}`}>{t(`research.status.${s.status}`)}</span>
                      {s.awaitingMyDecision && <strong className="research-waiting"> {t('research.list.awaitingMe')}</strong>}
                    </p>
                    <p>
                      {t('research.study.period', { start: formatDate(s.periodStart, 'long', i18n.language), end: formatDate(s.periodEnd, 'long', i18n.language) })}
                      {' · '}
                      {s.programmes.map((p) => localised(p.name, i18n.language)).join(', ')}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </PageState>
    </div>
  );
}
