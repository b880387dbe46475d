import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { IntakeYearPlanResponse } from '../../../contracts/sessions';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { useServerState } from '../../components/useServerState';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { fieldErrorsOf } from './library';
import { formatDay, GapList, YearPlanSessions } from './YearPlanView';
import './sessions.css';

/**
 * The coordinator's year plan of an intake: per community the generated series with the holiday
 * calendar, and every gap longer than the planned interval up front so it cannot go unnoticed.
 */
export function IntakeYearPlanPage() {
  const { intakeId = '' } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(t('sessionInsight.yearPlan.intakeTitle'));
  const plan = useQuery({ queryKey: ['year-plan', 'intake', intakeId], queryFn: () => api<IntakeYearPlanResponse>(`/api/intakes/${intakeId}/year-plan`) });
  if (plan.error) return <Alert kind="error">{plan.error.message}</Alert>;
  if (!plan.data) return <PageState query={plan} />;
  const p = plan.data;
  const withGaps = p.communities.filter((c) => c.gaps.length > 0);
  return (
    <div className="stack">
      <p>
        <Link to={`/programme/intakes/${intakeId}`}>{t('sessionInsight.yearPlan.backToIntake')}</Link>
      </p>
      <h1>{t('sessionInsight.yearPlan.intakeTitle')}</h1>
      <p>{t('sessionInsight.yearPlan.intakeIntro', { year: p.academicYear })}</p>
      <section className="card" aria-labelledby="overview-title">
        <h2 id="overview-title">{t('sessionInsight.yearPlan.overview')}</h2>
        {p.communities.length === 0 && <p>{t('sessionInsight.yearPlan.noCommunities')}</p>}
        {withGaps.length > 0 ? (
          <div className="alert alert-error">
            <p className="lead">{t('sessionInsight.yearPlan.communitiesWithGaps', { count: withGaps.length, total: p.communities.length })}</p>
            <ul>
              {withGaps.map((c) => (
                <li key={c.communityId}>
                  <a href={`#c-${c.communityId}`}>{c.communityName}</a>: {t('sessionInsight.yearPlan.gapCount', { count: c.gaps.length })}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          p.communities.length > 0 && <p className="ok-note">{t('sessionInsight.yearPlan.allCovered', { count: p.communities.length })}</p>
        )}
      </section>
      {p.communities.map((c) => (
        <section key={c.communityId} id={`c-${c.communityId}`} className="card" aria-labelledby={`c-${c.communityId}-title`}>
          <h2 id={`c-${c.communityId}-title`}>
            <Link to={`/communities/${c.communityId}/year-plan`}>{c.communityName}</Link>
          </h2>
          <p>{c.coachName ? t('sessionInsight.yearPlan.coach', { name: c.coachName }) : t('home.noCoach')}</p>
          <GapList plan={c} />
          <YearPlanSessions plan={c} manageable />
          <p>
            <Link to={`/communities/${c.communityId}/attendance`}>{t('sessionInsight.attendance.link', { name: c.communityName })}</Link>
          </p>
        </section>
      ))}
      <HolidaysEditor key={`${p.programmeId}-${p.academicYear}`} programmeId={p.programmeId} academicYear={p.academicYear} holidays={p.holidays} />
    </div>
  );
}

type Holiday = { name: string; from: string; to: string };

/** The holiday calendar of the academic year: no sessions are planned in it; it explains the gaps that are meant. */
function HolidaysEditor({ programmeId, academicYear, holidays }: { programmeId: string; academicYear: string; holidays: Holiday[] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [list, setList] = useServerState<Holiday[]>(holidays);
  const [draft, setDraft] = useState<Holiday>({ name: '', from: '', to: '' });
  const save = useMutation({
    mutationFn: (next: Holiday[]) => api(`/api/programmes/${programmeId}/holidays/${academicYear}`, { method: 'PUT', body: { holidays: next } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['year-plan'] }),
  });
  const errors = fieldErrorsOf(save.error, t);
  const index = list.length;
  return (
    <section className="card" aria-labelledby="holidays-title">
      <h2 id="holidays-title">{t('sessionInsight.yearPlan.holidaysOf', { year: academicYear })}</h2>
      <p className="help">{t('sessionInsight.yearPlan.holidaysHelp')}</p>
      {list.length === 0 && <p>{t('sessionInsight.yearPlan.noHolidays')}</p>}
      <ul className="rows">
        {list.map((h, i) => (
          <li key={`${h.name}-${h.from}-${i}`} className="row-with-action">
            <span>
              <strong>{h.name}</strong>: {formatDay(h.from, i18n.language)} – {formatDay(h.to, i18n.language)}
            </span>
            <button type="button" onClick={() => setList(list.filter((_, j) => j !== i))} aria-label={t('sessionInsight.yearPlan.removeHoliday', { name: h.name })}>
              {t('library.plans.removeShort')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="stack-sm"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const next = draft.name || draft.from || draft.to ? [...list, draft] : list;
          save.mutate(next, {
            onSuccess: () => {
              setList(next);
              setDraft({ name: '', from: '', to: '' });
            },
          });
        }}
      >
        <h3>{t('sessionInsight.yearPlan.addHoliday')}</h3>
        <div className="filter-grid">
          <Field label={t('sessionInsight.yearPlan.holidayName')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} maxLength={80} error={errors[`holidays.${index}.name`]} />
          <Field label={t('sessionInsight.yearPlan.holidayFrom')} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} error={errors[`holidays.${index}.from`]} />
          <Field label={t('sessionInsight.yearPlan.holidayTo')} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} error={errors[`holidays.${index}.to`]} />
        </div>
        {save.error && <Alert kind="error">{save.error.message}</Alert>}
        {save.isSuccess && <p role="status">{t('sessionInsight.yearPlan.holidaysSaved')}</p>}
        <button type="submit" disabled={save.isPending}>
          {t('sessionInsight.yearPlan.saveHolidays')}
        </button>
      </form>
    </section>
  );
}
