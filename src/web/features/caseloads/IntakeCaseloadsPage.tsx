import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { IntakeCaseloadsResponse } from '../../../contracts/caseloads';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { errorsOf, personName, SelectField } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { caseloadsApi } from './api';

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
                    <ul className="rows">
                      {data.unassigned.map((s) => (
                        <li key={s.id}>
                          {personName(s)} · {s.classCode}
                          <MoveStudent intakeId={intakeId} student={s} coaches={data.coaches} currentCoachId={null} onMoved={setDone} />
                        </li>
                      ))}
                    </ul>
                    {data.coaches.length > 0 && (
                      <button type="button" className="primary" disabled={assign.isPending} onClick={() => assign.mutate()}>
                        {t('caseloads.intake.assign')}
                      </button>
                    )}
                  </>
                )}
              </section>
              {data.coaches.length === 0 && <p>{t('caseloads.intake.noCoaches')}</p>}
              {data.coaches.map((c) => (
                <section key={c.coach.id} className="card" aria-labelledby={`caseload-${c.coach.id}`}>
                  <h2 id={`caseload-${c.coach.id}`}>
                    {personName(c.coach)} · {t('caseloads.intake.coachCount', { count: c.coachees.length })}
                  </h2>
                  {c.coachees.length === 0 ? (
                    <p>{t('caseloads.intake.empty')}</p>
                  ) : (
                    <ul className="rows">
                      {c.coachees.map((s) => (
                        <li key={s.id}>
                          {personName(s)} · {s.classCode}
                          <MoveStudent intakeId={intakeId} student={s} coaches={data.coaches} currentCoachId={c.coach.id} onMoved={setDone} />
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              ))}
            </>
          )
        }
      </PageState>
    </div>
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
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        move.mutate();
      }}
    >
      <SelectField label={t('caseloads.intake.moveTo', { name: personName(student) })} value={coachId} error={fields.coachId} onChange={(e) => setCoachId(e.target.value)}>
        {others.map((c) => (
          <option key={c.coach.id} value={c.coach.id}>
            {personName(c.coach)} ({c.coachees.length})
          </option>
        ))}
      </SelectField>
      <button type="submit" disabled={move.isPending}>
        {t('caseloads.intake.move')}
      </button>
      {form && !fields.coachId && <Alert kind="error">{form}</Alert>}
    </form>
  );
}
