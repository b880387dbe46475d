import type { QueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '../contracts/identity';
import { api } from './api';
import i18n, { LANGUAGE_KEY, showLanguage } from './i18n';
import { SESSION_KEY } from './session';

/**
 * The language of a signed-in person's pages, once the session is known (#20: one language per
 * screen; index.html already comes in the profile's language, so this rarely changes what the
 * first render showed). The language chosen in this browser wins; without one, the profile's —
 * also after a sign-in that did not pass the sign-in page (SURFconext, a magic link). The server
 * answers the calls index.html preloads in the profile's language (http/session-hook.ts), so when
 * this browser's choice differs from the profile (changed on another device since), the profile
 * is brought in line and what was fetched in the other language is fetched again.
 */
export async function followProfileLanguage(session: SessionResponse | null, client: QueryClient): Promise<void> {
  const profile = session?.person?.locale;
  if (!profile || session.mfa.pending || session.mfa.setupRequired) return;
  const chosen = localStorage.getItem(LANGUAGE_KEY);
  if (chosen !== 'nl' && chosen !== 'en') {
    if (profile !== i18n.language) await showLanguage(profile);
    return;
  }
  if (chosen === profile) return;
  // Not awaited: the first render need not wait. Once the profile has the language, what the first
  // queries took from the preloads (in the profile's old language) is fetched again.
  void api('/api/me/locale', { method: 'PUT', body: { locale: chosen } }).then(
    () => client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] }),
    () => undefined,
  );
}
