/**
 * The coach's end-of-year report: their figures of the year (from what happened), the trainings,
 * the reflection questions — each answer saved as they type ("Opgeslagen"), resumable — and the
 * hand-in with two separate consents, unticked; afterwards the quoting consent can be changed and
 * the portfolio PDF downloaded.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { YearReportResponse } from '../../../contracts/endyear';
import { ApiError } from '../../api';
import { Alert } from '../../components/Alert';
import { FieldFrame } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../format';
import { endyearApi } from './api';
import './endyear.css';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

const errorText = (e: unknown, fallback: string) => (e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : fallback);

export function YearReportPage() {
  const { t } = useTranslation();
  const { programmeId = '', academicYear = '' } = useParams();
  useDocumentTitle(t('endyear.title', { year: academicYear }));
  const query = useQuery({ queryKey: ['endyear', 'report', programmeId, academicYear], queryFn: () => endyearApi.report(programmeId, academicYear) });
  return (
    <div className="stack endyear-page">
      <h1>{t('endyear.title', { year: academicYear })}</h1>
      <PageState query={query} loading={t('endyear.loading')} back={<Link to="/me/year-reports">{t('endyear.chooseTitle')}</Link>}>
        {(report) => <ReportBody report={report} programmeId={programmeId} academicYear={academicYear} />}
      </PageState>
    </div>
  );
}

function ReportBody({ report, programmeId, academicYear }: { report: YearReportResponse; programmeId: string; academicYear: string }) {
  const { t } = useTranslation();
  const f = report.figures;
  const submitted = report.submittedAt !== null;
  return (
    <>
      <p className="endyear-programme">{report.programme.name}</p>
      <p>{report.intro}</p>
      {!report.open && <Alert kind="info">{t('endyear.opensOn', { date: formatDate(report.opensOn, 'long') })}</Alert>}

      <section className="card" aria-labelledby="endyear-figures">
        <h2 id="endyear-figures">{t('endyear.figures.title')}</h2>
        <p>{t('endyear.figures.intro')}</p>
        <dl className="facts endyear-figures">
          <dt>{t('endyear.figures.communitiesLed')}</dt>
          <dd>{f.communitiesLed}</dd>
          <dt>{t('endyear.figures.sessions')}</dt>
          <dd>{t('endyear.figures.sessionsValue', { held: f.sessionsHeld, planned: f.sessionsPlanned })}</dd>
          <dt>{t('endyear.figures.attendance')}</dt>
          <dd>{f.attendancePercent === null ? t('endyear.figures.none') : `${f.attendancePercent}%`}</dd>
          <dt>{t('endyear.figures.oneOnOnes')}</dt>
          <dd>{f.oneOnOnesHeld}</dd>
          <dt>{t('endyear.figures.referrals')}</dt>
          <dd>{f.referrals}</dd>
          <dt>{t('endyear.figures.trainings')}</dt>
          <dd>{f.trainingsAttended}</dd>
          {f.hours !== null && (
            <>
              <dt>{t('endyear.figures.hours')}</dt>
              <dd>{f.hours}</dd>
            </>
          )}
        </dl>
        {report.trainings.length > 0 && (
          <>
            <h3>{t('endyear.trainingsTitle')}</h3>
            <ul>
              {report.trainings.map((tr) => (
                <li key={`${tr.date}-${tr.title}`}>
                  {formatDate(tr.date, 'long')} — {tr.title || t(`endyear.pdf.type.${tr.type}`)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card stack" aria-labelledby="endyear-questions">
        <h2 id="endyear-questions">{t('endyear.questionsTitle')}</h2>
        {report.questions.map((q) => (
          <Answer key={q.id} question={q} initial={report.answers[q.id] ?? ''} disabled={submitted || !report.open} programmeId={programmeId} academicYear={academicYear} />
        ))}
      </section>

      {report.open && (submitted ? <AfterSubmit report={report} programmeId={programmeId} academicYear={academicYear} /> : <Submit programmeId={programmeId} academicYear={academicYear} />)}

      <section className="card stack-sm" aria-labelledby="endyear-portfolio">
        <h2 id="endyear-portfolio">{t('endyear.download')}</h2>
        <p>{t('endyear.downloadHelp')}</p>
        <div className="actions">
          <a className="button-link" href={endyearApi.pdfUrl(programmeId, academicYear, 'nl')} download={`eindverslag-${academicYear}.pdf`} lang="nl">
            PDF (Nederlands)
          </a>
          <a className="button-link" href={endyearApi.pdfUrl(programmeId, academicYear, 'en')} download={`end-of-year-report-${academicYear}.pdf`} lang="en">
            PDF (English)
          </a>
        </div>
      </section>
    </>
  );
}

/** One question: saved a moment after typing stops and when leaving the field. */
function Answer({ question, initial, disabled, programmeId, academicYear }: { question: YearReportResponse['questions'][number]; initial: string; disabled: boolean; programmeId: string; academicYear: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [text, setText] = useState(initial);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const savedText = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const save = async (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (value.trim() === savedText.current.trim()) return;
    setState({ kind: 'saving' });
    try {
      await endyearApi.saveAnswer(programmeId, academicYear, question.id, value);
      savedText.current = value;
      // The cached report holds the answer too, so coming back to the page shows it at once.
      client.setQueryData<YearReportResponse>(['endyear', 'report', programmeId, academicYear], (old) => (old ? { ...old, answers: { ...old.answers, [question.id]: value.trim() } } : old));
      void client.invalidateQueries({ queryKey: ['endyear', 'mine'] });
      setState({ kind: 'saved' });
    } catch (e) {
      setState({ kind: 'error', message: errorText(e, t('endyear.saveFailed')) });
    }
  };
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const length = [...text].length;
  return (
    <FieldFrame label={question.label} help={question.quotable ? `${question.help} ${t('endyear.quotable')}` : question.help} error={state.kind === 'error' ? state.message : undefined}>
      {(control) => (
        <>
          <textarea
            {...control}
            rows={5}
            value={text}
            disabled={disabled}
            maxLength={question.maxLength}
            onChange={(e) => {
              const value = e.target.value;
              setText(value);
              if (timer.current) clearTimeout(timer.current);
              timer.current = setTimeout(() => void save(value), 1200);
            }}
            onBlur={() => void save(text)}
          />
          <p className="endyear-answer-meta">
            <span>{t('endyear.characters', { length, max: question.maxLength })}</span>
            <span role="status">{state.kind === 'saving' ? t('endyear.saving') : state.kind === 'saved' ? t('endyear.saved') : ''}</span>
          </p>
        </>
      )}
    </FieldFrame>
  );
}

function Submit({ programmeId, academicYear }: { programmeId: string; academicYear: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [quote, setQuote] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const submit = useMutation({
    mutationFn: () => endyearApi.submit(programmeId, academicYear, quote),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['endyear'] }),
  });
  return (
    <section className="card stack-sm" aria-labelledby="endyear-submit">
      <h2 id="endyear-submit">{t('endyear.submitTitle')}</h2>
      <p>{t('endyear.submitIntro')}</p>
      <form
        className="stack-sm"
        onSubmit={(e) => {
          e.preventDefault();
          // Answers still being typed are saved on blur before the hand-in.
          (document.activeElement as HTMLElement | null)?.blur();
          setTimeout(() => submit.mutate(), 0);
        }}
      >
        <label className="endyear-check">
          <input type="checkbox" checked={quote} onChange={(e) => setQuote(e.target.checked)} />
          <span>{t('endyear.consentQuote')}</span>
        </label>
        <label className="endyear-check">
          <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} aria-describedby="endyear-private-help" />
          <span>{t('endyear.consentPrivate')}</span>
        </label>
        <p className="help" id="endyear-private-help">
          {t('endyear.consentPrivateHelp')}
        </p>
        {submit.error && <Alert kind="error">{errorText(submit.error, t('app.errorGeneric'))}</Alert>}
        <div className="actions">
          <button type="submit" className="primary" disabled={!understood || submit.isPending}>
            {t('endyear.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function AfterSubmit({ report, programmeId, academicYear }: { report: YearReportResponse; programmeId: string; academicYear: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const change = useMutation({
    mutationFn: (quoteConsent: boolean) => endyearApi.setConsent(programmeId, academicYear, quoteConsent),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['endyear', 'report', programmeId, academicYear] }),
  });
  return (
    <section className="card stack-sm" aria-labelledby="endyear-submitted">
      <h2 id="endyear-submitted">{t('endyear.status.submitted')}</h2>
      <p role="status">{t('endyear.submitted', { date: formatDate(report.submittedAt!, 'long') })}</p>
      <p>{report.quoteConsent ? t('endyear.consentNow') : t('endyear.consentNotNow')}</p>
      {change.isSuccess && <p role="status">{t('endyear.consentChanged')}</p>}
      {change.error && <Alert kind="error">{errorText(change.error, t('app.errorGeneric'))}</Alert>}
      <div className="actions">
        <button type="button" className="secondary" disabled={change.isPending} onClick={() => change.mutate(!report.quoteConsent)}>
          {report.quoteConsent ? t('endyear.consentWithdraw') : t('endyear.consentGive')}
        </button>
      </div>
    </section>
  );
}
