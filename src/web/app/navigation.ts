/**
 * The navigation of the app, as data: every destination, who sees it, how important it is and its
 * icon. `Layout.tsx` draws it; nothing else decides what the menu holds.
 *
 * HOW TO ADD A PAGE TO THE MENU — append one object to DESTINATIONS:
 *
 *   {
 *     id: 'my-feature',                  // unique, stable (used as a React key and in tests)
 *     labelKey: 'myFeature.nav',         // i18n key of the link text (nl and en)
 *     icon: 'calendar',                  // one of ICONS in ./icons.tsx
 *     priority: 40,                      // lower = more important; see the bands below
 *     roles: ['coordinator'],            // optional: shown only to people holding one of these roles
 *     allowed: (c) => c.can('x:read'),   // optional: a policy check (all given conditions must hold)
 *     to: '/my-feature',                 // or (c) => string | null when it depends on the person's data;
 *                                        // null hides the destination (never link to an empty page)
 *     end: true,                         // optional: active only on exactly this path
 *     external: true,                    // optional: a server page outside the client router
 *   }
 *
 * The layout sorts the destinations a person sees by priority: the first PRIMARY_COUNT are the
 * primary destinations (top bar on a wide screen, bottom bar on a phone), the rest go under
 * "Meer". Priority bands: 0 home; 10–19 the person's main daily task; 20–39 the core tools of a
 * role; 40–59 personal pages; 60–79 money; 80–99 help, privacy and account; 100+ administration.
 * Keep a destination out for roles for whom it would be empty.
 */
import type { HomeResponse } from '../../contracts/home';
import { isAllowed, type Actor } from '../../domain/access/policy';
import type { Action } from '../../domain/access/actions';
import type { Role } from '../../domain/access/roles';
import type { IconName } from './icons';

/** Primary destinations; with "Meer" that makes five places in the bar. */
export const PRIMARY_COUNT = 4;

/** What a destination may look at to decide whether and where it shows. */
export interface NavContext {
  actor: Actor;
  roles: ReadonlySet<Role>;
  /** The home summary (programmes and intakes, classes); undefined while it loads. */
  home: HomeResponse | undefined;
  /** The policy, for the institution as a whole. */
  can: (action: Action) => boolean;
  /** The policy, for some programme the person holds a grant for: that programme's id, or null. */
  programmeWhere: (action: Action) => string | null;
}

export interface Destination {
  id: string;
  labelKey: string;
  /** A shorter text for the phone's bottom bar (the full label stays the link's name). */
  shortLabelKey?: string;
  icon: IconName;
  priority: number;
  roles?: readonly Role[];
  allowed?: (context: NavContext) => boolean;
  to: string | ((context: NavContext) => string | null);
  end?: boolean;
  external?: boolean;
}

/** A destination as the layout draws it. */
export interface NavItem {
  id: string;
  labelKey: string;
  shortLabelKey: string | null;
  icon: IconName;
  to: string;
  end: boolean;
  external: boolean;
}

const MONTH_ORDER = { february: 0, september: 1 } as const;

/** The intake a coordinator works on now: the latest one of the programmes where they may do `action`. */
export function currentIntake(context: NavContext, action: Action): string | null {
  const intakes = (context.home?.programmes ?? [])
    .filter((p) => isAllowed(context.actor, action, { kind: 'programme', institutionId: context.actor.institutionId, programmeId: p.id }))
    .flatMap((p) => p.intakes);
  const latest = intakes.sort((a, b) => b.academicYear.localeCompare(a.academicYear) || MONTH_ORDER[b.month] - MONTH_ORDER[a.month])[0];
  return latest?.id ?? null;
}

/** The people who take part in or run sessions; for the others the sessions page would be empty. */
const SESSION_ROLES: readonly Role[] = ['coachee', 'studentcoach', 'seniorcoach', 'coordinator'];

export const DESTINATIONS: readonly Destination[] = [
  { id: 'home', labelKey: 'nav.home', icon: 'home', priority: 0, to: '/', end: true },
  // The coordinator's main tools, one tap from home.
  { id: 'grouping', labelKey: 'ux.nav.groups', icon: 'groups', priority: 10, allowed: (c) => c.programmeWhere('programme:formCommunities') !== null, to: (c) => { const intake = currentIntake(c, 'programme:formCommunities'); return intake ? `/programme/intakes/${intake}/grouping` : null; } },
  { id: 'scheduling', labelKey: 'ux.nav.schedule', icon: 'calendar', priority: 11, allowed: (c) => c.programmeWhere('programme:manageScheduling') !== null, to: (c) => { const intake = currentIntake(c, 'programme:manageScheduling'); return intake ? `/programme/intakes/${intake}/scheduling` : null; } },
  { id: 'signals', labelKey: 'support.nav.signals', icon: 'flag', priority: 12, allowed: (c) => c.programmeWhere('programme:handleSignals') !== null, to: '/support/signals' },
  // Sessions: the daily task of coachees and coaches.
  { id: 'insight', labelKey: 'insight.nav', icon: 'building', priority: 13, allowed: (c) => c.actor.grants.some((g) => typeof g.programmeId === 'string' && isAllowed(c.actor, 'insight:read', { kind: 'programmeInsight', institutionId: c.actor.institutionId, programmeId: g.programmeId })), to: '/insight' },
  { id: 'roadmaps', labelKey: 'roadmap.nav', icon: 'map', priority: 30, allowed: (c) => isAllowed(c.actor, 'roadmap:manage', { kind: 'roadmap', institutionId: c.actor.institutionId, programmeId: null, stakeholders: [] }) || c.actor.grants.some((g) => typeof g.programmeId === 'string' && isAllowed(c.actor, 'roadmap:manage', { kind: 'roadmap', institutionId: c.actor.institutionId, programmeId: g.programmeId, stakeholders: [] })), to: '/roadmaps' },
  { id: 'roadmap-content', labelKey: 'roadmap.content.title', icon: 'settings', priority: 106, allowed: (c) => isAllowed(c.actor, 'roadmapContent:manage', { kind: 'roadmapContent', institutionId: c.actor.institutionId }), to: '/admin/roadmap-content' },
  { id: 'sessions', labelKey: 'sessions.nav.sessions', icon: 'calendar', priority: 15, roles: SESSION_ROLES, to: '/sessions' },
  // The leercoach's class.
  { id: 'class', labelKey: 'ux.nav.myClass', icon: 'groups', priority: 15, roles: ['leercoach'], to: (c) => { const first = c.home?.classes[0]; return first ? `/classes/${first.id}` : null; } },
  { id: 'my-map', labelKey: 'resilience.nav', icon: 'map', priority: 20, roles: ['coachee'], to: '/resilience', end: true },
  { id: 'my-community', labelKey: 'programme.nav.myCommunity', icon: 'groups', priority: 21, roles: ['coachee'], to: '/my-community' },
  // Individual coaching (#21 item 3): the coach's caseload, under "Meer".
  { id: 'caseloads', labelKey: 'caseloads.nav', icon: 'person', priority: 45, roles: ['studentcoach'], to: '/caseloads' },
  // Class-wide coaching (#21 item 3, ADR 0027): the coach's classes, only for a coach linked to one.
  { id: 'my-classes', labelKey: 'classwide.nav', icon: 'groups', priority: 19, roles: ['studentcoach'], to: (c) => (c.home?.communities.some((x) => x.relation === 'coach' && x.kind === 'class') ? '/my-classes' : null) },
  { id: 'coach-maps', labelKey: 'resilience.navCoach', shortLabelKey: 'ux.nav.conversationsShort', icon: 'map', priority: 22, roles: ['studentcoach'], to: '/resilience/coach' },
  { id: 'logbooks', labelKey: 'sessionInsight.nav.logbooks', icon: 'book', priority: 23, allowed: (c) => c.can('library:create'), to: '/logbooks' },
  { id: 'coach-signals', labelKey: 'support.nav.signals', icon: 'flag', priority: 24, allowed: (c) => c.programmeWhere('programme:handleSignals') === null && c.programmeWhere('signal:raise') !== null, to: '/support/signals' },
  { id: 'activities', labelKey: 'sessions.nav.activities', icon: 'book', priority: 25, allowed: (c) => c.can('library:create'), to: '/activities' },
  { id: 'programme', labelKey: 'programme.nav.programme', icon: 'building', priority: 26, allowed: (c) => c.programmeWhere('programme:manage') !== null || c.can('institution:manage'), to: '/programme' },
  { id: 'coaches', labelKey: 'programme.nav.coaches', icon: 'person', priority: 27, allowed: (c) => c.programmeWhere('programme:manageCoaches') !== null, to: '/coaches' },
  { id: 'people', labelKey: 'people.nav.people', icon: 'person', priority: 28, allowed: (c) => c.can('people:search'), to: '/people' },
  { id: 'research', labelKey: 'research.nav', icon: 'book', priority: 16, allowed: (c) => isAllowed(c.actor, 'research:list', { kind: 'researchDesk', institutionId: c.actor.institutionId }), to: '/research' },
  { id: 'checkins', labelKey: 'sessionInsight.nav.checkins', icon: 'check', priority: 40, roles: ['coachee'], to: '/me/checkins' },
  { id: 'about-me', labelKey: 'grouping.nav.myAttributes', icon: 'person', priority: 41, roles: ['coachee'], to: '/me/about' },
  { id: 'coach-profile', labelKey: 'programme.nav.coachProfile', icon: 'person', priority: 42, roles: ['studentcoach'], to: '/me/coach-profile' },
  { id: 'availability', labelKey: 'scheduling.mine.nav', icon: 'clock', priority: 43, roles: ['studentcoach'], to: '/me/availability' },
  { id: 'sign-up', labelKey: 'participation.signUp.title', icon: 'check', priority: 39, roles: ['coachee'], to: (c) => (c.home?.signUps?.open ? '/meedoen' : null) },
  { id: 'referrals', labelKey: 'support.nav.referrals', icon: 'help', priority: 44, roles: ['coachee', 'studentcoach'], to: '/support/referrals' },
  { id: 'my-compensation', labelKey: 'compensation.nav.mine', icon: 'money', priority: 60, roles: ['studentcoach'], to: '/me/compensation' },
  { id: 'year-report', labelKey: 'endyear.menu', icon: 'check', priority: 45, roles: ['studentcoach', 'seniorcoach'], to: '/me/year-reports' },
  { id: 'year-reports-overview', labelKey: 'endyear.overviewMenu', icon: 'check', priority: 64, roles: ['coordinator'], to: '/year-reports' },
  {
    id: 'my-payments',
    labelKey: 'finance.nav.mine',
    icon: 'money',
    priority: 61,
    to: (c) => {
      const programmeId = c.actor.grants.find((g) => g.role === 'studentcoach' && g.programmeId)?.programmeId ?? null;
      const owns = programmeId !== null && isAllowed(c.actor, 'compensation:manageOwn', { kind: 'ownCompensation', institutionId: c.actor.institutionId, programmeId, coachId: c.actor.personId });
      return owns ? '/me/payments' : null;
    },
  },
  { id: 'programme-compensation', labelKey: 'compensation.nav.programme', icon: 'money', priority: 62, roles: ['coordinator', 'seniorcoach'], to: '/compensation', end: true },
  {
    id: 'programme-payments',
    labelKey: 'finance.nav.programme',
    icon: 'money',
    priority: 63,
    to: (c) => {
      const programmeId = c.actor.grants.flatMap((g) => (g.programmeId ? [g.programmeId] : [])).find((p) => isAllowed(c.actor, 'programmeFinance:read', { kind: 'programmeFinance', institutionId: c.actor.institutionId, programmeId: p }));
      return programmeId ? `/programmes/${programmeId}/payments` : null;
    },
  },
  { id: 'payouts', labelKey: 'finance.nav.payouts', icon: 'money', priority: 14, allowed: (c) => isAllowed(c.actor, 'payout:manage', { kind: 'financeDesk', institutionId: c.actor.institutionId }), to: '/finance' },
  { id: 'erasure-requests', labelKey: 'rights.nav.erasure', shortLabelKey: 'ux.nav.erasureShort', icon: 'shield', priority: 29, allowed: (c) => isAllowed(c.actor, 'erasure:list', { kind: 'erasureDesk', institutionId: c.actor.institutionId }), to: '/erasure-requests' },
  { id: 'help', labelKey: 'support.nav.help', icon: 'help', priority: 80, to: '/help' },
  // Coaches' growth and input (#21 item 6).
  { id: 'nominate', labelKey: 'growth.nav.nominate', icon: 'person', priority: 35, roles: ['leercoach', 'coordinator'], to: '/nominate' },
  { id: 'training-feedback', labelKey: 'growth.nav.trainingFeedback', icon: 'check', priority: 36, allowed: (c) => c.programmeWhere('programme:manageCoaches') !== null, to: (c) => { const p = c.programmeWhere('programme:manageCoaches'); return p ? `/programmes/${p}/training-feedback` : null; } },
  { id: 'handbook', labelKey: 'growth.nav.handbook', icon: 'book', priority: 81, allowed: (c) => isAllowed(c.actor, 'handbook:read', { kind: 'handbook', institutionId: c.actor.institutionId }), to: '/handbook' },
  { id: 'consents', labelKey: 'consent.nav', icon: 'shield', priority: 81, to: '/privacy/consents' },
  { id: 'my-data', labelKey: 'rights.nav.myData', icon: 'shield', priority: 82, to: '/me/data' },
  { id: 'my-roles', labelKey: 'people.nav.myRoles', icon: 'person', priority: 82, to: '/me/roles' },
  { id: 'security', labelKey: 'security.nav', icon: 'lock', priority: 83, to: '/security' },
  { id: 'sign-in-sessions', labelKey: 'people.nav.sessions', icon: 'lock', priority: 84, to: '/me/sign-in-sessions' },
  { id: 'mail-settings', labelKey: 'digest.settings.nav', icon: 'mail', priority: 85, roles: ['coordinator'], to: '/me/mail-settings' },
  { id: 'grouping-settings', labelKey: 'grouping.nav.settings', icon: 'settings', priority: 100, allowed: (c) => c.can('institution:manage'), to: '/admin/grouping-attributes' },
  { id: 'outbox', labelKey: 'nav.outbox', icon: 'mail', priority: 101, allowed: (c) => c.can('outbox:read'), to: '/admin/outbox' },
  { id: 'retention', labelKey: 'nav.retention', icon: 'settings', priority: 102, allowed: (c) => c.can('retention:read'), to: '/admin/retention' },
  { id: 'fiscal-years', labelKey: 'compensation.fiscal.nav', icon: 'money', priority: 105, allowed: (c) => isAllowed(c.actor, 'compensation:manageFiscalYears', { kind: 'compensationInstitution', institutionId: c.actor.institutionId }), to: '/compensation/fiscal-years' },
  { id: 'style-guide', labelKey: 'ux.nav.styleGuide', icon: 'settings', priority: 103, allowed: (c) => c.can('institution:manage'), to: '/style' },
  { id: 'api-docs', labelKey: 'nav.apiDocs', icon: 'book', priority: 104, allowed: (c) => c.can('outbox:read'), to: '/api/docs', external: true },
];

/** The context of one signed-in person. */
export function navContext(actor: Actor, home: HomeResponse | undefined): NavContext {
  const institution = { kind: 'institution', institutionId: actor.institutionId } as const;
  const programmes = actor.grants.flatMap((g) => (g.programmeId ? [g.programmeId] : []));
  return {
    actor,
    roles: new Set(actor.grants.map((g) => g.role)),
    home,
    can: (action) => (action === 'people:search' ? isAllowed(actor, action, { kind: 'peopleDirectory', institutionId: actor.institutionId }) : isAllowed(actor, action, institution)),
    programmeWhere: (action) => programmes.find((programmeId) => isAllowed(actor, action, { kind: 'programme', institutionId: actor.institutionId, programmeId })) ?? null,
  };
}

/** The destinations this person sees, most important first, each once (by path). */
export function destinationsFor(context: NavContext, destinations: readonly Destination[] = DESTINATIONS): NavItem[] {
  const seen = new Set<string>();
  return destinations
    .filter((d) => (!d.roles || d.roles.some((r) => context.roles.has(r))) && (!d.allowed || d.allowed(context)))
    .map((d) => ({ d, to: typeof d.to === 'string' ? d.to : d.to(context) }))
    .filter((x): x is { d: Destination; to: string } => x.to !== null)
    .sort((a, b) => a.d.priority - b.d.priority)
    .filter(({ to }) => (seen.has(to) ? false : (seen.add(to), true)))
    .map(({ d, to }) => ({ id: d.id, labelKey: d.labelKey, shortLabelKey: d.shortLabelKey ?? null, icon: d.icon, to, end: d.end ?? false, external: d.external ?? false }));
}

/** Split into the primary destinations and those under "Meer" (which always shows: it also holds signing out). */
export function splitNavigation(items: NavItem[]): { primary: NavItem[]; more: NavItem[] } {
  return { primary: items.slice(0, PRIMARY_COUNT), more: items.slice(PRIMARY_COUNT) };
}
