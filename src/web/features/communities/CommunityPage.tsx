import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { HomeResponse } from '../../../contracts/home';
import { api } from '../../api';
import { homeQuery } from '../../home-query';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { CommunityInsightLinks } from '../../components/CommunityInsightLinks';

type Community = Omit<HomeResponse['communities'][number], 'relation'>;

/** What other features show on a community's page, composed in src/web/app (features never import each other). */
export type CommunityCards = (community: { id: string }, relation: string | undefined) => ReactNode;

export function CommunityPage({ cards }: { cards?: CommunityCards } = {}) {
  const { t } = useTranslation();
  const { communityId = '' } = useParams();
  const query = useQuery({ queryKey: ['community', communityId], queryFn: () => api<Community>(`/api/communities/${communityId}`) });
  const home = useQuery(homeQuery);
  // Attendance and the year plan are for the people running or overseeing the community, not its members.
  const relation = home.data?.communities.find((x) => x.id === communityId)?.relation;
  const runs = relation === 'coach' || relation === 'supervisor' || relation === 'coordinator';
  useDocumentTitle(query.data ? t('community.title', { name: query.data.name }) : t('app.loading'));
  if (!query.data) return <PageState query={query} back={<Link to="/">{t('app.backHome')}</Link>} />;
  const c = query.data;
  return (
    <div className="stack">
      <h1>{t('community.title', { name: c.name })}</h1>
      <section className="card" aria-labelledby="members-title">
        <p>
          {t('home.coach')}: {c.coach ? `${c.coach.firstName} ${c.coach.lastName ?? ''}` : t('home.noCoach')}
        </p>
        <h2 id="members-title">{t('community.membersTitle')}</h2>
        <ul className="names">
          {c.members?.map((m) => (
            <li key={m.id}>
              {m.firstName} {m.lastName ?? ''}
            </li>
          ))}
        </ul>
      </section>
      {(relation === 'coach' || relation === 'member') && (
        <p>
          <Link className="button-link" to={`/communities/${c.id}/board`}>
            {t('formats.announcements.open')}
          </Link>
        </p>
      )}
      {runs && (
        <nav className="card" aria-label={t('community.title', { name: c.name })}>
          <CommunityInsightLinks communityId={c.id} className="rows" />
        </nav>
      )}
      {cards?.(c, relation)}
    </div>
  );
}
