import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyClassesResponse } from '../../../contracts/classwide';
import { SESSION_MODES, type SessionMode } from '../../../domain/sessions/session-mode';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { errorsOf, SelectField } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDateTime } from '../../format';
import { classwideApi } from './api';
import { ClassSessionsPlanner } from './ClassSessionsPlanner';

type Klass = MyClassesResponse['classes'][number];
type Session = Klass['upcoming'][number];

/** The coach's classes (class-wide coaching): size, coming and held sessions, and planning a session with the whole class. */
export function MyClassesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('classwide.mine.title'));
  const query = useQuery({ queryKey: ['classes', 'mine'], queryFn: classwideApi.mine });
  return (
    <div className="stack">
      <h1>{t('classwide.mine.title')}</h1>
      <p>{t('classwide.mine.intro')}</p>
      <PageState query={query} empty={{ when: (d) => d.classes.length === 0, text: t('classwide.mine.empty') }}>
        {(data) => (
          <>
            {data.classes.map((c) => (
              <ClassCard key={c.communityId} klass={c} />
            ))}
          </>
        )}
      </PageState>
    </div>
  );
}

function ClassCard({ klass }: { klass: Klass }) {
  const { t } = useTranslation();
  const [planning, setPlanning] = useState(false);
  const [proposing, setProposing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const titleId = `class-${klass.communityId}`;
  return (
    <section className="card stack-sm" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('classwide.mine.class', { code: klass.code })}</h2>
      <p className="help">
        {t('classwide.mine.meta', { programme: klass.programme, year: klass.academicYear, month: t(`classwide.mine.months.${klass.month}`) })} · {t('classwide.mine.size', { count: klass.size })}
      </p>
      {message && <Alert kind="success">{message}</Alert>}
      <h3>{t('classwide.mine.upcoming')}</h3>
      <Sessions sessions={klass.upcoming} empty={t('classwide.mine.noUpcoming')} />
      <div className="actions">
        <button type="button" className="primary" aria-expanded={proposing} onClick={() => setProposing(!proposing)}>
          {t('classwide.proposals.open')}
        </button>
        <button type="button" aria-expanded={planning} onClick={() => setPlanning(!planning)}>
          {t('classwide.mine.plan', { code: klass.code })}
        </button>
      </div>
      {proposing && (
        <ClassSessionsPlanner
          communityId={klass.communityId}
          code={klass.code}
          onDone={(m) => {
            setProposing(false);
            setMessage(m);
          }}
        />
      )}
      {planning && (
        <PlanForm
          klass={klass}
          onDone={(m) => {
            setPlanning(false);
            setMessage(m);
          }}
        />
      )}
      <h3>{t('classwide.mine.past')}</h3>
      <Sessions sessions={klass.past} empty={t('classwide.mine.noPast')} />
    </section>
  );
}

function Sessions({ sessions, empty }: { sessions: Session[]; empty: string }) {
  const { t } = useTranslation();
  if (sessions.length === 0) return <p>{empty}</p>;
  return (
    <ul className="rows">
      {sessions.map((s) => (
        <li key={s.id}>
          <Link to={`/sessions/${s.id}`}>{formatDateTime(s.startsAt, 'medium')}</Link>
          {s.mode === 'online' ? ` · ${t('classwide.mine.online')}` : s.location ? ` · ${s.location}` : ''}
        </li>
      ))}
    </ul>
  );
}

function PlanForm({ klass, onDone }: { klass: Klass; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [date, setDate] = useState('');
  const [startTime, setStartTime] = useState('');
  const [duration, setDuration] = useState(90);
  const [mode, setMode] = useState<SessionMode>('onCampus');
  const [location, setLocation] = useState('');
  const [meetingLink, setMeetingLink] = useState('');
  const plan = useMutation({
    mutationFn: () => classwideApi.plan(klass.communityId, { type: 'classWide', date, startTime, durationMinutes: duration, location, mode, ...(mode === 'onCampus' ? {} : { meetingLink }) }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['classes', 'mine'] });
      await client.invalidateQueries({ queryKey: ['sessions'] });
      onDone(t('classwide.mine.planned'));
    },
  });
  const { form, fields } = errorsOf(plan.error);
  return (
    <form
      noValidate
      aria-label={t('classwide.mine.plan', { code: klass.code })}
      onSubmit={(e) => {
        e.preventDefault();
        plan.mutate();
      }}
    >
      <p className="help">{t('classwide.mine.planHelp')}</p>
      {form && <Alert kind="error">{form}</Alert>}
      <div className="grid-2">
        <Field label={t('classwide.mine.date')} type="date" name={`date-${klass.communityId}`} value={date} error={fields.date} onChange={(e) => setDate(e.target.value)} />
        <Field label={t('classwide.mine.startTime')} type="time" name={`time-${klass.communityId}`} value={startTime} error={fields.startTime} onChange={(e) => setStartTime(e.target.value)} />
        <Field label={t('classwide.mine.duration')} type="number" min={15} max={600} value={duration} error={fields.durationMinutes} onChange={(e) => setDuration(Number(e.target.value))} />
        <SelectField label={t('formats.mode.label')} value={mode} onChange={(e) => setMode(SESSION_MODES.find((m) => m === e.target.value) ?? 'onCampus')}>
          {SESSION_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`formats.mode.${m}`)}
            </option>
          ))}
        </SelectField>
        {mode !== 'online' && <Field label={t('classwide.mine.location')} value={location} error={fields.location} onChange={(e) => setLocation(e.target.value)} />}
        {mode !== 'onCampus' && <Field label={t('classwide.mine.meetingLink')} help={t('formats.mode.meetingLinkHelp')} type="url" value={meetingLink} error={fields.meetingLink} onChange={(e) => setMeetingLink(e.target.value)} />}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={plan.isPending}>
          {t('classwide.mine.submit')}
        </button>
      </div>
    </form>
  );
}
