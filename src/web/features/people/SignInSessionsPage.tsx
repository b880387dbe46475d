import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SignInSessionsResponse } from '../../../contracts/people';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { fetchSession, SESSION_KEY } from '../../session';
import { dateTime, deviceName } from './labels';
import './people.css';

const KEY = ['me', 'sign-in-sessions'] as const;
type Session = SignInSessionsResponse['sessions'][number];

/** "Waar ben ik ingelogd": one's sessions with device and last use; sign out one, elsewhere, or everywhere. */
export function SignInSessionsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('people.sessions.title'));
  const client = useQueryClient();
  const navigate = useNavigate();
  const query = useQuery({ queryKey: KEY, queryFn: () => api<SignInSessionsResponse>('/api/me/sign-in-sessions') });
  const [done, setDone] = useState<string | null>(null);
  const leave = async () => {
    client.clear();
    client.setQueryData(SESSION_KEY, await fetchSession());
    await navigate('/sign-in');
  };
  const endOne = useMutation({
    mutationFn: (s: Session) => api(`/api/me/sign-in-sessions/${s.id}`, { method: 'DELETE' }),
    onSuccess: async (_, s) => {
      if (s.current) return leave();
      setDone(t('people.sessions.signedOut', { device: deviceName(s, t) }));
      await client.invalidateQueries({ queryKey: KEY });
    },
  });
  const endOthers = useMutation({
    mutationFn: () => api('/api/me/sign-in-sessions/sign-out-others', { method: 'POST' }),
    onSuccess: async () => {
      setDone(t('people.sessions.endedOthers'));
      await client.invalidateQueries({ queryKey: KEY });
    },
  });
  const endAll = useMutation({ mutationFn: () => api('/api/me/sign-in-sessions/sign-out-all', { method: 'POST' }), onSuccess: leave });
  const error = endOne.error ?? endOthers.error ?? endAll.error;
  return (
    <div className="stack">
      <h1>{t('people.sessions.title')}</h1>
      <p>{t('people.sessions.intro')}</p>
      {done && <Alert kind="success">{done}</Alert>}
      {error && <Alert kind="error">{error.message}</Alert>}
      <PageState query={query}>
        {(data) => (
          <>
            <ul className="people-sessions" aria-label={t('people.sessions.listLabel')}>
              {data.sessions.map((s) => {
                const device = deviceName(s, t);
                return (
                  <li key={s.id} className="card stack-sm">
                    <h2>
                      {device}
                      {s.current && <span className="tag people-status">{t('people.sessions.thisSession')}</span>}
                    </h2>
                    <p className="people-meta">{t('people.sessions.lastSeen', { when: dateTime(s.lastSeenAt, i18n.language) })}</p>
                    <p className="people-meta">{t('people.sessions.createdAt', { when: dateTime(s.createdAt, i18n.language) })}</p>
                    <div className="actions">
                      <button type="button" className="secondary" disabled={endOne.isPending} aria-label={t('people.sessions.signOutNamed', { device: s.current ? t('people.sessions.thisSession') : device })} onClick={() => endOne.mutate(s)}>
                        {t('people.sessions.signOut')}
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
            <div className="actions">
              {data.sessions.length > 1 ? (
                <button type="button" className="primary" disabled={endOthers.isPending} onClick={() => endOthers.mutate()}>
                  {t('people.sessions.signOutOthers')}
                </button>
              ) : (
                <p>{t('people.sessions.onlyHere')}</p>
              )}
              <button type="button" className="secondary" disabled={endAll.isPending} onClick={() => endAll.mutate()}>
                {t('people.sessions.signOutAll')}
              </button>
            </div>
          </>
        )}
      </PageState>
    </div>
  );
}
