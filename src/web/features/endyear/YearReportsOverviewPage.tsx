/**
 * The coordinator's overview of the coaches' end-of-year reports per programme: how many handed
 * in, how many agreed to be quoted, and who still has to — programme administration, never a text.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { homeQuery } from '../../home-query';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { endyearApi } from './api';

export function YearReportsOverviewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('endyear.overviewTitle'));
  const home = useQuery(homeQuery);
  return (
    <div className="stack">
      <h1>{t('endyear.overviewTitle')}</h1>
      <p>{t('endyear.overviewPrivacy')}</p>
      <PageState query={home} empty={{ when: (d) => d.programmes.length === 0, text: t('endyear.none') }}>
        {(data) => data.programmes.map((p) => <ProgrammeStatus key={p.id} programmeId={p.id} name={p.name} years={[...new Set(p.intakes.map((i) => i.academicYear))].sort().reverse()} />)}
      </PageState>
    </div>
  );
}

function ProgrammeStatus({ programmeId, name, years }: { programmeId: string; name: string; years: string[] }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(years[0] ?? '');
  const query = useQuery({ queryKey: ['endyear', 'status', programmeId, year], queryFn: () => endyearApi.status(programmeId, year), enabled: year !== '' });
  const selectId = `endyear-year-${programmeId}`;
  return (
    <section className="card stack-sm" aria-labelledby={`endyear-programme-${programmeId}`}>
      <h2 id={`endyear-programme-${programmeId}`}>{name}</h2>
      {years.length > 1 && (
        <div className="field">
          <label htmlFor={selectId}>{t('endyear.overviewYear')}</label>
          <select id={selectId} value={year} onChange={(e) => setYear(e.target.value)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      )}
      <PageState query={query}>
        {(s) => (
          <>
            <p>{t('endyear.overviewCounts', { count: s.coaches, submitted: s.submitted })}</p>
            <p>{t('endyear.overviewConsents', { consents: s.quoteConsents })}</p>
            {s.stillToDo.length === 0 ? (
              <p>{t('endyear.overviewAllDone')}</p>
            ) : (
              <>
                <h3>{t('endyear.overviewStillToDo')}</h3>
                <ul>
                  {s.stillToDo.map((c) => (
                    <li key={c.id}>{c.name}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </PageState>
    </section>
  );
}
