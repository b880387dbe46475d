import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { AuthForm } from './AuthForm';

/** The token arrives in the URL fragment (#token=…), which never reaches a server log. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reset.completeTitle'));
  const { hash } = useLocation();
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  const [password, setPassword] = useState('');
  const complete = useMutation({
    mutationFn: () => api('/api/auth/password-reset/complete', { method: 'POST', body: { token, password } }),
  });
  return (
    <section className="card narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('reset.completeTitle')}</h1>
      {!token ? (
        <Alert kind="error">{t('reset.missingToken')}</Alert>
      ) : complete.isSuccess ? (
        <Alert kind="success">{t('reset.completed')}</Alert>
      ) : (
        <AuthForm error={complete.error} pending={complete.isPending} onSubmit={() => complete.mutate()} submitLabel={t('reset.completeSubmit')}>
          {(fields) => (
            <Field
              label={t('reset.newPassword')}
              help={t('reset.newPasswordHelp')}
              type="password"
              name="new-password"
              autoComplete="new-password"
              required
              minLength={10}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fields.password}
            />
          )}
        </AuthForm>
      )}
      <p>
        <Link to="/sign-in">{t('reset.backToSignIn')}</Link>
      </p>
    </section>
  );
}
