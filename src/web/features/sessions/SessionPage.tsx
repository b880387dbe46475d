import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SessionDetailResponse } from '../../../contracts/sessions';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatWhen } from './format';
import { ManageSessionCard } from './ManageSessionCard';
import { NotesForm } from './OneOnOneNotes';
import { RsvpButtons } from './RsvpButtons';
import { AttendanceCard } from './SessionAttendance';
import { LogbookForm } from './SessionLogbook';
import { SessionPlanCard } from './SessionPlanCard';
import { Checkin, CloseQuestions, FeedbackCard, type Questions } from './SessionQuestions';
import './sessions.css';

/** One session: when and where, then the sections the person may use (sections in their own files). */
export function SessionPage() {
  const { sessionId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const session = useQuery({ queryKey: ['session', sessionId], queryFn: () => api<SessionDetailResponse>(`/api/sessions/${sessionId}`) });
  const questions = useQuery({ queryKey: ['session-questions'], queryFn: () => api<Questions>('/api/session-questions'), staleTime: Infinity });
  const s = session.data;
  useDocumentTitle(s ? t(`sessions.types.${s.type}`) : t('sessions.list.title'));
  if (!s || !questions.data) return <PageState query={{ data: undefined, error: session.error ?? questions.error }} />;
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
        <dd>
          {s.mode === 'online' ? t('formats.mode.online') : s.location || t('sessions.detail.noLocation')}
          {s.mode === 'hybrid' && ` · ${t('formats.mode.hybrid')}`}
        </dd>
      </dl>
      {s.meetingLink && s.status === 'planned' && (
        <p>
          <a className="button-link" href={s.meetingLink} target="_blank" rel="noopener noreferrer">
            {t('formats.mode.join')}
          </a>
        </p>
      )}
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
      {/* After a coach training, the coaches who were invited give feedback (#21 item 6; the page there checks they attended). */}
      {s.can.respond && s.type === 'coachTraining' && s.status === 'planned' && !upcoming && (
        <section className="card" aria-labelledby="training-feedback-title">
          <h2 id="training-feedback-title">{t('growth.training.cardTitle')}</h2>
          <Link className="button-link" to={`/trainings/${s.id}/feedback`}>
            {t('growth.training.cardAction')}
          </Link>
        </section>
      )}
      {s.can.checkin && s.type !== 'coachTraining' && s.type !== 'intervision' && (
        <>
          <Checkin session={s} question={questions.data.checkin} />
          <CloseQuestions session={s} set={questions.data.sessionClose} />
        </>
      )}
      {(s.plan || (s.can.manage && (s.type === 'community' || s.type === 'outing' || s.type === 'classWide'))) && <SessionPlanCard session={s} />}
      {s.participants && <AttendanceCard session={s} />}
      {s.can.writeLogbook && s.type !== 'oneOnOne' && s.status === 'planned' && started && <LogbookForm session={s} set={questions.data.logbook} />}
      {s.feedback && <FeedbackCard feedback={s.feedback} set={questions.data.sessionClose} />}
      {s.can.manage && s.status === 'planned' && <ManageSessionCard key={s.id} session={s} />}
    </div>
  );
}
