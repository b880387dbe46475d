import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues } from '../i18n/catalogue';

export const LANGUAGE_KEY = 'peerkracht.language';

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: catalogues.nl }, en: { translation: catalogues.en } },
  lng: stored === 'en' ? 'en' : 'nl',
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

/** An explicit choice by the person (the language switch), remembered in this browser. */
export function chooseLanguage(lng: 'nl' | 'en') {
  localStorage.setItem(LANGUAGE_KEY, lng);
  return i18n.changeLanguage(lng);
}
document.documentElement.lang = i18n.language;

export default i18n;
