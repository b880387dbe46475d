/**
 * The first data calls of a few pages, by route pattern as in `router.tsx` (#20 item 7: a fast
 * first load). For a signed-in person the server names them in index.html as
 * `<link rel="preload" as="fetch">` (src/server/http/index-html.ts), so the page's data is on its way
 * with the app's scripts instead of after the app has started and rendered; the client's own
 * `fetch` (src/web/api.ts) then takes the preloaded response. A `:param` is filled in from the
 * requested path (the id of a session, never of a person). Only calls the page makes for every
 * signed-in person belong here: a preload nobody uses is a wasted request and a console warning.
 * `/api/home` is asked by the menu (Layout) on every signed-in page.
 */
export const ROUTE_DATA: Readonly<Record<string, readonly string[]>> = {
  '/': ['/api/home'],
  '/sessions/:sessionId': ['/api/home', '/api/sessions/:sessionId', '/api/session-questions'],
  '/resilience': ['/api/home', '/api/resilience/my-map'],
};
