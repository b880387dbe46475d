import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyCaseloadsResponse } from '../../../contracts/caseloads';
import { SESSION_MODES, type SessionMode } from '../../../domain/sessions/session-mode';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { errorsOf, personName, SelectField } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDateTime } from '../../format';
import { caseloadsApi } from './api';
import { RoundPlanner } from './RoundPlanner';

type Caseload = MyCaseloadsResponse['caseloads'][number];
type Coachee = Caseload['coachees'][number];

/** The coach's caseloads (individual coaching): each coachee with the last and next one-on-one; plan one, or a round. */
export function MyCaseloadsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('caseloads.mine.title'));
  const query = useQuery({ queryKey: ['caseloads', 'mine'], queryFn: caseloadsApi.mine });
  return (
    <div className="stack">
      <h1>{t('caseloads.mine.title')}</h1>
      <p>{t('caseloads.mine.intro')}</p>
      <PageState query={query} empty={{ when: (d) => d.caseloads.length === 0, text: t('caseloads.mine.empty') }}>
        {(data) => (
          <>
            {data.caseloads.map((c) => (
              <CaseloadCard key={c.caseloadId} caseload={c} />
            ))}
          </>
        )}
      </PageState>
    </div>
  );
}

function CaseloadCard({ caseload }: { caseload: Caseload }) {
  const { t } = useTranslation();
  const [planning, setPlanning] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const title = t('caseloads.mine.caseload', { programme: caseload.programme, year: caseload.academicYear, month: t(`caseloads.mine.months.${caseload.month}`) });
  return (
    <section className="card" aria-labelledby={`caseload-${caseload.caseloadId}`}>
      <h2 id={`caseload-${caseload.caseloadId}`}>{title}</h2>
      {message && <Alert kind="success">{message}</Alert>}
      <ul className="rows">
        {caseload.coachees.map((c) => (
          <li key={c.id}>
            <strong>{personName(c)}</strong>
            <br />
            {t('caseloads.mine.last')}: <When session={c.lastOneOnOne} /> · {t('caseloads.mine.next')}: <When session={c.nextOneOnOne} />
            <div className="actions">
              <button type="button" aria-expanded={planning === c.id} onClick={() => setPlanning(planning === c.id ? null : c.id)}>
                {t('caseloads.mine.plan', { name: personName(c) })}
              </button>
            </div>
            {planning === c.id && (
              <PlanForm
                caseloadId={caseload.caseloadId}
                coachee={c}
                onDone={(m) => {
                  setPlanning(null);
                  setMessage(m);
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {caseload.coachees.length > 0 && (
        <>
          <div className="actions">
            <button type="button" aria-expanded={planning === 'round'} onClick={() => setPlanning(planning === 'round' ? null : 'round')}>
              {t('caseloads.mine.round')}
            </button>
          </div>
          {planning === 'round' && (
            <RoundPlanner
              caseloadId={caseload.caseloadId}
              onDone={(m) => {
                setPlanning(null);
                setMessage(m);
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

function When({ session }: { session: { id: string; startsAt: string } | null }) {
  const { t } = useTranslation();
  if (!session) return <>{t('caseloads.mine.none')}</>;
  return <Link to={`/sessions/${session.id}`}>{formatDateTime(session.startsAt, 'medium')}</Link>;
}

/** One conversation with one coachee (a round with proposed times is the RoundPlanner). */
function PlanForm({ caseloadId, coachee, onDone }: { caseloadId: string; coachee: Coachee; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [date, setDate] = useState('');
  const [startTime, setStartTime] = useState('');
  const [duration, setDuration] = useState(45);
  const [mode, setMode] = useState<SessionMode>('onCampus');
  const [location, setLocation] = useState('');
  const [meetingLink, setMeetingLink] = useState('');
  const link = mode === 'onCampus' ? {} : { meetingLink };
  const plan = useMutation({
    mutationFn: async () => {
      await caseloadsApi.planOne(caseloadId, { type: 'oneOnOne', coacheeId: coachee.id, date, startTime, durationMinutes: duration, location, mode, ...link });
      return t('caseloads.mine.planned');
    },
    onSuccess: async (message) => {
      await client.invalidateQueries({ queryKey: ['caseloads', 'mine'] });
      onDone(message);
    },
  });
  const { form, fields } = errorsOf(plan.error);
  const id = coachee.id;
  return (
    <form
      noValidate
      aria-label={t('caseloads.mine.plan', { name: personName(coachee) })}
      onSubmit={(e) => {
        e.preventDefault();
        plan.mutate();
      }}
    >
      {form && <Alert kind="error">{form}</Alert>}
      <div className="grid-2">
        <Field label={t('caseloads.mine.date')} type="date" name={`date-${id}`} value={date} error={fields.date} onChange={(e) => setDate(e.target.value)} />
        <Field label={t('caseloads.mine.startTime')} type="time" name={`time-${id}`} value={startTime} error={fields.startTime} onChange={(e) => setStartTime(e.target.value)} />
        <Field label={t('caseloads.mine.duration')} type="number" min={15} max={120} value={duration} error={fields.durationMinutes} onChange={(e) => setDuration(Number(e.target.value))} />
        <SelectField label={t('formats.mode.label')} value={mode} onChange={(e) => setMode(SESSION_MODES.find((m) => m === e.target.value) ?? 'onCampus')}>
          {SESSION_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`formats.mode.${m}`)}
            </option>
          ))}
        </SelectField>
        {mode !== 'online' && <Field label={t('caseloads.mine.location')} value={location} error={fields.location} onChange={(e) => setLocation(e.target.value)} />}
        {mode !== 'onCampus' && <Field label={t('caseloads.mine.meetingLink')} help={t('formats.mode.meetingLinkHelp')} type="url" value={meetingLink} error={fields.meetingLink} onChange={(e) => setMeetingLink(e.target.value)} />}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={plan.isPending}>
          {t('caseloads.mine.submit')}
        </button>
      </div>
    </form>
  );
}
