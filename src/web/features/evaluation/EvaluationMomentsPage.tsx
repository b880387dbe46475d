import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { IntakeResponse } from '../../../contracts/programme';
import { useManagedIntake } from '../../components/useManagedIntake';
import {
  EVALUATION_AUDIENCES,
  EVALUATION_MODES,
  EVALUATION_MOMENTS,
  EvaluationMomentSetting,
  evaluationDatesOutside,
  evaluationWindow,
  type EvaluationAudience,
  type EvaluationMode,
  type EvaluationMoment,
} from '../../../domain/programme/intake-settings';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { CheckField, errorsOf, SelectField, TableHead, TableWrap } from '../../components/form-fields';
import { formatDate } from '../../format';
import { evaluationApi } from './api';
import './evaluation.css';

type Row = { used: boolean; opensOn: string; closesOn: string; mode: EvaluationMode; audience: EvaluationAudience[] };

/** `/programme/intakes/:intakeId/evaluations`: the questionnaire moments of an intake and their response per community. */
export function EvaluationMomentsPage() {
  const { t } = useTranslation();
  const { intakeId = '' } = useParams();
  const { query, found, programmeName } = useManagedIntake(intakeId);
  const title = found
    ? t('evaluation.rates.pageTitle', { programme: programmeName, year: found.i.academicYear })
    : t('evaluation.rates.settingsTitle');
  useDocumentTitle(title);
  // Outside the card: saving re-creates the card from the stored settings (its key); the confirmation stays.
  const [saved, setSaved] = useState(false);
  return (
    <div className="stack eval-moments">
      <p>
        <Link to={`/programme/intakes/${intakeId}`}>{t('evaluation.rates.back')}</Link>
      </p>
      <h1>{title}</h1>
      <PageState query={query}>
        {() =>
          found ? (
            <>
              <MomentsCard key={JSON.stringify(found.i.settings.evaluations)} intake={found.i} saved={saved} onSaved={setSaved} />
              <IntakeRates programmeId={found.p.id} intakeId={found.i.id} />
            </>
          ) : (
            <Alert kind="error">{t('errors.not_found')}</Alert>
          )
        }
      </PageState>
    </div>
  );
}

function rowsOf(intake: IntakeResponse): Record<EvaluationMoment, Row> {
  const result = {} as Record<EvaluationMoment, Row>;
  for (const moment of EVALUATION_MOMENTS) {
    const stored = intake.settings.evaluations.find((e) => e.moment === moment);
    result[moment] = stored
      ? { used: true, opensOn: stored.opensOn, closesOn: stored.closesOn, mode: stored.mode, audience: [...stored.audience] }
      : { used: false, opensOn: '', closesOn: '', mode: 'anonymous', audience: ['coachees', 'coaches'] };
  }
  return result;
}

/**
 * The coordinator sets, per moment T0/T1/T2, the opening and closing date, the mode and who is
 * asked. Part of the intake settings, so versioned: every change shows in the intake's change log.
 */
function MomentsCard({ intake, saved, onSaved }: { intake: IntakeResponse; saved: boolean; onSaved: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [rows, setRows] = useState(() => rowsOf(intake));
  const [tried, setTried] = useState(false);
  const bounds = evaluationWindow(intake.academicYear, intake.month);

  const used = EVALUATION_MOMENTS.filter((m) => rows[m].used);
  const candidate = used.map((moment) => ({ moment, opensOn: rows[moment].opensOn, closesOn: rows[moment].closesOn, mode: rows[moment].mode, audience: rows[moment].audience }));
  const parsed = candidate.map((c) => EvaluationMomentSetting.safeParse(c));
  const fieldError = (moment: EvaluationMoment, field: 'opensOn' | 'closesOn' | 'audience'): string | undefined => {
    const index = used.indexOf(moment);
    if (index < 0) return undefined;
    const result = parsed[index]!;
    if (!result.success && result.error.issues.some((i) => i.path[0] === field)) return field === 'audience' ? t('evaluation.rates.errors.audience') : t('evaluation.rates.errors.date');
    const row = rows[moment];
    if (field === 'audience') return row.audience.length === 0 ? t('evaluation.rates.errors.audience') : undefined;
    if (field === 'closesOn' && row.opensOn && row.closesOn <= row.opensOn) return t('evaluation.rates.errors.closesBeforeOpening');
    if (result.success && evaluationDatesOutside([result.data], bounds).includes(`evaluations.0.${field}`)) return t('evaluation.rates.errors.outsideYear');
    return undefined;
  };
  const valid = used.every((m) => !fieldError(m, 'opensOn') && !fieldError(m, 'closesOn') && !fieldError(m, 'audience'));

  const save = useMutation({
    mutationFn: () => {
      const evaluations = parsed.flatMap((p) => (p.success ? [p.data] : []));
      return api<{ id: string }>(`/api/intakes/${intake.id}/settings`, { method: 'PUT', body: { settings: { ...intake.settings, evaluations } } });
    },
    onSuccess: async () => {
      onSaved(true);
      await client.invalidateQueries({ queryKey: ['programme'] });
    },
  });
  const { form } = errorsOf(save.error);
  const change = (moment: EvaluationMoment, patch: Partial<Row>) => {
    onSaved(false);
    setRows({ ...rows, [moment]: { ...rows[moment], ...patch } });
  };

  return (
    <section className="card stack" aria-labelledby="eval-moments-title">
      <h2 id="eval-moments-title">{t('evaluation.rates.settingsTitle')}</h2>
      <p className="help">{t('evaluation.rates.settingsIntro')}</p>
      <p className="help">{t('evaluation.rates.window', { from: formatDate(bounds.from), to: formatDate(bounds.to) })}</p>
      {form && <Alert kind="error">{form}</Alert>}
      {saved && <Alert kind="success">{t('evaluation.rates.saved')}</Alert>}
      {tried && !valid && <Alert kind="error">{t('evaluation.rates.errors.fix')}</Alert>}
      <form
        noValidate
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (valid) save.mutate();
        }}
      >
        {EVALUATION_MOMENTS.map((moment) => {
          const row = rows[moment];
          const name = t(`evaluation.moments.${moment}`);
          return (
            <fieldset key={moment} className="stack-sm eval-moment">
              <legend>{name}</legend>
              <CheckField label={t('evaluation.rates.use', { moment: name })} checked={row.used} onChange={(v) => change(moment, { used: v })} />
              {row.used && (
                <>
                  <div className="grid-2">
                    <Field label={t('evaluation.rates.opensOn')} type="date" min={bounds.from} max={bounds.to} value={row.opensOn} error={tried ? fieldError(moment, 'opensOn') : undefined} onChange={(e) => change(moment, { opensOn: e.target.value })} />
                    <Field label={t('evaluation.rates.closesOn')} type="date" min={bounds.from} max={bounds.to} value={row.closesOn} error={tried ? fieldError(moment, 'closesOn') : undefined} onChange={(e) => change(moment, { closesOn: e.target.value })} />
                  </div>
                  <SelectField label={t('evaluation.rates.mode')} help={t('evaluation.rates.modeHelp')} value={row.mode} onChange={(e) => change(moment, { mode: EVALUATION_MODES.find((m) => m === e.target.value) ?? 'anonymous' })}>
                    {EVALUATION_MODES.map((m) => (
                      <option key={m} value={m}>
                        {t(`evaluation.modes.${m}`)}
                      </option>
                    ))}
                  </SelectField>
                  <fieldset className="stack-sm">
                    <legend>{t('evaluation.rates.audience')}</legend>
                    <p className="help">{t('evaluation.rates.audienceHelp')}</p>
                    {EVALUATION_AUDIENCES.map((a) => (
                      <CheckField
                        key={a}
                        label={t(`evaluation.rates.audiences.${a}`)}
                        checked={row.audience.includes(a)}
                        onChange={(v) => change(moment, { audience: EVALUATION_AUDIENCES.filter((x) => (x === a ? v : row.audience.includes(x))) })}
                      />
                    ))}
                    {tried && fieldError(moment, 'audience') && (
                      <p className="field-error" role="alert">
                        {fieldError(moment, 'audience')}
                      </p>
                    )}
                  </fieldset>
                </>
              )}
            </fieldset>
          );
        })}
        <div>
          <button type="submit" className="primary" disabled={save.isPending}>
            {t('evaluation.rates.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Invited and finished per community and moment for this intake; 1–4 people are never shown. */
function IntakeRates({ programmeId, intakeId }: { programmeId: string; intakeId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['evaluation', 'rates', programmeId, intakeId], queryFn: () => evaluationApi.programmeRates(programmeId, intakeId) });
  return (
    <section className="card stack" aria-labelledby="eval-rates-title">
      <h2 id="eval-rates-title">{t('evaluation.rates.ratesTitle')}</h2>
      <p className="help">{t('evaluation.rates.intro')}</p>
      <PageState query={query} empty={{ when: (d) => d.communities.length === 0, text: t('evaluation.rates.none') }}>
        {(data) => (
          <TableWrap label={t('evaluation.rates.ratesTable')}>
            <table>
              <TableHead columns={[{ label: t('evaluation.rates.community') }, { label: t('evaluation.rates.moment') }, { label: t('evaluation.rates.invited'), num: true }, { label: t('evaluation.rates.answered'), num: true }]} />
              <tbody>
                {data.communities.map((c) => (
                  <tr key={`${c.communityId}:${c.moment}`}>
                    <th scope="row">{c.communityName}</th>
                    <td>{c.moment}</td>
                    {c.suppressed ? (
                      <>
                        <td className="num">
                          <abbr title={t('evaluation.rates.suppressedLabel')}>{t('evaluation.rates.suppressed')}</abbr>
                        </td>
                        <td className="num">
                          <abbr title={t('evaluation.rates.suppressedLabel')}>{t('evaluation.rates.suppressed')}</abbr>
                        </td>
                      </>
                    ) : (
                      <>
                        <td className="num">{c.invited ?? '–'}</td>
                        <td className="num">{c.answered ?? '–'}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </PageState>
    </section>
  );
}
