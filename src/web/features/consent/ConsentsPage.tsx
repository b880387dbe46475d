import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConsentHistoryResponse, ConsentSummary, MyConsentsResponse } from '../../../contracts/consent';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import './consent.css';
import { formatDate } from '../../format';

const CONSENTS_KEY = ['me', 'consents'] as const;

/** Granular consents: each with its text, the person's current answer, and one click to change it. */
export function ConsentsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('consent.title'));
  const client = useQueryClient();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const consents = useQuery({ queryKey: CONSENTS_KEY, queryFn: () => api<MyConsentsResponse>('/api/me/consents') });
  const history = useQuery({ queryKey: ['me', 'consents', 'history'], queryFn: () => api<ConsentHistoryResponse>('/api/me/consents/history') });
  const [saved, setSaved] = useState<string | null>(null);
  const answer = useMutation({
    mutationFn: ({ consent, decision }: { consent: ConsentSummary; decision: 'grant' | 'withdraw' }) =>
      api<ConsentSummary>(`/api/me/consents/${consent.id}`, { method: 'PUT', body: { decision, textVersion: consent.version, shownLocale: lang } }),
    onSuccess: async (result, { decision }) => {
      setSaved(t(`consent.saved.${decision}`, { title: result.title[lang] }));
      await client.invalidateQueries({ queryKey: ['me', 'consents'] });
    },
    onError: async () => {
      setSaved(null);
      await client.invalidateQueries({ queryKey: ['me', 'consents'] });
    },
  });
  const date = (iso: string) => formatDate(iso, 'long', lang);
  const titleOf = (id: string) => consents.data?.consents.find((c) => c.id === id)?.title[lang] ?? id;

  return (
    <div className="stack">
      <h1>{t('consent.title')}</h1>
      <p className="consent-text">{t('consent.intro')}</p>
      <p>
        <Link to="/privacy/reads">{t('consent.readsLink')}</Link>
      </p>
      <div aria-live="polite">{saved && <Alert kind="success">{saved}</Alert>}</div>
      {answer.error && <Alert kind="error">{answer.error.message}</Alert>}
      <PageState query={consents} />
      {consents.data?.consents.map((c) => {
        const busy = answer.isPending && answer.variables.consent.id === c.id;
        const headingId = `consent-${c.id}`;
        return (
          <section key={c.id} className="card" aria-labelledby={headingId}>
            <h2 id={headingId}>{c.title[lang]}</h2>
            <p className="consent-text">{c.text[lang]}</p>
            <p className="consent-status">
              {c.status === 'unanswered' ? t('consent.status.unanswered') : t(`consent.status.${c.status}`, { date: date(c.answeredAt ?? '') })}
            </p>
            {c.outdated && <Alert kind="info">{t('consent.outdated')}</Alert>}
            <div className="consent-actions">
              {(c.status !== 'granted' || c.outdated) && (
                <button type="button" className="primary-inline" disabled={busy} onClick={() => answer.mutate({ consent: c, decision: 'grant' })}>
                  {c.agreeLabel[lang]}
                </button>
              )}
              {c.status === 'granted' && (
                <button type="button" className="secondary" disabled={busy} onClick={() => answer.mutate({ consent: c, decision: 'withdraw' })}>
                  {t('consent.withdraw')}
                  <span className="visually-hidden">: {c.title[lang]}</span>
                </button>
              )}
              {c.status === 'unanswered' && (
                <button type="button" className="secondary" disabled={busy} onClick={() => answer.mutate({ consent: c, decision: 'withdraw' })}>
                  {t('consent.decline')}
                  <span className="visually-hidden">: {c.title[lang]}</span>
                </button>
              )}
            </div>
          </section>
        );
      })}
      <section className="card" aria-labelledby="consent-history">
        <h2 id="consent-history">{t('consent.historyTitle')}</h2>
        {history.data?.events.length === 0 && <p>{t('consent.historyEmpty')}</p>}
        <ul className="rows">
          {history.data?.events.map((e) => (
            <li key={`${e.consentId}-${e.at}`}>
              {t('consent.historyItem', { date: date(e.at), decision: t(`consent.decision.${e.event}`), title: titleOf(e.consentId), version: e.textVersion })}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
