import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { IntakeClassCoachesResponse } from '../../../contracts/classwide';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { errorsOf, personName, SelectField } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { classwideApi } from './api';
import { ClassSessionsPlanner } from './ClassSessionsPlanner';

type Klass = IntakeClassCoachesResponse['classes'][number];

/** The coordinator's classes of a class-wide intake: each class with its size and coach; link a coach or change it (a handover). */
export function IntakeClassesPage() {
  const { t } = useTranslation();
  const { intakeId = '' } = useParams();
  useDocumentTitle(t('classwide.intake.title'));
  const query = useQuery({ queryKey: ['class-coaches', intakeId], queryFn: () => classwideApi.ofIntake(intakeId) });
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="stack">
      <p>
        <Link to={`/programme/intakes/${intakeId}`}>{t('programme.structure.title')}</Link>
      </p>
      <h1>{t('classwide.intake.title')}</h1>
      <PageState query={query}>
        {(data) => {
          if (data.format !== 'classWide') return <Alert kind="info">{t('classwide.intake.notClassWide')}</Alert>;
          const without = data.classes.filter((c) => c.coach === null).length;
          return (
            <>
              <p>{t('classwide.intake.intro')}</p>
              {data.classes.length === 0 ? (
                <p>{t('classwide.intake.noClasses')}</p>
              ) : (
                <p role="status">{without > 0 ? t('classwide.intake.withoutCoach', { count: without }) : t('classwide.intake.allLinked')}</p>
              )}
              {data.coaches.length === 0 && <p>{t('classwide.intake.noCoaches')}</p>}
              {done && <Alert kind="success">{done}</Alert>}
              {data.classes.map((c) => (
                <ClassCard key={c.classId} intakeId={intakeId} klass={c} coaches={data.coaches} onLinked={setDone} />
              ))}
            </>
          );
        }}
      </PageState>
    </div>
  );
}

function ClassCard({ intakeId, klass, coaches, onLinked }: { intakeId: string; klass: Klass; coaches: IntakeClassCoachesResponse['coaches']; onLinked: (message: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const others = coaches.filter((c) => c.id !== klass.coach?.id);
  const [coachId, setCoachId] = useState(others[0]?.id ?? '');
  const [proposing, setProposing] = useState(false);
  const chosen = others.find((c) => c.id === coachId) ?? others[0];
  const link = useMutation({
    mutationFn: () => classwideApi.link(intakeId, klass.classId, { coachId: chosen?.id ?? '', currentCoachId: klass.coach?.id ?? null }),
    onSuccess: async () => {
      onLinked(t('classwide.intake.linked', { name: personName(chosen), code: klass.code }));
      await client.invalidateQueries({ queryKey: ['class-coaches', intakeId] });
    },
  });
  const { form, fields } = errorsOf(link.error);
  const titleId = `class-${klass.classId}`;
  return (
    <section className="card stack-sm" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {klass.code} · {t('classwide.intake.size', { count: klass.size })}
      </h2>
      <p>
        {t('classwide.intake.coach')}: {klass.coach ? <strong>{personName(klass.coach)}</strong> : <span className="chip">{t('classwide.intake.none')}</span>}
        {klass.coachChanges > 0 && <> · {t('classwide.intake.changes', { count: klass.coachChanges })}</>}
      </p>
      {klass.communityId && (
        <p>
          <Link to={`/communities/${klass.communityId}/manage`}>{t('classwide.intake.manage', { code: klass.code })}</Link>
        </p>
      )}
      {klass.communityId && klass.coach && (
        <div className="actions">
          <button type="button" aria-expanded={proposing} onClick={() => setProposing(!proposing)}>
            {t('classwide.proposals.openFor', { code: klass.code })}
          </button>
        </div>
      )}
      {proposing && klass.communityId && (
        <ClassSessionsPlanner
          communityId={klass.communityId}
          code={klass.code}
          onDone={(m) => {
            setProposing(false);
            onLinked(m);
          }}
        />
      )}
      {others.length > 0 && (
        <form
          className="stack-sm"
          onSubmit={(e) => {
            e.preventDefault();
            link.mutate();
          }}
        >
          <SelectField label={t('classwide.intake.choose', { code: klass.code })} {...(klass.coach ? { help: t('classwide.intake.changeHelp') } : {})} value={chosen?.id ?? ''} error={fields.coachId} onChange={(e) => setCoachId(e.target.value)}>
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {t('classwide.intake.coachOption', { name: personName(c), count: c.classes })}
              </option>
            ))}
          </SelectField>
          <div className="actions">
            <button type="submit" className={klass.coach ? undefined : 'primary'} disabled={link.isPending}>
              {klass.coach ? t('classwide.intake.change') : t('classwide.intake.link')}
            </button>
          </div>
          {form && !fields.coachId && <Alert kind="error">{form}</Alert>}
        </form>
      )}
    </section>
  );
}
