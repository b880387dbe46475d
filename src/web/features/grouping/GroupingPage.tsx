import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { groupingApi } from './api';
import { DraftView } from './DraftView';
import { SetupForm } from './SetupForm';
import './grouping.css';

/** "Groepen vormen" for one intake: set up a run, follow its progress, adjust the draft, accept. */
export function GroupingPage() {
  const { t } = useTranslation();
  const { intakeId = '' } = useParams();
  useDocumentTitle(t('grouping.run.title'));
  const options = useQuery({ queryKey: ['grouping', 'options', intakeId], queryFn: () => groupingApi.options(intakeId) });
  // The run on screen: the intake's open run when the page opens, then whatever the coordinator
  // starts — pinned, so an accepted run stays on screen after the options refresh.
  const [runId, setRunId] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (runId === undefined && options.data) setRunId(options.data.latestRunId);
  }, [options.data, runId]);
  const month = options.data ? t(`programme.structure.months.${options.data.intake.month}`) : '';
  return (
    <div className="stack">
      <p>
        <Link to={`/programme/intakes/${intakeId}`}>{t('grouping.run.back')}</Link>
      </p>
      <h1>{t('grouping.run.title')}</h1>
      {options.data && (
        <p className="lead-text">
          {month} {options.data.intake.academicYear} · {t('grouping.run.toGroup', { count: options.data.students.length })}
        </p>
      )}
      <PageState query={options} />
      {options.data && runId === null && options.data.students.length === 0 && <Alert kind="info">{t('errors.grouping_no_students')}</Alert>}
      {options.data && runId === null && options.data.students.length > 0 && <SetupForm intakeId={intakeId} options={options.data} onStarted={setRunId} />}
      {options.data && typeof runId === 'string' && <DraftView runId={runId} options={options.data} onNewRun={() => setRunId(null)} />}
    </div>
  );
}
