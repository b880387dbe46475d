import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HelpDirectoryResponse, Referral, ReferralListResponse, ReferrableCoacheesResponse } from '../../../contracts/support';
import { FOLLOW_UP_OUTCOMES, type FollowUpOutcome } from '../../../domain/support/referrals';
import { api, ApiError } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useSession } from '../../session';
import { CheckboxField, formatDate, SelectField } from './controls';
import { HELP_KEY } from './HelpPage';
import './support.css';
import { todayInAmsterdam } from '../../format';

const today = () => todayInAmsterdam();

/** Referrals: the coachee's own list; for a coach, recording one and answering the follow-up. */
export function ReferralsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('support.referrals.title'));
  const roles = new Set(useSession().data?.person?.roles.map((r) => r.role) ?? []);
  return (
    <div className="stack">
      <h1>{t('support.referrals.title')}</h1>
      <p>{t('support.referrals.intro')}</p>
      {roles.has('studentcoach') && <CoachReferrals />}
      {roles.has('coachee') && <MyReferrals />}
      <p>
        <Link to="/help">{t('support.nav.help')}</Link>
      </p>
    </div>
  );
}

function MyReferrals() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const mine = useQuery({ queryKey: ['referrals', 'mine'], queryFn: () => api<ReferralListResponse>('/api/me/referrals') });
  return (
    <section className="card" aria-labelledby="my-referrals">
      <h2 id="my-referrals">{t('support.referrals.mineTitle')}</h2>
      {mine.error && <Alert kind="error">{mine.error.message}</Alert>}
      {mine.data?.referrals.length === 0 && <p>{t('support.referrals.mineEmpty')}</p>}
      <ul className="rows">
        {mine.data?.referrals.map((r) => (
          <li key={r.id}>
            <strong>{t('support.referrals.mineItem', { resource: r.resource.name[lang], date: formatDate(r.referredOn, lang) })}</strong>
            {r.coach && <p className="help">{t('support.referrals.byCoach', { name: `${r.coach.firstName} ${r.coach.lastName}` })}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CoachReferrals() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const client = useQueryClient();
  const coachees = useQuery({ queryKey: ['referrals', 'coachees'], queryFn: () => api<ReferrableCoacheesResponse>('/api/referrals/coachees') });
  const help = useQuery({ queryKey: HELP_KEY, queryFn: () => api<HelpDirectoryResponse>('/api/help') });
  const recorded = useQuery({ queryKey: ['referrals', 'recorded'], queryFn: () => api<ReferralListResponse>('/api/referrals') });
  const [coacheeId, setCoacheeId] = useState('');
  const [resourceId, setResourceId] = useState('');
  const [referredOn, setReferredOn] = useState(today());
  const [agreed, setAgreed] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: () => api<Referral>('/api/referrals', { method: 'POST', body: { coacheeId, resourceId, referredOn, coacheeAgreed: agreed } }),
    onSuccess: async () => {
      setDone(t('support.referrals.recorded'));
      setCoacheeId('');
      setResourceId('');
      setAgreed(false);
      await client.invalidateQueries({ queryKey: ['referrals'] });
    },
    onError: () => setDone(null),
  });
  const fields = record.error instanceof ApiError ? Object.fromEntries(record.error.fields.map((f) => [f.path, f.message])) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate();
  };
  const active = (help.data?.resources ?? []).filter((r) => !r.archived);

  return (
    <>
      <section className="card" aria-labelledby="record-referral">
        <h2 id="record-referral">{t('support.referrals.recordTitle')}</h2>
        <p>{t('support.referrals.recordIntro')}</p>
        <div aria-live="polite">{done && <Alert kind="success">{done}</Alert>}</div>
        {record.error && <Alert kind="error">{record.error.message}</Alert>}
        {coachees.data?.coachees.length === 0 ? (
          <p>{t('support.referrals.noCoachees')}</p>
        ) : (
          <form onSubmit={submit} noValidate>
            <SelectField
              label={t('support.referrals.coachee')}
              help={t('support.referrals.noConsentHelp')}
              value={coacheeId}
              error={fields.coacheeId}
              required
              onChange={(e) => setCoacheeId(e.target.value)}
            >
              <option value="">{t('support.referrals.choose')}</option>
              {coachees.data?.coachees.map((c) => (
                <option key={c.id} value={c.id} disabled={!c.consented}>
                  {c.consented ? `${c.firstName} ${c.lastName}` : t('support.referrals.noConsent', { name: `${c.firstName} ${c.lastName}` })}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('support.referrals.resource')} value={resourceId} error={fields.resourceId} required onChange={(e) => setResourceId(e.target.value)}>
              <option value="">{t('support.referrals.choose')}</option>
              {(['inside', 'outside'] as const).map((kind) => (
                <optgroup key={kind} label={t(`support.help.${kind}`)}>
                  {active
                    .filter((r) => r.kind === kind)
                    .map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.name[lang]}
                      </option>
                    ))}
                </optgroup>
              ))}
            </SelectField>
            <Field label={t('support.referrals.date')} type="date" value={referredOn} max={today()} error={fields.referredOn} required onChange={(e) => setReferredOn(e.target.value)} />
            <CheckboxField label={t('support.referrals.agreed')} checked={agreed} error={fields.coacheeAgreed} required onChange={setAgreed} />
            <button type="submit" className="primary" disabled={record.isPending}>
              {t('support.referrals.submit')}
            </button>
          </form>
        )}
      </section>
      <section className="card" aria-labelledby="recorded-referrals">
        <h2 id="recorded-referrals">{t('support.referrals.recordedTitle')}</h2>
        {recorded.error && <Alert kind="error">{recorded.error.message}</Alert>}
        {recorded.data?.referrals.length === 0 && <p>{t('support.referrals.recordedEmpty')}</p>}
        <ul className="rows">
          {recorded.data?.referrals.map((r) => <RecordedReferral key={r.id} referral={r} />)}
        </ul>
      </section>
    </>
  );
}

function RecordedReferral({ referral }: { referral: Referral }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<FollowUpOutcome | ''>('');
  const name = `${referral.coachee.firstName} ${referral.coachee.lastName}`;
  const answer = useMutation({
    mutationFn: () => api<Referral>(`/api/referrals/${referral.id}/follow-up`, { method: 'PUT', body: { outcome } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['referrals'] }),
  });
  return (
    <li>
      <strong>{t('support.referrals.recordedItem', { name, resource: referral.resource.name[lang], date: formatDate(referral.referredOn, lang) })}</strong>
      {referral.followUpOutcome ? (
        <p>{t('support.referrals.outcome', { outcome: t(`support.referrals.outcomes.${referral.followUpOutcome}`) })}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (outcome) answer.mutate();
          }}
        >
          {answer.error && <Alert kind="error">{answer.error.message}</Alert>}
          <SelectField
            label={t('support.referrals.followUpFor', { name })}
            help={t('support.referrals.followUpDue', { date: formatDate(referral.followUpDueAt, lang) })}
            value={outcome}
            onChange={(e) => setOutcome(FOLLOW_UP_OUTCOMES.find((o) => o === e.target.value) ?? '')}
          >
            <option value="">{t('support.referrals.choose')}</option>
            {FOLLOW_UP_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`support.referrals.outcomes.${o}`)}
              </option>
            ))}
          </SelectField>
          <div className="row-actions">
            <button type="submit" disabled={!outcome || answer.isPending}>
              {t('support.referrals.followUpSave')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
