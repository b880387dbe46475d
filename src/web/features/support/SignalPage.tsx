import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SignalDetail } from '../../../contracts/support';
import { nextSignalStatuses, SIGNAL_STATUSES, type SignalStatus } from '../../../domain/support/signals';
import { api, ApiError } from '../../api';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate, SelectField, TextAreaField } from './controls';
import { SIGNALS_KEY } from './SignalsPage';
import './support.css';

/** One signal with its history; the coordinator handling it moves it on with a note for the coach. */
export function SignalPage() {
  const { t, i18n } = useTranslation();
  const { signalId = '' } = useParams();
  const signal = useQuery({ queryKey: ['signal', signalId], queryFn: () => api<SignalDetail>(`/api/signals/${signalId}`) });
  const s = signal.data;
  useDocumentTitle(s ? t('support.signals.detailTitle', { reference: s.reference }) : t('app.loading'));
  if (!s) return <PageState query={signal} back={<Link to="/support/signals">{t('support.signals.back')}</Link>} />;
  const name = (n: { firstName: string; lastName: string } | null) => (n ? `${n.firstName} ${n.lastName}` : null);
  return (
    <div className="stack">
      <h1>{t('support.signals.detailTitle', { reference: s.reference })}</h1>
      <section className="card" aria-labelledby="signal-title">
        <h2 id="signal-title">{s.title}</h2>
        <dl>
          <dt>{t('support.signals.status')}</dt>
          <dd>
            <span className="status-chip">{t(`support.signals.statuses.${s.status}`)}</span>
          </dd>
          <dt>{t('support.signals.kindLabel')}</dt>
          <dd>{t(`support.signals.kinds.${s.kind}`)}</dd>
          <dt>{t('support.signals.programme')}</dt>
          <dd>{s.programme.name}</dd>
          <dt>{t('support.signals.from')}</dt>
          <dd>{name(s.raisedBy) ?? t('support.signals.anonymousLabel')}</dd>
          <dt>{t('support.signals.handler')}</dt>
          <dd>{name(s.handler) ?? t('support.signals.nobody')}</dd>
        </dl>
        <p className="signal-body">{s.body}</p>
      </section>
      <section className="card" aria-labelledby="signal-history">
        <h2 id="signal-history">{t('support.signals.history')}</h2>
        <ol className="rows">
          {s.updates.map((u, i) => (
            <li key={`${u.at}-${i}`}>
              <strong>{t('support.signals.historyItem', { date: formatDate(u.at, i18n.language), status: t(`support.signals.statuses.${u.status}`) })}</strong>{' '}
              {u.by && t('support.signals.historyBy', { name: name(u.by) })} {u.contact && t('support.signals.historyTo', { contact: u.contact })}
              {u.note && <p className="signal-body">{u.note}</p>}
            </li>
          ))}
        </ol>
      </section>
      {s.canHandle && <UpdateSignal signal={s} />}
      <Link to="/support/signals">{t('support.signals.back')}</Link>
    </div>
  );
}

function UpdateSignal({ signal }: { signal: SignalDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const next = nextSignalStatuses(signal.status);
  const [status, setStatus] = useState<SignalStatus>(next[0] ?? 'in_progress');
  const [contactId, setContactId] = useState(signal.contacts[0]?.id ?? '');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: () =>
      api<SignalDetail>(`/api/signals/${signal.id}/updates`, {
        method: 'POST',
        body: { status, note, version: signal.version, ...(status === 'forwarded' ? { contactId } : {}) },
      }),
    onSuccess: async (fresh) => {
      client.setQueryData(['signal', signal.id], fresh);
      setNote('');
      setStatus(nextSignalStatuses(fresh.status)[0] ?? 'in_progress');
      setDone(t('support.signals.updated'));
      await client.invalidateQueries({ queryKey: SIGNALS_KEY });
    },
    onError: () => setDone(null),
  });
  const fields = update.error instanceof ApiError ? Object.fromEntries(update.error.fields.map((f) => [f.path, f.message])) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate();
  };
  return (
    <section className="card" aria-labelledby="update-signal">
      <h2 id="update-signal">{t('support.signals.updateTitle')}</h2>
      <div aria-live="polite">{done && <Alert kind="success">{done}</Alert>}</div>
      {update.error && <Alert kind="error">{update.error.message}</Alert>}
      <form onSubmit={submit} noValidate>
        <SelectField label={t('support.signals.newStatus')} value={status} onChange={(e) => setStatus(SIGNAL_STATUSES.find((x) => x === e.target.value) ?? status)}>
          {next.map((x) => (
            <option key={x} value={x}>
              {t(`support.signals.statuses.${x}`)}
            </option>
          ))}
        </SelectField>
        {status === 'forwarded' &&
          (signal.contacts.length === 0 ? (
            <Alert kind="info">{t('support.signals.noContacts')}</Alert>
          ) : (
            <SelectField label={t('support.signals.contact')} value={contactId} error={fields.contactId} onChange={(e) => setContactId(e.target.value)}>
              {signal.contacts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </SelectField>
          ))}
        <TextAreaField label={t('support.signals.note')} help={t('support.signals.noteHelp')} value={note} error={fields.note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="primary" disabled={update.isPending}>
          {t('support.signals.update')}
        </button>
      </form>
    </section>
  );
}
