import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Question, QuestionSet, ScaleQuestion } from '../../../contracts/content/questions';
import type { LogbookEntry } from '../../../contracts/sessions';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { CheckField, SelectField } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatWhen } from './format';
import { useLibrary } from './library';
import './sessions.css';

type Questions = { logbook: QuestionSet; checkin: ScaleQuestion; sessionClose: QuestionSet };
type Answer = string | number | string[];

/**
 * Logbooks: a coach reads their own; a senior coach those of the coaches they supervise; a
 * coordinator those of the programme. Entries marked for intervision can be picked out.
 * One-on-one notes are never here: they are their author's alone.
 */
export function LogbooksPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('sessionInsight.logbooks.title'));
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const list = useQuery({ queryKey: ['logbooks'], queryFn: () => api<{ entries: LogbookEntry[] }>('/api/logbooks') });
  const questions = useQuery({ queryKey: ['session-questions'], queryFn: () => api<Questions>('/api/session-questions'), staleTime: Infinity });
  const library = useLibrary();
  const [onlyIntervision, setOnlyIntervision] = useState(false);
  const [author, setAuthor] = useState('');
  const entries = list.data?.entries ?? [];
  const authors = [...new Map(entries.map((e) => [e.author.id, `${e.author.firstName} ${e.author.lastName}`])).entries()];
  const shown = entries.filter((e) => (!onlyIntervision || e.forIntervision) && (!author || e.author.id === author));
  const readable = (id: string) => Boolean(library.data?.activities.some((a) => a.id === id));
  const show = (q: Question, value: Answer) => {
    if (q.kind === 'choice' && Array.isArray(value)) return value.map((id) => q.options.find((o) => o.id === id)?.label[language] ?? id).join(', ');
    if (q.kind === 'scale' && typeof value === 'number') return `${value} / ${q.max}`;
    return String(value);
  };
  return (
    <div className="stack">
      <h1>{t('sessionInsight.logbooks.title')}</h1>
      <p>{t('sessionInsight.logbooks.intro')}</p>
      {(list.error ?? questions.error) && <Alert kind="error">{(list.error ?? questions.error)!.message}</Alert>}
      <form className="card filters" aria-label={t('library.filters')} onSubmit={(e) => e.preventDefault()}>
        {authors.length > 1 && (
          <SelectField label={t('sessionInsight.logbooks.coach')} value={author} onChange={(e) => setAuthor(e.target.value)}>
            <option value="">{t('library.all')}</option>
            {authors.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </SelectField>
        )}
        <CheckField label={t('sessionInsight.logbooks.onlyIntervision')} checked={onlyIntervision} onChange={setOnlyIntervision} />
      </form>
      <p role="status">{list.data ? t('sessionInsight.logbooks.count', { count: shown.length }) : t('app.loading')}</p>
      <ul className="activity-list">
        {questions.data &&
          shown.map((e) => (
            <li key={e.id} className="card">
              <h2 className="activity-title">
                <Link to={`/sessions/${e.sessionId}`}>
                  {formatWhen(e.sessionStartsAt, i18n.language)}
                  {e.communityName ? ` · ${e.communityName}` : ''}
                </Link>
              </h2>
              <p className="muted-text">
                {t('sessionInsight.logbooks.by', { name: `${e.author.firstName} ${e.author.lastName}` })}
                {e.forIntervision && <span className="chip chip-warn"> {t('sessionInsight.logbooks.intervision')}</span>}
              </p>
              <dl className="qa-list">
                {questions.data.logbook.questions.map((q) =>
                  e.answers[q.id] === undefined || e.answers[q.id] === '' ? null : (
                    <div key={q.id}>
                      <dt>{q.label[language]}</dt>
                      <dd className="pre-line">{show(q, e.answers[q.id]!)}</dd>
                    </div>
                  ),
                )}
                {e.activities.length > 0 && (
                  <div>
                    <dt>{t('sessions.detail.activitiesUsed')}</dt>
                    <dd>
                      {e.activities.map((a, i) => (
                        <span key={a.id}>
                          {i > 0 && ', '}
                          {/* A link where the reader may open the activity; a coach's private one shows by its title only. */}
                          {a.title === null ? t('library.plans.removedActivity') : readable(a.id) ? <Link to={`/activities/${a.id}`}>{a.title}</Link> : a.title}
                        </span>
                      ))}
                    </dd>
                  </div>
                )}
              </dl>
            </li>
          ))}
      </ul>
    </div>
  );
}
