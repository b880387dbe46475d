import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AttendanceSignalsResponse, SessionListResponse, SessionSummary } from '../../../contracts/sessions';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useSession } from '../../session';
import { SignalList } from './AttendanceSignalsCard';
import { formatWhen } from './format';
import './sessions.css';
import { RsvpButtons } from './RsvpButtons';

export function SessionsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('sessions.list.title'));
  const coaches = useSession().data?.person?.roles.some((r) => r.role === 'studentcoach') ?? false;
  const list = useQuery({ queryKey: ['sessions'], queryFn: () => api<SessionListResponse>('/api/sessions') });
  const signals = useQuery({ queryKey: ['attendance-signals'], queryFn: () => api<AttendanceSignalsResponse>('/api/attendance-signals') });
  const now = Date.now();
  const sessions = list.data?.sessions ?? [];
  const upcoming = sessions.filter((s) => new Date(s.endsAt).getTime() >= now);
  const recent = sessions.filter((s) => new Date(s.endsAt).getTime() < now).reverse();
  return (
    <div className="stack">
      <h1>{t('sessions.list.title')}</h1>
      {coaches && (
        <p>
          <Link to="/sessions/new" className="button-link">
            {t('sessionInsight.plan.title')}
          </Link>
        </p>
      )}
      <PageState query={list} />
      {signals.data && signals.data.signals.length > 0 && (
        <section className="card" aria-labelledby="signals-title">
          <h2 id="signals-title">{t('sessions.signals.title')}</h2>
          <SignalList signals={signals.data.signals} />
        </section>
      )}
      <SessionList id="upcoming" title={t('sessions.list.upcoming')} items={upcoming} language={i18n.language} />
      <SessionList id="recent" title={t('sessions.list.recent')} items={recent} language={i18n.language} />
      <CalendarFeedCard />
    </div>
  );
}

function SessionList({ id, title, items, language }: { id: string; title: string; items: SessionSummary[]; language: string }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {items.length === 0 && <p>{t('sessions.list.none')}</p>}
      <ul className="session-list">
        {items.map((s) => (
          <li key={s.id} className="session-item">
            <p className="lead">
              <Link to={`/sessions/${s.id}`}>
                {formatWhen(s.startsAt, language)} · {s.withName ? t('sessions.detail.oneOnOneWith', { name: s.withName }) : t(`sessions.types.${s.type}`)}
                {s.communityName && !s.withName ? ` · ${s.communityName}` : ''}
              </Link>
            </p>
            {s.status === 'cancelled' && <p className="chip">{t('sessions.list.cancelled')}</p>}
            {s.counts && <p>{t('sessions.list.counts', s.counts)}</p>}
            {s.logbookDue && (
              <p>
                <Link to={`/sessions/${s.id}#logbook`}>{t('sessions.list.logbookDue')}</Link>
              </p>
            )}
            {s.relation === 'participant' && s.status === 'planned' && new Date(s.endsAt).getTime() > Date.now() && <RsvpButtons session={s} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CalendarFeedCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const status = useQuery({ queryKey: ['calendar-feed'], queryFn: () => api<{ exists: boolean }>('/api/me/calendar-feed') });
  const make = useMutation({
    mutationFn: () => api<{ url: string }>('/api/me/calendar-feed', { method: 'POST' }),
    onSuccess: (r) => {
      setUrl(r.url);
      void client.invalidateQueries({ queryKey: ['calendar-feed'] });
    },
  });
  return (
    <section className="card" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('sessions.feed.title')}</h2>
      <p>{t('sessions.feed.help')}</p>
      {status.data?.exists && !url && <p>{t('sessions.feed.exists')}</p>}
      {url && (
        <div className="field">
          <label htmlFor="feed-url">{t('sessions.feed.copy')}</label>
          <input id="feed-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      {make.error && <Alert kind="error">{make.error.message}</Alert>}
      <button type="button" onClick={() => make.mutate()}>
        {status.data?.exists || url ? t('sessions.feed.remake') : t('sessions.feed.make')}
      </button>
    </section>
  );
}
