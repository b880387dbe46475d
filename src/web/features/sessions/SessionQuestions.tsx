/** The session's questions: one field per question, the check-in, the closing questions and what they gave. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question, QuestionSet, ScaleQuestion } from '../../../contracts/content/questions';
import type { SessionDetailResponse } from '../../../contracts/sessions';
import { api } from '../../api';
import { Alert } from '../../components/Alert';

export type Questions = { logbook: QuestionSet; checkin: ScaleQuestion; sessionClose: QuestionSet };
export type Answer = string | number | string[];
export const lang = (l: string): 'nl' | 'en' => (l === 'en' ? 'en' : 'nl');

export function QuestionField({ q, value, onChange, language }: { q: Question; value: Answer | undefined; onChange: (v: Answer) => void; language: 'nl' | 'en' }) {
  const id = `q-${q.id}`;
  if (q.kind === 'text')
    return (
      <div className="field">
        <label htmlFor={id}>{q.label[language]}</label>
        {q.help && <p className="help" id={`${id}-help`}>{q.help[language]}</p>}
        <textarea id={id} aria-describedby={q.help ? `${id}-help` : undefined} maxLength={q.maxLength} rows={2} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />
      </div>
    );
  if (q.kind === 'scale') {
    const options = Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i);
    return (
      <fieldset className="field">
        <legend>{q.label[language]}</legend>
        <p className="help">
          {q.min} = {q.minLabel[language]}, {q.max} = {q.maxLabel[language]}
        </p>
        <div className="segmented">
          {options.map((n) => (
            <label key={n} className={value === n ? 'selected' : undefined}>
              <input type="radio" name={id} value={n} checked={value === n} onChange={() => onChange(n)} />
              {n}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  const chosen = Array.isArray(value) ? value : [];
  return (
    <fieldset className="field">
      <legend>{q.label[language]}</legend>
      <div className="checks">
        {q.options.map((o) => (
          <label key={o.id}>
            <input type="checkbox" checked={chosen.includes(o.id)} onChange={(e) => onChange(e.target.checked ? [...chosen, o.id] : chosen.filter((c) => c !== o.id))} />
            {o.label[language]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Checkin({ session, question }: { session: SessionDetailResponse; question: ScaleQuestion }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const send = useMutation({
    mutationFn: (score: number) => api(`/api/sessions/${session.id}/checkin`, { method: 'PUT', body: { score } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['session', session.id] }),
  });
  const language = lang(i18n.language);
  return (
    <section className="card" aria-labelledby="checkin-title">
      <h2 id="checkin-title">{question.label[language]}</h2>
      <p className="help">
        {question.min} = {question.minLabel[language]}, {question.max} = {question.maxLabel[language]}
      </p>
      <div className="scale-buttons">
        {Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i).map((n) => (
          <button key={n} type="button" aria-pressed={session.myCheckin === n} onClick={() => send.mutate(n)}>
            {n}
          </button>
        ))}
      </div>
      {send.error && <Alert kind="error">{send.error.message}</Alert>}
      {session.myCheckin !== null && <p role="status">{t('sessions.detail.yourCheckin', { score: session.myCheckin })}</p>}
    </section>
  );
}

export function CloseQuestions({ session, set }: { session: SessionDetailResponse; set: QuestionSet }) {
  const { t, i18n } = useTranslation();
  const language = lang(i18n.language);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const client = useQueryClient();
  const send = useMutation({
    mutationFn: () => api(`/api/sessions/${session.id}/feedback`, { method: 'PUT', body: { answers } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['session', session.id] }),
  });
  if (session.myFeedbackGiven) return <p role="status">{t('sessions.detail.closeSaved')}</p>;
  return (
    <section className="card" aria-labelledby="close-title">
      <h2 id="close-title">{set.title[language]}</h2>
      <form
        className="stack-sm"
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        {set.questions.map((q) => (
          <QuestionField key={q.id} q={q} language={language} value={answers[q.id]} onChange={(v) => setAnswers({ ...answers, [q.id]: v })} />
        ))}
        {send.error && <Alert kind="error">{send.error.message}</Alert>}
        <button type="submit">{t('sessions.detail.sendClose')}</button>
      </form>
    </section>
  );
}

/** The closing answers ("what did you think, what next time"), without names, read with their questions. */
export function FeedbackCard({ feedback, set }: { feedback: NonNullable<SessionDetailResponse['feedback']>; set: QuestionSet }) {
  const { t, i18n } = useTranslation();
  const language = lang(i18n.language);
  const show = (q: Question, value: Answer) => {
    if (q.kind === 'choice' && Array.isArray(value)) return value.map((id) => q.options.find((o) => o.id === id)?.label[language] ?? id).join(', ');
    if (q.kind === 'scale' && typeof value === 'number') return `${value} / ${q.max}`;
    return String(value);
  };
  return (
    <section className="card" aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t('sessions.detail.feedback')}</h2>
      {feedback.length === 0 && <p>{t('sessions.detail.noFeedback')}</p>}
      {feedback.length > 0 && <p>{t('sessionInsight.feedback.count', { count: feedback.length })}</p>}
      <ul className="rows">
        {feedback.map((answers, i) => (
          <li key={i}>
            <dl className="qa-list">
              {set.questions.map((q) =>
                answers[q.id] === undefined || answers[q.id] === '' ? null : (
                  <div key={q.id}>
                    <dt>{q.label[language]}</dt>
                    <dd>{show(q, answers[q.id]!)}</dd>
                  </div>
                ),
              )}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
