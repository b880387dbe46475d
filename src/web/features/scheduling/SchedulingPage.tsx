import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { SchedulingSetupResponse } from '../../../contracts/scheduling';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { errorsOf } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { classProposalReason } from '../../components/class-proposal-reason';
import { schedulingApi } from './api';
import { formatDate, formatDateTime, formatWeekdayDate } from './format';
import './scheduling.css';

/** The coordinator's scheduling page of an intake: teaching periods, locations with rooms, proposals. */
export function SchedulingPage() {
  const { t } = useTranslation();
  const { intakeId = '' } = useParams();
  const query = useQuery({ queryKey: ['scheduling', 'setup', intakeId], queryFn: () => schedulingApi.setup(intakeId) });
  const data = query.data;
  const title = data ? t('scheduling.setup.title', { programme: data.intake.programmeName, month: t(`scheduling.months.${data.intake.month}`), year: data.intake.academicYear }) : t('scheduling.loading');
  useDocumentTitle(title);
  if (!query.data) return <PageState query={query} loading={t('scheduling.loading')} />;
  if (!data) return null;
  return (
    <div className="stack scheduling">
      <p>
        <Link to={`/programme/intakes/${intakeId}`}>{t('scheduling.backToIntake')}</Link>
      </p>
      <h1>{title}</h1>
      {/* A class-wide intake has no communities to schedule: each class gets its own proposals (#21 item 3). */}
      <p className="lead">{t(data.classProposals ? 'scheduling.setup.introClassWide' : 'scheduling.setup.intro')}</p>
      {data.classProposals && <ClassProposals intakeId={intakeId} classes={data.classProposals} />}
      <Periods data={data} />
      <Locations data={data} />
      {(!data.classProposals || data.runs.length > 0) && <Runs data={data} />}
    </div>
  );
}

function Periods({ data }: { data: SchedulingSetupResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: '', firstDate: '', lastDate: '' });
  const create = useMutation({
    mutationFn: () => schedulingApi.createPeriod(data.intake.id, form),
    onSuccess: async () => {
      setForm({ name: '', firstDate: '', lastDate: '' });
      await client.invalidateQueries({ queryKey: ['scheduling', 'setup'] });
    },
  });
  const start = useMutation({
    mutationFn: ({ periodId, ...body }: { periodId: string; seconds: number; seed: number; sessionMinutes: number }) => schedulingApi.startRun(periodId, body),
    onSuccess: (r) => navigate(`/scheduling/runs/${r.id}`),
  });
  const { form: formError, fields } = errorsOf(create.error);
  const startError = errorsOf(start.error).form;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <section className="card" aria-labelledby="periods-title">
      <h2 id="periods-title">{t('scheduling.periods.title')}</h2>
      <p className="help">{t('scheduling.periods.help')}</p>
      {startError && <Alert kind="error">{startError}</Alert>}
      {data.periods.length === 0 && <p>{t('scheduling.periods.none')}</p>}
      <ul className="rows">
        {data.periods.map((p) => (
          <li key={p.id} className="period">
            <h3>{p.name}</h3>
            <p>
              {t('scheduling.periods.dates', { first: formatDate(p.firstDate), last: formatDate(p.lastDate) })} · {t('scheduling.periods.timetables', { count: p.timetables })}
              {p.published && <span className="tag"> {t('scheduling.periods.published')}</span>}
            </p>
            {p.changedSincePublished && <Alert kind="info">{t('scheduling.periods.changed')}</Alert>}
            <div className="actions">
              <Link className="button-link" to={`/scheduling/periods/${p.id}`}>
                {t('scheduling.periods.manageTimetables', { name: p.name })}
              </Link>
            </div>
            {/* A class-wide intake has no community run: its classes' proposals are shown above. */}
            {!data.classProposals && <StartRun periodName={p.name} busy={start.isPending} disabled={p.timetables === 0} onStart={(v) => start.mutate({ periodId: p.id, ...v })} replan={p.published} />}
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="stack-sm" aria-labelledby="period-add-title">
        <h3 id="period-add-title">{t('scheduling.periods.add')}</h3>
        {formError && <Alert kind="error">{formError}</Alert>}
        <Field label={t('scheduling.periods.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={fields.name} required />
        <div className="grid-2">
          <Field type="date" label={t('scheduling.periods.firstDate')} value={form.firstDate} onChange={(e) => setForm({ ...form, firstDate: e.target.value })} error={fields.firstDate} required />
          <Field type="date" label={t('scheduling.periods.lastDate')} value={form.lastDate} onChange={(e) => setForm({ ...form, lastDate: e.target.value })} error={fields.lastDate} required />
        </div>
        <div className="actions">
          <button type="submit" className="secondary" disabled={create.isPending}>
            {t('scheduling.periods.addButton')}
          </button>
        </div>
      </form>
    </section>
  );
}

function StartRun({ periodName, onStart, busy, disabled, replan }: { periodName: string; onStart: (v: { seconds: number; seed: number; sessionMinutes: number }) => void; busy: boolean; disabled: boolean; replan: boolean }) {
  const { t } = useTranslation();
  const [seconds, setSeconds] = useState('10');
  const [seed, setSeed] = useState('1');
  const [minutes, setMinutes] = useState('90');
  return (
    <div className="stack-sm">
      <details>
        <summary>{t('scheduling.periods.options')}</summary>
        <div className="grid-2">
          <Field type="number" min={1} max={300} label={t('scheduling.periods.seconds')} value={seconds} onChange={(e) => setSeconds(e.target.value)} />
          <Field type="number" min={0} label={t('scheduling.periods.seed')} help={t('scheduling.periods.seedHelp')} value={seed} onChange={(e) => setSeed(e.target.value)} />
          <Field type="number" min={30} max={240} step={15} label={t('scheduling.periods.sessionMinutes')} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </div>
      </details>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || disabled}
          aria-label={t(replan ? 'scheduling.periods.replanFor' : 'scheduling.periods.startFor', { name: periodName })}
          onClick={() => onStart({ seconds: Number(seconds) || 10, seed: Number(seed) || 0, sessionMinutes: Number(minutes) || 90 })}
        >
          {t(replan ? 'scheduling.periods.replan' : 'scheduling.periods.start')}
        </button>
        {disabled && <span className="help">{t('scheduling.periods.needTimetables')}</span>}
      </div>
    </div>
  );
}

function Locations({ data }: { data: SchedulingSetupResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['scheduling', 'setup'] });
  const [location, setLocation] = useState({ name: '', code: '' });
  const create = useMutation({
    mutationFn: () => schedulingApi.createLocation(data.intake.id, location),
    onSuccess: async () => {
      setLocation({ name: '', code: '' });
      await refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => schedulingApi.deleteLocation(id), onSuccess: refresh });
  const { form, fields } = errorsOf(create.error);
  return (
    <section className="card" aria-labelledby="locations-title">
      <h2 id="locations-title">{t('scheduling.locations.title')}</h2>
      <p className="help">{t('scheduling.locations.help')}</p>
      {data.locations.length === 0 && <p>{t('scheduling.locations.none')}</p>}
      {data.locations.map((l) => (
        <div key={l.id} className="location">
          <h3>
            {l.name} <span className="tag">{l.code}</span>
          </h3>
          <Rooms location={l} onChange={refresh} />
          <button type="button" className="secondary" onClick={() => remove.mutate(l.id)} aria-label={t('scheduling.locations.deleteNamed', { name: l.name })}>
            {t('scheduling.locations.delete')}
          </button>
        </div>
      ))}
      <form
        className="stack-sm"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
        aria-labelledby="location-add-title"
      >
        <h3 id="location-add-title">{t('scheduling.locations.add')}</h3>
        {form && <Alert kind="error">{form}</Alert>}
        <div className="grid-2">
          <Field label={t('scheduling.locations.name')} value={location.name} onChange={(e) => setLocation({ ...location, name: e.target.value })} error={fields.name} required />
          <Field label={t('scheduling.locations.code')} help={t('scheduling.locations.codeHelp')} value={location.code} onChange={(e) => setLocation({ ...location, code: e.target.value })} error={fields.code} required />
        </div>
        <div className="actions">
          <button type="submit" className="secondary" disabled={create.isPending}>
            {t('scheduling.locations.addButton')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Rooms({ location, onChange }: { location: SchedulingSetupResponse['locations'][number]; onChange: () => Promise<void> }) {
  const { t } = useTranslation();
  const [room, setRoom] = useState({ name: '', capacity: '10' });
  const create = useMutation({
    mutationFn: () => schedulingApi.createRoom(location.id, { name: room.name, capacity: Number(room.capacity) }),
    onSuccess: async () => {
      setRoom({ name: '', capacity: '10' });
      await onChange();
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => schedulingApi.deleteRoom(id), onSuccess: onChange });
  const { form, fields } = errorsOf(create.error);
  return (
    <>
      {location.rooms.length === 0 ? (
        <p>{t('scheduling.locations.noRooms')}</p>
      ) : (
        <ul className="rows">
          {location.rooms.map((r) => (
            <li key={r.id}>
              {t('scheduling.locations.room', { name: r.name, capacity: r.capacity })}{' '}
              <button type="button" className="link-button" onClick={() => remove.mutate(r.id)} aria-label={t('scheduling.locations.deleteRoom', { name: r.name })}>
                {t('scheduling.locations.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="room-form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
        aria-label={t('scheduling.locations.addRoomAt', { name: location.name })}
      >
        {form && <Alert kind="error">{form}</Alert>}
        <Field label={t('scheduling.locations.roomName')} value={room.name} onChange={(e) => setRoom({ ...room, name: e.target.value })} error={fields.name} required />
        <Field type="number" min={1} max={1000} label={t('scheduling.locations.capacity')} value={room.capacity} onChange={(e) => setRoom({ ...room, capacity: e.target.value })} error={fields.capacity} required />
        <button type="submit" className="secondary" disabled={create.isPending}>
          {t('scheduling.locations.addRoom')}
        </button>
      </form>
    </>
  );
}

function Runs({ data }: { data: SchedulingSetupResponse }) {
  const { t } = useTranslation();
  const names = new Map(data.periods.map((p) => [p.id, p.name]));
  return (
    <section className="card" aria-labelledby="runs-title">
      <h2 id="runs-title">{t('scheduling.runs.title')}</h2>
      {data.runs.length === 0 ? (
        <p>{t('scheduling.runs.none')}</p>
      ) : (
        <ul className="rows">
          {data.runs.map((r) => (
            <li key={r.id}>
              <Link to={`/scheduling/runs/${r.id}`}>{t('scheduling.runs.item', { period: names.get(r.periodId) ?? '', when: formatDateTime(r.createdAt) })}</Link> ·{' '}
              {r.publishedAt ? t('scheduling.runs.publishedAt', { when: formatDateTime(r.publishedAt) }) : t(`scheduling.runs.status.${r.status}`)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type ClassRow = NonNullable<SchedulingSetupResponse['classProposals']>[number];

/**
 * A class-wide intake (#21 item 3): no community run, but each class's proposed sessions per
 * period next to its own lessons, with the reason; planning them happens on "Klassen en coaches".
 */
function ClassProposals({ intakeId, classes }: { intakeId: string; classes: ClassRow[] }) {
  const { t } = useTranslation();
  return (
    <section className="card stack-sm" aria-labelledby="class-proposals-title">
      <h2 id="class-proposals-title">{t('classwide.proposals.schedulingTitle')}</h2>
      <p className="help">{t('classwide.proposals.schedulingHelp')}</p>
      {classes.length === 0 && <p>{t('classwide.proposals.schedulingNoClasses')}</p>}
      {classes.map((c) => (
        <div key={c.code} className="stack-sm">
          <h3>{t('classwide.proposals.schedulingClass', { code: c.code, name: c.coachName })}</h3>
          {c.proposals.length === 0 && <p>{t('classwide.proposals.noPeriods')}</p>}
          <ul className="rows">
            {c.proposals.map((row) => (
              <li key={row.period.id}>
                <strong>{row.period.name}</strong>
                <br />
                {row.proposal.kind === 'slot' ? (
                  <>
                    {formatWeekdayDate(row.proposal.date)}, {row.proposal.startTime}–{row.proposal.endTime}
                    {row.proposal.mode === 'online' ? ` · ${t('formats.mode.online')}` : ''}
                    <br />
                    <span className="help">{classProposalReason(t, row.proposal.reason)}</span>
                  </>
                ) : row.proposal.kind === 'alreadyPlanned' ? (
                  <span>{t('classwide.proposals.already', { when: formatDateTime(row.proposal.startsAt) })}</span>
                ) : (
                  <span>{t('classwide.proposals.none')}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p>
        <Link to={`/programme/intakes/${intakeId}/classes`}>{t('classwide.proposals.schedulingLink')}</Link>
      </p>
    </section>
  );
}
