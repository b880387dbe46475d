import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { abortReads, api } from '../api';
import { homeQuery } from '../home-query';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { actorOf, fetchSession, SESSION_KEY, useSession } from '../session';
import { Icon } from './icons';
import { destinationsFor, navContext, splitNavigation, type NavItem } from './navigation';
import { PageBoundary } from './lazy-page';

/** One destination: a client route, or a server page (the API docs) as a plain link. */
function Destination({ item, onNavigate }: { item: NavItem; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const content = (
    <>
      <Icon name={item.icon} />
      {item.shortLabelKey ? (
        <>
          <span className="nav-label nav-long">{t(item.labelKey)}</span>
          <span className="nav-label nav-short" aria-hidden="true">
            {t(item.shortLabelKey)}
          </span>
        </>
      ) : (
        <span className="nav-label">{t(item.labelKey)}</span>
      )}
    </>
  );
  if (item.external) return <a href={item.to}>{content}</a>;
  return (
    <NavLink to={item.to} end={item.end} onClick={onNavigate}>
      {content}
    </NavLink>
  );
}

/**
 * The header and the navigation. What the menu holds comes from `./navigation.ts` (data, per role);
 * the first destinations are primary (a top bar, on a phone a bottom bar), the rest are under "Meer".
 */
export function Layout() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const actor = actorOf(session);
  // Until MFA is set up the server answers nothing but the security page's routes.
  const home = useQuery({ ...homeQuery, enabled: actor !== null && !session?.mfa.setupRequired });
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const moreButton = useRef<HTMLButtonElement>(null);
  const navRef = useRef<HTMLElement>(null);

  // Close "Meer" on every navigation, and when a click lands outside the navigation.
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (navRef.current && event.target instanceof Node && !navRef.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const [leaving, setLeaving] = useState(false);
  const signOut = async () => {
    // Leave the page and stop its reads first: once the session has ended, the server refuses them.
    flushSync(() => setLeaving(true));
    abortReads();
    await client.cancelQueries();
    try {
      await api('/api/auth/sign-out', { method: 'POST' });
      client.clear();
      client.setQueryData(SESSION_KEY, await fetchSession());
      await navigate('/sign-in');
    } finally {
      setLeaving(false);
    }
  };
  const items = actor ? destinationsFor(navContext(actor, home.data)) : [];
  const { primary, more } = splitNavigation(items);
  const moreActive = more.some((item) => !item.external && (item.end ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`)));

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
        <nav
          className="main-nav"
          aria-label={t('app.mainNav')}
          ref={navRef}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && open) {
              setOpen(false);
              moreButton.current?.focus();
            }
          }}
        >
          <ul className="nav-primary">
            {primary.map((item) => (
              <li key={item.id}>
                <Destination item={item} />
              </li>
            ))}
            <li>
              <button
                type="button"
                ref={moreButton}
                className={moreActive ? 'nav-more active' : 'nav-more'}
                aria-expanded={open}
                aria-controls={panelId}
                onClick={() => setOpen((o) => !o)}
              >
                <Icon name="more" />
                <span className="nav-label">{t('ux.nav.more')}</span>
              </button>
            </li>
          </ul>
          <div
            id={panelId}
            className="nav-panel"
            hidden={!open}
          >
            <ul className="nav-more-list">
              {more.map((item) => (
                <li key={item.id}>
                  <Destination item={item} onNavigate={() => setOpen(false)} />
                </li>
              ))}
            </ul>
            <div className="who">
              <span>{t('app.signedInAs', { name: `${session.person.firstName} ${session.person.lastName}` })}</span>
              <button type="button" className="secondary" onClick={() => void signOut()}>
                {t('app.signOut')}
              </button>
            </div>
          </div>
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        {leaving ? <p role="status">{t('app.signingOut')}</p> : <PageBoundary><Outlet /></PageBoundary>}
      </main>
    </>
  );
}
