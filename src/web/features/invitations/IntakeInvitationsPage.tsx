import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { IntakeInvitationsResponse, InviteeResponse, InviteIntakeResponse } from '../../../contracts/invitations';
import { INVITEE_STATUSES, type InviteeStatus } from '../../../domain/invitations/invitation-status';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import './invitations.css';
import { formatDate } from '../../format';

const formatDay = (iso: string, language: string) => formatDate(iso, 'long', language);

type Outcome = { kind: 'success' | 'error'; text: string };

/**
 * The coordinator's invitations of an intake: who is invited, reminded, activated or bounced,
 * with counts and a filter; invite everyone not yet invited (now or on the start date) and
 * invite or send again per student.
 */
export function IntakeInvitationsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('invitations.list.title'));
  const { intakeId = '' } = useParams();
  const [filter, setFilter] = useState<InviteeStatus | 'all'>('all');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['invitations', intakeId],
    queryFn: () => api<IntakeInvitationsResponse>(`/api/intakes/${intakeId}/invitations`),
  });

  const describe = (response: InviteIntakeResponse, name?: string): Outcome => {
    const count = (o: string) => response.results.filter((r) => r.outcome === o).length;
    const failed = response.results.filter((r) => r.outcome === 'failed');
    const parts: string[] = [];
    if (name && count('resent') > 0) parts.push(t('invitations.list.resent', { name }));
    else if (count('invited') + count('resent') > 0) parts.push(t('invitations.list.sent', { count: count('invited') + count('resent') }));
    if (count('scheduled') > 0 && query.data) parts.push(t('invitations.list.scheduled', { count: count('scheduled'), date: formatDay(query.data.startDate, i18n.language) }));
    if (failed.length > 0) parts.push(t('invitations.list.failed', { count: failed.length, reason: t(`errors.${failed[0]?.error ?? 'conflict'}`) }));
    return { kind: failed.length > 0 && parts.length === 1 ? 'error' : 'success', text: parts.join(' ') };
  };

  const send = useMutation({
    mutationFn: (body: { when: 'now' | 'startDate'; personIds?: string[]; name?: string }) =>
      api<InviteIntakeResponse>(`/api/intakes/${intakeId}/invitations`, { method: 'POST', body: { when: body.when, ...(body.personIds ? { personIds: body.personIds } : {}) } }),
    onSuccess: async (response, body) => {
      setOutcome(describe(response, body.name));
      await queryClient.invalidateQueries({ queryKey: ['invitations', intakeId] });
    },
    onError: (error) => setOutcome({ kind: 'error', text: error.message }),
  });

  return (
    <div className="stack invitations">
      <p>
        <Link to={`/programme/intakes/${intakeId}`}>{t('invitations.list.back')}</Link>
      </p>
      <h1>{t('invitations.list.title')}</h1>
      <p>{t('invitations.list.intro')}</p>
      <PageState query={query} empty={{ when: (d) => d.counts.total === 0, text: t('invitations.list.empty') }}>
        {(data) => {
          const open = data.counts.notInvited + (data.startPassed ? data.counts.scheduled : 0);
          const shown = filter === 'all' ? data.people : data.people.filter((p) => p.status === filter);
          const start = formatDay(data.startDate, i18n.language);
          return (
            <>
              <section className="card" aria-labelledby="invitations-counts-title">
                <h2 id="invitations-counts-title">{t('invitations.list.counts')}</h2>
                <ul className="invitations-counts">
                  {INVITEE_STATUSES.map((status) => (
                    <li key={status}>
                      <span className="figure">{data.counts[status]}</span> {t(`invitations.status.${status}`)}
                    </li>
                  ))}
                </ul>
                <div className="actions">
                  <button type="button" className="primary" disabled={open === 0 || send.isPending} onClick={() => send.mutate({ when: 'now' })}>
                    {t('invitations.list.inviteAllNow', { count: open })}
                  </button>
                  {!data.startPassed && (
                    <button type="button" className="secondary" disabled={data.counts.notInvited === 0 || send.isPending} onClick={() => send.mutate({ when: 'startDate' })}>
                      {t('invitations.list.inviteOnStart', { date: start })}
                    </button>
                  )}
                </div>
                {data.startPassed && <p className="invitations-note">{t('invitations.list.startPassed', { date: start })}</p>}
                {outcome && (outcome.kind === 'error' ? <Alert kind="error">{outcome.text}</Alert> : <p role="status">{outcome.text}</p>)}
              </section>
              <section className="card" aria-labelledby="invitations-people-title">
                <h2 id="invitations-people-title">{t('invitations.list.title')}</h2>
                <div className="field">
                  <label htmlFor="invitations-filter">{t('invitations.list.filter')}</label>
                  <select id="invitations-filter" value={filter} onChange={(e) => setFilter(e.target.value as InviteeStatus | 'all')}>
                    <option value="all">{t('invitations.list.filterAll', { count: data.counts.total })}</option>
                    {INVITEE_STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {t(`invitations.status.${status}`)} ({data.counts[status]})
                      </option>
                    ))}
                  </select>
                </div>
                {shown.length === 0 ? (
                  <p>{t('invitations.list.emptyFilter')}</p>
                ) : (
                  <ul className="invitations-people">
                    {shown.map((person) => (
                      <Invitee key={person.personId} person={person} busy={send.isPending} onSend={() => send.mutate({ when: 'now', personIds: [person.personId], name: `${person.firstName} ${person.lastName}` })} />
                    ))}
                  </ul>
                )}
              </section>
            </>
          );
        }}
      </PageState>
    </div>
  );
}

function Invitee({ person, busy, onSend }: { person: InviteeResponse; busy: boolean; onSend: () => void }) {
  const { t, i18n } = useTranslation();
  const name = `${person.firstName} ${person.lastName}`;
  const when =
    person.status === 'activated' && person.activatedAt
      ? t('invitations.list.activatedOn', { date: formatDay(person.activatedAt, i18n.language) })
      : person.status === 'reminded' && person.remindedAt
        ? t('invitations.list.remindedOn', { date: formatDay(person.remindedAt, i18n.language) })
        : person.status === 'scheduled' && person.scheduledFor
          ? t('invitations.list.scheduledFor', { date: formatDay(person.scheduledFor, i18n.language) })
          : person.sentAt
            ? t('invitations.list.sentOn', { date: formatDay(person.sentAt, i18n.language) })
            : null;
  return (
    <li className="invitations-person">
      <div>
        <strong>{name}</strong>
        {person.classCode && <span className="invitations-class"> · {person.classCode}</span>}
        <div className="invitations-email">{person.email}</div>
      </div>
      <div>
        <span className={person.status === 'bounced' ? 'tag warn' : 'tag'}>{t(`invitations.status.${person.status}`)}</span>
        {when && <span className="invitations-when"> {when}</span>}
        {person.status === 'bounced' && <div className="invitations-note">{t('invitations.list.bouncedHelp')}</div>}
      </div>
      {person.status !== 'activated' && (
        <button type="button" className="secondary" disabled={busy} onClick={onSend} aria-label={person.status === 'notInvited' || person.status === 'scheduled' ? t('invitations.list.inviteOne', { name }) : t('invitations.list.resendOne', { name })}>
          {person.status === 'notInvited' || person.status === 'scheduled' ? t('invitations.list.invite') : t('invitations.list.resend')}
        </button>
      )}
    </li>
  );
}
