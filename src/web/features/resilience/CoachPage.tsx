/** The coach's starting point: coachees, their shared maps, guided conversations. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { startConversation, useCoachees } from './api';
import './resilience.css';
import { formatDate } from '../../format';

export function CoachPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useCoachees();
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle(t('resilience.coach.title'));
  const formatDay = (d: string) => formatDate(d, 'medium');
  return (
    <div className="stack">
      <h1>{t('resilience.coach.title')}</h1>
      <p>{t('resilience.coach.intro')}</p>
      {error && <Alert kind="error">{error}</Alert>}
      <PageState query={query} />
      {query.data?.coachees.length === 0 && <p>{t('resilience.coach.none')}</p>}
      {query.data && query.data.coachees.length > 0 && (
        <ul className="rmap-coachees">
          {query.data.coachees.map((c) => {
            const name = `${c.firstName} ${c.lastName}`;
            return (
              <li key={c.id} className="card">
                <h2>{name}</h2>
                <p className="help">
                  {c.community} · {c.sharedMap ? t(c.sharedMap.mode === 'edit' ? 'resilience.coach.sharedEdit' : 'resilience.coach.sharedView') : t('resilience.coach.notShared')}
                </p>
                {!c.consented && <p>{t('resilience.coach.noConsent', { name: c.firstName })}</p>}
                {c.consented && (
                <div className="rmap-actions">
                  {c.sharedMap && (
                    <Link className="rmap-button" to={`/resilience/maps/${c.sharedMap.mapId}`}>
                      {t('resilience.coach.openMap', { name: c.firstName })}
                    </Link>
                  )}
                  <button
                    type="button"
                    className="rmap-button"
                    onClick={() => {
                      startConversation(c.id)
                        .then((started) => navigate(`/resilience/conversations/${started.id}`))
                        .catch((e: Error) => setError(e.message));
                    }}
                  >
                    {t('resilience.coach.start', { name: c.firstName })}
                  </button>
                </div>
                )}
                {c.conversations.length > 0 && (
                  <ul>
                    {c.conversations.map((conversation) => (
                      <li key={conversation.id}>
                        <Link to={`/resilience/conversations/${conversation.id}`}>
                          {t('resilience.coach.conversation', { date: formatDay(conversation.heldOn), done: conversation.done, total: conversation.total })}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
