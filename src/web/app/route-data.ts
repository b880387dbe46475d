import type { RouteDataCall } from '../../contracts/preloads';

/**
 * The first data calls of a few pages, by route pattern as in `router.tsx` (#20 item 7: a fast
 * first load). For a signed-in person the server names them in index.html as
 * `<link rel="preload" as="fetch">` (src/server/http/index-html.ts), so the page's data is on its way
 * with the app's scripts instead of after the app has started and rendered; the client's own
 * `fetch` (src/web/api.ts) then takes the preloaded response. A `:param` is filled in from the
 * requested path (the id of a session, never of a person). Only calls the page makes for every
 * signed-in person — or for every holder of the roles named — belong here: a preload nobody uses
 * is a wasted request and a console warning. `/api/home` is asked by the menu (Layout) on every
 * signed-in page.
 *
 * The home's cards (app/HomeRoute.tsx) ask their own data; the cards of the two people who open
 * peerkracht on a phone every week, the coachee and the coach, are listed here with the same role
 * conditions as HomeRoute's, so the home's cards do not wait for the app to start before asking.
 */
export const ROUTE_DATA: Readonly<Record<string, readonly RouteDataCall[]>> = {
  '/': [
    '/api/home',
    { call: '/api/hundred-day/mine', roles: ['coachee'] },
    { call: '/api/me/nominations', roles: ['coachee'], unless: ['studentcoach'] },
    { call: '/api/me/trainings', roles: ['studentcoach'] },
    { call: '/api/regrouping/mine', roles: ['coachee', 'studentcoach'] },
    { call: '/api/sessions', roles: ['coachee', 'studentcoach'] },
    { call: '/api/programme-updates', roles: ['studentcoach'] },
    { call: '/api/attendance-signals', roles: ['studentcoach', 'coordinator'] },
    { call: '/api/me/evaluations', roles: ['coachee', 'studentcoach'] },
    { call: '/api/me/year-reports', roles: ['studentcoach', 'seniorcoach'] },
    '/api/roadmaps',
  ],
  '/sessions/:sessionId': ['/api/home', '/api/sessions/:sessionId', '/api/session-questions'],
  '/resilience': ['/api/home', '/api/resilience/my-map'],
};
