import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HundredDayQuestion } from '../../../contracts/year';
import { HUNDRED_DAY_CHOICES, type HundredDayChoice } from '../../../domain/year/hundred-day';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { CheckField, TextAreaField } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../format';
import { useSession } from '../../session';
import { yearApi } from './api';
import './year.css';

/**
 * The 100-day question, phone first (#21 item 2). Opened from the mail's one-tap link (the token
 * is in the URL fragment, never sent in a URL; opening the page changes nothing — the button
 * does) or from the home card when signed in.
 */
export function HundredDayPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('year.question.title'));
  const token = window.location.hash.slice(1);
  // The shared session query brings the CSRF token first (see RsvpLinkPage).
  const session = useSession();
  const signedIn = Boolean(session.data?.person);
  const query = useQuery({
    queryKey: ['year', 'hundred-day', token ? 'link' : 'mine'],
    queryFn: async (): Promise<{ question: HundredDayQuestion | null }> => (token ? { question: await yearApi.readLink(token) } : yearApi.mine()),
    enabled: session.isSuccess && (Boolean(token) || signedIn),
    retry: false,
  });
  return (
    <div className="stack narrow">
      <h1>{t('year.question.title')}</h1>
      {session.isSuccess && !token && !signedIn ? (
        <p>
          <Link to="/sign-in">{t('year.question.invalid')}</Link>
        </p>
      ) : (
        <PageState query={{ data: query.data, error: query.error ? new Error(token ? t('year.question.invalid') : query.error.message) : null }} loading={t('year.question.loading')} empty={{ when: (d) => d.question === null, text: t('year.question.none') }}>
          {(d) => (d.question ? <QuestionForm question={d.question} token={token} /> : null)}
        </PageState>
      )}
    </div>
  );
}

function QuestionForm({ question, token }: { question: HundredDayQuestion; token: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [choice, setChoice] = useState<HundredDayChoice | null>(null);
  const [reason, setReason] = useState('');
  const [share, setShare] = useState(false);
  const [missing, setMissing] = useState(false);
  const send = useMutation({
    mutationFn: (body: { choice: HundredDayChoice; reason: string; shareReasonWithCoach: boolean }) => (token ? yearApi.answerLink(token, body) : yearApi.answerMine(question.intakeId, body)),
    onSuccess: () => client.invalidateQueries({ queryKey: ['year'] }),
  });
  const intro = <p className="lead">{t('year.question.intro', { phase: question.phaseName, programme: question.programmeName })}</p>;
  if (send.isSuccess && choice) {
    return (
      <>
        {intro}
        <Alert kind="success">{t('year.question.thanks', { choice: t(`year.choices.${choice}`) })}</Alert>
      </>
    );
  }
  if (question.answer) {
    return (
      <>
        {intro}
        <p role="status">{t('year.question.answered', { choice: t(`year.choices.${question.answer.choice}`) })}</p>
      </>
    );
  }
  if (question.closed) {
    return (
      <>
        {intro}
        <Alert kind="info">{t('year.question.closed')}</Alert>
      </>
    );
  }
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!choice) {
          setMissing(true);
          return;
        }
        send.mutate({ choice, reason, shareReasonWithCoach: share });
      }}
    >
      {intro}
      <p>{t('year.question.deadline', { date: formatDate(question.deadline, 'long') })}</p>
      {send.error && <Alert kind="error">{send.error.message}</Alert>}
      <fieldset className="year-choices" aria-describedby={missing && !choice ? 'hundred-day-missing' : undefined}>
        <legend>{t('year.question.choiceLegend')}</legend>
        {missing && !choice && (
          <p className="field-error" id="hundred-day-missing">
            {t('year.question.chooseFirst')}
          </p>
        )}
        {HUNDRED_DAY_CHOICES.map((c) => (
          <div className="choice" key={c}>
            <input type="radio" id={`hundred-day-${c}`} name="hundred-day-choice" value={c} checked={choice === c} onChange={() => setChoice(c)} aria-describedby={`hundred-day-${c}-help`} />
            <div>
              <label htmlFor={`hundred-day-${c}`}>{t(`year.choices.${c}`)}</label>
              <p className="help" id={`hundred-day-${c}-help`}>
                {t(`year.choiceHelp.${c}`)}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <TextAreaField label={t('year.question.reason')} help={t('year.question.reasonHelp')} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
      {reason.trim() !== '' && <CheckField label={t('year.question.share')} checked={share} onChange={setShare} />}
      <button type="submit" disabled={send.isPending}>
        {send.isPending ? t('year.question.sending') : t('year.question.submit')}
      </button>
    </form>
  );
}
