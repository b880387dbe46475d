import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { AuthForm, EmailField } from './AuthForm';

/** "Stuur me een inloglink": the answer is the same whether or not the address has an account. */
export function MagicLinkRequestPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('magicLink.requestTitle'));
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: () => api('/api/auth/magic-link', { method: 'POST', body: { email } }) });
  return (
    <section className="card narrow" aria-labelledby="magic-link-title">
      <h1 id="magic-link-title">{t('magicLink.requestTitle')}</h1>
      {request.isSuccess ? (
        <Alert kind="success">{t('magicLink.requestSent')}</Alert>
      ) : (
        <>
          <p>{t('magicLink.requestIntro')}</p>
          <AuthForm error={request.error} pending={request.isPending} onSubmit={() => request.mutate()} submitLabel={t('magicLink.requestSubmit')}>
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
