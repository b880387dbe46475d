import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProgrammeContactsResponse, SignalsOverviewResponse, SignalSummary } from '../../../contracts/support';
import { SIGNAL_KINDS, type SignalKind } from '../../../domain/support/signals';
import { api, ApiError } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { CheckboxField, formatDate, RadioGroup, SelectField, TextAreaField } from './controls';
import './support.css';

export const SIGNALS_KEY = ['signals'] as const;

/** Signals: a coach raises one and follows it; a coordinator reads the inbox and keeps the programme's contacts. */
export function SignalsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('support.signals.title'));
  const overview = useQuery({ queryKey: SIGNALS_KEY, queryFn: () => api<SignalsOverviewResponse>('/api/signals') });
  const data = overview.data;
  return (
    <div className="stack">
      <h1>{t('support.signals.title')}</h1>
      <p>{t('support.signals.intro')}</p>
      <PageState query={overview} />
      {data && data.canRaiseIn.length > 0 && <RaiseSignal programmes={data.canRaiseIn} />}
      {data && (data.canRaiseIn.length > 0 || data.raised.length > 0) && (
        <SignalList id="my-signals" title={t('support.signals.mineTitle')} empty={t('support.signals.mineEmpty')} items={data.raised} />
      )}
      {data && data.handles.length > 0 && (
        <>
          <SignalList id="inbox" title={t('support.signals.inboxTitle')} empty={t('support.signals.inboxEmpty')} items={data.inbox} />
          {data.handles.map((p) => (
            <ProgrammeContacts key={p.id} programme={p} />
          ))}
        </>
      )}
    </div>
  );
}

function SignalList({ id, title, empty, items }: { id: string; title: string; empty: string; items: SignalSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 && <p>{empty}</p>}
      <ul className="rows">
        {items.map((s) => (
          <li key={s.id}>
            <Link to={`/support/signals/${s.id}`}>
              {s.reference}: {s.title}
            </Link>{' '}
            <span className="status-chip">{t(`support.signals.statuses.${s.status}`)}</span>
            <p className="help">
              {t(`support.signals.kinds.${s.kind}`)} · {formatDate(s.createdAt, i18n.language)} ·{' '}
              {s.raisedBy ? t('support.signals.raisedBy', { name: `${s.raisedBy.firstName} ${s.raisedBy.lastName}` }) : t('support.signals.anonymousLabel')}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RaiseSignal({ programmes }: { programmes: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [programmeId, setProgrammeId] = useState(programmes[0]?.id ?? '');
  const [kind, setKind] = useState<SignalKind>('need');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const raise = useMutation({
    mutationFn: () => api<SignalSummary>('/api/signals', { method: 'POST', body: { programmeId, kind, anonymous, title, body } }),
    onSuccess: async (s) => {
      setDone(t('support.signals.raised', { reference: s.reference }));
      setTitle('');
      setBody('');
      setAnonymous(false);
      await client.invalidateQueries({ queryKey: SIGNALS_KEY });
    },
    onError: () => setDone(null),
  });
  const fields = raise.error instanceof ApiError ? Object.fromEntries(raise.error.fields.map((f) => [f.path, f.message])) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    raise.mutate();
  };
  return (
    <section className="card" aria-labelledby="raise-signal">
      <h2 id="raise-signal">{t('support.signals.raiseTitle')}</h2>
      <div aria-live="polite">{done && <Alert kind="success">{done}</Alert>}</div>
      {raise.error && <Alert kind="error">{raise.error.message}</Alert>}
      <form onSubmit={submit} noValidate>
        {programmes.length > 1 && (
          <SelectField label={t('support.signals.programme')} value={programmeId} onChange={(e) => setProgrammeId(e.target.value)}>
            {programmes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        )}
        <RadioGroup
          legend={t('support.signals.kind')}
          name="signal-kind"
          value={kind}
          onChange={setKind}
          options={SIGNAL_KINDS.map((k) => ({ value: k, label: t(`support.signals.kinds.${k}`), help: t(`support.signals.kindHelp.${k}`) }))}
        />
        <Field label={t('support.signals.titleField')} value={title} error={fields.title} maxLength={120} required onChange={(e) => setTitle(e.target.value)} />
        <TextAreaField label={t('support.signals.body')} help={t('support.signals.bodyHelp')} value={body} error={fields.body} maxLength={4000} required onChange={(e) => setBody(e.target.value)} />
        <CheckboxField label={t('support.signals.anonymous')} help={t('support.signals.anonymousHelp')} checked={anonymous} onChange={setAnonymous} />
        <button type="submit" className="primary" disabled={raise.isPending}>
          {t('support.signals.submit')}
        </button>
      </form>
    </section>
  );
}

function ProgrammeContacts({ programme }: { programme: { id: string; name: string } }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = ['signal-contacts', programme.id];
  const url = `/api/programmes/${programme.id}/signal-contacts`;
  const contacts = useQuery({ queryKey: key, queryFn: () => api<ProgrammeContactsResponse>(url) });
  const [label, setLabel] = useState('');
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => api<ProgrammeContactsResponse>(url, { method: 'POST', body: { label, email } }),
    onSuccess: (data) => {
      client.setQueryData(key, data);
      setLabel('');
      setEmail('');
      setDone(t('support.signals.contactAdded'));
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<ProgrammeContactsResponse>(`${url}/${id}`, { method: 'DELETE' }),
    onSuccess: (data) => {
      client.setQueryData(key, data);
      setDone(t('support.signals.contactRemoved'));
    },
  });
  const fields = add.error instanceof ApiError ? Object.fromEntries(add.error.fields.map((f) => [f.path, f.message])) : {};
  const headingId = `contacts-${programme.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('support.signals.contactsTitle', { programme: programme.name })}</h2>
      <p className="help">{t('support.signals.contactsIntro')}</p>
      <div aria-live="polite">{done && <Alert kind="success">{done}</Alert>}</div>
      {(add.error ?? remove.error) && <Alert kind="error">{(add.error ?? remove.error)?.message}</Alert>}
      {contacts.data?.contacts.length === 0 && <p>{t('support.signals.contactsEmpty')}</p>}
      <ul className="rows">
        {contacts.data?.contacts.map((c) => (
          <li key={c.id}>
            {c.label} · {c.email}
            <div className="row-actions">
              <button type="button" onClick={() => remove.mutate(c.id)} disabled={remove.isPending}>
                {t('support.signals.removeContact', { label: c.label })}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
        noValidate
      >
        <Field label={t('support.signals.contactLabel')} value={label} error={fields.label} required onChange={(e) => setLabel(e.target.value)} />
        <Field label={t('support.signals.contactEmail')} type="email" value={email} error={fields.email} required onChange={(e) => setEmail(e.target.value)} />
        <button type="submit" className="primary" disabled={add.isPending}>
          {t('support.signals.addContact')}
        </button>
      </form>
    </section>
  );
}
