import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddFiscalYearRequest, type FiscalYearsResponse } from '../../../contracts/compensation';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { errorsOf, TableHead, TableWrap } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { todayInAmsterdam } from '../../format';
import { centsFromText, euros } from './format';
import './compensation.css';

const AMOUNTS = ['maxPerHourUnder21Cents', 'maxPerHourFrom21Cents', 'maxPerMonthCents', 'maxPerYearCents'] as const;
type Amount = (typeof AMOUNTS)[number];
const LABEL: Record<Amount, string> = { maxPerHourUnder21Cents: 'under21', maxPerHourFrom21Cents: 'from21', maxPerMonthCents: 'month', maxPerYearCents: 'perYear' };

/**
 * The beheerder's fiscal limits (#17 item 1): the years shipped with peerkracht and the years the
 * institution added, with their source; a year the Belastingdienst has published can be added,
 * and a mistyped added year removed.
 */
export function FiscalYearsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  useDocumentTitle(t('compensation.fiscal.title'));
  const client = useQueryClient();
  const years = useQuery({ queryKey: ['compensation', 'fiscalYears'], queryFn: () => api<FiscalYearsResponse>('/api/compensation/fiscal-years') });
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (year: number) => api<{ ok: true }>(`/api/compensation/fiscal-years/${year}`, { method: 'DELETE' }),
    onSuccess: async (_r, year) => {
      setNotice(t('compensation.fiscal.removed', { year }));
      await client.invalidateQueries({ queryKey: ['compensation', 'fiscalYears'] });
    },
  });
  return (
    <div className="stack comp">
      <h1>{t('compensation.fiscal.title')}</h1>
      <p>{t('compensation.fiscal.intro')}</p>
      {notice && (
        <Alert kind="success">
          {notice}
        </Alert>
      )}
      {remove.error && <Alert kind="error">{errorsOf(remove.error).form}</Alert>}
      <PageState query={years}>
        {(data) => (
          <TableWrap label={t('compensation.fiscal.title')}>
            <table>
              <TableHead
                columns={[
                  { label: t('compensation.fiscal.year') },
                  ...AMOUNTS.map((a) => ({ label: t(`compensation.fiscal.${LABEL[a]}`), num: true })),
                  { label: t('compensation.fiscal.source') },
                  { label: t('compensation.fiscal.origin') },
                ]}
              />
              <tbody>
                {data.years.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">{y.year}</th>
                    {AMOUNTS.map((a) => (
                      <td key={a} className="num">
                        {euros(y[a], lang)}
                      </td>
                    ))}
                    <td className="wrap">{y.source}</td>
                    <td>
                      {y.shipped ? (
                        t('compensation.fiscal.shipped')
                      ) : (
                        <span className="stack-sm">
                          <span>{t('compensation.fiscal.added')}</span>
                          <button type="button" className="secondary" disabled={remove.isPending} onClick={() => remove.mutate(y.year)}>
                            {t('compensation.fiscal.remove', { year: y.year })}
                          </button>
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </PageState>
      <AddYearForm
        onAdded={async (year) => {
          setNotice(t('compensation.fiscal.addedOk', { year }));
          await client.invalidateQueries({ queryKey: ['compensation', 'fiscalYears'] });
        }}
      />
    </div>
  );
}

function AddYearForm({ onAdded }: { onAdded: (year: number) => Promise<void> }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(String(Number(todayInAmsterdam().slice(0, 4)) + 1));
  const [amounts, setAmounts] = useState<Record<Amount, string>>({ maxPerHourUnder21Cents: '', maxPerHourFrom21Cents: '', maxPerMonthCents: '', maxPerYearCents: '' });
  const [source, setSource] = useState('');
  const [tried, setTried] = useState(false);
  const candidate = { year: Number(year), source: source.trim(), ...Object.fromEntries(AMOUNTS.map((a) => [a, centsFromText(amounts[a])])) };
  const check = AddFiscalYearRequest.safeParse(candidate);
  const bad = (path: string) => tried && !check.success && check.error.issues.some((i) => i.path[0] === path);
  const add = useMutation({
    mutationFn: () => {
      if (!check.success) throw new Error('invalid');
      return api<{ ok: true }>('/api/compensation/fiscal-years', { method: 'POST', body: check.data });
    },
    onSuccess: async () => {
      const added = Number(year);
      setAmounts({ maxPerHourUnder21Cents: '', maxPerHourFrom21Cents: '', maxPerMonthCents: '', maxPerYearCents: '' });
      setSource('');
      setTried(false);
      await onAdded(added);
    },
  });
  const { form } = errorsOf(add.error);
  return (
    <section className="card stack" aria-labelledby="fiscal-add-title">
      <h2 id="fiscal-add-title">{t('compensation.fiscal.addTitle')}</h2>
      <p className="help">{t('compensation.fiscal.addHelp')}</p>
      {form && <Alert kind="error">{form}</Alert>}
      {tried && !check.success && <Alert kind="error">{t('compensation.fiscal.errors.fix')}</Alert>}
      <form
        noValidate
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (check.success) add.mutate();
        }}
      >
        <div className="grid-2">
          <Field label={t('compensation.fiscal.year')} type="number" inputMode="numeric" min={2000} max={2100} value={year} error={bad('year') ? t('compensation.fiscal.errors.year') : undefined} onChange={(e) => setYear(e.target.value)} />
          {AMOUNTS.map((a) => (
            <Field
              key={a}
              label={`${t(`compensation.fiscal.${LABEL[a]}`)} (€)`}
              inputMode="decimal"
              value={amounts[a]}
              error={bad(a) ? t('compensation.fiscal.errors.money') : undefined}
              onChange={(e) => setAmounts({ ...amounts, [a]: e.target.value })}
            />
          ))}
        </div>
        <Field label={t('compensation.fiscal.source')} value={source} maxLength={500} error={bad('source') ? t('compensation.fiscal.errors.source') : undefined} onChange={(e) => setSource(e.target.value)} />
        <div>
          <button type="submit" className="primary" disabled={add.isPending}>
            {t('compensation.fiscal.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
