import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RsvpLinkResponse } from '../../../contracts/sessions';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useSession } from '../../session';
import { formatWhen } from './format';

/**
 * The page an RSVP link from a reminder e-mail opens. The token is in the URL fragment (never
 * sent to the server in a URL); opening the page changes nothing — the buttons do.
 */
export function RsvpLinkPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('sessions.rsvp.title'));
  const token = window.location.hash.slice(1);
  const [reason, setReason] = useState('');
  // The shared session query (the one the header uses) brings the CSRF token; fetching a second
  // session at the same time would race it for the CSRF cookie.
  const session = useSession();
  const info = useQuery({
    queryKey: ['rsvp-link', token],
    queryFn: () => api<RsvpLinkResponse>('/api/rsvp-link', { method: 'POST', body: { token } }),
    enabled: session.isSuccess,
    retry: false,
  });
  const answer = useMutation({ mutationFn: (response: 'coming' | 'notComing') => api('/api/rsvp-link/answer', { method: 'POST', body: { token, response, reason } }) });
  return (
    <div className="stack narrow">
      <h1>{t('sessions.rsvp.title')}</h1>
      {info.isPending && !session.error && <p role="status">{t('sessions.rsvp.loading')}</p>}
      {(info.error ?? session.error) && <Alert kind="error">{t('sessions.rsvp.invalid')}</Alert>}
      {info.data && (
        <>
          <p className="lead">
            {t(`sessions.types.${info.data.type}`)}
            {info.data.title ? ` · ${info.data.title}` : ''} — {formatWhen(info.data.startsAt, i18n.language)}
          </p>
          {answer.isSuccess ? (
            <p role="status">{t('sessions.rsvp.done')}</p>
          ) : (
            <div className="stack-sm">
              <button type="button" onClick={() => answer.mutate('coming')}>
                {t('sessions.rsvp.confirmComing')}
              </button>
              <div className="field">
                <label htmlFor="rsvp-reason">{t('sessions.list.reason')}</label>
                <input id="rsvp-reason" value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} />
              </div>
              <button type="button" className="secondary" onClick={() => answer.mutate('notComing')}>
                {t('sessions.rsvp.confirmNotComing')}
              </button>
            </div>
          )}
          {answer.error && <Alert kind="error">{answer.error.message}</Alert>}
        </>
      )}
    </div>
  );
}
