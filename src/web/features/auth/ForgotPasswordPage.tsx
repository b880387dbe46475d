import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { AuthForm, EmailField } from './AuthForm';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reset.requestTitle'));
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: () => api('/api/auth/password-reset', { method: 'POST', body: { email } }) });
  return (
    <section className="card narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('reset.requestTitle')}</h1>
      {request.isSuccess ? (
        <Alert kind="success">{t('reset.requestSent')}</Alert>
      ) : (
        <>
          <p>{t('reset.requestIntro')}</p>
          <AuthForm error={request.error} pending={request.isPending} onSubmit={() => request.mutate()} submitLabel={t('reset.requestSubmit')}>
            {(fields) => <EmailField autoComplete="email" value={email} onChange={setEmail} error={fields.email} />}
          </AuthForm>
        </>
      )}
      <p>
        <Link to="/sign-in">{t('reset.backToSignIn')}</Link>
      </p>
    </section>
  );
}
