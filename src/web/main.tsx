import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
// Shared styles first, where the features' stylesheets used to put them; styles.css (base) last.
import './shared.css';
import { ApiError, onWrite } from './api';
import { isChunkLoadError } from './app/chunk-error';
import { createRouter } from './app/router';
import { prepareFormatting } from './format';
import { HOME_KEY } from './home-query';
import { followProfileLanguage } from './profile-language';
import { i18nReady, initialLanguage } from './i18n';
import { fetchSession, SESSION_KEY } from './session';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 404 or 401 will not change on retry; network hiccups might.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

// Who is signed in is asked at once, alongside the messages, not after the first render (#20 item 7):
// every page waits for it (RequireSignIn, the menu). useSession() finds the answer in the cache.
const sessionReady = queryClient.fetchQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 }).catch(() => null);

// The home's data is kept for a short while (home-query.ts); a change sent from here makes it out of
// date, so the next page that shows it asks again (the menu does not refetch at once).
onWrite(() => void queryClient.invalidateQueries({ queryKey: HOME_KEY, refetchType: 'none' }));

// The time-zone data for dates is loaded while the network is busy, not in the first render with data.
setTimeout(() => prepareFormatting(initialLanguage), 0);

// A signed-in person's pages follow their profile's language (profile-language.ts). The first render
// does not wait for it: index.html already comes in that language, and the sign-in page must show
// on a slow connection before the session call is back.
void sessionReady.then((session) => followProfileLanguage(session, queryClient)).catch(() => undefined);

// The first screen waits for its messages (fetched in parallel with the scripts, see messages-plugin.ts).
// Its first render is a transition: React renders it in slices of a few milliseconds and lets the
// browser in between, instead of one long task that a phone's taps would wait behind (#20 item 7).
void i18nReady.then(() => {
  const router = createRouter();
  const root = createRoot(document.getElementById('root') as HTMLElement, {
    // A page whose code could not be fetched shows its own message with a reload button
    // (lazy-page.tsx); that is expected after a deploy and not worth a console error.
    onCaughtError: (error, info) => {
      if (!isChunkLoadError(error)) console.error(error, info.componentStack);
    },
  });
  startTransition(() =>
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
});
