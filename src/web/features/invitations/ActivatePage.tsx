import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import type { SessionResponse } from '../../../contracts/identity';
import type { InvitationPreviewResponse } from '../../../contracts/invitations';
import type { SignInMethodsResponse } from '../../../contracts/mfa';
import { api, ApiError } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useSession, useSetSession } from '../../session';
import './invitations.css';
import { formatDateTime } from '../../format';

/**
 * The page an invitation's activation link opens. The token is in the URL fragment, which never
 * reaches a server log; opening the page only reads whose account it is (a mail scanner that
 * opens the link uses nothing up) — the link is used when the person sets a password.
 */
export function ActivatePage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('invitations.activate.title'));
  const token = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
  // The shared session query brings the CSRF token the POSTs below need.
  const session = useSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => api<InvitationPreviewResponse>('/api/invitations/preview', { method: 'POST', body: { token } }),
    enabled: session.isSuccess && !!token && !session.data?.person,
    retry: false,
  });
  // Which ways in the institution has on (the same query as the sign-in page).
  const methods = useQuery({ queryKey: ['auth', 'methods'], queryFn: () => api<SignInMethodsResponse>('/api/auth/methods'), staleTime: 300_000 });
  const activate = useMutation({
    mutationFn: () => api<SessionResponse>('/api/invitations/activate', { method: 'POST', body: { token, password } }),
    onSuccess: async (next) => {
      setSession(next);
      if (next.person && next.person.locale !== i18n.language) await api('/api/me/locale', { method: 'PUT', body: { locale: i18n.language } });
      await navigate('/');
    },
  });
  if (session.data?.person && !activate.isSuccess) return <Navigate to="/" replace />;
  const fieldError = (path: string) => (activate.error instanceof ApiError ? activate.error.fields.find((f) => f.path === path)?.message : undefined);
  return (
    <section className="card narrow" aria-labelledby="activate-title">
      <h1 id="activate-title">{t('invitations.activate.title')}</h1>
      {!token ? (
        <Alert kind="error">{t('invitations.activate.noToken')}</Alert>
      ) : preview.error ? (
        <Alert kind="error">{preview.error.message}</Alert>
      ) : !preview.data ? (
        <p role="status">{t('invitations.activate.checking')}</p>
      ) : (
        <>
          <p className="lead">{t('invitations.activate.welcome', { name: preview.data.firstName })}</p>
          <p>{t('invitations.activate.forAccount', { email: preview.data.email, institution: preview.data.institution })}</p>
          {/* With SURFconext on, signing in through it activates the account too (the SSO flow records it). */}
          {methods.data?.sso && (
            <div className="invitations-activate-sso">
              <p>
                <a className="button-link" href={methods.data.sso.startUrl}>
                  {t('invitations.activate.sso')}
                </a>
              </p>
              {methods.data.password && <p>{t('invitations.activate.orPassword')}</p>}
            </div>
          )}
          {activate.error && <Alert kind="error">{activate.error.message}</Alert>}
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              const differs = password !== repeat;
              setMismatch(differs);
              if (!differs) activate.mutate();
            }}
          >
            <Field
              label={t('invitations.activate.choosePassword')}
              help={t('invitations.activate.passwordHint')}
              type="password"
              name="new-password"
              autoComplete="new-password"
              required
              minLength={10}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fieldError('password')}
            />
            <Field
              label={t('invitations.activate.repeatPassword')}
              type="password"
              name="repeat-password"
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              error={mismatch ? t('invitations.activate.mismatch') : undefined}
            />
            <p>{t('invitations.activate.validUntil', { date: formatDateTime(preview.data.expiresAt, 'long') })}</p>
            <button type="submit" className="primary" disabled={activate.isPending}>
              {activate.isPending ? t('invitations.activate.busy') : t('invitations.activate.submit')}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/sign-in">{t('invitations.activate.toSignIn')}</Link>
      </p>
    </section>
  );
}
