import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
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
  const [chosenRun, setChosenRun] = useState<string | null | undefined>(undefined);
  const runId = chosenRun === undefined ? (options.data?.latestRunId ?? null) : chosenRun;
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
      {options.isPending && <p role="status">{t('app.loading')}</p>}
      {options.error && <Alert kind="error">{options.error.message}</Alert>}
      {options.data && runId === null && <SetupForm intakeId={intakeId} options={options.data} onStarted={setChosenRun} />}
      {options.data && runId !== null && <DraftView runId={runId} options={options.data} onNewRun={() => setChosenRun(null)} />}
    </div>
  );
}
