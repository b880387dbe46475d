import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccountResponse } from '../../../contracts/compensation';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { errorsOf, TableHead, TableWrap, TextAreaField } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { dayName, euros, hours, monthName } from './format';
import { PayStatus } from './PayStatus';
import './compensation.css';

export const ACCOUNT_KEY = ['compensation', 'account'];

/** "Mijn vergoeding": the coach's statements, year to date, the fiscal-limit forecast, birth date and extra work. */
export function MyCompensationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('compensation.mine.title'));
  const account = useQuery({ queryKey: ACCOUNT_KEY, queryFn: () => api<AccountResponse>('/api/me/compensation') });
  return (
    <div className="stack comp">
      <h1>{t('compensation.mine.title')}</h1>
      <p>{t('compensation.mine.intro')}</p>
      <PageState query={account}>
        {(data) => (
          <>
            <Summary data={data} />
            <Statements data={data} />
            <BirthDate data={data} />
            <ExtraWork data={data} />
          </>
        )}
      </PageState>
    </div>
  );
}

function Summary({ data }: { data: AccountResponse }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const f = data.forecast;
  const over = f?.months.find((m) => m.month === f.firstMonthOver);
  return (
    <section className="card" aria-labelledby="comp-summary">
      <h2 id="comp-summary">{t('compensation.mine.scheme', { scheme: t(`compensation.schemes.${data.scheme}`) })}</h2>
      {data.scheme === 'allowance' && (
        <p className="figure">
          {data.yearToDate.limits
            ? t('compensation.mine.yearToDateLimit', { year: data.yearToDate.year, amount: euros(data.yearToDate.cents, lang), limit: euros(data.yearToDate.limits.maxPerYearCents, lang) })
            : t('compensation.mine.yearToDate', { year: data.yearToDate.year, amount: euros(data.yearToDate.cents, lang) })}
        </p>
      )}
      {f && over && f.limits && (
        <div className="comp-warning" role="note" aria-labelledby="comp-forecast">
          <h3 id="comp-forecast">{t('compensation.mine.forecastTitle')}</h3>
          <p>
            {over.monthCapExceeded
              ? t('compensation.mine.forecastMonth', { month: monthName(over.month, lang), limit: euros(f.limits.maxPerMonthCents, lang), amount: euros(over.projectedCents, lang) })
              : t('compensation.mine.forecastYear', { month: monthName(over.month, lang), limit: euros(f.limits.maxPerYearCents, lang) })}
          </p>
        </div>
      )}
    </section>
  );
}

function Statements({ data }: { data: AccountResponse }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <section className="card" aria-labelledby="comp-statements">
      <h2 id="comp-statements">{t('compensation.mine.statements')}</h2>
      {data.statements.length === 0 ? (
        <p>{t('compensation.mine.noStatements')}</p>
      ) : (
        <ul className="comp-list">
          {data.statements.map((s) => (
            <li key={s.id} className="comp-item">
              <div>
                <h3 className="comp-item-title">{monthName(s.month, lang)}</h3>
                <p>
                  <span className="tag">{t(`compensation.status.${s.status}`)}</span> · {t('compensation.statement.totalHours')}: <span className="figure">{hours(s.totalMinutes, lang)}</span>
                  {s.scheme === 'allowance' && (
                    <>
                      {' '}
                      · <span className="figure">{euros(s.totalCents, lang)}</span>
                    </>
                  )}
                </p>
                <p>
                  <PayStatus statement={s} />
                </p>
                {s.warnings.map((w) => (
                  <p key={w} className="comp-warning-text">
                    {t(`compensation.warnings.${w}`)}
                  </p>
                ))}
              </div>
              <Link className="button-link" to={`/compensation/statements/${s.id}`} aria-label={`${t('compensation.mine.open')}: ${monthName(s.month, lang)}`}>
                {t('compensation.mine.open')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function BirthDate({ data }: { data: AccountResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [value, setValue] = useState(data.birthDate ?? '');
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => api('/api/me/compensation/birth-date', { method: 'PUT', body: { birthDate: value } }),
    onSuccess: async () => {
      setSaved(true);
      await client.invalidateQueries({ queryKey: ['compensation'] });
    },
    onError: () => setSaved(false),
  });
  const errors = errorsOf(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <section className="card" aria-labelledby="comp-birth">
      <h2 id="comp-birth">{t('compensation.mine.birthDateTitle')}</h2>
      <div aria-live="polite">{saved && <Alert kind="success">{t('compensation.mine.birthDateSaved')}</Alert>}</div>
      {errors.form && <Alert kind="error">{errors.form}</Alert>}
      <form onSubmit={submit} noValidate>
        <Field label={t('compensation.mine.birthDate')} help={t('compensation.mine.birthDateHelp')} type="date" value={value} required error={errors.fields.birthDate} onChange={(e) => setValue(e.target.value)} />
        <div className="actions">
          <button type="submit" className="primary" disabled={save.isPending}>
            {t('compensation.mine.birthDateSave')}
          </button>
        </div>
      </form>
    </section>
  );
}

function ExtraWork({ data }: { data: AccountResponse }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const client = useQueryClient();
  const [date, setDate] = useState('');
  const [minutes, setMinutes] = useState('60');
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState(false);
  const add = useMutation({
    mutationFn: () => api('/api/me/compensation/extra-work', { method: 'POST', body: { date, minutes: Number(minutes), reason } }),
    onSuccess: async () => {
      setSent(true);
      setReason('');
      await client.invalidateQueries({ queryKey: ['compensation'] });
    },
    onError: () => setSent(false),
  });
  const errors = errorsOf(add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <section className="card" aria-labelledby="comp-extra">
      <h2 id="comp-extra">{t('compensation.mine.extraTitle')}</h2>
      <p>{t('compensation.mine.extraHelp')}</p>
      <div aria-live="polite">{sent && <Alert kind="success">{t('compensation.mine.extraSent')}</Alert>}</div>
      {errors.form && <Alert kind="error">{errors.form}</Alert>}
      <form onSubmit={submit} noValidate>
        <Field label={t('compensation.mine.extraDate')} type="date" value={date} required error={errors.fields.date} onChange={(e) => setDate(e.target.value)} />
        <Field label={t('compensation.mine.extraMinutes')} type="number" inputMode="numeric" min={15} max={720} step={15} value={minutes} required error={errors.fields.minutes} onChange={(e) => setMinutes(e.target.value)} />
        <TextAreaField label={t('compensation.mine.extraReason')} help={t('compensation.mine.extraReasonHelp')} value={reason} maxLength={500} required error={errors.fields.reason} onChange={(e) => setReason(e.target.value)} />
        <div className="actions">
          <button type="submit" className="primary" disabled={add.isPending}>
            {t('compensation.mine.extraSubmit')}
          </button>
        </div>
      </form>
      {data.extraWork.length > 0 && (
        <>
          <h3>{t('compensation.mine.extraList')}</h3>
          <TableWrap label={t('compensation.mine.extraList')}>
            <table>
              <TableHead columns={[{ label: t('compensation.mine.extraDate') }, { label: t('compensation.mine.extraMinutes'), num: true }, { label: t('compensation.mine.extraReason') }, { label: t('compensation.statement.status') }]} />
              <tbody>
                {data.extraWork.map((w) => (
                  <tr key={w.id}>
                    <td>{dayName(w.date, lang)}</td>
                    <td className="num">{w.minutes}</td>
                    <td>{w.reason}</td>
                    <td>
                      {t(`compensation.mine.extraStatus.${w.status}`)}
                      {w.decisionNote ? ` — ${w.decisionNote}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </section>
  );
}
