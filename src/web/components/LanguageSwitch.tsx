import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { chooseLanguage } from '../i18n';

/** Two buttons, each named in its own language, so either reader finds theirs. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const choose = (lng: 'nl' | 'en') => {
    void chooseLanguage(lng);
    if (signedIn) void api('/api/me/locale', { method: 'PUT', body: { locale: lng } }).catch(() => undefined);
  };
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      <button type="button" lang="nl" aria-pressed={i18n.language === 'nl'} onClick={() => choose('nl')} aria-label="Nederlands">
        <span className="long">Nederlands</span>
        <span className="short" aria-hidden="true">NL</span>
      </button>
      <button type="button" lang="en" aria-pressed={i18n.language === 'en'} onClick={() => choose('en')} aria-label="English">
        <span className="long">English</span>
        <span className="short" aria-hidden="true">EN</span>
      </button>
    </div>
  );
}
