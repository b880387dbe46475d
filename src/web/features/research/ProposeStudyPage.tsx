import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ResearchCatalogueResponse } from '../../../contracts/research';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { CheckField, errorsOf, TextAreaField } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { localised, researchApi } from './api';
import './research.css';

/** An onderzoeker proposes a study: question, period, programmes, variables from the catalogue. */
export function ProposeStudyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('research.propose.title'));
  const query = useQuery({ queryKey: ['research', 'catalogue'], queryFn: researchApi.catalogue, retry: false });
  return (
    <div className="stack">
      <h1>{t('research.propose.title')}</h1>
      <p>{t('research.propose.intro')}</p>
      <PageState query={query}>{(catalogue) => <ProposeForm catalogue={catalogue} />}</PageState>
    </div>
  );
}

function ProposeForm({ catalogue }: { catalogue: ResearchCatalogueResponse }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [programmeIds, setProgrammeIds] = useState<string[]>([]);
  const [variables, setVariables] = useState<string[]>([]);
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const propose = useMutation({
    mutationFn: () => researchApi.propose({ title, question, periodStart, periodEnd, programmeIds, variables }),
    onSuccess: async ({ id }) => {
      await client.invalidateQueries({ queryKey: ['research'] });
      await navigate(`/research/${id}`);
    },
  });
  const { form, fields } = errorsOf(propose.error);
  const lang = i18n.language;
  return (
    <form
      noValidate
      className="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        propose.mutate();
      }}
    >
      {form && Object.keys(fields).length === 0 && <Alert kind="error">{form}</Alert>}
      <Field label={t('research.propose.studyTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={fields.title} maxLength={200} required />
      <TextAreaField label={t('research.propose.question')} help={t('research.propose.questionHelp')} value={question} onChange={(e) => setQuestion(e.target.value)} error={fields.question} maxLength={2000} required />
      <div className="research-period">
        <Field label={t('research.propose.periodStart')} type="date" value={periodStart} onChange={(e) => setPeriodStart(e.target.value)} error={fields.periodStart} required />
        <Field label={t('research.propose.periodEnd')} type="date" value={periodEnd} onChange={(e) => setPeriodEnd(e.target.value)} error={fields.periodEnd} required />
      </div>
      <fieldset>
        <legend>{t('research.propose.programmes')}</legend>
        {catalogue.programmes.map((p) => (
          <CheckField key={p.id} label={localised(p.name, lang)} checked={programmeIds.includes(p.id)} onChange={(on) => setProgrammeIds(toggle(programmeIds, p.id, on))} />
        ))}
        {fields.programmeIds && (
          <p className="field-error" role="alert">
            {fields.programmeIds}
          </p>
        )}
      </fieldset>
      <fieldset className="research-variables">
        <legend>{t('research.propose.variables')}</legend>
        <p className="help">{t('research.propose.variablesHelp', { k: catalogue.k })}</p>
        {catalogue.variables.map((v) =>
          v.unavailable ? (
            <div key={v.id} className="research-unavailable">
              <p>
                <strong>{localised(v.label, lang)}</strong> — {t('research.propose.unavailable')}
              </p>
              <p className="help">{localised(v.unavailable, lang)}</p>
            </div>
          ) : (
            <CheckField
              key={v.id}
              label={`${localised(v.label, lang)}${v.quasiIdentifier ? ` (${t('research.propose.quasiIdentifier')})` : ''}`}
              help={localised(v.description, lang)}
              checked={variables.includes(v.id)}
              onChange={(on) => setVariables(toggle(variables, v.id, on))}
            />
          ),
        )}
        {fields.variables && (
          <p className="field-error" role="alert">
            {fields.variables}
          </p>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={propose.isPending}>
          {t('research.propose.submit')}
        </button>
      </div>
    </form>
  );
}
