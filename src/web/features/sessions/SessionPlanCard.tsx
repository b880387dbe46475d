import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionDetailResponse } from '../../../contracts/sessions';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { usePlans } from './library';
import { PlanSelect } from './SessionFields';
import { PlanSteps } from './SessionPlansPage';

/** The plan used for a session; the coach picks a saved plan (own or shared) while preparing. */
export function SessionPlanCard({ session }: { session: SessionDetailResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canChoose = session.can.manage && session.status === 'planned';
  const plans = usePlans();
  const [choice, setChoice] = useState(session.plan?.id ?? '');
  const save = useMutation({
    mutationFn: () => api(`/api/sessions/${session.id}/plan`, { method: 'PUT', body: { planId: choice || null } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['session', session.id] }),
  });
  const sessionMinutes = Math.round((new Date(session.endsAt).getTime() - new Date(session.startsAt).getTime()) / 60_000);
  return (
    <section className="card" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('library.session.title')}</h2>
      {session.plan ? (
        <>
          <p className="lead">
            <Link to={`/session-plans/${session.plan.id}`}>{session.plan.title}</Link>
          </p>
          <PlanSteps plan={session.plan} headingLevel={3} />
          {session.plan.durationMinutes > sessionMinutes && <Alert kind="info">{t('library.session.tooLong', { plan: session.plan.durationMinutes, session: sessionMinutes })}</Alert>}
          {session.plan.notes && <p className="pre-line">{session.plan.notes}</p>}
        </>
      ) : (
        <p>{t('library.session.none')}</p>
      )}
      {canChoose && (
        <form
          className="stack-sm"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <PlanSelect plans={plans.data?.plans} value={choice} onChange={(e) => setChoice(e.target.value)} />
          {save.error && <Alert kind="error">{save.error.message}</Alert>}
          {save.isSuccess && <p role="status">{t('library.session.saved')}</p>}
          <div className="button-row">
            <button type="submit" disabled={save.isPending}>
              {t('library.session.use')}
            </button>
            <Link to="/session-plans/new" className="button-link">
              {t('library.plans.new')}
            </Link>
          </div>
        </form>
      )}
    </section>
  );
}
