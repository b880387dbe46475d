import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { endyearApi } from './api';

/** On the coach's home near the end of the year: "Schrijf je eindverslag", until it is handed in. */
export function YearReportHomeCard() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['endyear', 'mine'], queryFn: endyearApi.mine });
  const due = (query.data?.reports ?? []).filter((r) => r.taskDue);
  if (due.length === 0) return null;
  return (
    <section className="card" aria-labelledby="endyear-home-title">
      <h2 id="endyear-home-title">{t('endyear.task.title')}</h2>
      <ul className="rows">
        {due.map((r) => (
          <li key={`${r.programmeId}-${r.academicYear}`} className="stack-sm">
            <p>{t('endyear.task.text', { programme: `${r.programmeName} ${r.academicYear}` })}</p>
            <Link to={`/me/year-reports/${r.programmeId}/${r.academicYear}`}>{t('endyear.task.action')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
