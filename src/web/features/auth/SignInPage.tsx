import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import type { SessionResponse } from '../../../contracts/identity';
import type { SignInMethodsResponse } from '../../../contracts/mfa';
import { api } from '../../api';
import { LANGUAGE_KEY, showLanguage } from '../../i18n';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useSession, useSetSession } from '../../session';
import { AuthForm, EmailField } from './AuthForm';

export function SignInPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('signIn.title'));
  const { data: session } = useSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Which methods this institution has on: password (and links), SURFconext, or both.
  const methods = useQuery({ queryKey: ['auth', 'methods'], queryFn: () => api<SignInMethodsResponse>('/api/auth/methods'), staleTime: 300_000 });
  const signIn = useMutation({
    mutationFn: () => api<SessionResponse>('/api/auth/sign-in', { method: 'POST', body: { email, password } }),
    onSuccess: async (next) => {
      setSession(next);
      // With MFA on, the password was step one: the code is asked next.
      if (next.mfa.pending) return void (await navigate('/sign-in/code'));
      // A language chosen in this browser wins and is remembered for e-mail; otherwise the
      // language the person chose elsewhere comes along.
      if (next.person && next.person.locale !== i18n.language) {
        if (localStorage.getItem(LANGUAGE_KEY)) await api('/api/me/locale', { method: 'PUT', body: { locale: i18n.language } });
        else await showLanguage(next.person.locale);
      }
      await navigate('/');
    },
  });
  if (session?.person) return <Navigate to="/" replace />;
  return (
    <section className="card narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      {session?.demo && <Alert kind="info">{t('signIn.demoHint')}</Alert>}
      <PageState query={methods}>
        {(on) => (
          <div className="stack">
            {on.sso && (
              <>
                {!on.password && <p>{t('security.sso.onlySso')}</p>}
                <p>
                  <a className="button-link" href={on.sso.startUrl}>
                    {t('security.sso.button')}
                  </a>
                </p>
              </>
            )}
            {on.password && (
              <>
                <p>{on.sso ? t('security.sso.or') : t('signIn.intro')}</p>
                <AuthForm error={signIn.error} pending={signIn.isPending} onSubmit={() => signIn.mutate()} submitLabel={t('signIn.submit')}>
                  {(fields) => (
                    <>
                      <EmailField autoComplete="username" value={email} onChange={setEmail} error={fields.email} />
                      <Field
                        label={t('signIn.password')}
                        type="password"
                        name="password"
                        autoComplete="current-password"
                        required
                        value={password}
                        onChange={(e) => setPassword(e.target.value)}
                        error={fields.password}
                      />
                    </>
                  )}
                </AuthForm>
                <ul className="link-row">
                  <li>
                    <Link to="/forgot-password">{t('signIn.forgot')}</Link>
                  </li>
                  {on.magicLink && (
                    <li>
                      <Link to="/sign-in/email-link">{t('signIn.magicLink')}</Link>
                    </li>
                  )}
                </ul>
              </>
            )}
            <p>
              {t('signIn.applyQuestion')} <Link to="/apply">{t('signIn.apply')}</Link>
            </p>
          </div>
        )}
      </PageState>
    </section>
  );
}
