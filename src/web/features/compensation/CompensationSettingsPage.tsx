import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FiscalYearsResponse } from '../../../contracts/compensation';
import type { IntakeResponse } from '../../../contracts/programme';
import { useManagedIntake } from '../../components/useManagedIntake';
import { CompensationSettings, SCHEMES, type Scheme } from '../../../domain/compensation/scheme';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { errorsOf, SelectField, TableHead, TableWrap } from '../../components/form-fields';
import { todayInAmsterdam } from '../../format';
import { centsFromText, euros, moneyText } from './format';
import './compensation.css';

type Rate = { from: string; under21: string; from21: string };

/** The page of one intake's compensation settings, under the intake (linked from its page). */
export function CompensationSettingsPage() {
  const { t } = useTranslation();
  const { intakeId = '' } = useParams();
  const { query, found, programmeName } = useManagedIntake(intakeId);
  const title = found
    ? t('compensation.settings.pageTitle', { programme: programmeName, year: found.i.academicYear })
    : t('compensation.settings.title');
  useDocumentTitle(title);
  // Outside the card: saving re-creates the card from the stored settings (its key); the confirmation stays.
  const [saved, setSaved] = useState(false);
  return (
    <div className="stack comp">
      <p>
        <Link to={`/programme/intakes/${intakeId}`}>{t('compensation.settings.back')}</Link>
      </p>
      <h1>{title}</h1>
      <PageState query={query}>
        {() => (found ? <CompensationSettingsCard key={JSON.stringify(found.i.settings.compensation)} intake={found.i} saved={saved} onSaved={setSaved} /> : <Alert kind="error">{t('errors.not_found')}</Alert>)}
      </PageState>
    </div>
  );
}

/**
 * The coordinator sets an intake's compensation (#17 item 1): the scheme, the hourly rates with
 * the date each takes effect, the standard lengths, preparation and the promised pay day. It is
 * part of the intake settings, so it is versioned and every change shows in the change log.
 */
export function CompensationSettingsCard({ intake, saved, onSaved }: { intake: IntakeResponse; saved: boolean; onSaved: (saved: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const client = useQueryClient();
  const initial = intake.settings.compensation;
  const [scheme, setScheme] = useState<Scheme>(initial.scheme);
  const [rates, setRates] = useState<Rate[]>(initial.rates.map((r) => ({ from: r.from, under21: moneyText(r.under21Cents, lang), from21: moneyText(r.from21Cents, lang) })));
  const [standard, setStandard] = useState(initial.standardMinutes);
  const [preparation, setPreparation] = useState(initial.preparationMinutesPerSession);
  const [payDay, setPayDay] = useState(initial.payDayOfNextMonth);
  const [tried, setTried] = useState(false);
  const fiscal = useQuery({ queryKey: ['compensation', 'fiscalYears'], queryFn: () => api<FiscalYearsResponse>('/api/compensation/fiscal-years'), retry: false });
  const thisYear = Number(todayInAmsterdam().slice(0, 4));
  const limits = fiscal.data?.years.find((y) => y.year === thisYear) ?? null;

  const parsedRates = rates.map((r) => ({ from: r.from, under21Cents: centsFromText(r.under21), from21Cents: centsFromText(r.from21) }));
  const candidate = { scheme, rates: parsedRates, standardMinutes: standard, preparationMinutesPerSession: preparation, payDayOfNextMonth: payDay };
  const check = CompensationSettings.safeParse(candidate);
  const issueAt = (path: string) => (check.success ? undefined : check.error.issues.find((i) => i.path.join('.') === path));
  const rateError = (index: number, field: 'from' | 'under21Cents' | 'from21Cents') => {
    const issue = issueAt(`rates.${index}.${field}`);
    if (!issue) return undefined;
    return field === 'from' ? t('compensation.settings.errors.date') : t('compensation.settings.errors.money');
  };
  const duplicate = issueAt('rates')?.message === 'duplicate_rate_date';
  const save = useMutation({
    mutationFn: () => {
      if (!check.success) throw new Error('invalid');
      return api<{ id: string }>(`/api/intakes/${intake.id}/settings`, { method: 'PUT', body: { settings: { ...intake.settings, compensation: check.data } } });
    },
    onSuccess: async () => {
      onSaved(true);
      await client.invalidateQueries({ queryKey: ['programme'] });
    },
  });
  const edit = <T,>(set: (v: T) => void) => (v: T) => {
    onSaved(false);
    set(v);
  };
  const { form } = errorsOf(save.error);
  const minutesField = (key: keyof typeof standard, max: number) => (
    <Field
      key={key}
      label={t(`compensation.settings.standard.${key}`)}
      type="number"
      inputMode="numeric"
      min={0}
      max={max}
      value={standard[key]}
      error={issueAt(`standardMinutes.${key}`) ? t('compensation.settings.errors.minutes', { max }) : undefined}
      onChange={(e) => edit(setStandard)({ ...standard, [key]: e.target.value === '' ? 0 : Number(e.target.value) })}
    />
  );

  return (
    <section className="card stack comp" aria-labelledby="comp-settings-title">
      <h2 id="comp-settings-title">{t('compensation.settings.title')}</h2>
      <p className="help">{t('compensation.settings.intro')}</p>
      {form && <Alert kind="error">{form}</Alert>}
      {saved && <Alert kind="success">{t('compensation.settings.saved')}</Alert>}
      {tried && !check.success && <Alert kind="error">{t('compensation.settings.errors.fix')}</Alert>}
      <form
        noValidate
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (check.success) save.mutate();
        }}
      >
        <SelectField
          label={t('compensation.settings.scheme')}
          help={t(`compensation.settings.schemeHelp.${scheme}`)}
          value={scheme}
          onChange={(e) => edit(setScheme)(SCHEMES.find((s) => s === e.target.value) ?? 'allowance')}
        >
          {SCHEMES.map((s) => (
            <option key={s} value={s}>
              {t(`compensation.schemes.${s}`)}
            </option>
          ))}
        </SelectField>

        {scheme === 'allowance' && (
          <fieldset className="stack-sm">
            <legend>{t('compensation.settings.rates')}</legend>
            <p className="help">{t('compensation.settings.ratesHelp')}</p>
            {limits && (
              <p className="help">
                {t('compensation.settings.fiscalHint', { year: limits.year, under21: euros(limits.maxPerHourUnder21Cents, lang), from21: euros(limits.maxPerHourFrom21Cents, lang) })}
              </p>
            )}
            {duplicate && <p className="field-error">{t('compensation.settings.errors.duplicateDate')}</p>}
            <TableWrap label={t('compensation.settings.rates')}>
              <table>
                <TableHead columns={[{ label: t('compensation.settings.rateFrom') }, { label: t('compensation.settings.under21') }, { label: t('compensation.settings.from21') }, { label: t('compensation.settings.actions') }]} />
                <tbody>
                  {rates.map((r, index) => {
                    const change = (patch: Partial<Rate>) => edit(setRates)(rates.map((x, j) => (j === index ? { ...x, ...patch } : x)));
                    const overLimit = limits !== null && ((parsedRates[index]!.under21Cents ?? 0) > limits.maxPerHourUnder21Cents || (parsedRates[index]!.from21Cents ?? 0) > limits.maxPerHourFrom21Cents);
                    return (
                      <tr key={index}>
                        <td>
                          <Field label={t('compensation.settings.rateFromN', { n: index + 1 })} type="date" value={r.from} error={rateError(index, 'from')} onChange={(e) => change({ from: e.target.value })} />
                        </td>
                        <td>
                          <Field label={t('compensation.settings.under21N', { n: index + 1 })} inputMode="decimal" value={r.under21} error={rateError(index, 'under21Cents')} onChange={(e) => change({ under21: e.target.value })} />
                        </td>
                        <td>
                          <Field label={t('compensation.settings.from21N', { n: index + 1 })} inputMode="decimal" value={r.from21} error={rateError(index, 'from21Cents')} onChange={(e) => change({ from21: e.target.value })} />
                          {overLimit && <p className="help">{t('compensation.settings.overFiscal')}</p>}
                        </td>
                        <td>
                          {rates.length > 1 && (
                            <button type="button" className="secondary" onClick={() => edit(setRates)(rates.filter((_, j) => j !== index))}>
                              {t('compensation.settings.removeRate', { n: index + 1 })}
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableWrap>
            <div>
              <button type="button" className="secondary" onClick={() => edit(setRates)([...rates, { from: todayInAmsterdam(), under21: rates.at(-1)?.under21 ?? '', from21: rates.at(-1)?.from21 ?? '' }])}>
                {t('compensation.settings.addRate')}
              </button>
            </div>
          </fieldset>
        )}

        <fieldset className="stack-sm">
          <legend>{t('compensation.settings.standardTitle')}</legend>
          <p className="help">{t('compensation.settings.standardHelp')}</p>
          <div className="grid-2">
            {minutesField('communitySession', 480)}
            {minutesField('training', 480)}
            {minutesField('intervision', 480)}
            {minutesField('oneOnOne', 240)}
            <Field
              label={t('compensation.settings.preparation')}
              help={t('compensation.settings.preparationHelp')}
              type="number"
              inputMode="numeric"
              min={0}
              max={240}
              value={preparation}
              error={issueAt('preparationMinutesPerSession') ? t('compensation.settings.errors.minutes', { max: 240 }) : undefined}
              onChange={(e) => edit(setPreparation)(e.target.value === '' ? 0 : Number(e.target.value))}
            />
            {scheme === 'allowance' && (
              <Field
                label={t('compensation.settings.payDay')}
                help={t('compensation.settings.payDayHelp')}
                type="number"
                inputMode="numeric"
                min={1}
                max={31}
                value={payDay}
                error={issueAt('payDayOfNextMonth') ? t('compensation.settings.errors.payDay') : undefined}
                onChange={(e) => edit(setPayDay)(e.target.value === '' ? 0 : Number(e.target.value))}
              />
            )}
          </div>
        </fieldset>
        <div>
          <button type="submit" className="primary" disabled={save.isPending}>
            {t('compensation.settings.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
