/** A student coach's own weekly availability per teaching period (phone first). */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useSession } from '../../session';
import { schedulingApi } from './api';
import { AvailabilityForm } from './AvailabilityForm';
import { dayName, formatDate, formatDateTime } from './format';
import './scheduling.css';

export function MyAvailabilityPage() {
  const { t } = useTranslation();
  const session = useSession();
  const query = useQuery({ queryKey: ['scheduling', 'my-availability'], queryFn: () => schedulingApi.myAvailability() });
  useDocumentTitle(t('scheduling.mine.title'));
  const personId = session.data?.person?.id ?? '';
  return (
    <div className="stack scheduling">
      <h1>{t('scheduling.mine.title')}</h1>
      <p className="lead">{t('scheduling.mine.intro')}</p>
      <PageState query={query} loading={t('scheduling.loading')} />
      {query.data && query.data.periods.length === 0 && <p>{t('scheduling.mine.none')}</p>}
      {query.data?.periods.map((p) => (
        <section key={p.id} className="card" aria-labelledby={`period-${p.id}`}>
          <h2 id={`period-${p.id}`}>{p.name}</h2>
          <p>
            {t('scheduling.mine.period', { first: formatDate(p.firstDate), last: formatDate(p.lastDate), programme: p.intake.programmeName, month: t(`scheduling.months.${p.intake.month}`), year: p.intake.academicYear })}
          </p>
          <p className="help">
            {p.windows
              ? t('scheduling.mine.declared', { windows: p.windows.map((w) => `${dayName(w.day)} ${w.start}–${w.end}`).join(', '), when: p.updatedAt ? formatDateTime(p.updatedAt) : '' })
              : t('scheduling.mine.free')}
          </p>
          {p.started && <Alert kind="info">{t('scheduling.mine.started')}</Alert>}
          {personId && <AvailabilityForm periodId={p.id} personId={personId} windows={p.windows} label={p.name} />}
        </section>
      ))}
    </div>
  );
}
