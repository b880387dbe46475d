import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../format';
import { endyearApi } from './api';

/** The coach's end-of-year reports: one per programme and year they coached in, with its state. */
export function MyYearReportsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('endyear.chooseTitle'));
  const query = useQuery({ queryKey: ['endyear', 'mine'], queryFn: endyearApi.mine });
  return (
    <div className="stack">
      <h1>{t('endyear.chooseTitle')}</h1>
      <p>{t('endyear.chooseIntro')}</p>
      <PageState query={query} empty={{ when: (d) => d.reports.length === 0, text: t('endyear.none') }}>
        {(data) => (
          <ul className="rows">
            {data.reports.map((r) => (
              <li key={`${r.programmeId}-${r.academicYear}`} className="card stack-sm">
                <h2>
                  {r.programmeName} {r.academicYear}
                </h2>
                <p>{r.open ? t(`endyear.status.${r.status}`) : t('endyear.opensOn', { date: formatDate(r.opensOn, 'long') })}</p>
                {r.open && <Link to={`/me/year-reports/${r.programmeId}/${r.academicYear}`}>{t('endyear.title', { year: r.academicYear })}</Link>}
              </li>
            ))}
          </ul>
        )}
      </PageState>
    </div>
  );
}
