import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ClassAttendanceResponse, ProgrammeUpdatesResponse } from '../../../contracts/sessions';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { percent, TableHead, TableWrap, TextAreaField } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { CoacheeAttendanceTable } from './CoacheeAttendanceTable';
import { fieldErrorsOf, useRequiredCheck } from './library';
import './sessions.css';
import { formatDate } from '../../format';

/**
 * The leercoach's class page: attendance figures of their own class only — per community and per
 * student, never logbooks, check-ins or notes — and the programme update to the coaches.
 */
export function ClassPage() {
  const { classId = '' } = useParams();
  const { t } = useTranslation();
  const klass = useQuery({ queryKey: ['class-attendance', classId], queryFn: () => api<ClassAttendanceResponse>(`/api/classes/${classId}/attendance`) });
  useDocumentTitle(klass.data ? t('sessionInsight.class.title', { code: klass.data.code }) : t('app.loading'));
  if (klass.error) return <Alert kind="error">{klass.error.message}</Alert>;
  if (!klass.data) return <PageState query={klass} />;
  const d = klass.data;
  return (
    <div className="stack">
      <h1>{t('sessionInsight.class.title', { code: d.code })}</h1>
      {d.attendanceShared ? <p>{t('sessionInsight.class.intro')}</p> : <NotShared mode={d.participation} />}
      {d.attendanceShared && <ClassFigures d={d} />}
      <ProgrammeUpdates programmeId={d.programmeId} />
    </div>
  );
}

/** Taking part is the student's choice (voluntary or opt-in): no attendance figures reach the class page (#21). */
function NotShared({ mode }: { mode: ClassAttendanceResponse['participation'] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="class-not-shared-title">
      <h2 id="class-not-shared-title">{t('participation.class.title')}</h2>
      <p>{t(mode === 'voluntary' ? 'participation.class.voluntary' : 'participation.class.optIn')}</p>
    </section>
  );
}

/** Compulsory participation: attendance counts toward the programme, so the leercoach sees the figures. */
function ClassFigures({ d }: { d: ClassAttendanceResponse }) {
  const { t } = useTranslation();
  const attended = d.communities.reduce((n, c) => n + c.attended, 0);
  const marked = d.communities.reduce((n, c) => n + c.marked, 0);
  const signals = d.students.filter((s) => s.missedInARow >= 3);
  return (
    <>
      <section className="card" aria-labelledby="class-summary-title">
        <h2 id="class-summary-title">{t('sessionInsight.class.summary')}</h2>
        <p className="lead">{marked ? t('sessionInsight.class.rate', { rate: percent(attended / marked), count: d.students.length }) : t('sessionInsight.attendance.noMarks')}</p>
        {signals.length > 0 && <Alert kind="info">{t('sessionInsight.class.signals', { count: signals.length })}</Alert>}
      </section>
      <section className="card" aria-labelledby="class-communities-title">
        <h2 id="class-communities-title">{t('sessionInsight.class.perCommunity')}</h2>
        {d.communities.length === 0 ? (
          <p>{t('sessionInsight.class.noCommunities')}</p>
        ) : (
          <TableWrap label={t('sessionInsight.table', { name: t('sessionInsight.class.perCommunity') })}>
            <table>
              <TableHead columns={[{ label: t('sessionInsight.class.community') }, { label: t('sessionInsight.class.students'), num: true }, { label: t('sessionInsight.attendance.rate'), num: true }, { label: t('sessionInsight.class.trend'), num: true }]} />
              <tbody>
                {d.communities.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    <td>{c.students}</td>
                    <td>{c.marked ? percent(c.attended / c.marked) : '–'}</td>
                    <td>{t(`sessions.plan.trend.${c.trend}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      <section className="card" aria-labelledby="class-students-title">
        <h2 id="class-students-title">{t('sessionInsight.class.perStudent')}</h2>
        <CoacheeAttendanceTable
          name={t('sessionInsight.class.perStudent')}
          rows={d.students.map((s) => ({ ...s, signal: s.missedInARow >= 3, attended: s.marked ? t('sessions.plan.attended', { attended: s.attended, marked: s.marked }) : '–' }))}
        />
        <p className="help">{t('sessionInsight.class.privacy')}</p>
      </section>
    </>
  );
}

/** Post "what changes in the curriculum this period" to the programme's coaches; they see it on their home. */
function ProgrammeUpdates({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const updates = useQuery({ queryKey: ['programme-updates'], queryFn: () => api<ProgrammeUpdatesResponse>('/api/programme-updates') });
  const [form, setForm] = useState({ title: '', body: '' });
  const post = useMutation({
    mutationFn: () => api(`/api/programmes/${programmeId}/updates`, { method: 'POST', body: form }),
    onSuccess: async () => {
      setForm({ title: '', body: '' });
      await client.invalidateQueries({ queryKey: ['programme-updates'] });
    },
  });
  const { missing, anyMissing, check: checkRequired } = useRequiredCheck();
  const errors = { ...fieldErrorsOf(post.error, t), ...missing };
  return (
    <section className="card" aria-labelledby="updates-title">
      <h2 id="updates-title">{t('sessions.updates.post')}</h2>
      <p className="help">{t('sessionInsight.class.updateHelp')}</p>
      <form
        className="stack-sm"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (checkRequired({ title: !form.title.trim(), body: !form.body.trim() })) post.mutate();
        }}
      >
        {anyMissing && <Alert kind="error">{t('library.form.missing')}</Alert>}
        <Field label={t('sessions.updates.postTitle')} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} maxLength={120} required error={errors.title} />
        <TextAreaField label={t('sessions.updates.postBody')} value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} maxLength={4000} rows={4} required error={errors.body} />
        {post.error && <Alert kind="error">{post.error.message}</Alert>}
        {post.isSuccess && <p role="status">{t('sessions.updates.posted')}</p>}
        <button type="submit" className="primary" disabled={post.isPending}>
          {t('sessions.updates.send')}
        </button>
      </form>
      <h3>{t('sessionInsight.class.earlier')}</h3>
      {updates.data?.updates.filter((u) => u.programmeId === programmeId).length === 0 && <p>{t('sessions.updates.none')}</p>}
      <ul className="rows">
        {updates.data?.updates
          .filter((u) => u.programmeId === programmeId)
          .map((u) => (
            <li key={u.id}>
              <strong>{u.title}</strong>
              <p className="pre-line">{u.body}</p>
              <p className="muted-text">
                {u.authorName} · {formatDate(u.createdAt, 'medium')}
              </p>
            </li>
          ))}
      </ul>
    </section>
  );
}
