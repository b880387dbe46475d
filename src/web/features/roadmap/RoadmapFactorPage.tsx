import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { roadmapApi } from './api';
import { FactorDetails, useLang } from './factor-parts';
import './roadmap.css';

/**
 * One factor of a roadmap on its own page (a deep link, `/roadmaps/:roadmapId/factors/:factorId`):
 * the agreed status, figures, everyone's view with the form for one's own, and — for the
 * coordinator — the form for the agreed status and the factor's plan items. Links back to the
 * overview and on to the previous and next factor this person may see.
 */
export function RoadmapFactorPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { roadmapId = '', factorId = '' } = useParams();
  const query = useQuery({ queryKey: ['roadmap', roadmapId], queryFn: () => roadmapApi.get(roadmapId), retry: false });
  const factors = query.data?.content.factors ?? [];
  const index = factors.findIndex((f) => f.id === factorId);
  const factor = index === -1 ? undefined : factors[index];
  useDocumentTitle(factor ? `${factor.number}. ${factor.title[lang]} · ${t('roadmap.title')}` : t('roadmap.title'));
  if (!query.data) return <PageState query={query} />;
  const r = query.data;
  const state = factor && r.factors.find((s) => s.factorId === factor.id);
  const scope = `${r.programmeName ? r.programmeName[lang] : t('roadmap.institution')} · ${t('roadmap.yearLabel', { from: r.year, to: r.year + 1 })}`;
  const back = (
    <Link to={`/roadmaps/${r.id}`} className="roadmap-back">
      {t('roadmap.overview.back')}
    </Link>
  );
  if (!factor || !state) {
    // A factor this roadmap's version lacks, or one the person was not invited for.
    return (
      <div className="stack roadmap-page">
        <h1>{t('roadmap.overview.notFoundTitle')}</h1>
        <p>{t('roadmap.overview.notFound')}</p>
        <p>{back}</p>
      </div>
    );
  }
  const previous = factors[index - 1];
  const next = factors[index + 1];
  return (
    <div className="stack roadmap-page">
      <p>{back}</p>
      <h1>
        {factor.number}. {factor.title[lang]}
        <span className="roadmap-subtitle">
          {t('roadmap.title')} · {scope}
        </span>
      </h1>
      <FactorDetails key={factor.id} roadmap={r} factor={factor} state={state} />
      {(previous || next) && (
        <nav className="roadmap-pager" aria-label={t('roadmap.overview.pager')}>
          {previous && (
            <Link to={`/roadmaps/${r.id}/factors/${previous.id}`} rel="prev">
              ← {previous.number}. {previous.title[lang]}
            </Link>
          )}
          {next && (
            <Link to={`/roadmaps/${r.id}/factors/${next.id}`} rel="next">
              {next.number}. {next.title[lang]} →
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
