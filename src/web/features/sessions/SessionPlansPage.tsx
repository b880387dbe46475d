import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { SessionPlanView } from '../../../contracts/activities';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { ConfirmAction } from './ConfirmAction';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { minutesLabel, usePlans } from './library';
import './sessions.css';

/** My session plans and the ones other coaches share, to reuse when preparing a session. */
export function SessionPlansPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('library.plans.title'));
  const plans = usePlans();
  const mine = plans.data?.plans.filter((p) => p.mine) ?? [];
  const shared = plans.data?.plans.filter((p) => !p.mine) ?? [];
  return (
    <div className="stack">
      <p>
        <Link to="/activities">{t('library.back')}</Link>
      </p>
      <h1>{t('library.plans.title')}</h1>
      <p>{t('library.plans.intro')}</p>
      <p>
        <Link to="/session-plans/new" className="button-link">
          {t('library.plans.new')}
        </Link>
      </p>
      <PageState query={plans} />
      <PlanList id="mine" title={t('library.plans.mine')} items={plans.data ? mine : []} />
      <PlanList id="shared" title={t('library.plans.shared')} items={plans.data ? shared : []} />
    </div>
  );
}

function PlanList({ id, title, items }: { id: string; title: string; items: SessionPlanView[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {items.length === 0 && <p>{t('library.plans.none')}</p>}
      <ul className="rows">
        {items.map((p) => (
          <li key={p.id}>
            <Link to={`/session-plans/${p.id}`}>{p.title}</Link> · {t('library.plans.summary', { count: p.activities.length, minutes: p.durationMinutes })}
            {!p.mine && p.authorName ? ` · ${t('library.by', { name: p.authorName })}` : ''}
            {p.mine && p.shared ? ` · ${t('library.plans.isShared')}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One plan: its activities in order with the minutes added up. */
export function SessionPlanPage() {
  const { planId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const plan = useQuery({ queryKey: ['session-plan', planId, i18n.language], queryFn: () => api<SessionPlanView>(`/api/session-plans/${planId}`) });
  const remove = useMutation({
    mutationFn: () => api(`/api/session-plans/${planId}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['session-plans'] });
      await navigate('/session-plans');
    },
  });
  useDocumentTitle(plan.data?.title ?? t('library.plans.title'));
  if (plan.error) return <Alert kind="error">{plan.error.message}</Alert>;
  if (!plan.data) return <PageState query={plan} />;
  const p = plan.data;
  return (
    <div className="stack">
      <p>
        <Link to="/session-plans">{t('library.plans.back')}</Link>
      </p>
      <h1>{p.title}</h1>
      {!p.mine && p.authorName && <p className="muted-text">{t('library.by', { name: p.authorName })}</p>}
      <PlanSteps plan={p} />
      {p.notes && (
        <section className="card" aria-labelledby="notes-title">
          <h2 id="notes-title">{t('library.plans.notes')}</h2>
          <p className="pre-line">{p.notes}</p>
        </section>
      )}
      {p.mine && (
        <section className="card" aria-labelledby="own-plan-title">
          <h2 id="own-plan-title">{t('library.plans.yours')}</h2>
          <p>{p.shared ? t('library.plans.isShared') : t('library.plans.isPrivate')}</p>
          <ul className="link-row">
            <li>
              <Link to={`/session-plans/${p.id}/edit`}>{t('library.edit')}</Link>
            </li>
          </ul>
          <ConfirmAction label={t('library.remove')} question={t('library.plans.confirmRemove')} keep={t('library.keep')} error={remove.error} pending={remove.isPending} onConfirm={() => remove.mutate()} />
        </section>
      )}
    </div>
  );
}

/** The activities of a plan in order, each with its minutes, and the total. */
export function PlanSteps({ plan, headingLevel = 2 }: { plan: Pick<SessionPlanView, 'activities' | 'durationMinutes'>; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="card" aria-labelledby="plan-steps-title">
      <H id="plan-steps-title">{t('library.plans.activities')}</H>
      <ol className="plan-steps">
        {plan.activities.map((a, i) => (
          <li key={`${a.id}-${i}`}>
            {a.title ? <Link to={`/activities/${a.id}`}>{a.title}</Link> : <span className="muted-text">{t('library.plans.removedActivity')}</span>}
            <span className="minutes">{minutesLabel(t, a.durationMinutes)}</span>
          </li>
        ))}
      </ol>
      <p className="lead">{t('library.plans.total', { minutes: plan.durationMinutes })}</p>
    </section>
  );
}
