import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { YearPlanResponse } from '../../../contracts/sessions';
import { api } from '../../api';
import { homeQuery } from '../../home-query';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { SelectField } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { fieldErrorsOf } from './library';
import { formatDay, GapList, YearPlanSessions } from './YearPlanView';
import './sessions.css';

/** A community's year plan: generate the series, see holidays and gaps, open a session to move or cancel it. */
export function CommunityYearPlanPage() {
  const { communityId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const plan = useQuery({ queryKey: ['year-plan', communityId], queryFn: () => api<YearPlanResponse>(`/api/communities/${communityId}/year-plan`) });
  const home = useQuery(homeQuery);
  const community = home.data?.communities.find((c) => c.id === communityId);
  const canPlan = community?.relation === 'coach' || community?.relation === 'coordinator';
  useDocumentTitle(t('sessions.plan.title'));
  if (plan.error) return <Alert kind="error">{plan.error.message}</Alert>;
  if (!plan.data) return <PageState query={plan} />;
  const p = plan.data;
  return (
    <div className="stack">
      <p>
        <Link to={`/communities/${communityId}`}>{t('sessionInsight.backToCommunity')}</Link>
      </p>
      <h1>
        {t('sessions.plan.title')}
        {community ? ` · ${community.name}` : ''}
      </h1>
      <p>{t('sessionInsight.yearPlan.intro', { year: p.academicYear, interval: p.intervalDays })}</p>
      <section className="card" aria-labelledby="gaps-title">
        <h2 id="gaps-title">{t('sessions.plan.gaps')}</h2>
        <GapList plan={p} />
      </section>
      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('sessionInsight.yearPlan.sessionsTitle')}</h2>
        <YearPlanSessions plan={p} manageable={canPlan} />
      </section>
      <section className="card" aria-labelledby="holidays-title">
        <h2 id="holidays-title">{t('sessionInsight.yearPlan.holidays')}</h2>
        {p.holidays.length === 0 ? (
          <p>{t('sessionInsight.yearPlan.noHolidays')}</p>
        ) : (
          <ul className="rows">
            {p.holidays.map((h) => (
              <li key={`${h.name}-${h.from}`}>
                <strong>{h.name}</strong>: {formatDay(h.from, i18n.language)} – {formatDay(h.to, i18n.language)}
              </li>
            ))}
          </ul>
        )}
      </section>
      {canPlan && <GenerateForm communityId={communityId} plan={p} />}
    </div>
  );
}

function GenerateForm({ communityId, plan }: { communityId: string; plan: YearPlanResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState({
    weekday: String(plan.series?.weekday ?? 2),
    startTime: plan.series?.startTime ?? '15:30',
    durationMinutes: String(plan.series?.durationMinutes ?? 90),
    location: plan.series?.location ?? '',
  });
  const generate = useMutation({
    mutationFn: () => api<YearPlanResponse>(`/api/communities/${communityId}/year-plan`, { method: 'POST', body: { ...form, weekday: Number(form.weekday), durationMinutes: Number(form.durationMinutes) } }),
    onSuccess: (data) => {
      client.setQueryData(['year-plan', communityId], data);
      void client.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
  const errors = fieldErrorsOf(generate.error, t);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <section className="card" aria-labelledby="generate-title">
      <h2 id="generate-title">{t('sessions.plan.generate')}</h2>
      <p className="help">{t('sessionInsight.yearPlan.generateHelp')}</p>
      <form
        className="stack-sm"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          generate.mutate();
        }}
      >
        <div className="filter-grid">
          <SelectField label={t('sessions.plan.weekday')} value={form.weekday} onChange={set('weekday')} error={errors.weekday}>
            {[1, 2, 3, 4, 5].map((d) => (
              <option key={d} value={d}>
                {t(`sessions.plan.weekdays.${d}`)}
              </option>
            ))}
          </SelectField>
          <Field label={t('sessions.plan.startTime')} type="time" value={form.startTime} onChange={set('startTime')} error={errors.startTime} />
          <Field label={t('sessions.plan.duration')} type="number" inputMode="numeric" min={15} max={600} value={form.durationMinutes} onChange={set('durationMinutes')} error={errors.durationMinutes} />
          <Field label={t('sessions.plan.location')} value={form.location} onChange={set('location')} maxLength={200} error={errors.location} />
        </div>
        {generate.error && <Alert kind="error">{generate.error.message}</Alert>}
        {generate.data && <p role="status">{t('sessions.plan.created', { count: generate.data.created ?? 0 })}</p>}
        <button type="submit" disabled={generate.isPending}>
          {t('sessions.plan.generate')}
        </button>
      </form>
    </section>
  );
}
