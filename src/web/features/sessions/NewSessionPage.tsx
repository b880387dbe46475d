import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CreateSessionRequest } from '../../../contracts/sessions';
import { api } from '../../api';
import { homeQuery } from '../../home-query';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { SelectField } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { fieldErrorsOf, usePlans, useRequiredCheck } from './library';
import { PlanSelect, SessionModeFields, SessionTimeFields } from './SessionFields';
import './sessions.css';

type PlannedType = 'community' | 'outing' | 'oneOnOne' | 'classWide';
/** What a coach may plan for each kind of community: a caseload meets one-on-one, a class as a whole (ADR 0025, 0027). */
const TYPES_OF_KIND: Record<string, readonly PlannedType[]> = { group: ['community', 'outing', 'oneOnOne'], caseload: ['oneOnOne'], class: ['classWide'] };
const typesOf = (kind: string | undefined) => TYPES_OF_KIND[kind ?? 'group'] ?? TYPES_OF_KIND.group!;

/** A coach plans a session outside the year plan: an extra meeting, an outing, or a one-on-one. */
export function NewSessionPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('sessionInsight.plan.title'));
  const navigate = useNavigate();
  const client = useQueryClient();
  const home = useQuery(homeQuery);
  const plans = usePlans();
  const mine = home.data?.communities.filter((c) => c.relation === 'coach') ?? [];
  const [form, setForm] = useState({ communityId: '', type: 'community' as PlannedType, coacheeId: '', date: '', startTime: '15:30', durationMinutes: '90', location: '', planId: '', mode: '', meetingLink: '' });
  const { missing, anyMissing, check: checkRequired } = useRequiredCheck();
  const communityId = form.communityId || mine[0]?.id || '';
  const community = mine.find((c) => c.id === communityId);
  const types = typesOf(community?.kind);
  // A type the chosen community does not take falls back to its first (a class: class-wide).
  const type = types.includes(form.type) ? form.type : types[0]!;
  const create = useMutation({
    mutationFn: () => {
      const body: CreateSessionRequest = {
        type,
        date: form.date,
        startTime: form.startTime,
        durationMinutes: Number(form.durationMinutes),
        location: form.location,
        ...(form.mode === 'onCampus' || form.mode === 'online' || form.mode === 'hybrid' ? { mode: form.mode } : {}),
        ...(form.mode !== '' && form.mode !== 'onCampus' ? { meetingLink: form.meetingLink } : {}),
        ...(type === 'oneOnOne' ? { coacheeId: form.coacheeId || community?.members?.[0]?.id } : {}),
        ...(form.planId && type !== 'oneOnOne' ? { planId: form.planId } : {}),
      };
      return api<{ id: string }>(`/api/communities/${communityId}/sessions`, { method: 'POST', body });
    },
    onSuccess: async ({ id }) => {
      await client.invalidateQueries({ queryKey: ['sessions'] });
      await navigate(`/sessions/${id}`);
    },
  });
  const errors = { ...fieldErrorsOf(create.error, t), ...missing };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setForm((f) => ({ ...f, [key]: value }));
  };
  if (home.error) return <Alert kind="error">{home.error.message}</Alert>;
  if (!home.data) return <PageState query={home} />;
  return (
    <div className="stack">
      <p>
        <Link to="/sessions">{t('sessions.detail.back')}</Link>
      </p>
      <h1>{t('sessionInsight.plan.title')}</h1>
      <p>{t('sessionInsight.plan.intro')}</p>
      {mine.length === 0 ? (
        <p>{t('sessionInsight.plan.noCommunity')}</p>
      ) : (
        <form
          className="card stack-sm"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (checkRequired({ date: !form.date, startTime: !form.startTime })) create.mutate();
          }}
        >
          {anyMissing && <Alert kind="error">{t('library.form.missing')}</Alert>}
          {mine.length > 1 && (
            <SelectField label={t('sessionInsight.plan.community')} value={communityId} onChange={set('communityId')}>
              {mine.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
          )}
          {types.length > 1 && (
            <fieldset className="field">
              <legend>{t('sessionInsight.plan.type')}</legend>
              <div className="radio-list">
                {types.map((option) => (
                  <label key={option}>
                    <input type="radio" name="type" value={option} checked={type === option} onChange={() => setForm((f) => ({ ...f, type: option }))} />
                    {t(`sessions.types.${option}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {types.length === 1 && (
            <p>
              {t('sessionInsight.plan.type')}: {t(`sessions.types.${type}`)}
            </p>
          )}
          {type === 'oneOnOne' && (
            <SelectField label={t('sessionInsight.plan.coachee')} help={t('sessionInsight.plan.oneOnOneHelp')} value={form.coacheeId || community?.members?.[0]?.id || ''} onChange={set('coacheeId')} error={errors.coacheeId}>
              {community?.members?.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.firstName} {m.lastName ?? ''}
                </option>
              ))}
            </SelectField>
          )}
          <SessionTimeFields form={form} set={set} errors={errors} />
          <SessionModeFields form={form} set={set} errors={errors} withDefault />
          {type !== 'oneOnOne' && (
            <PlanSelect plans={plans.data?.plans} value={form.planId} onChange={set('planId')} error={errors.planId} />
          )}
          {create.error && <Alert kind="error">{create.error.message}</Alert>}
          <button type="submit" className="primary" disabled={create.isPending}>
            {t('sessionInsight.plan.save')}
          </button>
        </form>
      )}
    </div>
  );
}
