import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExtraWork, ProgrammeMonthResponse } from '../../../contracts/compensation';
import type { StructureResponse } from '../../../contracts/programme';
import { isAllowed } from '../../../domain/access/policy';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { personName, SelectField, TableHead, TableWrap } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { actorOf, useSession } from '../../session';
import { dayName, euros, hours, lastMonth, monthName } from './format';
import './compensation.css';

/** The coordinator's month per programme (status per coach, disputes first, approve all), and extra work to review. */
export function ProgrammeCompensationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('compensation.programme.title'));
  const actor = actorOf(useSession().data);
  const structure = useQuery({ queryKey: ['compensation', 'programmes'], queryFn: () => api<StructureResponse>('/api/programme/structure') });
  const programmes = (structure.data?.programmes ?? []).filter(
    (p) => actor !== null && isAllowed(actor, 'compensation:readProgramme', { kind: 'compensationProgramme', institutionId: actor.institutionId, programmeId: p.id }),
  );
  return (
    <div className="stack comp">
      <h1>{t('compensation.programme.title')}</h1>
      <PageState query={structure}>{() => (programmes.length > 0 ? <ProgrammeMonth programmes={programmes} /> : null)}</PageState>
      <ExtraWorkReview />
    </div>
  );
}

function ProgrammeMonth({ programmes }: { programmes: StructureResponse['programmes'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const client = useQueryClient();
  const [programmeId, setProgrammeId] = useState(programmes[0]!.id);
  const [month, setMonth] = useState(lastMonth());
  const [done, setDone] = useState<string | null>(null);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const key = ['compensation', 'programme', programmeId, month];
  const overview = useQuery({ queryKey: key, queryFn: () => api<ProgrammeMonthResponse>(`/api/programmes/${programmeId}/compensation/${month}`), enabled: valid });
  const approveAll = useMutation({
    mutationFn: () => api<{ approved: string[]; skipped: unknown[] }>(`/api/programmes/${programmeId}/compensation/${month}/approve`, { method: 'POST' }),
    onSuccess: async (r) => {
      setDone([t('compensation.programme.approvedAll', { count: r.approved.length }), r.skipped.length > 0 ? t('compensation.programme.skipped', { count: r.skipped.length }) : ''].join(' ').trim());
      await client.invalidateQueries({ queryKey: ['compensation'] });
    },
    onError: () => setDone(null),
  });
  const generate = useMutation({
    mutationFn: () => api<{ created: number; updated: number }>(`/api/programmes/${programmeId}/compensation/${month}/generate`, { method: 'POST' }),
    onSuccess: async (r) => {
      setDone(t('compensation.programme.generated', r));
      await client.invalidateQueries({ queryKey: ['compensation'] });
    },
    onError: () => setDone(null),
  });
  const error = approveAll.error ?? generate.error;
  return (
    <section className="card" aria-labelledby="comp-month">
      <h2 id="comp-month">{valid ? monthName(month, lang) : t('compensation.programme.month')}</h2>
      <p>{t('compensation.programme.intro')}</p>
      <div className="comp-filters">
        {programmes.length > 1 && (
          <SelectField label={t('compensation.programme.programme')} value={programmeId} onChange={(e) => setProgrammeId(e.target.value)}>
            {programmes.map((p) => (
              <option key={p.id} value={p.id}>
                {lang === 'en' ? p.nameEn : p.nameNl}
              </option>
            ))}
          </SelectField>
        )}
        <Field label={t('compensation.programme.month')} type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
      </div>
      <div aria-live="polite">{done && <Alert kind="success">{done}</Alert>}</div>
      {error && <Alert kind="error">{error.message}</Alert>}
      {valid && (
        <PageState query={overview}>
          {(data) => (
            <>
              {data.forecastWarnings.length > 0 && (
                <div className="comp-warning" role="note" aria-labelledby="comp-forecast-title">
                  <h3 id="comp-forecast-title">{t('compensation.programme.forecastTitle')}</h3>
                  <ul>
                    {data.forecastWarnings.map((w) => (
                      <li key={w.coach.id}>
                        {t('compensation.programme.forecastItem', {
                          name: personName(w.coach),
                          month: monthName(w.firstMonthOver, lang),
                          which: w.monthCapExceeded ? t('compensation.programme.forecastMonthCap') : t('compensation.programme.forecastYearCap'),
                        })}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {data.pendingExtraWork > 0 && <p>{t('compensation.programme.pendingExtra', { count: data.pendingExtraWork })}</p>}
              {data.statements.length === 0 ? (
                <p>{t('compensation.programme.none')}</p>
              ) : (
                <TableWrap label={t('compensation.programme.title')}>
                  <table>
                    <TableHead
                      columns={[
                        { label: t('compensation.programme.coach') },
                        { label: t('compensation.programme.status') },
                        { label: t('compensation.programme.hours'), num: true },
                        ...(data.scheme === 'allowance' ? [{ label: t('compensation.programme.amount'), num: true }] : []),
                        { label: t('compensation.programme.disputes'), num: true },
                      ]}
                    />
                    <tbody>
                      {data.statements.map((s) => (
                        <tr key={s.id}>
                          <td>
                            <Link to={`/compensation/statements/${s.id}`}>{personName(s.coach)}</Link>
                          </td>
                          <td>
                            <span className="tag">{t(`compensation.status.${s.status}`)}</span>
                          </td>
                          <td className="num figure">{hours(s.totalMinutes, lang)}</td>
                          {data.scheme === 'allowance' && <td className="num figure">{euros(s.totalCents, lang)}</td>}
                          <td className="num figure">{s.disputedLines}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              )}
              <div className="actions">
                {data.statements.some((s) => s.status === 'confirmed') && (
                  <button type="button" className="primary" disabled={approveAll.isPending} onClick={() => approveAll.mutate()}>
                    {t('compensation.programme.approveAll')}
                  </button>
                )}
                <button type="button" disabled={generate.isPending} onClick={() => generate.mutate()}>
                  {t('compensation.programme.generate')}
                </button>
                {data.scheme === 'salary' && (
                  <a className="button-link" href={`/api/programmes/${programmeId}/compensation/${month}/hours.csv`} download>
                    {t('compensation.programme.hoursCsv')}
                  </a>
                )}
              </div>
            </>
          )}
        </PageState>
      )}
    </section>
  );
}

function ExtraWorkReview() {
  const { t } = useTranslation();
  const pending = useQuery({ queryKey: ['compensation', 'extra', 'pending'], queryFn: () => api<{ items: ExtraWork[] }>('/api/compensation/extra-work/pending') });
  return (
    <section className="card" aria-labelledby="comp-extra-review">
      <h2 id="comp-extra-review">{t('compensation.extra.title')}</h2>
      <PageState query={pending} empty={{ when: (d) => d.items.length === 0, text: t('compensation.extra.none') }}>
        {(data) => (
          <ul className="comp-list">
            {data.items.map((item) => (
              <ExtraWorkItem key={item.id} item={item} />
            ))}
          </ul>
        )}
      </PageState>
    </section>
  );
}

function ExtraWorkItem({ item }: { item: ExtraWork }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') => api(`/api/compensation/extra-work/${item.id}/decide`, { method: 'POST', body: { decision, ...(note.trim() ? { note } : {}) } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['compensation'] }),
  });
  const label = t('compensation.extra.item', { name: personName(item.coach), date: dayName(item.date, i18n.language), minutes: item.minutes });
  return (
    <li className="comp-item comp-item-stack">
      <h3 className="comp-item-title">{label}</h3>
      <p>{item.reason}</p>
      {decide.error && <Alert kind="error">{decide.error.message}</Alert>}
      <Field label={t('compensation.extra.note')} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      <div className="actions">
        <button type="button" className="primary" disabled={decide.isPending} onClick={() => decide.mutate('approve')} aria-label={`${t('compensation.extra.approve')}: ${label}`}>
          {t('compensation.extra.approve')}
        </button>
        <button type="button" disabled={decide.isPending} onClick={() => decide.mutate('reject')} aria-label={`${t('compensation.extra.reject')}: ${label}`}>
          {t('compensation.extra.reject')}
        </button>
      </div>
    </li>
  );
}
