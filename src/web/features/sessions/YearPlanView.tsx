import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { YearPlanResponse } from '../../../contracts/sessions';
import { formatWhen } from './format';
import { formatDate } from '../../format';

type Plan = Omit<YearPlanResponse, 'holidays' | 'created'>;

export const formatDay = (date: string, language: string) => formatDate(date, 'full', language);

/** The gaps of a plan: every stretch longer than the planned interval without a session stands out. */
export function GapList({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  if (plan.gaps.length === 0) return <p className="ok-note">{t('sessions.plan.noGaps')}</p>;
  return (
    <div className="alert alert-error gap-alert">
      <p className="lead">{t('sessionInsight.yearPlan.gapsFound', { count: plan.gaps.length, interval: plan.intervalDays })}</p>
      <ul>
        {plan.gaps.map((g) => (
          <li key={`${g.from}-${g.to}`}>
            {t(`sessionInsight.yearPlan.gap.${g.kind}`, { from: formatDay(g.from, i18n.language), to: formatDay(g.to, i18n.language), days: g.days })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The series and its sessions, each linking to the session page where it can be moved or cancelled. */
export function YearPlanSessions({ plan, manageable }: { plan: Plan; manageable: boolean }) {
  const { t, i18n } = useTranslation();
  const planned = plan.sessions.filter((s) => s.status === 'planned').length;
  return (
    <>
      {plan.series ? (
        <p>
          {t('sessionInsight.yearPlan.series', {
            weekday: t(`sessions.plan.weekdays.${plan.series.weekday}`),
            time: plan.series.startTime,
            minutes: plan.series.durationMinutes,
            from: formatDay(plan.series.firstDate, i18n.language),
            to: formatDay(plan.series.lastDate, i18n.language),
          })}
        </p>
      ) : (
        <p>{t('sessionInsight.yearPlan.noSeries')}</p>
      )}
      <details>
        <summary>{t('sessionInsight.yearPlan.sessions', { count: planned, cancelled: plan.sessions.length - planned })}</summary>
        <ul className="rows">
          {plan.sessions.map((s) => (
            <li key={s.id}>
              <Link to={`/sessions/${s.id}`}>{formatWhen(s.startsAt, i18n.language)}</Link>
              {s.status === 'cancelled' && <span className="chip chip-warn"> {t('sessions.list.cancelled')}</span>}
              {manageable && s.status === 'planned' && <span className="muted-text"> · {t('sessionInsight.yearPlan.moveOrCancel')}</span>}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
