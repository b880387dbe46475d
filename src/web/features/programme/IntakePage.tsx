import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { IntakeResponse, ProgrammeResponse } from '../../../contracts/programme';
import {
  changedSettings,
  IntakeSettings,
  INTAKE_FORMATS,
  PARTICIPATION_MODES,
  reflectionDays,
  SETTINGS_FIELDS,
  type IntakeSettings as Settings,
  type SettingsField,
} from '../../../domain/programme/intake-settings';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { programmeApi } from './api';
import { ApiError } from '../../api';
import { intakeParticipationApi, type Consequences } from './participation-api';
import { ModeChangeQuestion, type NotSignedUpChoice } from './ModeChangeQuestion';
import { FormatChangeQuestion, type FormatChoice } from './FormatChangeQuestion';
import { SignUpFigures } from './SignUpFigures';
import { CheckField, errorsOf, personName, SelectField } from '../../components/form-fields';
import { formatDate, formatDateTime } from '../../format';

/** One intake: its settings, classes with leercoach, import/export, and its communities. */
export function IntakePage() {
  const { t, i18n } = useTranslation();
  const { intakeId = '' } = useParams();
  const query = useQuery({ queryKey: ['programme', 'structure'], queryFn: programmeApi.structure });
  // Outside the form: saving new settings re-creates the form (its key), the confirmation stays.
  const [saved, setSaved] = useState(false);
  const found = query.data?.programmes.flatMap((p) => p.intakes.map((i) => ({ p, i }))).find((x) => x.i.id === intakeId);
  const month = found ? t(`programme.structure.months.${found.i.month}`) : '';
  const title = found ? t('programme.intake.title', { programme: i18n.language === 'en' ? found.p.nameEn : found.p.nameNl, month, year: found.i.academicYear }) : t('programme.common.loading');
  useDocumentTitle(title);
  if (!query.data) return <PageState query={query} />;
  if (!found) return <Alert kind="error">{t('errors.not_found')}</Alert>;
  const { p, i } = found;
  return (
    <div className="stack">
      <p>
        <Link to="/programme">{t('programme.structure.title')}</Link>
      </p>
      <h1>{title}</h1>
      <section className="card" aria-labelledby="students-title">
        <h2 id="students-title">{t('programme.intake.students')}</h2>
        <p>{`${t('programme.structure.intakeStudents', { count: i.studentCount })} · ${t('programme.structure.intakeCommunities', { count: i.communityCount })}`}</p>
        {p.canManagePeople && (
          <ul className="rows">
            <li>
              <Link to={`/programme/intakes/${i.id}/import`}>{t('programme.intake.import')}</Link>
            </li>
            <li>
              <Link to={`/programme/intakes/${i.id}/invitations`}>{t('invitations.link')}</Link>
            </li>
            <li>
              <a href={`/api/intakes/${i.id}/students.csv`} download>
                {t('programme.intake.export')}
              </a>
            </li>
            <li>
              <Link to={`/programme/intakes/${i.id}/communities`}>{t('programme.intake.communities')}</Link>
            </li>
            {i.settings.format === 'individual' && (
              <li>
                <Link to={`/programme/intakes/${i.id}/caseloads`}>{t('caseloads.link')}</Link>
              </li>
            )}
            {i.settings.format === 'classWide' && (
              <li>
                <Link to={`/programme/intakes/${i.id}/classes`}>{t('classwide.link')}</Link>
              </li>
            )}
            <li>
              <Link to={`/programme/intakes/${i.id}/hundred-day`}>{t('year.outcome.intakeTitle')}</Link>
            </li>
            <li>
              <Link to={`/programme/intakes/${i.id}/grouping`}>{t('grouping.run.link')}</Link>
            </li>
            <li>
              <Link to={`/programme/intakes/${i.id}/scheduling`}>{t('scheduling.link')}</Link>
            </li>
            {p.canManageStructure && (
              <li>
                <Link to={`/programme/intakes/${i.id}/compensation`}>{t('compensation.settings.link')}</Link>
              </li>
            )}
            {p.canManageStructure && (
              <li>
                <Link to={`/programme/intakes/${i.id}/evaluations`}>{t('evaluation.rates.link')}</Link>
              </li>
            )}
          </ul>
        )}
        {p.canManagePeople && <RecentImports intakeId={i.id} />}
      </section>
      <SettingsForm key={JSON.stringify(i.settings)} intake={i} saved={saved} onSaved={() => setSaved(true)} onEdit={() => setSaved(false)} />
      <SettingsHistory intake={i} />
      <Classes programme={p} intake={i} />
    </div>
  );
}

function RecentImports({ intakeId }: { intakeId: string }) {
  const { t } = useTranslation();
  const imports = useQuery({ queryKey: ['programme', 'imports', intakeId], queryFn: () => programmeApi.imports(intakeId) });
  if (!imports.data || imports.data.imports.length === 0) return null;
  return (
    <>
      <h3>{t('programme.intake.recentImports')}</h3>
      <ul className="rows">
        {imports.data.imports.map((r) => (
          <li key={r.id}>
            <Link to={`/programme/intakes/${r.intakeId}/import?import=${r.id}`}>
              {t('programme.intake.importLine', { file: r.fileName, created: r.created, updated: r.updated, failed: r.failed })}
            </Link>{' '}
            · {t(`programme.intake.importStatus.${r.status}`, { processed: r.processed, total: r.total })} · {formatDateTime(r.createdAt, 'medium')}
          </li>
        ))}
      </ul>
    </>
  );
}

function SettingsForm({ intake, saved, onSaved, onEdit }: { intake: IntakeResponse; saved: boolean; onSaved: () => void; onEdit: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [s, setSettings] = useState<Settings>(intake.settings);
  const setS = (next: Settings) => {
    onEdit();
    setSettings(next);
  };
  // A participation change once communities exist: the server answers 409 and the screen asks first (#21).
  const [question, setQuestion] = useState<Consequences | null>(null);
  // A format change once students are placed asks too (#21 item 3): keep them where they are, or take them out.
  const [formatQuestion, setFormatQuestion] = useState(false);
  const [modeChoice, setModeChoice] = useState<{ confirmed: true; notSignedUp: NotSignedUpChoice } | undefined>(undefined);
  const [formatChoice, setFormatChoice] = useState<{ confirmed: true; existing: FormatChoice } | undefined>(undefined);
  const save = useMutation({
    mutationFn: (choices: { modeChange?: { confirmed: true; notSignedUp: NotSignedUpChoice } | undefined; formatChange?: { confirmed: true; existing: FormatChoice } | undefined } = {}) =>
      programmeApi.saveSettings(intake.id, s, choices.modeChange, choices.formatChange),
    onSuccess: async () => {
      setQuestion(null);
      setFormatQuestion(false);
      setModeChoice(undefined);
      setFormatChoice(undefined);
      onSaved();
      await client.invalidateQueries({ queryKey: ['programme'] });
      await client.invalidateQueries({ queryKey: ['participation'] });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.code === 'participation_change_unconfirmed') setQuestion(await intakeParticipationApi.preview(intake.id, s.participation));
      if (error instanceof ApiError && error.code === 'format_change_unconfirmed') setFormatQuestion(true);
    },
  });
  const check = IntakeSettings.safeParse(s);
  const localIssue = check.success ? null : check.error.issues.find((issue) => issue.code === 'custom');
  const { form, code, fields } = errorsOf(save.error);
  const phase = (index: number, change: Partial<Settings['phases'][number]>) =>
    setS({ ...s, phases: s.phases.map((ph, j) => (j === index ? { ...ph, ...change } : ph)) });
  const num = (value: string) => (value === '' ? 0 : Number(value));
  return (
    <section className="card" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('programme.settings.title')}</h2>
      {intake.settingsUpgraded && <Alert kind="info">{t('programme.settings.upgraded')}</Alert>}
      {form && code !== 'participation_change_unconfirmed' && code !== 'format_change_unconfirmed' && <Alert kind="error">{form}</Alert>}
      {saved && <Alert kind="success">{t('programme.common.saved')}</Alert>}
      {intake.settings.participation === 'optIn' && <SignUpFigures intakeId={intake.id} />}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (check.success) save.mutate({ modeChange: modeChoice, formatChange: formatChoice });
        }}
      >
        <div className="grid-2">
          <SelectField label={t('programme.settings.format')} help={`${t(`caseloads.formatLine.${s.format}`)} ${t('programme.settings.formatHelp')}`} value={s.format} onChange={(e) => setS({ ...s, format: INTAKE_FORMATS.find((f) => f === e.target.value) ?? 'communities' })}>
            {INTAKE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`programme.settings.formats.${f}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('programme.settings.participation')} value={s.participation} onChange={(e) => setS({ ...s, participation: PARTICIPATION_MODES.find((m) => m === e.target.value) ?? 'voluntary' })}>
            {PARTICIPATION_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`programme.settings.participations.${m}`)}
              </option>
            ))}
          </SelectField>
          <Field label={t('programme.settings.sessionsPerMonth')} type="number" min={1} max={8} value={s.sessionsPerMonth} onChange={(e) => setS({ ...s, sessionsPerMonth: num(e.target.value) })} />
          <Field label={t('programme.settings.sizeMin')} type="number" min={2} max={30} value={s.communitySize.min} onChange={(e) => setS({ ...s, communitySize: { ...s.communitySize, min: num(e.target.value) } })} error={localIssue?.path.join('.') === 'communitySize.min' ? t('programme.settings.sizeMinAboveMax') : undefined} />
          <Field label={t('programme.settings.sizeMax')} type="number" min={2} max={30} value={s.communitySize.max} onChange={(e) => setS({ ...s, communitySize: { ...s.communitySize, max: num(e.target.value) } })} />
          {s.participation === 'optIn' && (
            <Field
              type="date"
              label={t('participation.closing.field')}
              help={t('participation.closing.help')}
              value={s.signUp.closesOn ?? ''}
              onChange={(e) => setS({ ...s, signUp: { closesOn: e.target.value === '' ? null : e.target.value } })}
              error={fields['settings.signUp.closesOn']}
            />
          )}
          {s.format === 'individual' && <Field label={t('caseloads.caseloadSize')} help={t('caseloads.caseloadSizeHelp')} type="number" min={1} max={40} value={s.caseloadSize} onChange={(e) => setS({ ...s, caseloadSize: num(e.target.value) })} />}
        </div>
        <fieldset>
          <legend>{t('programme.settings.phases')}</legend>
          {localIssue?.path[0] === 'phases' && <p className="field-error">{t('programme.settings.optInNeedsReflection')}</p>}
          {s.phases.map((ph, index) => (
            <div key={index} className="grid-2">
              <Field label={t('programme.settings.phaseName', { n: index + 1 })} value={ph.name} onChange={(e) => phase(index, { name: e.target.value })} />
              <Field label={t('programme.settings.phaseDays', { n: index + 1 })} type="number" min={7} max={400} value={ph.days} onChange={(e) => phase(index, { days: num(e.target.value) })} />
              <CheckField label={t('programme.settings.reflection', { n: index + 1 })} checked={ph.reflectionAtEnd} onChange={(v) => phase(index, { reflectionAtEnd: v })} />
              {s.phases.length > 1 && (
                <div className="actions">
                  <button type="button" className="secondary" onClick={() => setS({ ...s, phases: s.phases.filter((_, j) => j !== index) })}>
                    {t('programme.settings.removePhase', { n: index + 1 })}
                  </button>
                </div>
              )}
            </div>
          ))}
          {s.phases.length < 6 && (
            <button type="button" className="secondary" onClick={() => setS({ ...s, phases: [...s.phases, { name: `${t('programme.settings.phase', { n: s.phases.length + 1 })}`, days: 60, reflectionAtEnd: true }] })}>
              {t('programme.settings.addPhase')}
            </button>
          )}
          <p className="help">{t('programme.settings.reflectionDays', { days: reflectionDays(s).join(', ') })}</p>
        </fieldset>
        {formatQuestion ? (
          <FormatChangeQuestion
            message={form ?? ''}
            busy={save.isPending}
            onConfirm={(existing) => {
              const choice = { confirmed: true as const, existing };
              setFormatChoice(choice);
              save.mutate({ modeChange: modeChoice, formatChange: choice });
            }}
            onCancel={() => {
              setFormatQuestion(false);
              save.reset();
              setS({ ...s, format: intake.settings.format });
            }}
          />
        ) : question ? (
          <ModeChangeQuestion consequences={question} busy={save.isPending} onConfirm={(choice) => {
            const modeChange = { confirmed: true as const, notSignedUp: choice };
            setModeChoice(modeChange);
            save.mutate({ modeChange, formatChange: formatChoice });
          }} onCancel={() => {
            setQuestion(null);
            save.reset();
            setS({ ...s, participation: intake.settings.participation });
          }} />
        ) : (
          <button type="submit" className="primary" disabled={save.isPending}>
            {t('programme.settings.save')}
          </button>
        )}
      </form>
    </section>
  );
}

/** The change log: who changed which setting when, old → new. */
function SettingsHistory({ intake }: { intake: IntakeResponse }) {
  const { t } = useTranslation();
  const history = useQuery({ queryKey: ['programme', 'settingsHistory', intake.id], queryFn: () => programmeApi.settingsHistory(intake.id) });
  const show = (field: SettingsField, s: Settings): string => {
    switch (field) {
      case 'format':
        return t(`programme.settings.formats.${s.format}`);
      case 'participation':
        return t(`programme.settings.participations.${s.participation}`);
      case 'sessionsPerMonth':
        return String(s.sessionsPerMonth);
      case 'communitySize':
        return t('programme.settings.historySize', s.communitySize);
      case 'caseloadSize':
        return String(s.caseloadSize);
      case 'phases':
        return s.phases
          .map((p) => `${t('programme.settings.historyPhase', { name: p.name, days: p.days })}${p.reflectionAtEnd ? `, ${t('programme.settings.historyReflection')}` : ''}`)
          .join('; ');
      case 'compensation':
        return t('programme.settings.historyCompensation', {
          scheme: t(`programme.settings.schemes.${s.compensation.scheme}`),
          rates: s.compensation.rates.map((r) => `${r.from}: ${(r.under21Cents / 100).toFixed(2)} / ${(r.from21Cents / 100).toFixed(2)}`).join('; '),
        });
      case 'evaluations':
        return s.evaluations.map((e) => `${e.moment} ${e.opensOn}–${e.closesOn} (${e.mode})`).join('; ') || '–';
      case 'signUp':
        return s.signUp.closesOn === null ? '–' : formatDate(s.signUp.closesOn, 'medium');
    }
  };
  const changes = history.data?.changes ?? [];
  return (
    <section className="card" aria-labelledby="settings-history-title">
      <h2 id="settings-history-title">{t('programme.settings.history')}</h2>
      <p className="help">{t('programme.settings.historyIntro')}</p>
      {history.error && <Alert kind="error">{history.error.message}</Alert>}
      {history.data && changes.length === 0 && <p>{t('programme.settings.historyNone')}</p>}
      <ol className="rows">
        {changes.map((c) => (
          <li key={c.id} className="stack-sm">
            <p>
              <strong>{formatDateTime(c.at, 'medium')}</strong> ·{' '}
              {c.by ? personName(c.by) : t('programme.settings.historyUnknown')}
            </p>
            {c.before === null ? (
              <p>
                {t('programme.settings.historyCreated', {
                  summary: SETTINGS_FIELDS.map((f) => `${t(`programme.settings.historyField.${f}`)}: ${show(f, c.after)}`).join(' · '),
                })}
              </p>
            ) : (
              <ul>
                {changedSettings(c.before, c.after).map((f) => (
                  <li key={f}>
                    {t(`programme.settings.historyField.${f}`)}: {show(f, c.before!)} → {show(f, c.after)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Classes({ programme, intake }: { programme: ProgrammeResponse; intake: IntakeResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const staff = useQuery({ queryKey: ['programme', 'staff', programme.id], queryFn: () => programmeApi.staff(programme.id), enabled: programme.canManageStructure });
  const [code, setCode] = useState('');
  const [leercoachId, setLeercoach] = useState('');
  const create = useMutation({
    mutationFn: () => programmeApi.createClass(intake.id, { code, leercoachId: leercoachId || null }),
    onSuccess: async () => {
      setCode('');
      await client.invalidateQueries({ queryKey: ['programme'] });
    },
  });
  const update = useMutation({
    mutationFn: (v: { classId: string; code: string; leercoachId: string | null }) => programmeApi.updateClass(v.classId, { code: v.code, leercoachId: v.leercoachId }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['programme'] }),
  });
  const { form, fields } = errorsOf(create.error ?? update.error);
  const people = staff.data?.people ?? [];
  return (
    <section className="card" aria-labelledby="classes-title">
      <h2 id="classes-title">{t('programme.intake.classes')}</h2>
      {form && <Alert kind="error">{form}</Alert>}
      {create.isSuccess && <Alert kind="success">{t('programme.intake.classAdded')}</Alert>}
      {intake.classes.length === 0 && <p>{t('programme.intake.noClasses')}</p>}
      <ul className="rows">
        {intake.classes.map((c) => (
          <li key={c.id}>
            <strong>{c.code}</strong> · {t('programme.intake.classStudents', { count: c.studentCount })}
            {programme.canManageStructure ? (
              <LeercoachSelect label={t('programme.intake.editClass', { code: c.code })} people={people} value={c.leercoach?.id ?? ''} onChange={(e) => update.mutate({ classId: c.id, code: c.code, leercoachId: e.target.value || null })} />
            ) : (
              <> · {c.leercoach ? `${c.leercoach.firstName} ${c.leercoach.lastName}` : t('programme.intake.noLeercoach')}</>
            )}
          </li>
        ))}
      </ul>
      {programme.canManageStructure && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <h3>{t('programme.intake.addClass')}</h3>
          <div className="grid-2">
            <Field label={t('programme.intake.classCode')} value={code} onChange={(e) => setCode(e.target.value)} error={fields.code} />
            <LeercoachSelect label={t('programme.intake.leercoach')} people={people} value={leercoachId} onChange={(e) => setLeercoach(e.target.value)} error={fields.leercoachId} />
          </div>
          <button type="submit" className="secondary" disabled={create.isPending}>
            {t('programme.intake.addClass')}
          </button>
        </form>
      )}
    </section>
  );
}

/** The choice of a class's leercoach among the programme's staff, "no leercoach" first. */
function LeercoachSelect({ label, people, value, onChange, error }: { label: string; people: { id: string; firstName: string; lastName: string }[]; value: string; onChange: (e: ChangeEvent<HTMLSelectElement>) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <SelectField label={label} value={value} onChange={onChange} error={error}>
      <option value="">{t('programme.intake.noLeercoach')}</option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.firstName} {p.lastName}
        </option>
      ))}
    </SelectField>
  );
}
