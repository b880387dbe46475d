import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PeriodTimetablesResponse, TimetableUploadResponse } from '../../../contracts/scheduling';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { errorsOf, SelectField } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { schedulingApi, type Target, type Window } from './api';
import { AvailabilityForm } from './AvailabilityForm';
import { dayName, formatDate, formatDateTime } from './format';
import './scheduling.css';

type Data = PeriodTimetablesResponse;
type Block = { day: string; start: string; end: string; location: string | null };

/** Timetables of one teaching period: upload per class or person, coaches' availability. */
export function PeriodTimetablesPage() {
  const { t } = useTranslation();
  const { periodId = '' } = useParams();
  const query = useQuery({ queryKey: ['scheduling', 'timetables', periodId], queryFn: () => schedulingApi.timetables(periodId) });
  const data = query.data;
  useDocumentTitle(data ? t('scheduling.timetables.title', { name: data.period.name }) : t('scheduling.loading'));
  if (!query.data) return <PageState query={query} loading={t('scheduling.loading')} />;
  if (!data) return null;
  const coaches = data.people.filter((p) => p.role === 'coach');
  const students = data.people.filter((p) => p.role === 'student');
  const own = students.filter((s) => s.timetable);
  return (
    <div className="stack scheduling">
      <p>
        <Link to={`/programme/intakes/${data.period.intakeId}/scheduling`}>{t('scheduling.backToScheduling')}</Link>
      </p>
      <h1>{t('scheduling.timetables.title', { name: data.period.name })}</h1>
      <p className="lead">{t('scheduling.timetables.intro', { first: formatDate(data.period.firstDate), last: formatDate(data.period.lastDate) })}</p>
      {data.locations.length === 0 && <Alert kind="info">{t('scheduling.timetables.noLocations')}</Alert>}
      <Upload data={data} />
      {data.urlFetch && <FetchUrl data={data} />}
      <section className="card" aria-labelledby="classes-title">
        <h2 id="classes-title">{t('scheduling.timetables.classes')}</h2>
        <ul className="rows">
          {data.classes.map((c) => (
            <li key={c.id}>
              <strong>{c.code}</strong> · {t('scheduling.timetables.students', { count: c.students })}
              <TimetableLine data={data} timetable={c.timetable} label={c.code} />
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="coaches-title">
        <h2 id="coaches-title">{t('scheduling.timetables.coaches')}</h2>
        <p className="help">{t('scheduling.timetables.coachesHelp')}</p>
        <ul className="rows">
          {coaches.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>
              <TimetableLine data={data} timetable={c.timetable} label={c.name} />
              <Availability periodId={data.period.id} personId={c.id} name={c.name} windows={c.availability} />
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="students-title">
        <h2 id="students-title">{t('scheduling.timetables.personal')}</h2>
        <p className="help">{t('scheduling.timetables.personalHelp', { count: own.length, total: students.length })}</p>
        {own.length > 0 && (
          <ul className="rows">
            {own.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong> {s.className && <span className="tag">{s.className}</span>}
                <TimetableLine data={data} timetable={s.timetable} label={s.name} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function blockText(block: Block, locations: { id: string; name: string }[], t: (key: string) => string) {
  const place = block.location === null ? t('scheduling.offCampus') : (locations.find((l) => l.id === block.location)?.name ?? t('scheduling.offCampus'));
  return `${dayName(block.day)} ${block.start}–${block.end}, ${place}`;
}

function TimetableLine({ data, timetable, label }: { data: Data; timetable: Data['classes'][number]['timetable']; label: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => schedulingApi.deleteTimetable(id),
    onSuccess: () => client.invalidateQueries({ queryKey: ['scheduling'] }),
  });
  if (!timetable) return <p className="help">{t('scheduling.timetables.none')}</p>;
  return (
    <div className="timetable-line">
      <p className="help">
        {t('scheduling.timetables.file', { file: timetable.fileName, when: formatDateTime(timetable.uploadedAt), source: t(`scheduling.timetables.sources.${timetable.source}`) })}
      </p>
      <ul className="blocks">
        {timetable.blocks.map((b, i) => (
          <li key={i}>{blockText(b, data.locations, t)}</li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={() => remove.mutate(timetable.id)} aria-label={t('scheduling.timetables.deleteFor', { name: label })}>
        {t('scheduling.timetables.delete')}
      </button>
    </div>
  );
}

function targetOptions(data: Data, t: (key: string) => string) {
  return (
    <>
      <option value="">{t('scheduling.upload.choose')}</option>
      <optgroup label={t('scheduling.timetables.classes')}>
        {data.classes.map((c) => (
          <option key={c.id} value={`class:${c.id}`}>
            {c.code}
          </option>
        ))}
      </optgroup>
      <optgroup label={t('scheduling.timetables.coaches')}>
        {data.people
          .filter((p) => p.role === 'coach')
          .map((p) => (
            <option key={p.id} value={`person:${p.id}`}>
              {p.name}
            </option>
          ))}
      </optgroup>
      <optgroup label={t('scheduling.upload.students')}>
        {data.people
          .filter((p) => p.role === 'student')
          .map((p) => (
            <option key={p.id} value={`person:${p.id}`}>
              {p.name}
              {p.className ? ` (${p.className})` : ''}
            </option>
          ))}
      </optgroup>
    </>
  );
}

const toTarget = (value: string): Target | null => {
  const [kind, id] = value.split(':');
  if (!id) return null;
  return kind === 'class' ? { classId: id } : { personId: id };
};

function UploadResult({ result }: { result: TimetableUploadResponse }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert kind="success">
        {t('scheduling.upload.done', { count: result.imported.length })} {result.imported.map((i) => t('scheduling.upload.item', { label: i.label, count: i.classes })).join('; ')}
      </Alert>
      {result.unknownLocations.length > 0 && <Alert kind="info">{t('scheduling.upload.unknownLocations', { list: result.unknownLocations.join(', ') })}</Alert>}
    </>
  );
}

function Upload({ data }: { data: Data }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [target, setTarget] = useState('');
  const csv = file?.name.toLowerCase().endsWith('.csv') ?? false;
  const upload = useMutation({
    mutationFn: () => schedulingApi.upload(data.period.id, { format: csv ? 'csv' : 'ics', fileName: file?.name ?? '', text: file?.text ?? '', target: csv ? null : toTarget(target) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['scheduling'] }),
  });
  const { form, fields } = errorsOf(upload.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    upload.mutate();
  };
  return (
    <section className="card" aria-labelledby="upload-title">
      <h2 id="upload-title">{t('scheduling.upload.title')}</h2>
      <p className="help">{t('scheduling.upload.help')}</p>
      <form onSubmit={submit} className="stack-sm">
        <div className="field">
          <label htmlFor="timetable-file">{t('scheduling.upload.file')}</label>
          <p className="help" id="timetable-file-help">
            {t('scheduling.upload.fileHelp')}
          </p>
          <input
            id="timetable-file"
            type="file"
            accept=".ics,.csv,text/calendar,text/csv"
            aria-describedby="timetable-file-help"
            onChange={(e) => {
              upload.reset();
              const f = e.target.files?.[0];
              if (!f) setFile(null);
              else void f.text().then((text) => setFile({ name: f.name, text }));
            }}
          />
        </div>
        {csv ? (
          <p className="help">{t('scheduling.upload.csvHelp')}</p>
        ) : (
          <SelectField label={t('scheduling.upload.target')} value={target} onChange={(e) => setTarget(e.target.value)} error={fields.target}>
            {targetOptions(data, t)}
          </SelectField>
        )}
        {form && <Alert kind="error">{form}</Alert>}
        {upload.data && <UploadResult result={upload.data} />}
        <div className="actions">
          <button type="submit" className="primary" disabled={!file || (!csv && !target) || upload.isPending}>
            {upload.isPending ? t('scheduling.upload.busy') : t('scheduling.upload.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function FetchUrl({ data }: { data: Data }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [url, setUrl] = useState('');
  const [target, setTarget] = useState('');
  const fetchUrl = useMutation({
    mutationFn: () => schedulingApi.fetchUrl(data.period.id, { url, target: toTarget(target)! }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['scheduling'] }),
  });
  const { form, fields } = errorsOf(fetchUrl.error);
  return (
    <section className="card" aria-labelledby="url-title">
      <h2 id="url-title">{t('scheduling.url.title')}</h2>
      <p className="help">{t('scheduling.url.help')}</p>
      <form
        className="stack-sm"
        onSubmit={(e) => {
          e.preventDefault();
          fetchUrl.mutate();
        }}
      >
        <Field type="url" label={t('scheduling.url.url')} value={url} onChange={(e) => setUrl(e.target.value)} error={fields.url} required />
        <SelectField label={t('scheduling.upload.target')} value={target} onChange={(e) => setTarget(e.target.value)}>
          {targetOptions(data, t)}
        </SelectField>
        {form && <Alert kind="error">{form}</Alert>}
        {fetchUrl.data && <UploadResult result={fetchUrl.data} />}
        <div className="actions">
          <button type="submit" className="secondary" disabled={!url || !target || fetchUrl.isPending}>
            {t('scheduling.url.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Availability({ periodId, personId, name, windows }: { periodId: string; personId: string; name: string; windows: Window[] | null }) {
  const { t } = useTranslation();
  return (
    <details className="availability">
      <summary>{windows ? t('scheduling.availability.summaryDeclared', { name, count: windows.length }) : t('scheduling.availability.summaryFree', { name })}</summary>
      <p className="help">{t('scheduling.availability.help')}</p>
      <AvailabilityForm periodId={periodId} personId={personId} windows={windows} />
    </details>
  );
}
