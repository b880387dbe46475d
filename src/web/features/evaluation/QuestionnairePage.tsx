/**
 * Answering an evaluation questionnaire (#18), phone first: one question per screen, each answer
 * saved at once, progress shown, resumable (it starts at the first unanswered question), and a
 * finish screen. Opened from the mail's one-tap link (the token in the URL fragment, never sent
 * in a URL) or from the home card in the app.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Question } from '../../../contracts/content/questions';
import type { QuestionnaireResponse } from '../../../contracts/evaluation';
import { Alert } from '../../components/Alert';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../format';
import { useSession } from '../../session';
import { inAppSource, linkSource, type AnswerValue, type QuestionnaireSource } from './api';
import './evaluation.css';

const lang = (l: string): 'nl' | 'en' => (l === 'en' ? 'en' : 'nl');

/** `/questionnaire#<token>`: from the invitation or reminder mail, without signing in. */
export function QuestionnaireLinkPage() {
  const { t } = useTranslation();
  const token = window.location.hash.slice(1);
  // The shared session query brings the CSRF token the POSTs need.
  const session = useSession();
  if (!token) return <Shell title={t('evaluation.home.title')}>{<Alert kind="error">{t('evaluation.answer.noToken')}</Alert>}</Shell>;
  if (session.error) return <Shell title={t('evaluation.home.title')}>{<Alert kind="error">{session.error.message}</Alert>}</Shell>;
  if (!session.isSuccess) return <Shell title={t('evaluation.home.title')}>{<p role="status">{t('evaluation.answer.loading')}</p>}</Shell>;
  return <Questionnaire source={linkSource(token)} signedIn={Boolean(session.data?.person)} />;
}

/** `/evaluations/:invitationId`: the same questionnaire from the home card. */
export function QuestionnaireInAppPage() {
  const { invitationId = '' } = useParams();
  return <Questionnaire source={inAppSource(invitationId)} signedIn />;
}

function Shell({ title, children }: { title: string; children: React.ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="stack narrow">
      <h1>{title}</h1>
      {children}
    </div>
  );
}

function Questionnaire({ source, signedIn }: { source: QuestionnaireSource; signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const language = lang(i18n.language);
  const query = useQuery({ queryKey: ['evaluation', source.key], queryFn: source.read, retry: false });
  const title = query.data ? query.data.title[language] : t('evaluation.home.title');
  useDocumentTitle(title);
  return (
    <div className="stack narrow">
      {query.isPending && (
        <>
          <h1>{title}</h1>
          <p role="status">{t('evaluation.answer.loading')}</p>
        </>
      )}
      {query.error && (
        <>
          <h1>{title}</h1>
          <Alert kind="error">{query.error.message}</Alert>
          {signedIn && <Link to="/">{t('evaluation.answer.toHome')}</Link>}
        </>
      )}
      {query.data && <Steps data={query.data} source={source} signedIn={signedIn} />}
    </div>
  );
}

function Steps({ data, source, signedIn }: { data: QuestionnaireResponse; source: QuestionnaireSource; signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const language = lang(i18n.language);
  const questions = data.questions;
  const total = questions.length;
  const [answered, setAnswered] = useState<string[]>(data.answeredKeys);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(data.answers);
  const firstOpen = questions.findIndex((q) => !data.answeredKeys.includes(q.id));
  // -1: the intro; 0…total−1: a question; total: the finish screen. Resuming starts at the first open question.
  const [step, setStep] = useState(data.answeredKeys.length === 0 ? -1 : firstOpen === -1 ? total : firstOpen);
  const [finished, setFinished] = useState(data.finished);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // Each new screen: focus its heading, so keyboard and screen-reader users start at the top.
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [step, finished]);
  const client = useQueryClient();
  const finish = useMutation({
    mutationFn: source.finish,
    onSuccess: () => {
      setFinished(true);
      void client.invalidateQueries({ queryKey: ['evaluation'] });
    },
  });

  if (finished)
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          {t('evaluation.answer.thanksTitle')}
        </h1>
        <p role="status">{t('evaluation.answer.thanks')}</p>
        {signedIn && <Link to="/">{t('evaluation.answer.toHome')}</Link>}
      </>
    );

  if (step === -1)
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          {data.title[language]}
        </h1>
        {data.intro && <p className="lead">{data.intro[language]}</p>}
        <p>{t(`evaluation.answer.${data.mode}`)}</p>
        <p>{t('evaluation.answer.closesOn', { date: formatDate(data.closesOn, 'long', language) })}</p>
        <div className="evaluation-nav">
          <button type="button" onClick={() => setStep(0)}>
            {t('evaluation.answer.start')}
          </button>
        </div>
      </>
    );

  if (step >= total)
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          {t('evaluation.answer.finishTitle')}
        </h1>
        <p>{t('evaluation.answer.finishText', { count: answered.length, total })}</p>
        {finish.error && <Alert kind="error">{finish.error.message}</Alert>}
        <div className="evaluation-nav">
          <button type="button" onClick={() => finish.mutate()} disabled={finish.isPending}>
            {t('evaluation.answer.finish')}
          </button>
          {total > 0 && (
            <button type="button" className="secondary" onClick={() => setStep(total - 1)}>
              {t('evaluation.answer.previous')}
            </button>
          )}
        </div>
      </>
    );

  const q = questions[step]!;
  return (
    <QuestionStep
      key={q.id}
      headingRef={heading}
      question={q}
      n={step + 1}
      total={total}
      locked={data.mode === 'anonymous' && answered.includes(q.id)}
      initial={answers[q.id]}
      source={source}
      onSaved={(value, keys) => {
        setAnswered(keys);
        setAnswers({ ...answers, [q.id]: value });
        setStep(step + 1);
      }}
      onSkip={() => setStep(step + 1)}
      onPrevious={step > 0 ? () => setStep(step - 1) : null}
    />
  );
}

function QuestionStep(props: {
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  question: Question;
  n: number;
  total: number;
  locked: boolean;
  initial: AnswerValue | undefined;
  source: QuestionnaireSource;
  onSaved: (value: AnswerValue, answeredKeys: string[]) => void;
  onSkip: () => void;
  onPrevious: (() => void) | null;
}) {
  const { t, i18n } = useTranslation();
  const language = lang(i18n.language);
  const { question: q } = props;
  const [value, setValue] = useState<AnswerValue | undefined>(props.initial);
  const [missing, setMissing] = useState(false);
  const save = useMutation({ mutationFn: (v: AnswerValue) => props.source.save(q.id, v), onSuccess: (r, v) => props.onSaved(v, r.answeredKeys) });
  const empty = value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
  const errorId = `q-${q.id}-error`;
  const hint = q.kind === 'scale' || (q.kind === 'choice' && !q.multiple) ? t('evaluation.answer.chooseOne') : q.kind === 'choice' ? t('evaluation.answer.chooseSome') : t('evaluation.answer.writeSomething');
  return (
    <form
      className="stack-sm evaluation-question"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (props.locked) return props.onSkip();
        if (empty || value === undefined) return setMissing(true);
        save.mutate(value);
      }}
    >
      <div className="evaluation-progress">
        <label htmlFor="evaluation-progress">{t('evaluation.answer.progress', { n: props.n, total: props.total })}</label>
        <progress id="evaluation-progress" value={props.n} max={props.total} />
      </div>
      <h1 ref={props.headingRef} tabIndex={-1}>
        {q.label[language]}
      </h1>
      <p className="help">{q.required ? t('evaluation.answer.required') : t('evaluation.answer.optional')}</p>
      {props.locked ? (
        <p role="status">{t('evaluation.answer.alreadyAnswered')}</p>
      ) : (
        <AnswerField q={q} value={value} language={language} invalid={missing} errorId={errorId} onChange={(v) => (setValue(v), setMissing(false))} />
      )}
      {missing && (
        <p className="field-error" id={errorId} role="alert">
          {hint}
        </p>
      )}
      {save.error && <Alert kind="error">{save.error.message}</Alert>}
      <div className="evaluation-nav">
        <button type="submit" disabled={save.isPending}>
          {props.locked ? t('evaluation.answer.next') : t('evaluation.answer.saveNext')}
        </button>
        {!props.locked && !q.required && (
          <button type="button" className="secondary" onClick={props.onSkip}>
            {t('evaluation.answer.skip')}
          </button>
        )}
        {props.onPrevious && (
          <button type="button" className="secondary" onClick={props.onPrevious}>
            {t('evaluation.answer.previous')}
          </button>
        )}
      </div>
    </form>
  );
}

function AnswerField({ q, value, language, invalid, errorId, onChange }: { q: Question; value: AnswerValue | undefined; language: 'nl' | 'en'; invalid: boolean; errorId: string; onChange: (v: AnswerValue) => void }) {
  const { t } = useTranslation();
  const id = `q-${q.id}`;
  const described = [q.help ? `${id}-help` : null, invalid ? errorId : null].filter(Boolean).join(' ') || undefined;
  if (q.kind === 'text')
    return (
      <div className="field">
        <label htmlFor={id}>{q.label[language]}</label>
        {q.help && (
          <p className="help" id={`${id}-help`}>
            {q.help[language]} {t('evaluation.answer.characters', { max: q.maxLength })}
          </p>
        )}
        <textarea id={id} aria-describedby={described} aria-invalid={invalid || undefined} maxLength={q.maxLength} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />
      </div>
    );
  if (q.kind === 'scale') {
    const points = Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i);
    return (
      <fieldset className="field" aria-describedby={[`${id}-ends`, described].filter(Boolean).join(' ')}>
        <legend>{q.label[language]}</legend>
        {q.help && (
          <p className="help" id={`${id}-help`}>
            {q.help[language]}
          </p>
        )}
        <div className="evaluation-scale-ends" id={`${id}-ends`}>
          <span>
            {q.min} = {q.minLabel[language]}
          </span>
          <span>
            {q.max} = {q.maxLabel[language]}
          </span>
        </div>
        <div className="evaluation-scale">
          {points.map((n) => (
            <label key={n} className={value === n ? 'evaluation-selected' : undefined}>
              <input type="radio" name={id} value={n} checked={value === n} onChange={() => onChange(n)} />
              <span>{n}</span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  const chosen = Array.isArray(value) ? value : [];
  return (
    <fieldset className="field" aria-describedby={described}>
      <legend>{q.label[language]}</legend>
      {q.help && (
        <p className="help" id={`${id}-help`}>
          {q.help[language]}
        </p>
      )}
      <div className="checks">
        {q.options.map((o) => (
          <label key={o.id}>
            {q.multiple ? (
              <input type="checkbox" checked={chosen.includes(o.id)} onChange={(e) => onChange(e.target.checked ? [...chosen, o.id] : chosen.filter((c) => c !== o.id))} />
            ) : (
              <input type="radio" name={id} checked={chosen.includes(o.id)} onChange={() => onChange([o.id])} />
            )}
            {o.label[language]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
