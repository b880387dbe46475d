import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Question, QuestionSet, ScaleQuestion } from '../../../contracts/content/questions';
import type { LogbookEntryResponse, SessionDetailResponse } from '../../../contracts/sessions';
import type { AttendanceStatus } from '../../../domain/sessions/attendance';
import { ATTENDANCE_STATUSES } from '../../../domain/sessions/attendance';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { ActivitiesUsedField } from './ActivitiesUsedField';
import { formatWhen } from './format';
import { ManageSessionCard } from './ManageSessionCard';
import { RsvpButtons } from './RsvpButtons';
import { SessionPlanCard } from './SessionPlanCard';
import './sessions.css';

type Questions = { logbook: QuestionSet; checkin: ScaleQuestion; sessionClose: QuestionSet };
type Answer = string | number | string[];
const lang = (l: string): 'nl' | 'en' => (l === 'en' ? 'en' : 'nl');

export function SessionPage() {
  const { sessionId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const session = useQuery({ queryKey: ['session', sessionId], queryFn: () => api<SessionDetailResponse>(`/api/sessions/${sessionId}`) });
  const questions = useQuery({ queryKey: ['session-questions'], queryFn: () => api<Questions>('/api/session-questions'), staleTime: Infinity });
  const s = session.data;
  useDocumentTitle(s ? t(`sessions.types.${s.type}`) : t('sessions.list.title'));
  if (session.error) return <Alert kind="error">{session.error.message}</Alert>;
  if (!s || !questions.data) return <p role="status">{t('app.loading')}</p>;
  const upcoming = new Date(s.endsAt).getTime() > Date.now();
  // The check-in and closing questions open when the session starts (answered in the room).
  const started = new Date(s.startsAt).getTime() <= Date.now();
  return (
    <div className="stack">
      <p>
        <Link to="/sessions">{t('sessions.detail.back')}</Link>
      </p>
      <h1>
        {t(`sessions.types.${s.type}`)}
        {s.communityName ? ` · ${s.communityName}` : ''}
      </h1>
      <dl className="facts">
        <dt>{t('sessions.detail.when')}</dt>
        <dd>{formatWhen(s.startsAt, i18n.language)}</dd>
        <dt>{t('sessions.detail.where')}</dt>
        <dd>{s.location || t('sessions.detail.noLocation')}</dd>
      </dl>
      {s.status === 'cancelled' && <Alert kind="info">{t('sessions.detail.cancelledNote')}</Alert>}
      {s.oneOnOne && (
        <section className="card" aria-labelledby="one-title">
          <h2 id="one-title">{t('sessions.detail.oneOnOneWith', { name: `${s.oneOnOne.coachee.firstName} ${s.oneOnOne.coachee.lastName}` })}</h2>
          {s.oneOnOne.noteBody !== null && <NotesForm sessionId={s.id} initial={s.oneOnOne.noteBody} />}
          {s.oneOnOne.consented === false && <p className="help">{t('sessions.detail.oneOnOneNoConsent', { name: s.oneOnOne.coachee.firstName })}</p>}
        </section>
      )}
      {s.can.respond && s.status === 'planned' && upcoming && (
        <section className="card" aria-labelledby="respond-title">
          <h2 id="respond-title">{t('sessions.detail.respond')}</h2>
          <RsvpButtons session={s} />
        </section>
      )}
      {s.can.respond && s.status === 'planned' && started && s.type !== 'coachTraining' && s.type !== 'intervision' && (
        <>
          <Checkin session={s} question={questions.data.checkin} />
          <CloseQuestions session={s} set={questions.data.sessionClose} />
        </>
      )}
      {(s.plan || (s.can.manage && (s.type === 'community' || s.type === 'outing' || s.type === 'classWide'))) && <SessionPlanCard session={s} />}
      {s.participants && <AttendanceCard session={s} />}
      {s.can.writeLogbook && s.type !== 'oneOnOne' && s.status === 'planned' && <LogbookForm session={s} set={questions.data.logbook} />}
      {s.feedback && <FeedbackCard feedback={s.feedback} set={questions.data.sessionClose} />}
      {s.can.manage && s.status === 'planned' && <ManageSessionCard key={s.id} session={s} />}
    </div>
  );
}

/** The closing answers ("what did you think, what next time"), without names, read with their questions. */
function FeedbackCard({ feedback, set }: { feedback: NonNullable<SessionDetailResponse['feedback']>; set: QuestionSet }) {
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

const SHORT: Record<AttendanceStatus, string> = { present: 'present', late: 'late', absentWithNotice: 'absentWithNotice', absent: 'absent' };

function AttendanceCard({ session }: { session: SessionDetailResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const people = session.participants ?? [];
  const [marks, setMarks] = useState<Record<string, AttendanceStatus>>(() =>
    Object.fromEntries(people.map((p) => [p.id, p.attendance ?? (p.rsvp === 'notComing' ? 'absentWithNotice' : 'present')])),
  );
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => api(`/api/sessions/${session.id}/attendance`, { method: 'POST', body: { marks: people.map((p) => ({ personId: p.id, status: marks[p.id] ?? 'present' })) } }),
    onSuccess: () => {
      setSaved(true);
      void client.invalidateQueries({ queryKey: ['session', session.id] });
      void client.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
  const editable = session.can.markAttendance && session.attendanceWindow === 'open' && session.status === 'planned';
  return (
    <section className="card" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('sessions.detail.attendance')}</h2>
      {session.counts && <p>{t('sessions.list.counts', session.counts)}</p>}
      {editable && <p>{t('sessions.detail.attendanceHelp')}</p>}
      {session.can.markAttendance && session.attendanceWindow === 'notYet' && <p>{t('sessions.detail.attendanceNotYet')}</p>}
      {session.can.markAttendance && session.attendanceWindow === 'closed' && <p>{t('sessions.detail.attendanceClosed')}</p>}
      <ul className="attendance-list">
        {people.map((p) => (
          <li key={p.id}>
            <fieldset className="attendance-row">
              <legend>
                {p.firstName} {p.lastName}{' '}
                <span className="muted-text">
                  ({p.rsvp === 'coming' ? t('sessions.detail.rsvpComing') : p.rsvp === 'notComing' ? t('sessions.detail.rsvpNotComing') : t('sessions.detail.rsvpNone')}
                  {p.reason ? `: ${p.reason}` : ''}){p.checkin !== undefined && p.checkin !== null ? ` · ${t('sessions.detail.checkinOf', { score: p.checkin })}` : ''}
                </span>
              </legend>
              {editable ? (
                <div className="segmented">
                  {ATTENDANCE_STATUSES.map((status) => (
                    <label key={status} className={marks[p.id] === status ? 'selected' : undefined}>
                      <input
                        type="radio"
                        name={`att-${p.id}`}
                        value={status}
                        checked={marks[p.id] === status}
                        onChange={() => {
                          setSaved(false);
                          setMarks({ ...marks, [p.id]: status });
                        }}
                      />
                      {t(`sessions.status.${SHORT[status]}`)}
                    </label>
                  ))}
                </div>
              ) : (
                <p>{p.attendance ? t(`sessions.status.${p.attendance}`) : '—'}</p>
              )}
            </fieldset>
          </li>
        ))}
      </ul>
      {save.error && <Alert kind="error">{save.error.message}</Alert>}
      {saved && <p role="status">{t('sessions.detail.attendanceSaved')}</p>}
      {editable && (
        <button type="button" onClick={() => save.mutate()}>
          {t('sessions.detail.saveAttendance')}
        </button>
      )}
      <AttendanceHistory session={session} />
    </section>
  );
}

/** Every change to the marks, who made it and when: loaded when opened. */
function AttendanceHistory({ session }: { session: SessionDetailResponse }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: ['attendance-history', session.id],
    queryFn: () => api<{ changes: { personId: string; fromStatus: AttendanceStatus | null; toStatus: AttendanceStatus; changedBy: string | null; changedAt: string }[] }>(`/api/sessions/${session.id}/attendance/history`),
    enabled: open,
  });
  const nameOf = (id: string) => {
    const p = session.participants?.find((x) => x.id === id);
    return p ? `${p.firstName} ${p.lastName}` : t('sessions.detail.historyFormer');
  };
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('sessions.detail.history')}</summary>
      {history.error && <Alert kind="error">{history.error.message}</Alert>}
      {open && !history.data && !history.error && <p role="status">{t('app.loading')}</p>}
      {history.data && history.data.changes.length === 0 && <p>{t('sessions.detail.historyNone')}</p>}
      {history.data && history.data.changes.length > 0 && (
        <ol className="attendance-history">
          {[...history.data.changes].reverse().map((c, i) => (
            <li key={`${c.personId}-${c.changedAt}-${i}`}>
              <span className="attendance-history-what">
                {nameOf(c.personId)}: {c.fromStatus ? `${t(`sessions.status.${c.fromStatus}`)} → ` : ''}
                {t(`sessions.status.${c.toStatus}`)}
              </span>{' '}
              <span className="muted-text">{t('sessions.detail.historyBy', { name: c.changedBy ?? '—', when: formatWhen(c.changedAt, i18n.language) })}</span>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

function QuestionField({ q, value, onChange, language }: { q: Question; value: Answer | undefined; onChange: (v: Answer) => void; language: 'nl' | 'en' }) {
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

function LogbookForm({ session, set }: { session: SessionDetailResponse; set: QuestionSet }) {
  const { t, i18n } = useTranslation();
  const language = lang(i18n.language);
  const existing = useQuery({ queryKey: ['logbook', session.id], queryFn: () => api<LogbookEntryResponse>(`/api/sessions/${session.id}/logbook`) });
  if (existing.isPending) return null;
  return <LogbookFields key={existing.data?.entry?.id ?? 'new'} session={session} set={set} language={language} initial={existing.data?.entry ?? null} t={t} />;
}

function LogbookFields({ session, set, language, initial, t }: { session: SessionDetailResponse; set: QuestionSet; language: 'nl' | 'en'; initial: LogbookEntryResponse['entry']; t: (k: string) => string }) {
  const client = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, Answer>>(initial?.answers ?? {});
  const [forIntervision, setForIntervision] = useState(initial?.forIntervision ?? false);
  // A new entry starts from the session plan: most of the time that is what was done.
  const [activityIds, setActivityIds] = useState<string[]>(() => initial?.activityIds ?? [...new Set(session.plan?.activityIds ?? [])]);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => api(`/api/sessions/${session.id}/logbook`, { method: 'PUT', body: { answers, activityIds, forIntervision } }),
    onSuccess: () => {
      setSaved(true);
      void client.invalidateQueries({ queryKey: ['sessions'] });
      void client.invalidateQueries({ queryKey: ['logbooks'] });
    },
  });
  return (
    <section className="card" aria-labelledby="logbook-title" id="logbook">
      <h2 id="logbook-title">{t('sessions.detail.logbook')}</h2>
      {set.intro && <p className="help">{set.intro[language]}</p>}
      <form
        className="stack-sm"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        {set.questions.map((q) => (
          <QuestionField key={q.id} q={q} language={language} value={answers[q.id]} onChange={(v) => setAnswers({ ...answers, [q.id]: v })} />
        ))}
        <ActivitiesUsedField
          session={session}
          known={initial?.activities ?? []}
          selected={activityIds}
          onChange={(ids) => {
            setSaved(false);
            setActivityIds(ids);
          }}
        />
        <label className="check">
          <input type="checkbox" checked={forIntervision} onChange={(e) => setForIntervision(e.target.checked)} />
          {t('sessions.detail.forIntervision')}
        </label>
        {save.error && <Alert kind="error">{save.error.message}</Alert>}
        {saved && <p role="status">{t('sessions.detail.logbookSaved')}</p>}
        <button type="submit">{t('sessions.detail.saveLogbook')}</button>
      </form>
    </section>
  );
}

function NotesForm({ sessionId, initial }: { sessionId: string; initial: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState(initial);
  const save = useMutation({ mutationFn: () => api(`/api/sessions/${sessionId}/one-on-one-note`, { method: 'PUT', body: { body } }) });
  return (
    <form
      className="stack-sm"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <p className="help" id="notes-help">{t('sessions.detail.oneOnOnePrivate')}</p>
      <div className="field">
        <label htmlFor="notes">{t('sessions.detail.notes')}</label>
        <textarea id="notes" aria-describedby="notes-help" rows={5} value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      {save.error && <Alert kind="error">{save.error.message}</Alert>}
      {save.isSuccess && <p role="status">{t('sessions.detail.notesSaved')}</p>}
      <button type="submit">{t('sessions.detail.saveNotes')}</button>
    </form>
  );
}

function Checkin({ session, question }: { session: SessionDetailResponse; question: ScaleQuestion }) {
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

function CloseQuestions({ session, set }: { session: SessionDetailResponse; set: QuestionSet }) {
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
