import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NominationCandidatesResponse } from '../../../contracts/growth';
import { NOMINATION_NOTE_MAX } from '../../../contracts/growth';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { errorsOf, TextAreaField } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { growthApi } from './api';
import './growth.css';

type Student = NominationCandidatesResponse['students'][number];

/**
 * Nominating future coaches (#21 item 6): the leercoach sees the students of their classes, the
 * coordinator those of their programme; each can be invited to apply once, with an optional note.
 */
export function NominatePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('growth.nominate.title'));
  const query = useQuery({ queryKey: ['growth', 'candidates'], queryFn: growthApi.candidates });
  const [search, setSearch] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  return (
    <div className="stack">
      <h1>{t('growth.nominate.title')}</h1>
      <p>{t('growth.nominate.intro')}</p>
      <p className="help">{t('growth.nominate.privacy')}</p>
      {sent && <Alert kind="success">{sent}</Alert>}
      <PageState query={query} empty={{ when: (d) => d.students.length === 0, text: t('growth.nominate.empty') }}>
        {(d) => {
          const q = search.trim().toLocaleLowerCase();
          const shown = d.students.filter((s) => !q || `${s.firstName} ${s.lastName}`.toLocaleLowerCase().includes(q));
          return (
            <section className="card" aria-labelledby="nominate-list">
              <h2 id="nominate-list">{t('growth.nominate.count', { count: d.students.length })}</h2>
              <Field label={t('growth.nominate.search')} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
              {shown.length === 0 ? (
                <p>{t('growth.nominate.noMatch')}</p>
              ) : (
                <ul className="rows">
                  {shown.map((s) => (
                    <CandidateRow key={s.id} student={s} onSent={(name) => setSent(t('growth.nominate.sent', { name }))} />
                  ))}
                </ul>
              )}
            </section>
          );
        }}
      </PageState>
    </div>
  );
}

function CandidateRow({ student, onSent }: { student: Student; onSent: (name: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const name = `${student.firstName} ${student.lastName}`;
  const send = useMutation({
    mutationFn: () => growthApi.nominate(student.id, note),
    onSuccess: async () => {
      setOpen(false);
      setNote('');
      onSent(name);
      await client.invalidateQueries({ queryKey: ['growth', 'candidates'] });
    },
  });
  const { form, fields } = errorsOf(send.error);
  const state = student.isCoach
    ? t('growth.nominate.isCoach')
    : student.nomination
      ? student.nomination.byMe
        ? t('growth.nominate.byMe', { status: t(`growth.status.${student.nomination.status}`) })
        : t(`growth.status.${student.nomination.status}`)
      : null;
  const formId = `nominate-${student.id}`;
  return (
    <li>
      <div className="link-row">
        <strong>{name}</strong>
        <span className="help">
          {t('growth.nominate.class')}: {student.classCodes.join(', ')}
        </span>
        {state ? (
          <span className="chip">{state}</span>
        ) : (
          !open && (
            <button type="button" onClick={() => setOpen(true)} aria-label={`${t('growth.nominate.action')}: ${name}`}>
              {t('growth.nominate.action')}
            </button>
          )
        )}
      </div>
      {open && (
        <form
          className="stack-sm"
          aria-labelledby={`${formId}-title`}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate();
          }}
        >
          <h3 id={`${formId}-title`}>{t('growth.nominate.formTitle', { name })}</h3>
          {form && <Alert kind="error">{form}</Alert>}
          <TextAreaField label={t('growth.nominate.note')} help={t('growth.nominate.noteHelp')} value={note} maxLength={NOMINATION_NOTE_MAX} rows={3} onChange={(e) => setNote(e.target.value)} error={fields.note} />
          <div className="link-row">
            <button type="submit" className="primary" disabled={send.isPending}>
              {t('growth.nominate.send')}
            </button>
            <button type="button" className="quiet" onClick={() => setOpen(false)}>
              {t('growth.nominate.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
