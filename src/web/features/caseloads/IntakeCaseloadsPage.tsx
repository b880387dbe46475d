import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { IntakeCaseloadsResponse } from '../../../contracts/caseloads';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { errorsOf, personName, SelectField, TableHead, TableWrap } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { caseloadsApi } from './api';
import './caseloads.css';

type Student = IntakeCaseloadsResponse['unassigned'][number];

/** The coordinator's caseloads of an individual-coaching intake: assign automatically, then move by hand. */
export function IntakeCaseloadsPage() {
  const { t } = useTranslation();
  const { intakeId = '' } = useParams();
  useDocumentTitle(t('caseloads.intake.title'));
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['caseloads', intakeId], queryFn: () => caseloadsApi.ofIntake(intakeId) });
  const [done, setDone] = useState<string | null>(null);
  const assign = useMutation({
    mutationFn: () => caseloadsApi.assign(intakeId),
    onSuccess: async (r) => {
      setDone(t('caseloads.intake.assigned', { count: r.assigned }));
      await client.invalidateQueries({ queryKey: ['caseloads', intakeId] });
    },
  });
  return (
    <div className="stack">
      <p>
        <Link to={`/programme/intakes/${intakeId}`}>{t('programme.structure.title')}</Link>
      </p>
      <h1>{t('caseloads.intake.title')}</h1>
      <PageState query={query}>
        {(data) =>
          data.format !== 'individual' ? (
            <Alert kind="info">{t('caseloads.intake.notIndividual')}</Alert>
          ) : (
            <>
              <p>{t('caseloads.intake.intro')}</p>
              <p className="help">{t('caseloads.intake.target', { size: data.target })}</p>
              {done && <Alert kind="success">{done}</Alert>}
              {assign.error && <Alert kind="error">{errorsOf(assign.error).form}</Alert>}
              <section className="card" aria-labelledby="unassigned-title">
                <h2 id="unassigned-title">{t('caseloads.intake.unassigned')}</h2>
                {data.unassigned.length === 0 ? (
                  <p>{t('caseloads.intake.noneUnassigned')}</p>
                ) : (
                  <>
                    <StudentTable label={t('caseloads.intake.unassigned')} students={data.unassigned} coaches={data.coaches} currentCoachId={null} intakeId={intakeId} onMoved={setDone} />
                    {data.coaches.length > 0 && (
                      <button type="button" className="primary" disabled={assign.isPending} onClick={() => assign.mutate()}>
                        {t('caseloads.intake.assign')}
                      </button>
                    )}
                  </>
                )}
              </section>
              {data.coaches.length === 0 && <p>{t('caseloads.intake.noCoaches')}</p>}
              {data.coaches.length > 0 && <CoachTables data={data} intakeId={intakeId} onMoved={setDone} />}
            </>
          )
        }
      </PageState>
    </div>
  );
}

const UNASSIGNED = 'unassigned';

/** Counts per coach against the target, a filter by coach, and one compact table per coach. */
function CoachTables({ data, intakeId, onMoved }: { data: IntakeCaseloadsResponse; intakeId: string; onMoved: (message: string) => void }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const shown = data.coaches.filter((c) => filter === '' || filter === c.coach.id);
  return (
    <>
      <section className="card" aria-labelledby="caseload-counts-title">
        <h2 id="caseload-counts-title">{t('caseloads.intake.counts')}</h2>
        <TableWrap label={t('caseloads.intake.countsTable')}>
          <table>
            <TableHead columns={[{ label: t('caseloads.intake.coach') }, { label: t('caseloads.intake.coachees'), num: true }, { label: t('caseloads.intake.targetColumn'), num: true }]} />
            <tbody>
              {data.coaches.map((c) => (
                <tr key={c.coach.id}>
                  <td>{personName(c.coach)}</td>
                  <td className="num">{c.coachees.length}</td>
                  <td className="num">{data.target}</td>
                </tr>
              ))}
              <tr>
                <td>{t('caseloads.intake.unassigned')}</td>
                <td className="num">{data.unassigned.length}</td>
                <td className="num">–</td>
              </tr>
            </tbody>
          </table>
        </TableWrap>
        <SelectField label={t('caseloads.intake.filter')} value={filter} onChange={(e) => setFilter(e.target.value)}>
          <option value="">{t('caseloads.intake.filterAll')}</option>
          {data.coaches.map((c) => (
            <option key={c.coach.id} value={c.coach.id}>
              {personName(c.coach)}
            </option>
          ))}
          <option value={UNASSIGNED}>{t('caseloads.intake.unassigned')}</option>
        </SelectField>
      </section>
      {filter !== UNASSIGNED &&
        shown.map((c) => (
          <section key={c.coach.id} className="card" aria-labelledby={`caseload-${c.coach.id}`}>
            <h2 id={`caseload-${c.coach.id}`}>
              {personName(c.coach)} · {t('caseloads.intake.coachCount', { count: c.coachees.length })}
            </h2>
            {c.coachees.length === 0 ? <p>{t('caseloads.intake.empty')}</p> : <StudentTable label={personName(c.coach)} students={c.coachees} coaches={data.coaches} currentCoachId={c.coach.id} intakeId={intakeId} onMoved={onMoved} />}
          </section>
        ))}
    </>
  );
}

/** One row per student: name, class, and a select with a single "Verplaats" button. */
function StudentTable({ label, students, coaches, currentCoachId, intakeId, onMoved }: { label: string; students: Student[]; coaches: IntakeCaseloadsResponse['coaches']; currentCoachId: string | null; intakeId: string; onMoved: (message: string) => void }) {
  const { t } = useTranslation();
  return (
    <TableWrap label={label}>
      <table>
        <TableHead columns={[{ label: t('caseloads.intake.student') }, { label: t('caseloads.intake.classCode') }, { label: t('caseloads.intake.moveColumn') }]} />
        <tbody>
          {students.map((s) => (
            <tr key={s.id}>
              <td>{personName(s)}</td>
              <td>{s.classCode}</td>
              <td>
                <MoveStudent intakeId={intakeId} student={s} coaches={coaches} currentCoachId={currentCoachId} onMoved={onMoved} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function MoveStudent({ intakeId, student, coaches, currentCoachId, onMoved }: { intakeId: string; student: Student; coaches: IntakeCaseloadsResponse['coaches']; currentCoachId: string | null; onMoved: (message: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const others = coaches.filter((c) => c.coach.id !== currentCoachId);
  const [coachId, setCoachId] = useState(others[0]?.coach.id ?? '');
  const move = useMutation({
    mutationFn: () => caseloadsApi.move(intakeId, { studentId: student.id, coachId }),
    onSuccess: async () => {
      onMoved(t('caseloads.intake.moved', { name: personName(student) }));
      await client.invalidateQueries({ queryKey: ['caseloads', intakeId] });
    },
  });
  if (others.length === 0) return null;
  const { form, fields } = errorsOf(move.error);
  return (
    <form
      className="caseloads-move"
      onSubmit={(e) => {
        e.preventDefault();
        move.mutate();
      }}
    >
      <label className="visually-hidden" htmlFor={`move-${student.id}`}>
        {t('caseloads.intake.moveTo', { name: personName(student) })}
      </label>
      <select id={`move-${student.id}`} value={coachId} aria-invalid={fields.coachId ? true : undefined} onChange={(e) => setCoachId(e.target.value)}>
        {others.map((c) => (
          <option key={c.coach.id} value={c.coach.id}>
            {personName(c.coach)} ({c.coachees.length})
          </option>
        ))}
      </select>
      <button type="submit" disabled={move.isPending} aria-label={t('caseloads.intake.moveNamed', { name: personName(student) })}>
        {t('caseloads.intake.move')}
      </button>
      {(form ?? fields.coachId) && <Alert kind="error">{fields.coachId ?? form}</Alert>}
    </form>
  );
}
