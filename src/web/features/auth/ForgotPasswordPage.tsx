import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { splitError } from './useFieldErrors';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reset.requestTitle'));
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: () => api('/api/auth/password-reset', { method: 'POST', body: { email } }) });
  const { form, fields } = splitError(request.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };
  return (
    <section className="card narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('reset.requestTitle')}</h1>
      {request.isSuccess ? (
        <Alert kind="success">{t('reset.requestSent')}</Alert>
      ) : (
        <>
          <p>{t('reset.requestIntro')}</p>
          {form && <Alert kind="error">{form}</Alert>}
          <form onSubmit={submit} noValidate>
            <Field
              label={t('signIn.email')}
              type="email"
              name="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={fields.email}
            />
            <button type="submit" className="primary" disabled={request.isPending}>
              {t('reset.requestSubmit')}
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
