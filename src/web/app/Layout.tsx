import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { isAllowed } from '../../domain/access/policy';
import { api } from '../api';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { actorOf, fetchSession, SESSION_KEY, useSession } from '../session';

export function Layout() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const actor = actorOf(session);
  const signOut = async () => {
    await api('/api/auth/sign-out', { method: 'POST' });
    client.clear();
    client.setQueryData(SESSION_KEY, await fetchSession());
    await navigate('/sign-in');
  };
  const roles = new Set(actor?.grants.map((g) => g.role) ?? []);
  const canReadOutbox = actor ? isAllowed(actor, 'outbox:read', { kind: 'institution', institutionId: actor.institutionId }) : false;
  const canReadRetention = actor ? isAllowed(actor, 'retention:read', { kind: 'institution', institutionId: actor.institutionId }) : false;
  // Programme screens: shown when the policy lets the person manage some programme they hold a grant for.
  const grantProgrammes = (actor?.grants ?? []).flatMap((g) => (g.programmeId ? [g.programmeId] : []));
  const canManage = (action: 'programme:manage' | 'programme:manageCoaches') =>
    actor !== null && grantProgrammes.some((programmeId) => isAllowed(actor, action, { kind: 'programme', institutionId: actor.institutionId, programmeId }));
  const canManageStructure = canManage('programme:manage') || (actor ? isAllowed(actor, 'institution:manage', { kind: 'institution', institutionId: actor.institutionId }) : false);
  const canManageCoaches = canManage('programme:manageCoaches');
  // Which attributes may be used for forming communities is the institution's (beheerder's) choice.
  const canManageInstitution = actor ? isAllowed(actor, 'institution:manage', { kind: 'institution', institutionId: actor.institutionId }) : false;
  // Support (#8): signals for coaches and the coordinators who handle them; referrals for coaches and coachees.
  const onProgramme = (action: 'signal:raise' | 'programme:handleSignals') =>
    actor !== null && grantProgrammes.some((programmeId) => isAllowed(actor, action, { kind: 'programme', institutionId: actor.institutionId, programmeId }));
  const seesSignals = onProgramme('signal:raise') || onProgramme('programme:handleSignals');
  const seesReferrals = roles.has('coachee') || roles.has('studentcoach');
  // Sessions (#4): the activity library and logbooks for the people who run or supervise sessions.
  const runsSessions = actor ? isAllowed(actor, 'library:create', { kind: 'institution', institutionId: actor.institutionId }) : false;
  // People and roles (#16): the beheerder and coordinators manage people; everyone sees their own roles and sessions.
  const managesPeople = actor ? isAllowed(actor, 'people:search', { kind: 'peopleDirectory', institutionId: actor.institutionId }) : false;
  // Compensation, the money side (#17): the coach's own pay, the coordinator's claims, finance's payouts.
  const coachProgramme = actor?.grants.find((g) => g.role === 'studentcoach' && g.programmeId)?.programmeId ?? null;
  const ownsPay = actor !== null && coachProgramme !== null && isAllowed(actor, 'compensation:manageOwn', { kind: 'ownCompensation', institutionId: actor.institutionId, programmeId: coachProgramme, coachId: actor.personId });
  const claimsProgramme = actor ? grantProgrammes.find((programmeId) => isAllowed(actor, 'programmeFinance:read', { kind: 'programmeFinance', institutionId: actor.institutionId, programmeId })) : undefined;
  const paysOut = actor ? isAllowed(actor, 'payout:manage', { kind: 'financeDesk', institutionId: actor.institutionId }) : false;
  // The roadmap (#22): its owners; invited stakeholders reach it from the list at /roadmaps too.
  const ownsRoadmap = actor !== null && (isAllowed(actor, 'roadmap:manage', { kind: 'roadmap', institutionId: actor.institutionId, programmeId: null, stakeholders: [] }) || grantProgrammes.some((programmeId) => isAllowed(actor, 'roadmap:manage', { kind: 'roadmap', institutionId: actor.institutionId, programmeId, stakeholders: [] })));
  const editsRoadmapContent = actor ? isAllowed(actor, 'roadmapContent:manage', { kind: 'roadmapContent', institutionId: actor.institutionId }) : false;

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header>
        {session?.demo && <p className="demo-banner">{t('app.demoBanner')}</p>}
        <div className="site-header">
          <Link to="/" className="brand">
            peerkracht
            <span className="tagline">{t('app.tagline')}</span>
          </Link>
          <LanguageSwitch signedIn={Boolean(session?.person)} />
        </div>
      </header>
      {session?.person && (
        <nav className="main-nav" aria-label={t('app.mainNav')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/sessions">{t('sessions.nav.sessions')}</NavLink>
            </li>
            {runsSessions && (
              <li>
                <NavLink to="/activities">{t('sessions.nav.activities')}</NavLink>
              </li>
            )}
            {runsSessions && (
              <li>
                <NavLink to="/logbooks">{t('sessionInsight.nav.logbooks')}</NavLink>
              </li>
            )}
            {roles.has('coachee') && (
              <li>
                <NavLink to="/me/checkins">{t('sessionInsight.nav.checkins')}</NavLink>
              </li>
            )}
            {roles.has('coachee') && (
              <li>
                <NavLink to="/resilience" end>
                  {t('resilience.nav')}
                </NavLink>
              </li>
            )}
            {roles.has('studentcoach') && (
              <li>
                <NavLink to="/resilience/coach">{t('resilience.navCoach')}</NavLink>
              </li>
            )}
            {roles.has('coachee') && (
              <li>
                <NavLink to="/my-community">{t('programme.nav.myCommunity')}</NavLink>
              </li>
            )}
            {roles.has('coachee') && (
              <li>
                <NavLink to="/me/about">{t('grouping.nav.myAttributes')}</NavLink>
              </li>
            )}
            {roles.has('studentcoach') && (
              <li>
                <NavLink to="/me/coach-profile">{t('programme.nav.coachProfile')}</NavLink>
              </li>
            )}
            {roles.has('studentcoach') && (
              <li>
                <NavLink to="/me/availability">{t('scheduling.mine.nav')}</NavLink>
              </li>
            )}
            {ownsPay && (
              <li>
                <NavLink to="/me/payments">{t('finance.nav.mine')}</NavLink>
              </li>
            )}
            {claimsProgramme && (
              <li>
                <NavLink to={`/programmes/${claimsProgramme}/payments`}>{t('finance.nav.programme')}</NavLink>
              </li>
            )}
            {paysOut && (
              <li>
                <NavLink to="/finance">{t('finance.nav.payouts')}</NavLink>
              </li>
            )}
            {ownsRoadmap && (
              <li>
                <NavLink to="/roadmaps">{t('roadmap.nav')}</NavLink>
              </li>
            )}
            {editsRoadmapContent && (
              <li>
                <NavLink to="/admin/roadmap-content">{t('roadmap.content.title')}</NavLink>
              </li>
            )}
            {canManageStructure && (
              <li>
                <NavLink to="/programme">{t('programme.nav.programme')}</NavLink>
              </li>
            )}
            {canManageCoaches && (
              <li>
                <NavLink to="/coaches">{t('programme.nav.coaches')}</NavLink>
              </li>
            )}
            {roles.has('studentcoach') && (
              <li>
                <NavLink to="/me/compensation">{t('compensation.nav.mine')}</NavLink>
              </li>
            )}
            {(roles.has('coordinator') || roles.has('seniorcoach')) && (
              <li>
                <NavLink to="/compensation" end>
                  {t('compensation.nav.programme')}
                </NavLink>
              </li>
            )}
            <li>
              <NavLink to="/help">{t('support.nav.help')}</NavLink>
            </li>
            {seesReferrals && (
              <li>
                <NavLink to="/support/referrals">{t('support.nav.referrals')}</NavLink>
              </li>
            )}
            {seesSignals && (
              <li>
                <NavLink to="/support/signals">{t('support.nav.signals')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/privacy/consents">{t('consent.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/security">{t('security.nav')}</NavLink>
            </li>
            {canManageInstitution && (
              <li>
                <NavLink to="/admin/grouping-attributes">{t('grouping.nav.settings')}</NavLink>
              </li>
            )}
            {canReadOutbox && (
              <li>
                <NavLink to="/admin/outbox">{t('nav.outbox')}</NavLink>
              </li>
            )}
            {canReadRetention && (
              <li>
                <NavLink to="/admin/retention">{t('nav.retention')}</NavLink>
              </li>
            )}
            {canReadOutbox && (
              <li>
                <a href="/api/docs">{t('nav.apiDocs')}</a>
              </li>
            )}
            {managesPeople && (
              <li>
                <NavLink to="/people">{t('people.nav.people')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/me/roles">{t('people.nav.myRoles')}</NavLink>
            </li>
            <li>
              <NavLink to="/me/sign-in-sessions">{t('people.nav.sessions')}</NavLink>
            </li>
          </ul>
          <div className="who">
            <span>{t('app.signedInAs', { name: `${session.person.firstName} ${session.person.lastName}` })}</span>
            <button type="button" onClick={() => void signOut()}>
              {t('app.signOut')}
            </button>
          </div>
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
