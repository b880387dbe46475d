import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SelectField } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDateTime } from '../../format';
import { insightApi, type DashboardFilter } from './api';
import { InsightSectionCard } from './InsightSectionCard';
import './insight.css';

/**
 * The programme dashboard (issue 18): the coordinator's and opleidingsmanagement's figures of a
 * programme, filtered by intake and period. The filter lives in the address, so a view can be shared.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('insight.dashboard.title'));
  const [params, setParams] = useSearchParams();
  const programmes = useQuery({ queryKey: ['insight', 'programmes', i18n.language], queryFn: insightApi.programmes });
  const programmeId = params.get('programme') ?? programmes.data?.programmes[0]?.id ?? '';
  const filter: DashboardFilter = { intakeId: params.get('intake') ?? undefined, from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const dashboard = useQuery({
    queryKey: ['insight', 'dashboard', programmeId, filter, i18n.language],
    queryFn: () => insightApi.dashboard(programmeId, filter),
    enabled: programmeId !== '',
    retry: false,
  });
  const year = dashboard.data ? academicYearOf(dashboard.data.filter.from) : null;

  return (
    <div className="stack insight">
      <h1>{t('insight.dashboard.title')}</h1>
      <p>{t('insight.dashboard.intro')}</p>
      <PageState query={programmes} empty={{ when: (d) => d.programmes.length === 0, text: t('insight.dashboard.noProgrammes') }}>
        {(list) => (
          <>
            {dashboard.data && (
              <Filters
                key={`${programmeId}|${dashboard.data.filter.intakeId ?? ''}|${dashboard.data.filter.from}|${dashboard.data.filter.to}`}
                programmes={list.programmes}
                programmeId={programmeId}
                intakes={dashboard.data.intakes}
                initial={{ intakeId: dashboard.data.filter.intakeId ?? '', from: dashboard.data.filter.from, to: dashboard.data.filter.to }}
                onApply={(next) => {
                  const q = new URLSearchParams();
                  q.set('programme', next.programmeId);
                  if (next.programmeId === programmeId) {
                    if (next.intakeId) q.set('intake', next.intakeId);
                    q.set('from', next.from);
                    q.set('to', next.to);
                  }
                  setParams(q);
                }}
              />
            )}
            <PageState query={dashboard}>
              {(data) => (
                <>
                  <p className="insight-meta">
                    {t('insight.dashboard.computedAt', { time: formatDateTime(data.computedAt, 'medium') })}
                    {year && (
                      <>
                        {' '}
                        <Link to={`/insight/${programmeId}/report/${year}`}>{t('insight.dashboard.report')}</Link>
                      </>
                    )}
                  </p>
                  {data.sections.map((s) => (
                    <InsightSectionCard key={s.id} section={s} csvUrl={insightApi.csvUrl(programmeId, s.id, { intakeId: data.filter.intakeId ?? undefined, from: data.filter.from, to: data.filter.to })} />
                  ))}
                </>
              )}
            </PageState>
          </>
        )}
      </PageState>
    </div>
  );
}

/** "2026-10-01" → "2026-2027" (September–August). */
export function academicYearOf(date: string): string {
  const y = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 9 ? y : y - 1;
  return `${start}-${start + 1}`;
}

type FilterValues = { programmeId: string; intakeId: string; from: string; to: string };

function Filters({
  programmes,
  programmeId,
  intakes,
  initial,
  onApply,
}: {
  programmes: { id: string; name: string }[];
  programmeId: string;
  intakes: { id: string; academicYear: string; month: string }[];
  initial: Omit<FilterValues, 'programmeId'>;
  onApply: (v: FilterValues) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FilterValues>({ programmeId, ...initial });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(values);
  };
  return (
    <form className="card insight-filters" onSubmit={submit} aria-label={t('insight.dashboard.filters')}>
      <SelectField label={t('insight.dashboard.programme')} value={values.programmeId} onChange={(e) => setValues({ ...values, programmeId: e.target.value })}>
        {programmes.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('insight.dashboard.intake')} value={values.intakeId} disabled={values.programmeId !== programmeId} onChange={(e) => setValues({ ...values, intakeId: e.target.value })}>
        <option value="">{t('insight.dashboard.allIntakes')}</option>
        {intakes.map((i) => (
          <option key={i.id} value={i.id}>
            {i.academicYear} · {t(`insight.months.${i.month}`)}
          </option>
        ))}
      </SelectField>
      <div className="insight-dates">
        <label>
          {t('insight.dashboard.from')}
          <input type="date" value={values.from} required disabled={values.programmeId !== programmeId} onChange={(e) => setValues({ ...values, from: e.target.value })} />
        </label>
        <label>
          {t('insight.dashboard.to')}
          <input type="date" value={values.to} required disabled={values.programmeId !== programmeId} onChange={(e) => setValues({ ...values, to: e.target.value })} />
        </label>
      </div>
      <button type="submit" className="primary">
        {t('insight.dashboard.apply')}
      </button>
    </form>
  );
}
