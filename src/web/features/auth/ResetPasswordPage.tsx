import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { splitError } from './useFieldErrors';

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
  const { form, fields } = splitError(complete.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    complete.mutate();
  };
  return (
    <section className="card narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('reset.completeTitle')}</h1>
      {!token ? (
        <Alert kind="error">{t('reset.missingToken')}</Alert>
      ) : complete.isSuccess ? (
        <Alert kind="success">{t('reset.completed')}</Alert>
      ) : (
        <>
          {form && <Alert kind="error">{form}</Alert>}
          <form onSubmit={submit} noValidate>
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
            <button type="submit" className="primary" disabled={complete.isPending}>
              {t('reset.completeSubmit')}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/sign-in">{t('reset.backToSignIn')}</Link>
      </p>
    </section>
  );
}
