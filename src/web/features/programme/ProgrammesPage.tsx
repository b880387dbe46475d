import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProgrammeResponse } from '../../../contracts/programme';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { programmeApi } from './api';
import { errorsOf, SelectField } from '../../components/form-fields';
import { CreateFormCard } from '../../components/CreateFormCard';

/** Institution → programmes at locations → intakes per academic year. */
export function ProgrammesPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('programme.structure.title'));
  const query = useQuery({ queryKey: ['programme', 'structure'], queryFn: programmeApi.structure });
  if (!query.data) return <PageState query={query} />;
  const data = query.data;
  return (
    <div className="stack">
      <h1>{t('programme.structure.title')}</h1>
      <p>{t('programme.structure.intro')}</p>
      {data.programmes.length === 0 && <p>{t('programme.structure.noProgrammes')}</p>}
      {data.programmes.map((p) => (
        <section key={p.id} className="card" aria-labelledby={`p-${p.id}`}>
          <h2 id={`p-${p.id}`}>
            {i18n.language === 'en' ? p.nameEn : p.nameNl} · {p.location}
          </h2>
          {p.intakes.length === 0 && <p>{t('programme.structure.noIntakes')}</p>}
          <ul className="rows">
            {p.intakes.map((i) => {
              const month = t(`programme.structure.months.${i.month}`);
              return (
                <li key={i.id}>
                  <Link to={`/programme/intakes/${i.id}`} aria-label={t('programme.structure.openIntake', { month, year: i.academicYear })}>
                    {t('programme.structure.intakeTitle', { month, year: i.academicYear })}
                  </Link>{' '}
                  · {`${t('programme.structure.intakeStudents', { count: i.studentCount })} · ${t('programme.structure.intakeCommunities', { count: i.communityCount })}`} ·{' '}
                  {t(`programme.settings.formats.${i.settings.format}`)}
                </li>
              );
            })}
          </ul>
          {p.canWelcomeSwitches && (
            <p>
              <Link to={`/programmes/${p.id}/welcome`}>{t('programme.structure.switchedIn')}</Link>
            </p>
          )}
          {p.canManageStructure && <AddIntake programme={p} />}
        </section>
      ))}
      {data.canCreateProgramme && <AddProgramme />}
    </div>
  );
}

function AddIntake({ programme }: { programme: ProgrammeResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const next = new Date().getFullYear() + 1;
  const [academicYear, setYear] = useState(`${next}-${next + 1}`);
  const [month, setMonth] = useState<'september' | 'february'>('september');
  const create = useMutation({
    mutationFn: () => programmeApi.createIntake(programme.id, { academicYear, month }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['programme'] }),
  });
  const { form, fields } = errorsOf(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`${t('programme.structure.addIntake')}: ${programme.nameNl}`}>
      <h3>{t('programme.structure.addIntake')}</h3>
      {form && <Alert kind="error">{form}</Alert>}
      {create.isSuccess && <Alert kind="success">{t('programme.structure.intakeAdded')}</Alert>}
      <div className="grid-2">
        <Field label={t('programme.structure.academicYear')} help={t('programme.structure.academicYearHelp')} value={academicYear} onChange={(e) => setYear(e.target.value)} error={fields.academicYear} />
        <SelectField label={t('programme.structure.month')} value={month} onChange={(e) => setMonth(e.target.value === 'february' ? 'february' : 'september')}>
          <option value="september">{t('programme.structure.months.september')}</option>
          <option value="february">{t('programme.structure.months.february')}</option>
        </SelectField>
      </div>
      <button type="submit" className="secondary" disabled={create.isPending}>
        {t('programme.structure.addIntake')}
      </button>
    </form>
  );
}

function AddProgramme() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [values, setValues] = useState({ nameNl: '', nameEn: '', location: '' });
  const create = useMutation({
    mutationFn: () => programmeApi.createProgramme(values),
    onSuccess: async () => {
      setValues({ nameNl: '', nameEn: '', location: '' });
      await client.invalidateQueries({ queryKey: ['programme'] });
    },
  });
  const { form, fields } = errorsOf(create.error);
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });
  return (
    <CreateFormCard id="add-programme" title={t('programme.structure.addProgramme')} error={form} success={create.isSuccess ? t('programme.structure.programmeAdded') : null} pending={create.isPending} onSubmit={() => create.mutate()}>
      <Field label={t('programme.structure.nameNl')} value={values.nameNl} onChange={set('nameNl')} error={fields.nameNl} />
      <Field label={t('programme.structure.nameEn')} value={values.nameEn} onChange={set('nameEn')} error={fields.nameEn} />
      <Field label={t('programme.structure.location')} value={values.location} onChange={set('location')} error={fields.location} />
    </CreateFormCard>
  );
}
