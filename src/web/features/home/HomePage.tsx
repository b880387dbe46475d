import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeResponse } from '../../../contracts/home';
import { homeQuery } from '../../home-query';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { CommunityInsightLinks } from '../../components/CommunityInsightLinks';
import { ListCard } from '../../components/ListCard';
import { useSession } from '../../session';
import { isAllowed } from '../../../domain/access/policy';
import type { Role } from '../../../domain/access/roles';
import { actorOf } from '../../session';
import { RoleTasks } from './RoleTasks';
import { useFirstLoadSettled } from './useFirstLoadSettled';

/** What a home card of another feature gets to decide what it shows. */
export interface HomeCardContext {
  roles: Role[];
  /** The communities the person is a member of, then those they coach. */
  communities: HomeResponse['communities'];
}

/**
 * Cards other features contribute to the home page, drawn at fixed places. The home feature does
 * not import them: `src/web/app/` composes the page (features never import each other).
 */
export interface HomeCards {
  /** After the person's own community: sessions and attendance. */
  sessions: (context: HomeCardContext) => ReactNode;
  /** After the communities the person coaches: the resilience card. */
  resilience: (context: HomeCardContext) => ReactNode;
}

export function HomePage({ cards }: { cards: HomeCards }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const home = useQuery(homeQuery);
  const data = home.data;
  const person = session?.person;
  const actor = actorOf(session);
  useDocumentTitle(t('nav.home'));
  const settled = useFirstLoadSettled(home.data !== undefined);
  if (!person) return null;
  const roles = [...new Set(person.roles.map((r) => r.role))];
  const mine = home.data?.communities.filter((c) => c.relation === 'member') ?? [];
  const coaching = home.data?.communities.filter((c) => c.relation === 'coach') ?? [];
  const overseen = home.data?.communities.filter((c) => c.relation === 'supervisor' || c.relation === 'coordinator') ?? [];
  const context: HomeCardContext = { roles, communities: [...mine, ...coaching] };

  return (
    <div className="stack">
      <h1>{t('home.title', { name: person.firstName })}</h1>
      {/* Loading or a failed request before the data is there; with the data, only a later error. */}
      <PageState query={home} />
      {data !== undefined && !settled && <p role="status">{t('app.loading')}</p>}
      {(data !== undefined || home.error === null) && (
        // Mounted at once, so the cards send their requests alongside /api/home rather than after it
        // (#20 item 7: one round trip less before the page shows), but not shown until the page's
        // data and the cards' first answers are back: one paint, no jumps.
        <div className="stack" hidden={!settled}>
          {actor && data && <RoleTasks actor={actor} roles={roles} data={data} />}
          {cards.sessions(context)}
      {data && roles.includes('coachee') && (
            <section className="card" aria-labelledby="my-community-title">
              <h2 id="my-community-title">{t('home.myCommunity')}</h2>
              {mine.length === 0 && <p>{t('home.noCommunity')}</p>}
              {mine.length > 0 && (
                <p>
                  <Link to="/my-community">{t('ux.home.myCommunityLink')}</Link>
                </p>
              )}
              {mine.map((c) => (
                <div key={c.id} className="stack-sm">
                  <p className="lead">
                    <Link to={`/communities/${c.id}`}>{c.name}</Link>
                  </p>
                  <p>
                    {t('home.coach')}: {c.coach ? `${c.coach.firstName} ${c.coach.lastName ?? ''}` : t('home.noCoach')}
                  </p>
                  {c.coachEmail && (
                    <p>
                      {t('home.contactCoach')}: <a href={`mailto:${c.coachEmail}`}>{c.coachEmail}</a>
                    </p>
                  )}
                  {c.kind !== 'caseload' && (
                    <>
                      <h3>{t('home.fellowMembers')}</h3>
                      <ul className="names">
                        {c.members
                          ?.filter((m) => m.id !== person.id)
                          .map((m) => (
                            <li key={m.id}>{m.firstName}</li>
                          ))}
                      </ul>
                    </>
                  )}
                </div>
              ))}
            </section>
          )}
          {coaching.length > 0 && <CommunityList titleKey="home.myCommunities" id="coaching" items={coaching} />}
          {cards.resilience(context)}
          {data && (
            <>
              <ListCard id="supervised-title" title={t('home.supervisedCoaches')} listClassName="names" items={data.supervisedCoaches}>
                {(c) => (
                  <>
                    {c.firstName} {c.lastName}
                  </>
                )}
              </ListCard>
              {overseen.length > 0 && <CommunityList titleKey="home.communities" id="overseen" items={overseen} />}
              <ListCard id="classes-title" title={t('home.classes')} listClassName="rows" items={data.classes}>
                {(c) => (
                  <>
                    <strong>{c.code}</strong> · {t('home.classStudents', { count: c.studentCount })} · <Link to={`/classes/${c.id}`}>{t('sessionInsight.links.openClass')}</Link>
                  </>
                )}
              </ListCard>
              {data.programmes.length > 0 && (
                <section className="card" aria-labelledby="programmes-title">
                  <h2 id="programmes-title">{t('home.programmes')}</h2>
                  <ul className="rows">
                    {data.programmes.map((p) => (
                      <li key={p.id}>
                        <strong>{p.name}</strong> · {p.location}
                        <ul className="sub">
                          {p.intakes.map((i) => (
                            <li key={i.id}>
                              {t('home.intake', { month: t(`home.months.${i.month}`), year: i.academicYear })}
                              {actor && isAllowed(actor, 'programme:manageCommunities', { kind: 'programme', institutionId: actor.institutionId, programmeId: p.id }) && (
                                <>
                                  {' · '}
                                  <Link to={`/programme/intakes/${i.id}/year-plan`}>{t('sessionInsight.links.intakeYearPlan')}</Link>
                                </>
                              )}
                            </li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {data.people && (
                <section className="card" aria-labelledby="people-title">
                  <h2 id="people-title">{t('home.people')}</h2>
                  <table>
                    <tbody>
                      {Object.entries(data.people.byRole).map(([role, n]) => (
                        <tr key={role}>
                          <th scope="row">{t(`roles.${role}`)}</th>
                          <td>{n}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              )}
              <section className="card" aria-labelledby="support-home-title">
                <h2 id="support-home-title">{t('support.home.title')}</h2>
                <p>{t('support.home.text')}</p>
                <ul className="rows">
                  <li>
                    <Link to="/help">{t('support.help.title')}</Link>
                  </li>
                  <li>
                    <Link to="/privacy/consents">{t('consent.title')}</Link>
                  </li>
                  <li>
                    <Link to="/privacy/reads">{t('consent.reads.title')}</Link>
                  </li>
                </ul>
              </section>
            </>
          )}
        </div>
      )}
      <section aria-labelledby="roles-title">
        <h2 id="roles-title" className="visually-hidden">
          {t('home.yourRoles')}
        </h2>
        <ul className="chips" aria-label={t('home.yourRoles')}>
          {roles.map((role) => (
            <li key={role} className="chip">
              {t(`roles.${role}`)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function CommunityList({ titleKey, id, items }: { titleKey: string; id: string; items: HomeResponse['communities'] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(titleKey)}</h2>
      <ul className="rows">
        {items.map((c) => (
          <li key={c.id}>
            <Link to={`/communities/${c.id}`}>{c.name}</Link> · {t('home.members', { count: c.memberCount })} · {t('home.coach')}:{' '}
            {c.coach ? `${c.coach.firstName} ${c.coach.lastName ?? ''}` : t('home.noCoach')}
            <CommunityInsightLinks communityId={c.id} className="link-row" />
          </li>
        ))}
      </ul>
    </section>
  );
}
