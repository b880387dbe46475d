import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../components/Alert';
import { errorsOf, SelectField } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { roadmapApi } from './api';
import './roadmap.css';

/** The roadmaps a person may open (owner or invited stakeholder), and starting one for a year. */
export function RoadmapsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('roadmap.title'));
  const query = useQuery({ queryKey: ['roadmaps'], queryFn: roadmapApi.list, retry: false });
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <div className="stack">
      <h1>{t('roadmap.title')}</h1>
      <p>{t('roadmap.intro')}</p>
      <PageState query={query}>
        {(data) => (
          <>
            {data.roadmaps.length === 0 ? (
              <p>{t('roadmap.list.empty')}</p>
            ) : (
              <ul className="rows roadmap-list">
                {data.roadmaps.map((r) => (
                  <li key={r.id}>
                    <Link to={`/roadmaps/${r.id}`}>
                      {r.programmeName ? r.programmeName[lang] : t('roadmap.institution')} · {t('roadmap.yearLabel', { from: r.year, to: r.year + 1 })}
                    </Link>
                    <span className="roadmap-meta">{r.canManage ? t('roadmap.list.assessed', { count: r.assessed, total: r.factors }) : t('roadmap.list.invited')}</span>
                  </li>
                ))}
              </ul>
            )}
            {data.canStart.length > 0 && <StartForm scopes={data.canStart} currentYear={data.currentYear} />}
          </>
        )}
      </PageState>
    </div>
  );
}

function StartForm({ scopes, currentYear }: { scopes: { programmeId: string | null; programmeName: { nl: string; en: string } | null }[]; currentYear: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const client = useQueryClient();
  const navigate = useNavigate();
  const [scope, setScope] = useState(scopes[0]?.programmeId ?? '');
  const [year, setYear] = useState(currentYear);
  const start = useMutation({
    mutationFn: () => roadmapApi.start({ programmeId: scope === '' ? null : scope, year }),
    onSuccess: async (made) => {
      await client.invalidateQueries({ queryKey: ['roadmaps'] });
      void navigate(`/roadmaps/${made.id}`);
    },
  });
  const errors = errorsOf(start.error);
  return (
    <form
      className="card"
      aria-labelledby="roadmap-start"
      onSubmit={(e) => {
        e.preventDefault();
        start.mutate();
      }}
    >
      <h2 id="roadmap-start">{t('roadmap.list.start')}</h2>
      {errors.form && <Alert kind="error">{errors.form}</Alert>}
      <SelectField label={t('roadmap.list.scope')} value={scope} onChange={(e) => setScope(e.target.value)}>
        {scopes.map((s) => (
          <option key={s.programmeId ?? 'institution'} value={s.programmeId ?? ''}>
            {s.programmeName ? s.programmeName[lang] : t('roadmap.institution')}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('roadmap.list.year')} value={String(year)} onChange={(e) => setYear(Number(e.target.value))}>
        {[currentYear + 1, currentYear, currentYear - 1, currentYear - 2].map((y) => (
          <option key={y} value={y}>
            {t('roadmap.yearLabel', { from: y, to: y + 1 })}
          </option>
        ))}
      </SelectField>
      <button type="submit" disabled={start.isPending}>
        {t('roadmap.list.start')}
      </button>
    </form>
  );
}
