import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyConsentsResponse } from '../../../contracts/consent';
import type { MyAttributesResponse } from '../../../contracts/grouping';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { groupingApi } from './api';
import './grouping.css';

type Attribute = MyAttributesResponse['attributes'][number];
const KEY = ['me', 'grouping-attributes'] as const;

/**
 * "About me": a student discloses (or withdraws) what may count when communities are formed,
 * with a plain explanation of who sees what. Background questions count only with the explicit
 * consent, given here with its exact text; withdrawing it deletes those answers.
 */
export function MyAttributesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('grouping.mine.title'));
  const mine = useQuery({ queryKey: KEY, queryFn: groupingApi.mine });
  // Kept here: the form below starts afresh from the saved answers after every save.
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="stack">
      <h1>{t('grouping.mine.title')}</h1>
      <p className="lead-text">{t('grouping.mine.intro')}</p>
      <Alert kind="info">{t('grouping.mine.whoSees')}</Alert>
      <div aria-live="polite">{message && <Alert kind="success">{message}</Alert>}</div>
      <PageState query={mine} empty={{ when: (data) => data.attributes.length === 0, text: t('grouping.mine.nothingEnabled') }}>
        {(data) => <AttributesForm key={JSON.stringify(data)} data={data} setMessage={setMessage} />}
      </PageState>
    </div>
  );
}

function AttributesForm({ data, setMessage }: { data: MyAttributesResponse; setMessage: (message: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const client = useQueryClient();
  const [values, setValues] = useState<Record<string, string | null>>(() => Object.fromEntries(data.attributes.map((a) => [a.attribute, a.confirmed ? a.value : null])));
  const consents = useQuery({ queryKey: ['me', 'consents'], queryFn: () => api<MyConsentsResponse>('/api/me/consents') });
  const consentText = consents.data?.consents.find((c) => c.id === 'grouping-background');
  const refresh = () => client.invalidateQueries({ queryKey: ['me'] });
  const save = useMutation({
    mutationFn: (next: Record<string, string | null>) => {
      setMessage(null);
      return groupingApi.saveMine({ values: next });
    },
    onSuccess: async (_, next) => {
      setMessage(Object.values(next).every((v) => v === null) ? t('grouping.mine.removed') : t('grouping.mine.saved'));
      await refresh();
    },
  });
  const consent = useMutation({
    mutationFn: async (decision: 'grant' | 'withdraw') => {
      await groupingApi.answerBackgroundConsent(decision, data.backgroundConsent.version, lang);
      if (decision === 'withdraw') {
        const background = data.attributes.filter((a) => a.sensitivity === 'background').map((a) => [a.attribute, null]);
        if (background.length > 0) await groupingApi.saveMine({ values: Object.fromEntries(background) as Record<string, null> });
      }
      return decision;
    },
    onSuccess: async (decision) => {
      setMessage(decision === 'grant' ? t('grouping.mine.consentSaved') : t('grouping.mine.withdrawn'));
      await refresh();
    },
  });
  const ordinary = data.attributes.filter((a) => a.sensitivity !== 'background');
  const background = data.attributes.filter((a) => a.sensitivity === 'background');
  const granted = data.backgroundConsent.status === 'granted';
  const error = save.error ?? consent.error;

  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(values);
      }}
    >
      {error && <Alert kind="error">{error.message}</Alert>}
      {ordinary.map((a) => (
        <Question key={a.attribute} attribute={a} value={values[a.attribute] ?? null} onChange={(v) => setValues({ ...values, [a.attribute]: v })} status={a.counts ? t('grouping.mine.counts') : a.value === null ? t('grouping.mine.notGiven') : t('grouping.mine.notCounts')} />
      ))}
      {background.length > 0 && (
        <section className="card" aria-labelledby="background-title">
          <h2 id="background-title">{t('grouping.mine.backgroundTitle')}</h2>
          <p>{t('grouping.mine.backgroundIntro')}</p>
          {consentText && <p className="consent-quote">{consentText.text[lang]}</p>}
          <p className="attribute-status">{granted ? t('grouping.mine.consentGiven') : t('grouping.mine.consentNot')}</p>
          <div className="actions">
            {!granted && consentText && (
              <button type="button" className="secondary" disabled={consent.isPending} onClick={() => consent.mutate('grant')}>
                {consentText.agreeLabel[lang]}
              </button>
            )}
            {granted && (
              <button type="button" className="secondary" disabled={consent.isPending} onClick={() => consent.mutate('withdraw')}>
                {t('grouping.mine.withdraw')}
              </button>
            )}
          </div>
          {background.map((a) => (
            <Question
              key={a.attribute}
              attribute={a}
              value={values[a.attribute] ?? null}
              onChange={(v) => setValues({ ...values, [a.attribute]: v })}
              status={a.counts ? t('grouping.mine.counts') : a.value === null ? t('grouping.mine.notGiven') : !granted ? t('grouping.mine.needsConsent') : t('grouping.mine.notCounts')}
            />
          ))}
        </section>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('grouping.mine.save')}
        </button>
        <button type="button" className="secondary" disabled={save.isPending} onClick={() => save.mutate(Object.fromEntries(data.attributes.map((a) => [a.attribute, null])))}>
          {t('grouping.mine.removeAll')}
        </button>
      </div>
    </form>
  );
}

function Question({ attribute, value, onChange, status }: { attribute: Attribute; value: string | null; onChange: (v: string | null) => void; status: string }) {
  const { t } = useTranslation();
  const name = `attr-${attribute.attribute}`;
  const label = (v: string) => t(`grouping.attributes.${attribute.attribute}.values.${v}`);
  return (
    <fieldset className="attribute-question" aria-describedby={`${name}-status`}>
      <legend>{t(`grouping.attributes.${attribute.attribute}.question`)}</legend>
      {attribute.source === 'import' && !attribute.confirmed && attribute.value !== null && <p className="help">{t('grouping.mine.imported', { value: label(attribute.value) })}</p>}
      <div className="choice-list">
        {attribute.values.map((v) => (
          <label key={v} className="choice">
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
            {label(v)}
          </label>
        ))}
        <label className="choice">
          <input type="radio" name={name} value="" checked={value === null} onChange={() => onChange(null)} />
          {t('grouping.mine.preferNot')}
        </label>
      </div>
      <p className="attribute-status" id={`${name}-status`}>
        {status}
      </p>
    </fieldset>
  );
}
