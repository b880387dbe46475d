import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import type { SessionResponse } from '../../../contracts/identity';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { LANGUAGE_KEY, showLanguage } from '../../i18n';
import { useSession, useSetSession } from '../../session';

/**
 * The page a sign-in link opens. The token is in the URL fragment (never in a server log), and
 * opening the page uses nothing up: mail scanners fetch links, and some run their scripts, so
 * the link is used only when the person presses the button (a POST).
 */
export function MagicLinkPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('magicLink.title'));
  const token = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
  const session = useSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const signIn = useMutation({
    mutationFn: () => api<SessionResponse>('/api/auth/magic-link/sign-in', { method: 'POST', body: { token } }),
    onSuccess: async (next) => {
      setSession(next);
      if (next.person && next.person.locale !== i18n.language) {
        if (localStorage.getItem(LANGUAGE_KEY)) await api('/api/me/locale', { method: 'PUT', body: { locale: i18n.language } });
        else await showLanguage(next.person.locale);
      }
      await navigate('/');
    },
  });
  if (session.data?.person && !signIn.isPending && !signIn.isSuccess) return <Navigate to="/" replace />;
  return (
    <section className="card narrow" aria-labelledby="magic-link-page-title">
      <h1 id="magic-link-page-title">{t('magicLink.title')}</h1>
      {!token ? (
        <Alert kind="error">{t('magicLink.noToken')}</Alert>
      ) : (
        <>
          <p>{t('magicLink.intro')}</p>
          {signIn.error && <Alert kind="error">{signIn.error.message}</Alert>}
          <button type="button" className="primary" disabled={signIn.isPending || !session.isSuccess} onClick={() => signIn.mutate()}>
            {t('magicLink.submit')}
          </button>
        </>
      )}
      <p>
        <Link to="/sign-in/email-link">{t('magicLink.askNew')}</Link>
      </p>
    </section>
  );
}
