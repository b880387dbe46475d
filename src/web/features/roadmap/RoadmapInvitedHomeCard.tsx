import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roadmapApi } from './api';

/**
 * On the home of someone invited to give their view on a roadmap (a student representative, a
 * teacher, a coach): the roadmaps that wait for them, so the invitation mail is not the only way in.
 */
export function RoadmapInvitedHomeCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const query = useQuery({ queryKey: ['roadmaps'], queryFn: roadmapApi.list, retry: false });
  const invited = (query.data?.roadmaps ?? []).filter((r) => !r.canManage);
  if (invited.length === 0) return null;
  return (
    <section className="card" aria-labelledby="roadmap-invited-card">
      <h2 id="roadmap-invited-card">{t('roadmap.home.title')}</h2>
      <p>{t('roadmap.home.intro')}</p>
      <ul className="rows">
        {invited.map((r) => (
          <li key={r.id}>
            <Link to={`/roadmaps/${r.id}`}>
              {r.programmeName ? r.programmeName[lang] : t('roadmap.institution')} · {t('roadmap.yearLabel', { from: r.year, to: r.year + 1 })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
