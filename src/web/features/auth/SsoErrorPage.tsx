import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { useDocumentTitle } from '../../components/useDocumentTitle';

const REASONS = ['unknown_person', 'other_institution', 'missing_claims', 'expired', 'cancelled', 'failed', 'unavailable'] as const;
type Reason = (typeof REASONS)[number];
const isReason = (value: string | null): value is Reason => (REASONS as readonly (string | null)[]).includes(value);

/** Where a single sign-on that signed nobody in lands: why, in plain words, and a way on. */
export function SsoErrorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('security.sso.errorTitle'));
  const [params] = useSearchParams();
  const error = params.get('error');
  const reason: Reason = isReason(error) ? error : 'failed';
  const retry = reason === 'expired' || reason === 'cancelled' || reason === 'failed' || reason === 'unavailable';
  return (
    <section className="card narrow stack" aria-labelledby="sso-error-title">
      <h1 id="sso-error-title">{t('security.sso.errorTitle')}</h1>
      <Alert kind={reason === 'cancelled' ? 'info' : 'error'}>{t(`security.sso.errors.${reason}`)}</Alert>
      {retry && (
        <p>
          <a className="button-link" href="/api/auth/oidc/start">
            {t('security.sso.tryAgain')}
          </a>
        </p>
      )}
      <p>
        <Link to="/sign-in">{t('security.sso.backToSignIn')}</Link>
      </p>
    </section>
  );
}
