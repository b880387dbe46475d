import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import type { SessionResponse } from '../../../contracts/identity';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useSession, useSetSession } from '../../session';
import { AuthForm } from './AuthForm';

/** The second sign-in step: after the password (or SSO, or a link), the authenticator or a recovery code. */
export function MfaCodePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('security.codeStep.title'));
  const { data: session, isPending } = useSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const submit = useMutation({
    mutationFn: () => api<SessionResponse>('/api/auth/mfa', { method: 'POST', body: { code } }),
    onSuccess: async (next) => {
      setSession(next);
      await navigate('/');
    },
  });
  if (session?.person) return <Navigate to="/" replace />;
  if (isPending) return <p role="status">{t('app.loading')}</p>;
  return (
    <section className="card narrow stack" aria-labelledby="mfa-code-title">
      <h1 id="mfa-code-title">{t('security.codeStep.title')}</h1>
      {session?.mfa.pending ? (
        <>
          <p>{t('security.codeStep.intro')}</p>
          <AuthForm error={submit.error} pending={submit.isPending} onSubmit={() => submit.mutate()} submitLabel={t('security.codeStep.submit')}>
            {(fields) => (
              <Field
                label={t('security.code')}
                help={t('security.codeHelp')}
                name="code"
                autoComplete="one-time-code"
                inputMode="text"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
                error={fields.code}
              />
            )}
          </AuthForm>
        </>
      ) : (
        <Alert kind="info">{t('security.codeStep.expired')}</Alert>
      )}
      <p>
        <Link to="/sign-in">{t('security.codeStep.backToSignIn')}</Link>
      </p>
    </section>
  );
}
